"""How a person or an interview is seen by search: its fields, its words, its place in the list.

Built once per record when the index is built or the record changes; a keystroke only reads
these. Short fields (names, titles, companies, roles, tags) are matched with one typo allowed
and rank above long ones (tidbits, notes, feedback, touches).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain import Contact, Interview, Stage, fold, short_date
from .hits import Kind
from .text import folded_words

SEP = " · "


@dataclass(frozen=True, slots=True)
class Field:
    """One searchable piece of text of a record."""

    label: str
    text: str
    folded: str
    short: bool


@dataclass(frozen=True, slots=True)
class Record:
    """A person or an interview as the index keeps it."""

    kind: Kind
    id: str
    fields: tuple[Field, ...]
    short_words: frozenset[str]
    long_words: frozenset[str]
    #: Words of every company the record is linked to, for ``company:``.
    org_words: frozenset[str]
    tags: frozenset[str]
    #: Where the record goes when nothing else orders it: people by name, interviews newest
    #: round first. Unique, as it ends with the id.
    key: tuple[Any, ...]
    title: str
    subtitle: str
    stage: Stage | None = None
    #: The interview's last round (else its decision date) as a day number, for before:/after:.
    day: int | None = None


def _fields(parts: Iterable[tuple[str, str, bool]]) -> tuple[Field, ...]:
    return tuple(Field(label, text, fold(text), short) for label, text, short in parts if text)


def _words(fields: tuple[Field, ...], short: bool) -> frozenset[str]:
    return frozenset(w for f in fields if f.short is short for w in folded_words(f.text))


def _org(names: Iterable[str]) -> frozenset[str]:
    return frozenset(w for name in names for w in folded_words(name))


def contact_record(contact: Contact, panels: list[tuple[str, str, str]]) -> Record:
    """``contact`` for search; ``panels`` are (label, company, role) of the interviews they
    sat on ("panel") or recruited for ("recruiter"), in a stable order."""
    fields = _fields(
        [
            ("name", contact.name, True),
            ("title", contact.title, True),
            ("company", contact.company, True),
            *(
                (label, text, True)
                for e in contact.past
                for label, text in (("past company", e.company), ("past title", e.title))
            ),
            ("tag", " ".join(contact.tags), True),
            *(("tidbit", t, False) for t in contact.tidbits),
            ("note", contact.notes, False),
            *(("touch", t.text, False) for t in contact.touches),
            *(
                (label, SEP.join(p for p in (company, role) if p), False)
                for label, company, role in panels
            ),
        ]
    )
    companies = [
        contact.company,
        *(e.company for e in contact.past),
        *(company for _, company, _ in panels),
    ]
    return Record(
        kind="contact",
        id=contact.id,
        fields=fields,
        short_words=_words(fields, True),
        long_words=_words(fields, False),
        org_words=_org(companies),
        tags=frozenset(fold(t) for t in contact.tags),
        key=(fold(contact.name), contact.id),
        title=contact.name,
        subtitle=SEP.join(p for p in (contact.title, contact.company) if p),
    )


def interview_record(
    interview: Interview, company: str, recruiter: str, panel: list[str]
) -> Record:
    """``interview`` for search, with its company's name and its people's names."""
    fields = _fields(
        [
            ("company", company, True),
            ("role", interview.role, True),
            ("role", interview.level, True),
            ("recruiter", recruiter, True),
            ("panel", ", ".join(panel), True),
            ("tag", " ".join(interview.tags), True),
            ("note", interview.notes, False),
            *(("feedback", f.text, False) for f in interview.feedback),
        ]
    )
    when = interview.last_round or interview.decision_date
    day = when.toordinal() if when else None
    subtitle = interview.stage.label
    if interview.last_round:
        subtitle += SEP + short_date(interview.last_round, year=True)
    return Record(
        kind="interview",
        id=interview.id,
        fields=fields,
        short_words=_words(fields, True),
        long_words=_words(fields, False),
        org_words=_org([company]),
        tags=frozenset(fold(t) for t in interview.tags),
        key=(day is None, -(day or 0), fold(company), fold(interview.role), interview.id),
        title=SEP.join(p for p in (company, interview.role) if p),
        subtitle=subtitle,
        stage=interview.stage,
        day=day,
    )
