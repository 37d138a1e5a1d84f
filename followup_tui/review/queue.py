"""The daily review: everything due on a given day, in the order to clear it.

Pure functions of a :class:`~followup_tui.domain.Dataset` and the day (``today`` is always a
parameter). The rules, one per kind of item, live in :mod:`.rules`; this
module applies what the person did with the queue (``dataset.review``), orders it, and keeps the
bookkeeping. The queue, in order of priority:

==================  ===========================================================================
kind                due when, and what makes it go
==================  ===========================================================================
thank_you           A round took place in the last two days (due: that day) and a member of the
                    panel has no thank-you about the interview dated on or after it. Goes when
                    the thank-you is logged as sent, or two days after the round (stale).
decision_note       The interview was rejected or the offer declined, closure has been received,
                    and a panel member or the recruiter (not marked ignored) has no post-decision
                    note about it (due: the decision date). Goes when that note is logged.
keep_in_touch       The contact is connected, replied or invited, and their last touch (any sent
                    or received, a reply too, but not a withdrawn invitation) plus their cadence
                    (settings' default, 30 days) has come. Goes when any touch is logged. It
                    waits while a thank-you or post-decision note to the same person is in the
                    queue: sending that resets the clock anyway. Suggests the next kind in the
                    rotation article, event, company news, personal (no personal without
                    tidbits), and says what was sent last time.
invite_pending      The contact's invitation has not been accepted (status "invite sent") and 15
                    days have passed since it, or since the last touch after it (a nudge). Goes
                    when they accept (status moves on), when it is withdrawn (a touch of kind
                    invite_withdrawn), when you give up (status "ignored"), or for another 14
                    days when a nudge is logged.
decision_overdue    The interview is interviewed or awaiting a decision, and more than the
                    settings' ``decision_overdue_days`` (10) have passed since the last round, or
                    since the last word about it after that round (a nudge or a reply with that
                    interview; thank-yous do not count). The note goes to the recruiter, else to
                    whoever last wrote about it, else to the first of the panel (never to
                    someone marked ignored). Goes when a
                    touch to one of them about the interview is logged (until the next wait has
                    passed), when the stage moves on, or by dismissing or snoozing it. With
                    nobody to ask, only dismissing or snoozing clears it.
reapply_open        A company's cooling-off period after its latest no ends within seven days or
                    has ended (due: the day it ends; in the queue from a week before). Shows the
                    date, where the policy came from and the roles you had there. Nothing is
                    sent: it goes when dismissed (reapplied, not interested) or snoozed.
==================  ===========================================================================

Marking an item's note sent (``touches.mark_sent`` with its ``touch_kind`` and
``interview_id``) makes the rule stop matching, so the item goes by itself; :func:`mark_cleared`
only counts it for :func:`progress`. A snoozed item is hidden until its day and then comes back;
a dismissed one stays gone, with its reason. Keys name the occurrence (a keep-in-touch item's
key holds its due date), so a dismissal never hides the next month's note.

Order: overdue items first (due before today), then by kind in the order above, then the oldest
due first. Past the monthly budget of personalised invitations (``Settings.invite_budget``),
items that may be sent as an invitation say so; an item to someone whose invitation was
withdrawn in the last three weeks says when they may be invited again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from ..domain import (
    Cleared,
    Dataset,
    Dismissal,
    ReviewState,
    Snooze,
    is_invitation,
    paused_gc,
    short_date,
    suggest_kind,
    withdrawn_until,
)
from .items import Candidate, ItemKind, ReviewItem
from .rules import INTERVIEW_RULES, candidates, first_of_next_month

__all__ = [
    "ItemKind",
    "ReviewItem",
    "by_kind",
    "dismiss",
    "due_items",
    "invite_advice",
    "invites_used",
    "mark_cleared",
    "progress",
    "snooze",
    "suggest_kind",
    "upcoming",
    "withdrawn_until",
]

_PERSONAL_NOTES = (ItemKind.THANK_YOU, ItemKind.DECISION_NOTE)


def _order(item: ReviewItem) -> tuple[bool, int, date]:
    return (not item.overdue, item.kind.priority, item.due)


def _showing(
    candidates: Iterable[Candidate], state: ReviewState, today: date, horizon: date
) -> list[Candidate]:
    """The candidates in the queue on some day from ``today`` to ``horizon``, each item's
    ``since`` moved to the end of its snooze; dismissed ones and repeated keys left out."""
    dismissed = {entry.key for entry in state.dismissed}
    snoozed = {entry.key: entry.until for entry in state.snoozed}
    seen: set[str] = set()
    shown = []
    for candidate in candidates:
        item = candidate.item
        since = max(item.since, snoozed[item.key]) if item.key in snoozed else item.since
        if (
            item.key in seen
            or item.key in dismissed
            or since > horizon
            or max(since, today) > candidate.until
        ):
            continue
        seen.add(item.key)
        if since != item.since:
            item = replace(item, since=since, overdue=item.due < max(since, today))
            candidate = candidate._replace(item=item)
        shown.append(candidate)
    return shown


def due_items(dataset: Dataset, today: date) -> list[ReviewItem]:
    """Everything in the queue on ``today``, in the order to clear it; no key twice."""
    with paused_gc():  # tens of thousands of new objects, none of them garbage
        return _due_items(dataset, today)


def _due_items(dataset: Dataset, today: date, used: int | None = None) -> list[ReviewItem]:
    """:func:`due_items` (call it with the GC paused), given the month's :func:`invites_used`
    when the caller knows it, so it is not counted again."""
    shown = _showing(candidates(dataset, today, today), dataset.review, today, today)
    noted = {c.item.contact_id for c in shown if c.item.kind in _PERSONAL_NOTES}
    advice = None
    if any(c.invites for c in shown):
        advice = invite_advice(dataset, today) if used is None else _advice(dataset, today, used)
    items = []
    for candidate in shown:
        item = candidate.item
        if item.kind is ItemKind.KEEP_IN_TOUCH and item.contact_id in noted:
            continue
        notes = [item.suggestion]
        if advice and candidate.invites:
            notes.append(f"if by invitation: {advice}")
        if candidate.again is not None:
            notes.append(
                f"an invitation was withdrawn: invite again from {short_date(candidate.again)}"
            )
        items.append(replace(item, suggestion="; ".join(notes)) if len(notes) > 1 else item)
    items.sort(key=_order)
    return items


def interview_items(dataset: Dataset, today: date) -> list[ReviewItem]:
    """The items of :func:`due_items` about an interview (those with an ``interview_id``), in
    its order; only the rules about interviews are run, and the items' suggestions do not say
    what invitations would take (as :func:`due_items` may add)."""
    rules = INTERVIEW_RULES
    with paused_gc():
        shown = _showing(candidates(dataset, today, today, rules), dataset.review, today, today)
    return sorted((c.item for c in shown), key=_order)


def upcoming(dataset: Dataset, today: date, days: int = 60) -> ReviewItem | None:
    """The item that comes into the queue first after ``today`` (within ``days``), as the data
    stands; its ``since`` is that day. None if nothing does."""
    # Looking a day ahead first, then further: over a large file the next item is usually
    # close, and each look builds every item up to its horizon.
    for ahead in sorted({min(step, days) for step in (1, 7, days)}):
        horizon = today + timedelta(days=ahead)
        with paused_gc():
            later = [
                c.item
                for c in _showing(
                    candidates(dataset, today, horizon), dataset.review, today, horizon
                )
                if c.item.since > today
            ]
        if later:
            return min(later, key=lambda item: (item.since, *_order(item)))
    return None


def snooze(state: ReviewState, key: str, until: date) -> ReviewState:
    """Hide the item ``key`` until ``until``; it comes back that day. A later snooze replaces
    an earlier one."""
    return ReviewState((*state.snoozed, Snooze(key, until)), state.dismissed, state.cleared)


def dismiss(state: ReviewState, key: str, reason: str, on: date) -> ReviewState:
    """Take the item ``key`` out of the queue for good, keeping ``reason``."""
    return ReviewState(
        tuple(s for s in state.snoozed if s.key != key),
        (*state.dismissed, Dismissal(key, reason, on)),
        state.cleared,
    )


def mark_cleared(state: ReviewState, key: str, on: date) -> ReviewState:
    """Count the item ``key`` as dealt with on ``on`` (bookkeeping for :func:`progress`)."""
    return ReviewState(state.snoozed, state.dismissed, (*state.cleared, Cleared(key, on)))


def progress(dataset: Dataset, today: date) -> tuple[int, int]:
    """(done, total) for today: items cleared today and no longer due, and those plus the
    items still due."""
    due = due_items(dataset, today)
    keys = {item.key for item in due}
    done = {entry.key for entry in dataset.review.cleared if entry.on == today} - keys
    return len(done), len(done) + len(due)


def invites_used(dataset: Dataset, today: date) -> int:
    """Personalised LinkedIn invitations (sent, with a note) in ``today``'s calendar month."""
    first, after = today.replace(day=1), first_of_next_month(today)
    return sum(
        1
        for contact in dataset.contacts
        for touch in contact.touches
        if first <= touch.date < after and is_invitation(touch) and touch.text.strip()
    )


def invite_advice(dataset: Dataset, today: date) -> str | None:
    """What to do about invitations once the month's budget is used up, else None."""
    if dataset.settings.invite_budget is None:
        return None
    return _advice(dataset, today, invites_used(dataset, today))


def _advice(dataset: Dataset, today: date, used: int) -> str | None:
    """:func:`invite_advice`, given the :func:`invites_used` of the month."""
    budget = dataset.settings.invite_budget
    if budget is None or used < budget:
        return None
    again = first_of_next_month(today)
    return (
        f"invitation budget used ({used}/{max(budget, 0)}): send without a note or wait "
        f"until {short_date(again).split(' ', 1)[1]}"
    )


def by_kind(items: Iterable[ReviewItem]) -> dict[ItemKind, list[ReviewItem]]:
    """The items grouped by kind, every kind present (possibly empty), in priority order."""
    groups: dict[ItemKind, list[ReviewItem]] = {kind: [] for kind in ItemKind}
    for item in items:
        groups[item.kind].append(item)
    return groups
