"""The rules of the daily review: every kind of item, each a pure function of the data.

Each rule yields :class:`Candidate` items: an item with the first day it is in the queue (its
``since``) and, for thank-yous, the last. :mod:`.queue` applies the snoozes and dismissals,
orders the queue and documents what each kind means; the rules only know when a situation calls
for action. A rule looks from ``today`` up to ``horizon``, so the same code lists what is due
today (``horizon == today``) and what falls due next. They live by what they look at:
:mod:`.rounds` (notes owed after the rounds), :mod:`.keeping` (the people kept in touch with)
and :mod:`.employers` (decisions overdue, reapply windows).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..domain import Dataset, add_months
from .context import Context
from .employers import decision_overdue, reapply_open
from .items import Candidate
from .keeping import contacts_due
from .rounds import decision_note, thank_you


def candidates(dataset: Dataset, today: date, horizon: date) -> Iterator[Candidate]:
    """Every candidate from ``today`` up to ``horizon`` (inclusive), kind by kind."""
    rules = Context(dataset, today, horizon)
    yield from thank_you(rules)
    yield from decision_note(rules)
    yield from contacts_due(rules)
    yield from decision_overdue(rules)
    yield from reapply_open(rules)


def first_of_next_month(today: date) -> date:
    """The day a monthly budget starts again."""
    return add_months(today.replace(day=1), 1)
