"""A save writes only what changed, yet the file always holds the bytes of a full encode.

The saves here copy unchanged records from the file they wrote last and encode the rest (see
``store/document.py``). A state machine runs random edits, saves, failed saves, reopenings and
files changed behind the store's back, and after every save compares the file with the whole
document encoded at once from an independent account of what the store should hold.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from tinydb import TinyDB

from followup_tui.domain import Company, Contact, Dataset, Interview, codec
from followup_tui.store import SCHEMA_VERSION, Store, StoreError, storage
from followup_tui.store import document as document_module
from followup_tui.store.schema import TABLES
from tests.interop.test_interop_properties import datasets

EXTRA = {"1": {"x": [1, "é", None]}, "2": {}}
text = st.text(max_size=12)


def full_encode(expected: dict[str, Any]) -> bytes:
    """The whole document encoded at once, the way the store wrote it before saving by parts."""
    document: dict[str, Any] = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "settings": {"1": codec.to_builtins(expected["settings"])},
        "review": {"1": codec.to_builtins(expected["review"])},
    }
    if expected["extra"]:
        document["extra"] = EXTRA
    for name in TABLES:
        document[name] = {
            key: codec.to_builtins(expected[name][id]) for id, key in expected["keys"][name].items()
        }
    return codec.encode_json(document)


class Saving(RuleBasedStateMachine):
    """Random edits and saves of one store, against an account of what it should hold."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(os.environ["FOLLOWUP_TEST_FOLDER"]) / str(id(self))
        self.path = self.folder / "followup.json"
        self.store: Store | None = None
        self.expected: dict[str, Any] = {}
        self.next_key: dict[str, int] = {}
        self.saved = False

    def _number_from_here(self) -> None:
        for name in TABLES:
            keys = self.expected["keys"][name]
            self.next_key[name] = max(map(int, keys.values()), default=0) + 1

    @initialize(data=datasets(), extra=st.booleans())
    def start(self, data: Dataset, extra: bool) -> None:
        with Store.open(self.path) as store:
            store.replace_all(data)
        if extra:  # a table this version does not know: kept as it is, and off the fast path
            content = json.loads(self.path.read_bytes())
            content["extra"] = EXTRA
            self.path.write_bytes(json.dumps(content, indent=1).encode())
        self.expected = {"extra": extra, "settings": data.settings, "review": data.review}
        self.expected["keys"] = {}
        for name in TABLES:
            records = getattr(data, name)
            self.expected[name] = {record.id: record for record in records}
            self.expected["keys"][name] = {r.id: str(n) for n, r in enumerate(records, 1)}
        self.store = Store.open(self.path)
        self._number_from_here()
        self.store.set_settings(data.settings)  # a first save, to copy from in the next ones
        self.save()

    def teardown(self) -> None:
        if self.store is not None:
            self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _put(self, name: str, record: Any) -> None:
        assert self.store is not None
        self.store.put(record)
        keys = self.expected["keys"][name]
        if record.id not in keys:  # numbered on from the highest at opening, never reused
            keys[record.id] = str(self.next_key[name])
            self.next_key[name] += 1
        self.expected[name][record.id] = record

    def _delete(self, name: str, id: str) -> None:
        del self.expected[name][id]
        del self.expected["keys"][name][id]

    @rule(data=datasets(), then_save=st.booleans())
    def put_records(self, data: Dataset, then_save: bool) -> None:
        for name in ("companies", "contacts", "templates"):
            for record in getattr(data, name):
                self._put(name, record)
        if then_save:
            self.save()

    @rule(data=st.data(), notes=text, tidbits=st.lists(text, max_size=2), then_save=st.booleans())
    def edit_a_contact(
        self, data: st.DataObject, notes: str, tidbits: list[str], then_save: bool
    ) -> None:
        contacts = self.expected["contacts"]
        if contacts:
            contact = contacts[data.draw(st.sampled_from(sorted(contacts)))]
            self._put("contacts", dataclasses.replace(contact, notes=notes, tidbits=tidbits))
        if then_save:
            self.save()

    @rule(data=st.data(), role=st.from_regex(r"[A-Za-zé ]{0,6}[a-z]", fullmatch=True))
    def add_an_interview(self, data: st.DataObject, role: str) -> None:
        companies = self.expected["companies"]
        if companies:
            company = data.draw(st.sampled_from(sorted(companies)))
            panel = tuple(sorted(self.expected["contacts"]))[:3]
            number = len(self.expected["interviews"])
            self._put("interviews", Interview(f"iv_n{number}", company, role, panel=panel))

    @rule(data=st.data(), then_save=st.booleans())
    def delete_a_contact(self, data: st.DataObject, then_save: bool) -> None:
        assert self.store is not None
        contacts = self.expected["contacts"]
        if contacts:
            id = data.draw(st.sampled_from(sorted(contacts)))
            self.store.delete_contact(id)
            self._delete("contacts", id)
            for interview in list(self.expected["interviews"].values()):
                if id in interview.panel or interview.recruiter_id == id:
                    self.expected["interviews"][interview.id] = self.store.interviews[interview.id]
        if then_save:
            self.save()

    @rule(data=st.data())
    def delete_a_company(self, data: st.DataObject) -> None:
        assert self.store is not None
        companies = self.expected["companies"]
        if companies:
            id = data.draw(st.sampled_from(sorted(companies)))
            self.store.delete_company(id, cascade=True)
            self._delete("companies", id)
            for interview in list(self.expected["interviews"].values()):
                if interview.company_id == id:
                    self._delete("interviews", interview.id)
            for contact in self.store.contacts.values():
                self.expected["contacts"][contact.id] = contact  # touches unlinked

    @rule(data=datasets())
    def settings_and_review(self, data: Dataset) -> None:
        assert self.store is not None
        self.store.set_settings(data.settings)
        self.store.set_review(data.review)
        self.expected["settings"], self.expected["review"] = data.settings, data.review

    @rule(data=datasets())
    def replace_everything(self, data: Dataset) -> None:
        assert self.store is not None
        self.store.replace_all(data)
        self.expected.update(settings=data.settings, review=data.review)
        for name in TABLES:
            records = getattr(data, name)
            self.expected[name] = {record.id: record for record in records}
            self.expected["keys"][name] = {r.id: str(n) for n, r in enumerate(records, 1)}
        self._number_from_here()

    @rule()
    def save(self) -> None:
        assert self.store is not None
        if self.store.dirty:
            self.saved = True
        self.store.flush()
        assert not self.store.dirty
        if self.saved:  # else the file is still as it was opened, perhaps indented by hand
            assert self.path.read_bytes() == full_encode(self.expected)

    @precondition(lambda self: self.store is not None and self.store.dirty)
    @rule()
    def save_that_fails(self) -> None:
        assert self.store is not None

        def refuse(*args: object) -> None:
            raise OSError(errno.EIO, "I/O error")

        before = self.path.read_bytes()
        with mock.patch.object(os, "replace", refuse), pytest.raises(StoreError):
            self.store.flush()
        assert self.store.dirty and self.path.read_bytes() == before

    @rule()
    def reopen(self) -> None:
        assert self.store is not None
        before = self.store.dataset()
        self.store.close()
        self.store = Store.open(self.path)
        self._number_from_here()
        assert self.store.dataset() == before

    @rule(in_place=st.booleans())
    def file_changed_behind_the_store(self, in_place: bool) -> None:
        # The same content, but not the file the store wrote: it must not be copied from.
        content = self.path.read_bytes()
        if in_place:
            stat = self.path.stat()
            os.utime(self.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        else:
            other = self.path.with_name("other.json")
            other.write_bytes(content)
            os.replace(other, self.path)

    @invariant()
    def the_store_holds_what_was_put(self) -> None:
        if self.store is not None:
            for name in TABLES:
                assert dict(getattr(self.store, name)) == self.expected[name]


@pytest.fixture
def no_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Durability is not what these tests check, and thousands of fsyncs would be slow."""
    monkeypatch.setenv("FOLLOWUP_TEST_FOLDER", str(tmp_path))
    with mock.patch.object(os, "fsync", lambda fd: None):
        yield


@pytest.mark.usefixtures("no_fsync")
@pytest.mark.parametrize("block", [2, document_module.BLOCK])
def test_every_save_writes_the_bytes_of_a_full_encode(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_module, "BLOCK", block)  # small: many blocks in small tables
    run_state_machine_as_test(
        Saving, settings=settings(max_examples=30, stateful_step_count=15, deadline=None)
    )


def large(n: int) -> Dataset:
    """Enough records that a save copies runs of them from the last file."""
    companies = tuple(Company(f"co_{i}", f"Company {i}") for i in range(n // 10 + 1))
    contacts = tuple(Contact(f"ct_{i}", f"Person {i}", notes="x" * (i % 50)) for i in range(n))
    return Dataset(companies=companies, contacts=contacts)


def test_one_edit_is_saved_by_copying_the_rest(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.replace_all(large(1000))
        store.flush()
        encoded: list[Any] = []
        real = codec.encode_sorted

        def encode(value: object) -> bytes:
            encoded.append(value)
            return real(value)

        monkeypatch.setattr(codec, "encode_sorted", encode)
        edited = Contact("ct_150", "Person 150", notes="edited")
        store.put(edited)
        store.flush()
        # One block encoded again, with the edit in it; the other 1,100 records copied.
        assert len(encoded) == 1 and edited in encoded[0].values()
        assert len(encoded[0]) <= document_module.BLOCK
        expected = store.dataset()
    with Store.open(db_path, read_only=True) as store:
        assert store.dataset() == expected


@pytest.mark.parametrize("refusal", ["unsupported", "missing"])
def test_without_copy_file_range_the_ranges_are_read_and_written(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: str
) -> None:
    with Store.open(db_path) as store:
        store.replace_all(large(200))
        store.flush()
        if refusal == "missing":
            monkeypatch.delattr(os, "copy_file_range", raising=False)
        else:

            def cross_device(*args: object) -> int:
                raise OSError(errno.EXDEV, "Invalid cross-device link")

            monkeypatch.setattr(os, "copy_file_range", cross_device)
        store.put(Contact("ct_7", "Seven", notes="changed"))
        store.flush()
        expected = store.dataset()
    with Store.open(db_path, read_only=True) as store:
        assert store.dataset() == expected


def test_a_file_changed_while_copied_from_is_written_whole(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.replace_all(large(200))
        store.flush()
        written = store._document._written
        assert written is not None
        calls = iter([written, (0, 0, 0, 0, 0)])  # as written when opened; changed once copied
        real = storage.identity

        def identity(info: os.stat_result) -> tuple[int, int, int, int, int]:
            return next(calls, None) or real(info)

        monkeypatch.setattr(document_module, "identity", identity)
        store.put(Contact("ct_3", "Three", notes="changed"))
        store.flush()
        expected = store.dataset()
    with Store.open(db_path, read_only=True) as store:
        assert store.dataset() == expected


def test_the_file_is_one_tinydb_reads(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.replace_all(large(30))
        store.flush()
        store.put(Contact("ct_4", "Four", notes="changed"))
        store.flush()
        contacts = [json.loads(codec.encode_sorted(c)) for c in store.contacts.values()]
    with TinyDB(db_path, access_mode="r") as db:
        by_id = sorted(db.table("contacts").all(), key=lambda record: record["id"])
        assert by_id == sorted(contacts, key=lambda record: record["id"])
        assert db.table("meta").all() == [{"schema": SCHEMA_VERSION}]


def test_records_are_saved_as_the_model_holds_them(db_path: Path) -> None:
    """Text cleaned on the way in is saved clean, and fields this version does not know go."""
    db_path.parent.mkdir()
    db_path.write_text(
        json.dumps(
            {
                "meta": {"1": {"schema": SCHEMA_VERSION}},
                "companies": {"1": {"id": "co_1", "name": "\x1b[31mAcme ", "future": 1}},
            }
        )
    )
    with Store.open(db_path) as store:
        assert store.companies["co_1"].name == "Acme"
        store.put(Company("co_2", "Initech"))
    saved = json.loads(db_path.read_bytes())["companies"]["1"]
    assert saved["name"] == "Acme" and "future" not in saved
