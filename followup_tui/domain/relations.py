"""Questions that join the tables: when a company lets you apply again, which panels a person
sat on, and who you know at a company now and who used to work there. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .dates import add_months
from .interviews import Company, Interview
from .kinds import Stage
from .people import Contact
from .text import fold


def no_day(interview: Interview) -> date | None:
    """The day this interview ended in a no: its decision date, else its last round; None when
    it did not end in a no (or the day is not known)."""
    if interview.stage is not Stage.REJECTED:
        return None
    return interview.decision_date or interview.last_round


def last_no(company_id: str, interviews: Iterable[Interview]) -> date | None:
    """The day of the latest no from the company; None when it never said no."""
    days = [
        day
        for interview in interviews
        if interview.company_id == company_id
        for day in (no_day(interview),)
        if day is not None
    ]
    return max(days, default=None)


def reapply_after(company: Company, no: date) -> date | None:
    """The day you may apply again after a no on ``no``; None without a cooling-off period."""
    if company.cooling_off_months is None:
        return None
    return add_months(no, company.cooling_off_months)


def reapply_date(company: Company, interviews: Iterable[Interview]) -> date | None:
    """The day you may apply to ``company`` again: its last no plus its cooling-off period;
    None when the period or a no is not known."""
    day = last_no(company.id, interviews)
    return None if day is None else reapply_after(company, day)


class Panel(NamedTuple):
    """An interview a person sat on: the company (by id), the role, and the day (the first
    round, when known)."""

    interview_id: str
    company_id: str
    role: str
    on: date | None


def panels_of(contact_id: str, interviews: Iterable[Interview]) -> tuple[Panel, ...]:
    """Every panel ``contact_id`` sat on, newest first (undated last)."""
    panels = [
        Panel(i.id, i.company_id, i.role, i.rounds[0] if i.rounds else None)
        for i in interviews
        if contact_id in i.panel
    ]
    return tuple(sorted(panels, key=lambda p: (p.on is None, -(p.on or date.min).toordinal())))


class People(NamedTuple):
    """Who you know at a company: those there now, and those who used to be."""

    now: tuple[Contact, ...]
    before: tuple[Contact, ...]


def people_at(name: str, contacts: Iterable[Contact]) -> People:
    """Who you know at the company called ``name`` (matched with :func:`fold`), by name."""
    key = fold(name)
    now: list[Contact] = []
    before: list[Contact] = []
    for contact in contacts:
        if fold(contact.company) == key:
            now.append(contact)
        elif any(fold(e.company) == key for e in contact.past):
            before.append(contact)
    return People(
        tuple(sorted(now, key=lambda c: fold(c.name))),
        tuple(sorted(before, key=lambda c: fold(c.name))),
    )
