"""The employers applied to and the interviews: rounds, panel and where each stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .fields import clean_fields, require, set_field
from .kinds import FeedbackAbout, Stage
from .text import clean_tags


@dataclass(frozen=True, slots=True)
class Company:
    """An employer you applied to, with its policy on reapplying."""

    id: str
    name: str
    cooling_off_months: int | None = None
    cooling_off_source: str = ""
    notes: str = ""
    #: When you learned the cooling-off period (from ``cooling_off_source``), if you noted it.
    cooling_off_learned_on: date | None = None

    def __post_init__(self) -> None:
        clean_fields(self, lines=("id", "name", "cooling_off_source"), texts=("notes",))
        require(bool(self.id), "a company needs an id")
        require(bool(self.name), "a company needs a name")
        require(
            self.cooling_off_months is None or 0 <= self.cooling_off_months <= 120,
            "cooling_off_months must be between 0 and 120",
        )


@dataclass(frozen=True, slots=True)
class Feedback:
    """Feedback on one interview: about what, when you asked, when it came, and what it said.

    An entry with no text is a request still unanswered (or answered without words).
    """

    about: FeedbackAbout = FeedbackAbout.ROLE
    asked_on: date | None = None
    received_on: date | None = None
    text: str = ""

    def __post_init__(self) -> None:
        clean_fields(self, texts=("text",))


def feedback_from_flags(record: dict[str, Any]) -> None:
    """Turn an interview record of the old shape (``feedback_asked``, one ``feedback`` text)
    into the new one (a list of :class:`Feedback`), in place, on plain data.

    The old shape had no dates and no subject. The text becomes one entry about the role, as
    feedback after an interview is about how you fitted the role unless it says otherwise (the
    subject can be changed in the app); a request without an answer becomes an entry without
    text. No date is made up: both stay unknown.
    """
    asked = record.pop("feedback_asked", False)
    text = record.get("feedback", "")
    if not isinstance(text, str):
        return  # not the old shape: validation names whatever is wrong
    record["feedback"] = (
        [{"about": "role", "asked_on": None, "received_on": None, "text": text}]
        if text.strip() or asked is True
        else []
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
    feedback: tuple[Feedback, ...] = ()
    notes: str = ""
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        clean_fields(self, lines=("id", "company_id", "role", "level"), texts=("notes",))
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
