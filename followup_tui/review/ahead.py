"""What falls due on the days ahead: the review's rules run forward, for a calendar.

:func:`~followup_tui.review.due_items` answers for one day; :func:`due_ahead` answers for every
day from ``today`` to ``today + days`` in one pass, as the data stands: nothing is assumed sent.
Each item comes once, on the day it falls due, or on the first day after that it is in the
queue:

- an overdue item (due before today and still in the queue) on today;
- a snoozed item on the day its snooze ends; a dismissed one never;
- a thank-you only while its round is fresh on that day (they go stale after two days);
- a keep-in-touch note once, at its next occurrence: sending any note restarts its clock, so the
  ones after it are not known yet. As in the queue, it waits while a thank-you or post-decision
  note to the same person is in the queue: it comes the day after a thank-you goes stale, and not
  at all while a post-decision note waits (sending that restarts the clock anyway);
- a reapply window on the day the cooling-off period ends, not the week before when it enters
  the queue.

The items are built as seen from ``today``: their summaries say "in 3 days" from today, and
``overdue`` says whether the item is late on its own day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..domain import Dataset, paused_gc, short_date
from .items import Candidate, ItemKind, ReviewItem
from .queue import _order, _showing, invite_advice
from .rules import candidates

#: How far a calendar looks ahead unless told otherwise, in days.
DAYS_AHEAD = 90
#: The furthest :func:`due_ahead` looks, in days (about ten years): far past any cadence.
MAX_DAYS_AHEAD = 3660
#: Notes to a person that hold back their keep-in-touch note while they are in the queue.
_PERSONAL_NOTES = (ItemKind.THANK_YOU, ItemKind.DECISION_NOTE)
#: Kinds with at most one item per person, interview or company at a time, whose key ends with a
#: date that moves as the data changes: the day a keep-in-touch note or a reapply window falls
#: due, the invitation still pending, the round a decision is awaited after.
_ONE_AT_A_TIME = (
    ItemKind.KEEP_IN_TOUCH,
    ItemKind.INVITE_PENDING,
    ItemKind.DECISION_OVERDUE,
    ItemKind.REAPPLY_OPEN,
)


@dataclass(frozen=True, slots=True)
class DueOn:
    """A review item and the day it falls due, looking ahead from the day it was built for."""

    #: The day: its due date, today for an overdue item, or the first day it is in the queue
    #: when that is later (the end of a snooze, a keep-in-touch note held back).
    day: date
    #: The item; its ``overdue`` says whether ``due`` is before ``day``.
    item: ReviewItem


def due_ahead(dataset: Dataset, today: date, days: int = DAYS_AHEAD) -> list[DueOn]:
    """Every item due from ``today`` to ``today + days`` (inclusive), each on its day, in order:
    by day, then as the queue orders them. ``days=0`` gives today's items.

    Raises ValueError when ``days`` is not from 0 to :data:`MAX_DAYS_AHEAD`."""
    if not 0 <= days <= MAX_DAYS_AHEAD:
        raise ValueError(f"days ahead must be a whole number from 0 to {MAX_DAYS_AHEAD}")
    horizon = today + timedelta(days=days)
    with paused_gc():  # many new objects, none of them garbage
        shown = _showing(candidates(dataset, today, horizon), dataset.review, today, horizon)
    held = _held_back(shown, today)
    advice = _advice_by_month(dataset)
    found = []
    for candidate in shown:
        item = candidate.item
        start = max(item.since, today)
        if item.kind is ItemKind.KEEP_IN_TOUCH and item.contact_id in held:
            free = _first_free(start, held[item.contact_id])
            if free is None:
                continue
            start = free
        day = max(item.due, start)
        if day > horizon:
            continue
        found.append(DueOn(day, _as_on(candidate, day, advice)))
    found.sort(key=lambda due: (due.day, *_order(due.item)))  # stable: a day's as the queue's
    return found


def series_key(item: ReviewItem) -> str:
    """The item's key without the date that moves, for what follows it over time (a calendar
    event's UID): ``keep_in_touch:ct_1:2026-11-20`` gives ``keep_in_touch:ct_1``.

    Within one :func:`due_ahead` list no two items share a series key. A thank-you keeps its
    round's date, because one person may be owed a thank-you for two rounds of an interview."""
    if item.kind in _ONE_AT_A_TIME:
        return item.key.rsplit(":", 1)[0]
    return item.key


def _held_back(shown: Iterable[Candidate], today: date) -> dict[str, list[tuple[date, date]]]:
    """The days, per person, on which a thank-you or post-decision note to them is in the queue."""
    held: dict[str, list[tuple[date, date]]] = {}
    for candidate in shown:
        item = candidate.item
        if item.kind in _PERSONAL_NOTES and item.contact_id is not None:
            span = (max(item.since, today), candidate.until)
            held.setdefault(item.contact_id, []).append(span)
    return held


def _first_free(day: date, spans: list[tuple[date, date]]) -> date | None:
    """The first day from ``day`` that none of ``spans`` covers; None if they cover the rest."""
    moved = True
    while moved:
        moved = False
        for first, last in spans:
            if first <= day <= last:
                if last == date.max:
                    return None
                day, moved = last + timedelta(days=1), True
    return day


def _advice_by_month(dataset: Dataset) -> Callable[[date], str | None]:
    """:func:`invite_advice` for a day, worked out once per month (the budget is monthly)."""
    months: dict[tuple[int, int], str | None] = {}

    def advice(day: date) -> str | None:
        month = (day.year, day.month)
        if month not in months:
            months[month] = invite_advice(dataset, day)
        return months[month]

    return advice


def _as_on(candidate: Candidate, day: date, advice: Callable[[date], str | None]) -> ReviewItem:
    """The item as the queue would show it on ``day``, with the same notes as
    :func:`~followup_tui.review.due_items` adds (tests keep the two alike)."""
    item = candidate.item
    notes = [item.suggestion]
    said = advice(day) if candidate.invites else None
    if said:
        notes.append(f"if by invitation: {said}")
    if candidate.again is not None and candidate.again > day:
        notes.append(
            f"an invitation was withdrawn: invite again from {short_date(candidate.again)}"
        )
    return replace(item, suggestion="; ".join(notes), overdue=item.due < day)
