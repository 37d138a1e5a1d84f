"""What the person did with the daily review, and the whole dataset as one value."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from .fields import clean_fields, require, set_field
from .interviews import Company, Interview
from .people import Contact
from .settings import Settings, Template
from .text import clean_line

#: Longest review item key kept: room for two ids at their longest, a kind and a date.
KEY_MAX = 1_000


@dataclass(frozen=True, slots=True)
class Snooze:
    """A review item put off: it is hidden until ``until`` and comes back that day."""

    key: str
    until: date

    def __post_init__(self) -> None:
        set_field(self, "key", clean_line(self.key, KEY_MAX))
        require(bool(self.key), "a snooze needs an item key")


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A review item dismissed for good on ``on``, with the reason the person gave."""

    key: str
    reason: str
    on: date

    def __post_init__(self) -> None:
        set_field(self, "key", clean_line(self.key, KEY_MAX))
        clean_fields(self, lines=("reason",))
        require(bool(self.key), "a dismissal needs an item key")


@dataclass(frozen=True, slots=True)
class Cleared:
    """A review item dealt with on ``on``; only counted, for the day's progress."""

    key: str
    on: date

    def __post_init__(self) -> None:
        set_field(self, "key", clean_line(self.key, KEY_MAX))
        require(bool(self.key), "a cleared entry needs an item key")


_Keyed = TypeVar("_Keyed", Snooze, Dismissal, Cleared)


def _by_key(entries: tuple[_Keyed, ...]) -> tuple[_Keyed, ...]:
    # One entry per key, the last one given winning, sorted so equal states compare (and
    # export) equal whatever order they were built in.
    last = {entry.key: entry for entry in entries}
    return tuple(last[key] for key in sorted(last))


@dataclass(frozen=True, slots=True)
class ReviewState:
    """What the person did with the daily review: items snoozed, dismissed and cleared.

    Each list holds at most one entry per item key, sorted by key.
    """

    snoozed: tuple[Snooze, ...] = ()
    dismissed: tuple[Dismissal, ...] = ()
    cleared: tuple[Cleared, ...] = ()

    def __post_init__(self) -> None:
        set_field(self, "snoozed", _by_key(self.snoozed))
        set_field(self, "dismissed", _by_key(self.dismissed))
        set_field(self, "cleared", _by_key(self.cleared))


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything followup knows, as one value: what is exported, imported and seeded."""

    settings: Settings = field(default_factory=Settings)
    companies: tuple[Company, ...] = ()
    interviews: tuple[Interview, ...] = ()
    contacts: tuple[Contact, ...] = ()
    templates: tuple[Template, ...] = ()
    review: ReviewState = field(default_factory=ReviewState)


#: The record tables of a :class:`Dataset`, in order, with the class of their records: the
#: names the store's file and the export file give them.
RECORD_TABLES: dict[str, type[Any]] = {
    "companies": Company,
    "interviews": Interview,
    "contacts": Contact,
    "templates": Template,
}
