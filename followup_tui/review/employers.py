"""What the employers owe or allow: a decision overdue, a cooling-off period that has ended."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..domain import (
    Company,
    ConnectionStatus,
    Contact,
    Interview,
    Stage,
    TouchKind,
    TouchStatus,
    days_from,
    no_day,
    reapply_after,
    short_date,
)
from .context import Context
from .items import Candidate, ItemKind

#: A cooling-off period shows this many days before it ends.
REAPPLY_NOTICE_DAYS = 7
#: Stages in which a decision is still awaited after the rounds.
WAITING = (Stage.INTERVIEWED, Stage.AWAITING_DECISION)
#: Touches about an interview that are no news of its decision.
_NO_NEWS = (TouchKind.THANK_YOU, TouchKind.INVITE, TouchKind.INVITE_WITHDRAWN)


def decision_overdue(rules: Context) -> Iterator[Candidate]:
    """An interview has waited more than the settings' days since its last round, or since
    the last word about it (a nudge sent or a reply received; thank-yous do not count)."""
    wait = rules.settings.decision_overdue_days
    for interview in rules.interviews:
        last_round = interview.last_round
        if interview.stage not in WAITING or last_round is None:
            continue
        base, asked, heard_from = last_round, None, None
        for person in interview.people:
            contact = rules.contacts.get(person)
            for touch in contact.touches if contact else ():
                if (
                    touch.interview_id == interview.id
                    and touch.date >= base
                    and touch.status is TouchStatus.SENT
                    and touch.kind not in _NO_NEWS
                ):
                    base, asked, heard_from = touch.date, touch, contact
        due = base + timedelta(days=wait + 1)
        if due > rules.horizon:
            continue
        whom = _whom_to_ask(rules, interview, heard_from)
        since = (
            f"last word {days_from(base, rules.today)}"
            if asked
            else f"last round {days_from(last_round, rules.today)}"
        )
        item = rules.item(
            ItemKind.DECISION_OVERDUE,
            f"decision_overdue:{interview.id}:{last_round}",
            due,
            company=rules.company_name(interview),
            role=interview.role,
            contact=whom,
            summary=f"{since} (you wait {wait} days)",
            suggestion=(
                f"ask {whom.first_name} for an update"
                if whom
                else "no one to ask: snooze it or dismiss it"
            ),
            touch_kind=TouchKind.OTHER if whom else None,
            interview_id=interview.id,
            company_id=interview.company_id,
        )
        yield rules.candidate(item, whom, by_invitation=False)  # a nudge is a message


def _whom_to_ask(
    rules: Context, interview: Interview, heard_from: Contact | None
) -> Contact | None:
    # The recruiter; else whoever last wrote about it; else the first of the panel.
    for person in (
        interview.recruiter_id,
        heard_from.id if heard_from else None,
        *interview.panel,
    ):
        contact = rules.contacts.get(person or "")
        if contact is not None and contact.status is not ConnectionStatus.IGNORED:
            return contact
    return None


def reapply_open(rules: Context) -> Iterator[Candidate]:
    """A company's cooling-off period after a no has ended, or ends within 7 days."""
    policies = {c.id: c for c in rules.companies.values() if c.cooling_off_months is not None}
    if not policies:
        return
    roles: dict[str, list[str]] = {}
    decided: dict[str, date] = {}
    for interview in rules.interviews:
        if interview.company_id not in policies:
            continue
        roles.setdefault(interview.company_id, []).append(interview.role)
        day = no_day(interview)
        if day is not None:
            decided[interview.company_id] = max(day, decided.get(interview.company_id, day))
    for company_id, day in decided.items():
        yield from _reapply(rules, policies[company_id], day, roles[company_id])


def _reapply(
    rules: Context, company: Company, decided: date, roles: list[str]
) -> Iterator[Candidate]:
    end = reapply_after(company, decided)
    if end is None:
        return
    months = company.cooling_off_months
    since = end - timedelta(days=REAPPLY_NOTICE_DAYS)
    if since > rules.horizon:
        return
    ends = "ended" if end < rules.today else "ends"
    source = company.cooling_off_source or "not noted"
    item = rules.item(
        ItemKind.REAPPLY_OPEN,
        f"reapply_open:{company.id}:{end}",
        end,
        company=company.name,
        role=", ".join(dict.fromkeys(roles)),
        contact=None,
        summary=f"cooling-off {ends} {short_date(end, year=end.year != rules.today.year)} "
        f"({days_from(end, rules.today)}); policy: {source}",
        suggestion=f"you may apply again from {short_date(end)} ({months} months after "
        f"the no of {short_date(decided)}): look at their open roles",
        touch_kind=None,
        company_id=company.id,
        since=since,
    )
    yield Candidate(item)
