"""The items of the daily review, as the rules build them and the queue hands them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from ..domain import TouchKind


class ItemKind(StrEnum):
    """What a review item asks for; the declaration order is the queue's priority."""

    THANK_YOU = "thank_you"
    DECISION_NOTE = "decision_note"
    KEEP_IN_TOUCH = "keep_in_touch"
    INVITE_PENDING = "invite_pending"
    DECISION_OVERDUE = "decision_overdue"
    REAPPLY_OPEN = "reapply_open"

    @property
    def label(self) -> str:
        """The kind as a heading of the queue says it."""
        return {
            "thank_you": "Thank-you notes",
            "decision_note": "Post-decision notes",
            "keep_in_touch": "Keep in touch",
            "invite_pending": "Invitations pending",
            "decision_overdue": "Decisions overdue",
            "reapply_open": "Reapply windows",
        }[self.value]

    @property
    def priority(self) -> int:
        """0 for the most pressing kind, counting up in declaration order."""
        return _PRIORITY[self]


_PRIORITY = {kind: number for number, kind in enumerate(ItemKind)}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing to do today. Built by the rules; never stored (only its ``key`` is)."""

    #: Stable across runs and unique in a queue, e.g. ``keep_in_touch:ct_1:2026-11-20``.
    key: str
    kind: ItemKind
    #: The day it fell (or falls) due; for reapply_open, the day the cooling-off ends.
    due: date
    company: str
    #: The interview's role; for a contact's own item their title; for reapply_open every role.
    role: str
    contact_id: str | None
    contact: str | None
    interview_id: str | None
    company_id: str | None
    #: Why it is in the queue, on one line.
    summary: str
    #: What to do about it, on one line.
    suggestion: str
    #: The kind of note to send and log with touches.mark_sent; None when nothing is to be sent.
    touch_kind: TouchKind | None
    #: ``due`` is before the day the queue was built for.
    overdue: bool
    #: The day it is in the queue from: ``due``, a week earlier for reapply_open, or the end of
    #: a snooze.
    since: date


class Candidate(NamedTuple):
    """An item a rule found, with the days it belongs in the queue. (A named tuple: the rules
    make tens of thousands of these over a large file, and a tuple is made fastest.)"""

    item: ReviewItem
    #: The last day it is in the queue (thank-yous go stale); date.max for the others.
    until: date = date.max
    #: Sending it may take a LinkedIn invitation, so the monthly budget applies.
    invites: bool = False
    #: An invitation to the person was withdrawn: they may be invited again from this day.
    again: date | None = None
