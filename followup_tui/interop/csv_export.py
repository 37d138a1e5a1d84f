"""A spreadsheet of the interviews: one row per interview and person, safe to open in Excel.

Pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and writes nothing itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

from ..domain import Contact, Dataset, Interview, fold, next_due

#: The header row, in order.
CSV_COLUMNS = (
    "company",
    "role",
    "date",
    "stage",
    "person",
    "title",
    "email",
    "linkedin",
    "status",
    "last touch",
    "next due",
    "notes",
)

# A spreadsheet reads a cell that starts with one of these as a formula (or the start of one).
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Return ``cell`` so that no spreadsheet runs it: a leading apostrophe before a formula."""
    return "'" + cell if cell.startswith(_FORMULA_LEADS) else cell


def export_csv(dataset: Dataset) -> bytes:
    """Return the interviews as CSV: UTF-8 with a BOM, CRLF line ends, every cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for row in _rows(dataset):
        writer.writerow([neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _rows(dataset: Dataset) -> Iterator[list[str]]:
    companies = {company.id: company.name for company in dataset.companies}
    contacts = {contact.id: contact for contact in dataset.contacts}
    settings = dataset.settings

    def order(interview: Interview) -> tuple[str, date, str, str]:
        name = companies.get(interview.company_id, "")
        return (fold(name), interview.last_round or date.min, fold(interview.role), interview.id)

    for interview in sorted(dataset.interviews, key=order):
        head = [
            companies.get(interview.company_id, ""),
            interview.role,
            _iso(interview.last_round),
            interview.stage.value,
        ]
        ids = [*interview.panel, interview.recruiter_id]
        people = [contacts[i] for i in dict.fromkeys(ids) if i is not None and i in contacts]
        if not people:
            yield [*head, *([""] * 7), interview.notes]
        for person in people:
            yield [*head, *_person(person, next_due(person, settings)), interview.notes]


def _person(person: Contact, due: date | None) -> list[str]:
    last = person.last_touch()
    return [
        person.name,
        person.title,
        person.email,
        person.linkedin,
        person.status.value,
        _iso(last.date if last else None),
        _iso(due),
    ]


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()
