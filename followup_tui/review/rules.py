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

from collections.abc import Callable, Iterator
from datetime import date

from ..domain import Dataset, add_months
from .context import Context
from .employers import decision_overdue, reapply_open
from .items import Candidate
from .keeping import contacts_due
from .rounds import decision_note, thank_you

#: A rule: the candidates it finds in the data.
Rule = Callable[[Context], Iterator[Candidate]]
#: Every rule, in the queue's order of kinds.
RULES: tuple[Rule, ...] = (thank_you, decision_note, contacts_due, decision_overdue, reapply_open)
#: The rules whose items are about an interview (they alone set an item's ``interview_id``):
#: the interview list's markers need no others.
INTERVIEW_RULES: tuple[Rule, ...] = (thank_you, decision_note, decision_overdue)


def candidates(
    dataset: Dataset, today: date, horizon: date, rules: tuple[Rule, ...] = RULES
) -> Iterator[Candidate]:
    """Every candidate from ``today`` up to ``horizon`` (inclusive), kind by kind: those
    of ``rules``, which keep the order of :data:`RULES`."""
    context = Context(dataset, today, horizon)
    for rule in rules:
        yield from rule(context)


def first_of_next_month(today: date) -> date:
    """The day a monthly budget starts again."""
    return add_months(today.replace(day=1), 1)
