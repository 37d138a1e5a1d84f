"""The employers applied to and the interviews: rounds, panel and where each stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .fields import clean_fields, require, set_field
from .kinds import Stage
from .text import clean_tags


@dataclass(frozen=True, slots=True)
class Company:
    """An employer you applied to, with its policy on reapplying."""

    id: str
    name: str
    cooling_off_months: int | None = None
    cooling_off_source: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        clean_fields(self, lines=("id", "name", "cooling_off_source"), texts=("notes",))
        require(bool(self.id), "a company needs an id")
        require(bool(self.name), "a company needs a name")
        require(
            self.cooling_off_months is None or 0 <= self.cooling_off_months <= 120,
            "cooling_off_months must be between 0 and 120",
        )


@dataclass(frozen=True, slots=True)
class Interview:
    """One application to one role: its rounds, its panel and where it stands."""

    id: str
    company_id: str
    role: str
    level: str = ""
    rounds: tuple[date, ...] = ()
    panel: tuple[str, ...] = ()
    recruiter_id: str | None = None
    stage: Stage = Stage.APPLIED
    decision_date: date | None = None
    closure_received: bool = False
    feedback_asked: bool = False
    feedback: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        clean_fields(self, lines=("id", "company_id", "role", "level"), texts=("feedback", "notes"))
        set_field(self, "rounds", tuple(sorted(set(self.rounds))))
        set_field(self, "panel", tuple(dict.fromkeys(self.panel)))
        set_field(self, "tags", clean_tags(self.tags))
        require(bool(self.id), "an interview needs an id")
        require(bool(self.company_id), "an interview needs a company")
        require(bool(self.role), "an interview needs a role")

    @property
    def last_round(self) -> date | None:
        """The date of the latest round, if any is known."""
        return self.rounds[-1] if self.rounds else None

    @property
    def people(self) -> tuple[str, ...]:
        """The panel, then the recruiter: everyone a note may go to."""
        if self.recruiter_id and self.recruiter_id not in self.panel:
            return (*self.panel, self.recruiter_id)
        return self.panel
