"""What an import would do: the file merged into the data by id, checked to hold together.

Pure: it works out the plan but never writes anything. The caller applies a plan only once it
has one, so an import happens completely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from ..domain import (
    RECORD_TABLES,
    Company,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Template,
)
from .format import REVIEW_LISTS, ImportProblem

R = TypeVar("R", Company, Interview, Contact, Template)
SettingsOutcome = Literal["replaced", "same", "defaults"]


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a document would do, and the data that would result."""

    #: Ids of new records, per table, in the order of the file.
    added: dict[str, list[str]]
    #: Ids of records that exist with different contents and would be replaced, per table.
    changed: dict[str, list[str]]
    #: How many records of the file are already there as they are, per table.
    unchanged: dict[str, int]
    #: "replaced" by the file's, the "same" as the file's, or kept as the file has the "defaults".
    settings: SettingsOutcome
    #: Everything followup would hold after the import.
    result: Dataset
    #: Review entries (snoozed, dismissed, cleared) of the file: (added, changed, unchanged).
    review: tuple[int, int, int] = (0, 0, 0)

    @property
    def has_changes(self) -> bool:
        """True when applying the plan would change anything at all."""
        return (
            self.settings == "replaced"
            or any(self.added.values())
            or any(self.changed.values())
            or any(self.review[:2])
        )

    def summary(self) -> str:
        """Describe the plan in a few lines, one per table, then one for the settings, and one
        for the review state if the file has any."""
        lines = [
            f"{name}: {len(self.added[name])} added, {len(self.changed[name])} changed, "
            f"{self.unchanged[name]} unchanged"
            for name in RECORD_TABLES
        ]
        lines.append(
            {
                "replaced": "settings: replaced by the file's",
                "same": "settings: unchanged",
                "defaults": "settings: kept (the file has only the defaults)",
            }[self.settings]
        )
        if any(self.review):
            added, changed, unchanged = self.review
            lines.append(f"review: {added} added, {changed} changed, {unchanged} unchanged")
        return "\n".join(lines)


def plan_import(current: Dataset, incoming: Dataset) -> ImportPlan:
    """Merge ``incoming`` into ``current`` by id, or raise :class:`ImportProblem`.

    A record with a new id is added, one with a known id replaces the stored one, and records
    the file does not mention stay. The file's settings win unless they are all defaults. The
    review state is merged by item key, the file's entry winning. The result must hold together:
    every id a record refers to must be there after the merge.
    """
    added: dict[str, list[str]] = {}
    changed: dict[str, list[str]] = {}
    unchanged: dict[str, int] = {}
    tables: dict[str, tuple[Any, ...]] = {}
    for name in RECORD_TABLES:
        records: tuple[Any, ...] = getattr(incoming, name)
        _check_unique(name, records)
        merged, added[name], changed[name], unchanged[name] = _merge(
            getattr(current, name), records
        )
        tables[name] = tuple(merged)
    outcome: SettingsOutcome
    if incoming.settings == Settings():
        settings, outcome = current.settings, "defaults"
    else:
        settings = incoming.settings
        outcome = "same" if settings == current.settings else "replaced"
    review, review_counts = _merge_review(current.review, incoming.review)
    result = Dataset(settings=settings, **tables, review=review)
    _check_references(result, incoming)
    return ImportPlan(added, changed, unchanged, outcome, result, review_counts)


def _merge_review(
    current: ReviewState, incoming: ReviewState
) -> tuple[ReviewState, tuple[int, int, int]]:
    """Union by item key, list by list; the file's entry wins over the stored one."""
    counts = [0, 0, 0]
    lists: dict[str, tuple[Any, ...]] = {}
    for name in REVIEW_LISTS:
        merged = {entry.key: entry for entry in getattr(current, name)}
        for entry in getattr(incoming, name):
            old = merged.get(entry.key)
            counts[0 if old is None else 2 if old == entry else 1] += 1
            merged[entry.key] = entry
        lists[name] = tuple(merged.values())
    return ReviewState(**lists), (counts[0], counts[1], counts[2])


def _merge(
    current: tuple[R, ...], incoming: tuple[R, ...]
) -> tuple[list[R], list[str], list[str], int]:
    merged = list(current)
    position: dict[str, int] = {}
    for index, record in enumerate(current):
        position.setdefault(record.id, index)
    added: list[str] = []
    changed: list[str] = []
    for record in incoming:
        if record.id not in position:
            merged.append(record)
            added.append(record.id)
        elif merged[position[record.id]] != record:
            merged[position[record.id]] = record
            changed.append(record.id)
    return merged, added, changed, len(incoming) - len(added) - len(changed)


def _check_unique(name: str, records: tuple[Any, ...]) -> None:
    first: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in first:
            raise ImportProblem(
                f"{name}[{index}]: id {record.id} is used twice "
                f"(also by {name}[{first[record.id]}])"
            )
        first[record.id] = index
        if isinstance(record, Contact):
            seen: dict[str, int] = {}
            for number, touch in enumerate(record.touches):
                if touch.id in seen:
                    raise ImportProblem(
                        f"{name}[{index}].touches[{number}]: touch id {touch.id} "
                        f"is used twice (also by touches[{seen[touch.id]}])"
                    )
                seen[touch.id] = number


def _check_references(result: Dataset, incoming: Dataset) -> None:
    companies = {company.id for company in result.companies}
    contacts = {contact.id for contact in result.contacts}
    interviews = {interview.id for interview in result.interviews}

    def place(name: str, record_id: str) -> str:
        for index, record in enumerate(getattr(incoming, name)):
            if record.id == record_id:
                return f"{name}[{index}] (id {record_id})"
        return f"the stored {RECORD_TABLES[name].__name__.lower()} {record_id}"

    for interview in result.interviews:
        if interview.company_id not in companies:
            raise ImportProblem(
                f"{place('interviews', interview.id)}: company "
                f"{interview.company_id} is not among the companies"
            )
        for member in interview.panel:
            if member not in contacts:
                raise ImportProblem(
                    f"{place('interviews', interview.id)}: panel member "
                    f"{member} is not among the contacts"
                )
        if interview.recruiter_id is not None and interview.recruiter_id not in contacts:
            raise ImportProblem(
                f"{place('interviews', interview.id)}: recruiter "
                f"{interview.recruiter_id} is not among the contacts"
            )
    for contact in result.contacts:
        for touch in contact.touches:
            if touch.interview_id is not None and touch.interview_id not in interviews:
                raise ImportProblem(
                    f"{place('contacts', contact.id)}: touch {touch.id} refers to "
                    f"interview {touch.interview_id}, which is not among the "
                    "interviews"
                )
