"""What the interview list shows: one row per interview, those needing action first.

Pure functions over model objects, so the list's order and markers are tested without a screen.
Whether an interview needs action comes from the daily review's own rules (those of
:func:`followup_tui.review.due_items` that are about interviews), so the list and the review
never disagree. Rows are built once per change of the data, never per keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..domain import Company, Dataset, Interview, Stage
from .queue import interview_items


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


def due_by_interview(dataset: Dataset, today: date) -> dict[str, str]:
    """For each interview with something due today, what comes first (as the review says)."""
    due: dict[str, str] = {}
    for item in interview_items(dataset, today):
        if item.interview_id:
            due.setdefault(item.interview_id, item.kind.label)
    return due


def interview_rows(
    interviews: Iterable[Interview],
    companies: Mapping[str, Company],
    due: Mapping[str, str],
    stage: Stage | None = None,
) -> list[InterviewRow]:
    """The list's rows: filtered by ``stage`` if given; due first, then the newest round first."""
    rows = []
    for interview in interviews:
        if stage is not None and interview.stage is not stage:
            continue
        company = companies.get(interview.company_id)
        rows.append(
            InterviewRow(interview, company.name if company else "?", due.get(interview.id))
        )
    rows.sort(
        key=lambda r: (
            r.due is None,
            -(r.interview.last_round or date.min).toordinal(),
            r.company.casefold(),
            r.interview.role.casefold(),
        )
    )
    return rows
