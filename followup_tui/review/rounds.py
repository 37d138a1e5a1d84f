"""Notes owed after the rounds: a thank-you to the panel, and a note once the decision is in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..domain import ConnectionStatus, Contact, Interview, Stage, TouchKind, TouchStatus, days_from
from .context import Context
from .items import Candidate, ItemKind

#: A thank-you item is in the queue for this many days after its round, then goes (stale).
THANK_YOU_ITEM_DAYS = 2
#: Stages after which a panel is owed a post-decision note.
DECIDED = (Stage.REJECTED, Stage.DECLINED)


def thank_you(rules: Context) -> Iterator[Candidate]:
    """A round in the last two days (or, looking ahead, a coming one), and a panel member
    not thanked since that round."""
    first = rules.today - timedelta(days=THANK_YOU_ITEM_DAYS)
    for interview in rules.interviews:
        if not interview.panel or not interview.rounds or interview.rounds[-1] < first:
            continue
        recent = [day for day in interview.rounds if first <= day <= rules.today]
        coming = [day for day in interview.rounds if rules.today < day <= rules.horizon]
        for day in recent[-1:] + coming[:1]:
            yield from _thank_panel(rules, interview, day)


def _thank_panel(rules: Context, interview: Interview, day: date) -> Iterator[Candidate]:
    when = days_from(day, rules.today)
    for person in interview.panel:
        contact = rules.contacts.get(person)
        if contact is None or _sent(contact, TouchKind.THANK_YOU, interview.id, day):
            continue
        item = rules.item(
            ItemKind.THANK_YOU,
            f"thank_you:{interview.id}:{person}:{day}",
            day,
            company=rules.company_name(interview),
            role=interview.role,
            contact=contact,
            summary=f"round {when}, not thanked",
            suggestion="send a short thank-you while the round is fresh",
            touch_kind=TouchKind.THANK_YOU,
            interview_id=interview.id,
            company_id=interview.company_id,
        )
        yield rules.candidate(item, contact, until=day + timedelta(days=THANK_YOU_ITEM_DAYS))


def decision_note(rules: Context) -> Iterator[Candidate]:
    """A decision is in (a no, or an offer declined) with closure, and someone on the panel,
    or the recruiter, has no post-decision note about it."""
    for interview in rules.interviews:
        if interview.stage not in DECIDED or not interview.closure_received:
            continue
        due = interview.decision_date or interview.last_round or rules.today
        outcome = "not selected" if interview.stage is Stage.REJECTED else "offer declined"
        for person in interview.people:
            contact = rules.contacts.get(person)
            if (
                contact is None
                or contact.status is ConnectionStatus.IGNORED
                or _sent(contact, TouchKind.DECISION_NOTE, interview.id)
            ):
                continue
            recruiter = person == interview.recruiter_id
            whom = "recruiter; " if recruiter else ""
            item = rules.item(
                ItemKind.DECISION_NOTE,
                f"decision_note:{interview.id}:{person}",
                due,
                company=rules.company_name(interview),
                role=interview.role,
                contact=contact,
                summary=f"{whom}{outcome} {days_from(due, rules.today)}",
                suggestion=_after_decision(rules, interview, recruiter),
                touch_kind=TouchKind.DECISION_NOTE,
                interview_id=interview.id,
                company_id=interview.company_id,
            )
            yield rules.candidate(item, contact)


def _after_decision(rules: Context, interview: Interview, recruiter: bool) -> str:
    """What the post-decision note should say: to the recruiter, while no cooling-off period
    is known, the note asks about applying again (notes.default_template picks it)."""
    if not recruiter:
        return "thank them for their time and ask to keep in touch"
    company = rules.companies.get(interview.company_id)
    if company is None or company.cooling_off_months is None:
        return "thank them, and ask about applying again (another role or level) and how soon"
    return "thank them for their help through the process and ask to keep in touch"


def _sent(contact: Contact, kind: TouchKind, interview_id: str, since: date = date.min) -> bool:
    for touch in contact.touches:
        if (
            touch.interview_id == interview_id
            and touch.kind is kind
            and touch.status is TouchStatus.SENT
            and touch.date >= since
        ):
            return True
    return False
