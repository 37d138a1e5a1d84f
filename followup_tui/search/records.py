"""How a person or an interview is seen by search: its fields, its words, its place in the list.

Worked out from the model objects when a record is indexed, shown or replaced, and not kept:
the index keeps only the words (in its vocabularies) and the place in the list, so the text of
the notes and touches is held once, by the model. Short fields (names, titles, companies, roles,
tags) are matched with one typo allowed and rank above long ones (tidbits, notes, feedback,
touches).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..domain import Contact, Interview, Stage, fold, short_date
from .hits import Kind
from .text import word_set, words_starting

SEP = " · "


class Field(NamedTuple):
    """One searchable piece of text of a record (a named tuple: a record has about ten, and a
    frozen dataclass took twice as long to make, a third of building the index's records)."""

    label: str
    text: str
    short: bool


@dataclass(frozen=True, slots=True)
class Record:
    """A person or an interview as search sees it."""

    kind: Kind
    id: str
    fields: tuple[Field, ...]
    #: The names of every company the record is linked to, for ``company:``.
    orgs: tuple[str, ...]
    tags: frozenset[str]
    #: Where the record goes when nothing else orders it: people by name, interviews newest
    #: round first. Unique, as it ends with the id.
    key: tuple[Any, ...]
    title: str
    subtitle: str
    stage: Stage | None = None
    #: The interview's last round (else its decision date) as a day number, for before:/after:.
    day: int | None = None


def words_of(
    record: Record, long: tuple[str, ...] | None = None
) -> tuple[set[str], set[str], set[str], Iterable[str]]:
    """The record's folded words: of its short fields, of its long fields (only those that
    start with one of ``long``, if given: none for an empty ``long``), of its companies' names,
    and its tags."""
    fields = record.fields
    if long is None:
        long_words = word_set(*(f.text for f in fields if not f.short))
    elif long:
        long_words = words_starting(long, *(f.text for f in fields if not f.short))
    else:
        long_words = set()
    return (
        word_set(*(f.text for f in fields if f.short)),
        long_words,
        word_set(*record.orgs),
        record.tags,
    )


def _fields(parts: Iterable[tuple[str, str, bool]]) -> tuple[Field, ...]:
    return tuple(Field._make(part) for part in parts if part[1])


def contact_record(
    contact: Contact, panels: list[tuple[str, str, str]], *, long: bool = True
) -> Record:
    """``contact`` for search; ``panels`` are (label, company, role) of the interviews they
    sat on ("panel") or recruited for ("recruiter"), in a stable order. Without ``long``, the
    record has its short fields only (for an index of those: see ``SearchIndex.build``)."""
    parts = [
        ("name", contact.name, True),
        ("title", contact.title, True),
        ("company", contact.company, True),
        *(
            (label, text, True)
            for e in contact.past
            for label, text in (("past company", e.company), ("past title", e.title))
        ),
        ("tag", " ".join(contact.tags), True),
    ]
    if long:
        parts += [
            *(("tidbit", t, False) for t in contact.tidbits),
            ("note", contact.notes, False),
            *(("touch", t.text, False) for t in contact.touches),
            *(
                (label, SEP.join(p for p in (company, role) if p), False)
                for label, company, role in panels
            ),
        ]
    fields = _fields(parts)
    companies = (
        contact.company,
        *(e.company for e in contact.past),
        *(company for _, company, _ in panels),
    )
    return Record(
        kind="contact",
        id=contact.id,
        fields=fields,
        orgs=companies,
        tags=frozenset(fold(t) for t in contact.tags),
        key=(fold(contact.name), contact.id),
        title=contact.name,
        subtitle=SEP.join(p for p in (contact.title, contact.company) if p),
    )


def interview_record(
    interview: Interview, company: str, recruiter: str, panel: list[str], *, long: bool = True
) -> Record:
    """``interview`` for search, with its company's name and its people's names (without
    ``long``, its short fields only)."""
    parts = [
        ("company", company, True),
        ("role", interview.role, True),
        ("role", interview.level, True),
        ("recruiter", recruiter, True),
        ("panel", ", ".join(panel), True),
        ("tag", " ".join(interview.tags), True),
    ]
    if long:
        parts += [
            ("note", interview.notes, False),
            *(("feedback", f.text, False) for f in interview.feedback),
        ]
    fields = _fields(parts)
    when = interview.last_round or interview.decision_date
    day = when.toordinal() if when else None
    subtitle = interview.stage.label
    if interview.last_round:
        subtitle += SEP + short_date(interview.last_round, year=True)
    return Record(
        kind="interview",
        id=interview.id,
        fields=fields,
        orgs=(company,),
        tags=frozenset(fold(t) for t in interview.tags),
        key=(day is None, -(day or 0), fold(company), fold(interview.role), interview.id),
        title=SEP.join(p for p in (company, interview.role) if p),
        subtitle=subtitle,
        stage=interview.stage,
        day=day,
    )
