"""What the interview list shows: one row per interview, those needing action first.

Pure functions over model objects, so the list's order and markers are tested without a screen.
Rows are built once per change of the data, never per keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Company, Contact, Interview, Settings, Stage, TouchKind, TouchStatus

#: Stages after which a panel is owed a post-decision note.
DECIDED = (Stage.REJECTED, Stage.DECLINED)
#: How long after a round a thank-you is still timely.
THANK_YOU_DAYS = 2


@dataclass(frozen=True, slots=True)
class InterviewRow:
    """One line of the interview list."""

    interview: Interview
    company: str
    due: str | None

    @property
    def id(self) -> str:
        """The interview's id, which keeps the selection when the list is rebuilt."""
        return self.interview.id


def _has_sent(contact: Contact | None, kind: TouchKind, interview_id: str) -> bool:
    if contact is None:
        return True  # nobody to write to
    return any(t.kind is kind and t.status is TouchStatus.SENT and t.interview_id == interview_id
               for t in contact.touches)


def due_reason(interview: Interview, contacts: Mapping[str, Contact], settings: Settings,
               today: date) -> str | None:
    """Why this interview needs action today, in a few words, or None."""
    last = interview.last_round
    if interview.stage in DECIDED and interview.closure_received:
        people = interview.people
        if any(not _has_sent(contacts.get(p), TouchKind.DECISION_NOTE, interview.id)
               for p in people):
            return "post-decision notes"
    recent = last is not None and today - timedelta(days=THANK_YOU_DAYS) <= last <= today
    if recent and any(not _has_sent(contacts.get(p), TouchKind.THANK_YOU, interview.id)
                      for p in interview.panel):
        return "thank-you notes"
    if (interview.stage in (Stage.INTERVIEWED, Stage.AWAITING_DECISION) and last is not None
            and (today - last).days > settings.decision_overdue_days):
        return "decision overdue"
    return None


def interview_rows(interviews: Iterable[Interview], companies: Mapping[str, Company],
                   contacts: Mapping[str, Contact], settings: Settings, today: date,
                   stage: Stage | None = None) -> list[InterviewRow]:
    """The list's rows: filtered by ``stage`` if given; due first, then the newest round first."""
    rows = []
    for interview in interviews:
        if stage is not None and interview.stage is not stage:
            continue
        company = companies.get(interview.company_id)
        rows.append(InterviewRow(interview, company.name if company else "?",
                                 due_reason(interview, contacts, settings, today)))
    rows.sort(key=lambda r: (r.due is None, -(r.interview.last_round or date.min).toordinal(),
                             r.company.casefold(), r.interview.role.casefold()))
    return rows
