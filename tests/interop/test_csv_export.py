"""The CSV export: the demo's rows, quoting, the BOM and CRLF, and no formula runs."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.domain import Company, Contact, Dataset, Interview, Stage, next_due
from followup_tui.domain.text import clean_line
from followup_tui.interop import CSV_COLUMNS, export_csv
from followup_tui.interop.csv_export import neutralise

TODAY = date(2026, 11, 26)


def read_rows(data: bytes) -> list[dict[str, str]]:
    """Parse an export the way a reader would: the BOM first, then the rows."""
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def one_interview(name: str = "Ann Lee", notes: str = "") -> Dataset:
    company = Company(id="co_1", name="Acme")
    person = Contact(id="ct_1", name=name, title="CTO")
    interview = Interview(
        id="iv_1", company_id="co_1", role="SRE", rounds=(TODAY,), panel=("ct_1",), notes=notes
    )
    return Dataset(companies=(company,), interviews=(interview,), contacts=(person,))


def test_demo_rows_are_one_per_interview_and_person() -> None:
    dataset = demo_dataset(TODAY)
    rows = read_rows(export_csv(dataset))
    expected = sum(
        max(1, len(set(i.panel) | ({i.recruiter_id} if i.recruiter_id else set())))
        for i in dataset.interviews
    )
    assert len(rows) == expected
    contacts = {c.name: c for c in dataset.contacts}
    companies = {c.name for c in dataset.companies}
    for row in rows:
        assert row["company"] in companies
        if row["person"]:
            person = contacts[row["person"]]
            due = next_due(person, dataset.settings)
            assert row["next due"] == ("" if due is None else due.isoformat())
            assert row["status"] == person.status.value
    # an interview with nobody on it still has its row, with the person columns blank
    applied = [r for r in rows if r["stage"] == Stage.APPLIED.value]
    assert applied and all(r["person"] == "" and r["email"] == "" for r in applied)


def test_lines_end_with_crlf() -> None:
    data = export_csv(demo_dataset(TODAY))
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")


def test_formulas_are_neutralised_and_quoting_survives() -> None:
    note = '=HYPERLINK("x"),"quoted"\nsecond line'
    data = export_csv(one_interview(name="=cmd|' /C calc'!A0", notes=note))
    [row] = read_rows(data)
    assert row["person"] == "'=cmd|' /C calc'!A0"
    assert row["notes"] == "'" + note
    assert row["role"] == "SRE" and row["company"] == "Acme"


def test_every_formula_lead_is_neutralised() -> None:
    for lead in ("=", "+", "-", "@"):
        [row] = read_rows(export_csv(one_interview(name=f"{lead}1+1")))
        assert row["person"] == f"'{lead}1+1"
    [row] = read_rows(export_csv(one_interview(notes="\tSUM(A1)")))
    assert row["notes"] == "'\tSUM(A1)"
    # the model turns a carriage return in text into a line break; the rule still covers it
    assert neutralise("\rSUM(A1)") == "'\rSUM(A1)"
    assert neutralise("a=1") == "a=1" and neutralise("") == ""


# Any character, with what CSV and spreadsheets treat specially drawn often.
_CHAR = st.one_of(st.sampled_from(",\";\n\r\t=+-@' "), st.characters(codec="utf-8"))
_TEXT = st.text(_CHAR, max_size=40)


@settings(max_examples=30)
@given(name=_TEXT.filter(lambda s: clean_line(s) != ""), notes=_TEXT)
def test_random_text_never_breaks_the_shape(name: str, notes: str) -> None:
    dataset = one_interview(name=name, notes=notes)
    [row] = read_rows(export_csv(dataset))
    assert row["person"] == literal(dataset.contacts[0].name)
    assert row["notes"] == literal(dataset.interviews[0].notes)


def literal(text: str) -> str:
    """What a cell holding ``text`` reads back as: an apostrophe before a formula lead."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
