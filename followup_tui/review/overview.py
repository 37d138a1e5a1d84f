"""The daily review at a glance: the queue, today's progress and the month's invitations.

:func:`overview` works all of it out in one pass over the data, so the review screen can do it
in a worker thread and only draw the result. After the person clears an item, the screen shows
:meth:`Overview.without` at once, and the worker's fresh overview a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..domain import Dataset, paused_gc
from .items import ItemKind, ReviewItem
from .queue import _advice, _due_items, invites_used, upcoming


@dataclass(frozen=True, slots=True)
class Overview:
    """What the review screen shows for one day."""

    today: date
    items: tuple[ReviewItem, ...]
    """The queue, in the order to clear it."""
    done: int
    """Items cleared today and no longer due."""
    invites: int
    """Personalised invitations sent this calendar month."""
    budget: int | None
    """The month's invitation budget, if the person set one."""
    advice: str | None
    """What to do about invitations once the budget is used up."""
    upcoming: ReviewItem | None
    """When the queue is empty: the next item to come, if any."""

    @property
    def total(self) -> int:
        """Done today plus still due."""
        return self.done + len(self.items)

    def without(self, key: str, *, done: bool, wrote_to: str | None = None) -> Overview:
        """This overview once the item ``key`` is dealt with, before the data is read again.

        ``done`` counts it as done today (sent, dismissed) rather than put off (snoozed). A note
        written to the person ``wrote_to`` restarts their keep-in-touch clock, so their
        keep-in-touch item goes too.
        """
        items = tuple(
            item
            for item in self.items
            if item.key != key
            and not (
                wrote_to is not None
                and item.contact_id == wrote_to
                and item.kind is ItemKind.KEEP_IN_TOUCH
            )
        )
        cleared = done and any(item.key == key for item in self.items)
        return replace(self, items=items, done=self.done + cleared)


def overview(dataset: Dataset, today: date) -> Overview:
    """Everything the review screen shows for ``today``, from one reading of the queue."""
    used = invites_used(dataset, today)  # counted once for the queue, the head and the advice
    with paused_gc():
        items = _due_items(dataset, today, used)
    keys = {item.key for item in items}
    done = {entry.key for entry in dataset.review.cleared if entry.on == today} - keys
    return Overview(
        today=today,
        items=tuple(items),
        done=len(done),
        invites=used,
        budget=dataset.settings.invite_budget,
        advice=_advice(dataset, today, used),
        upcoming=None if items else upcoming(dataset, today),
    )
