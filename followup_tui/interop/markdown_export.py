"""A readable report in Markdown: each company and its interviews, then each person's history.

Pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and writes nothing itself.
User text is data, never markup: what Markdown would act on is escaped with a backslash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..domain import Company, Contact, Dataset, Interview, fold, reapply_date, terminal_safe

# Backslash-escaping any ASCII punctuation is valid CommonMark; these are the characters that
# make emphasis, code, links, tables, HTML, headings, quotes or entities.
_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>|#~&!])")


#: What starts a list item, a heading underline or a thematic break at the start of a line (or
#: of a list item's text): "- Dash", "+ Plus Co", "1) Num", "2. Two", "= x".
_LEADING = re.compile(r"^([-+=]|\d{1,9}[.)])")


def escape(text: str) -> str:
    """Return ``text`` as one line of Markdown that prints literally."""
    escaped = _SIGNIFICANT.sub(r"\\\1", " ".join(text.split()))
    return _LEADING.sub(lambda found: found[0][:-1] + "\\" + found[0][-1], escaped)


def first_line(text: str) -> str:
    """The first non-blank line of ``text``, escaped."""
    return escape(next((line for line in text.splitlines() if line.strip()), ""))


def export_markdown(dataset: Dataset) -> bytes:
    """Return the report as UTF-8 Markdown, safe to print on a terminal."""
    text = "\n".join(_report(dataset)) + "\n"
    return terminal_safe(text, lines=True).encode("utf-8")


def _report(dataset: Dataset) -> Iterator[str]:
    contacts = {contact.id: contact for contact in dataset.contacts}
    interviews = sorted(dataset.interviews, key=lambda i: (i.rounds[:1], fold(i.role), i.id))
    yield "# followup report"
    for company in sorted(dataset.companies, key=lambda c: (fold(c.name), c.id)):
        own = [interview for interview in interviews if interview.company_id == company.id]
        yield from _company(company, own, contacts)
    people = sorted(dataset.contacts, key=lambda c: (fold(c.name), c.id))
    if people:
        yield ""
        yield "# People"
    for person in people:
        yield from _person(person)


def _company(
    company: Company, interviews: list[Interview], contacts: dict[str, Contact]
) -> Iterator[str]:
    yield ""
    yield f"## {escape(company.name)}"
    yield ""
    if company.cooling_off_months is None:
        yield "Cooling-off period: unknown."
    else:
        source = f" ({escape(company.cooling_off_source)})" if company.cooling_off_source else ""
        reapply = reapply_date(company, interviews)
        after = f"; you may apply again from {reapply.isoformat()}" if reapply else ""
        yield f"Cooling-off period: {company.cooling_off_months} months{source}{after}."
    for interview in interviews:
        yield from _interview(interview, contacts)


def _interview(interview: Interview, contacts: dict[str, Contact]) -> Iterator[str]:
    level = f" ({escape(interview.level)})" if interview.level else ""
    yield ""
    yield f"### {escape(interview.role)}{level}"
    yield ""
    yield f"- Stage: {_word(interview.stage)}"
    if interview.decision_date:
        yield f"- Decision: {interview.decision_date.isoformat()}"
    rounds = ", ".join(day.isoformat() for day in interview.rounds) or "none yet"
    yield f"- Rounds: {rounds}"
    recruiter = contacts.get(interview.recruiter_id or "")
    if recruiter:
        yield f"- Recruiter: {_who(recruiter)}"
    panel = [contacts[i] for i in interview.panel if i in contacts]
    yield "- Panel:" if panel else "- Panel: nobody recorded"
    for person in panel:
        yield f"  - {_who(person)}"
    if interview.feedback:
        yield "- Feedback:"
    for entry in interview.feedback:
        dates = [f"asked {_iso(entry.asked_on)}" if entry.asked_on else ""]
        dates.append(f"received {_iso(entry.received_on)}" if entry.received_on else "")
        when = ", ".join(d for d in dates if d)
        said = " ".join(escape(line) for line in entry.text.splitlines() if line.strip())
        yield f"  - {_word(entry.about)}{f' ({when})' if when else ''}: {said or 'waiting'}"


def _person(person: Contact) -> Iterator[str]:
    yield ""
    yield f"## {escape(person.name)}"
    yield ""
    at = " at ".join(escape(part) for part in (person.title, person.company) if part)
    yield f"{at + ' · ' if at else ''}{_word(person.status)}"
    touches = sorted(person.touches, key=lambda t: t.date)
    if touches:
        yield ""
    for touch in touches:
        draft = " (draft)" if touch.status.value == "draft" else ""
        text = first_line(touch.text)
        parts = [touch.date.isoformat(), _word(touch.kind), _word(touch.channel) + draft]
        yield "- " + " · ".join([*parts, *([text] if text else [])])


def _who(person: Contact) -> str:
    return f"{escape(person.name)}, {escape(person.title)}" if person.title else escape(person.name)


def _word(value: str) -> str:
    return value.replace("_", " ")


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()
