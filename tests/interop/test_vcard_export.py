"""The vCard export: cards vobject and khard read back, with the right names, the same bytes
every time, one file per card with a name safe anywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.domain import Company, Contact, Dataset, Interview, clean_line, panels_of
from followup_tui.interop.vcard_export import export_vcf, file_name, split_name, vcard_files
from followup_tui.interop.vcard_import import read_vcards

from ..tools import needs_tool

TODAY = date(2026, 11, 26)


def cards(data: bytes) -> list[Any]:
    """The cards as vobject reads them."""
    return list(vobject.readComponents(data.decode("utf-8")))


def values(card: Any, name: str) -> list[Any]:
    return [line.value for line in card.contents.get(name, [])]


def test_demo_cards_carry_every_field() -> None:
    dataset = demo_dataset(TODAY)
    data = export_vcf(dataset)
    read = cards(data)
    people = sorted(dataset.contacts, key=lambda c: c.id)
    assert len(read) == len(people) == len(dataset.contacts)
    for card, person in zip(read, people, strict=True):
        assert card.version.value == "3.0"
        assert card.uid.value == f"{person.id}@followup"
        assert card.fn.value == person.name
        assert f"{card.n.value.given} {card.n.value.family}" == person.name
        assert values(card, "org") == ([[person.company]] if person.company else [])
        assert values(card, "title") == ([person.title] if person.title else [])
        assert values(card, "email") == [person.email]
        assert card.email.params["TYPE"] == ["INTERNET"]
        assert values(card, "url") == [person.linkedin]
        assert values(card, "x-socialprofile") == [person.linkedin]
        assert values(card, "tel") == ([person.phone] if person.phone else [])
        assert "rev" not in card.contents  # nothing that changes from one run to the next


def test_note_holds_tidbits_and_every_panel() -> None:
    dataset = demo_dataset(TODAY)
    companies = {c.id: c.name for c in dataset.companies}
    by_uid = {card.uid.value: card for card in cards(export_vcf(dataset))}
    panels_seen = 0
    for person in dataset.contacts:
        note = "".join(values(by_uid[f"{person.id}@followup"], "note"))
        for tidbit in person.tidbits:
            assert f"- {tidbit}" in note
        for panel in panels_of(person.id, dataset.interviews):
            line = f"Interviewed me for {panel.role} at {companies[panel.company_id]}"
            assert f"{line} on {panel.on}." in note
            panels_seen += 1
    assert panels_seen >= 5


def test_recruiter_and_undated_interviews_are_said_too() -> None:
    company = Company(id="co_1", name="Acme")
    people = (Contact(id="ct_1", name="Ann Lee"), Contact(id="ct_2", name="Bo"))
    interviews = (
        Interview(id="iv_1", company_id="co_1", role="SRE", panel=("ct_1",), recruiter_id="ct_2"),
    )
    dataset = Dataset(companies=(company,), interviews=interviews, contacts=people)
    by_uid = {card.uid.value: card for card in cards(export_vcf(dataset))}
    assert by_uid["ct_1@followup"].note.value == "Interviewed me for SRE at Acme."
    assert by_uid["ct_2@followup"].note.value == "Recruiter for SRE at Acme."


def test_same_data_same_bytes_whatever_the_order() -> None:
    dataset = demo_dataset(TODAY)
    shuffled = replace(dataset, contacts=tuple(reversed(dataset.contacts)))
    assert export_vcf(dataset) == export_vcf(shuffled) == export_vcf(demo_dataset(TODAY))


def test_lines_end_in_crlf_and_fold_within_75_octets() -> None:
    data = export_vcf(demo_dataset(TODAY))
    assert data.count(b"\n") == data.count(b"\r\n") > 0
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_one_file_per_card_named_after_the_id() -> None:
    dataset = demo_dataset(TODAY)
    files = vcard_files(dataset)
    assert [name for name, _ in files] == sorted(f"{c.id}.vcf" for c in dataset.contacts)
    assert all(len(cards(card)) == 1 for _, card in files)
    assert b"".join(card for _, card in files) == export_vcf(dataset)
    assert vcard_files(Dataset()) == [] and export_vcf(Dataset()) == b""


@pytest.mark.parametrize(
    "contact_id",
    ["CT_Ann", "ct/../../etc/passwd", "con", "ct:1*?", "a" * 300, "ct_1.vcf", "\u05e9\u05dc"],
)
def test_odd_ids_make_safe_distinct_names(contact_id: str) -> None:
    name = file_name(contact_id)
    stem = name.removesuffix(".vcf")
    assert name.endswith(".vcf") and len(name) <= 64
    assert all(c.isascii() and (c.isalnum() or c in "_-.") for c in name)
    assert stem.split(".")[0].lower() not in {"con", "prn", "aux", "nul"}
    assert file_name(contact_id) == name  # the same on every export
    assert name != file_name(contact_id.upper() + "x")
    assert "." in stem  # a digest, which no plain id has, so no plain id's file is taken


def test_ids_differing_in_case_get_different_files() -> None:
    names = {file_name(i) for i in ("ct_abc", "CT_abc", "ct_ABC", "ct_abc.")}
    assert len(names) == 4
    assert len({n.lower() for n in names}) == 4  # apart on a case-blind file system too


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        ("Ann Lee", "Lee", "Ann"),
        ("Mary Ann van der Berg", "Berg", "Mary Ann van der"),
        ("Madonna", "", "Madonna"),
        ("José Álvarez-Núñez", "Álvarez-Núñez", "José"),
    ],
)
def test_split_name(name: str, family: str, given: str) -> None:
    assert split_name(name) == (family, given)


HOSTILE = st.sampled_from(
    ["[x]", ",", ";", "\\", "\\n", ":", '"', "😀", "\u05e9\u05dc\u05d5\u05dd", "\u202e", " ", "é"]
)
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=5)), max_size=12).map("".join)


@settings(max_examples=50, deadline=None)
@given(name=TEXT, title=TEXT, company=TEXT, notes=TEXT, tidbit=TEXT)
def test_hostile_text_round_trips(
    name: str, title: str, company: str, notes: str, tidbit: str
) -> None:
    name = clean_line(name) or "x"
    person = Contact(
        id="ct_1",
        name=name,
        title=title,
        company=company,
        notes=notes,
        tidbits=(tidbit,),
        linkedin="https://www.linkedin.com/in/ann",
        email="ann@example.org",
    )
    dataset = Dataset(contacts=(person,))
    data = export_vcf(dataset)
    (card,) = cards(data)
    assert card.fn.value == person.name
    assert values(card, "title") == ([person.title] if person.title else [])
    assert values(card, "org") == ([[person.company]] if person.company else [])
    (back,) = read_vcards(data).people
    assert (back.name, back.title, back.company) == (person.name, person.title, person.company)
    # Notes of nothing but blanks say nothing: they are neither written nor read back.
    notes = person.notes if person.notes.strip() else ""
    assert (back.notes, back.tidbits) == (notes, person.tidbits)
    assert (back.email, back.linkedin) == (person.email, person.linkedin)


@needs_tool("khard")
def test_khard_lists_every_person(tmp_path: Path) -> None:
    dataset = demo_dataset(TODAY)
    book = tmp_path / "book"
    book.mkdir()
    for name, card in vcard_files(dataset):
        (book / name).write_bytes(card)
    config = tmp_path / "khard.conf"
    config.write_text(
        "[addressbooks]\n[[followup]]\n"
        f"path = {book}\n"
        "[general]\ndefault_action = list\n"
        "[contact table]\ndisplay = formatted_name\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    khard = shutil.which("khard") or "khard"
    done = subprocess.run(
        [khard, "-c", str(config), "list"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    output = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert all(person.name in output for person in dataset.contacts)
