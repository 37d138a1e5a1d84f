"""The company form (its cooling-off period, where and when you learned it, notes) and the
feedback form (one piece of feedback on one interview)."""

from __future__ import annotations

import dataclasses
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Select, TextArea

from ...domain import Company, Feedback, FeedbackAbout
from .forms import FormScreen, field, parse_optional_date, required, text_input

#: The longest cooling-off period a company may have, in months (ten years).
COOLING_OFF_MAX = 120


def parse_months(text: str) -> int | None:
    """A cooling-off period in whole months, 0 to 120, or None when blank (not known)."""
    value = text.strip()
    if not value:
        return None
    try:
        months = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number of months") from None
    if not 0 <= months <= COOLING_OFF_MAX:
        raise ValueError(f"The period must be between 0 and {COOLING_OFF_MAX} months")
    return months


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class CompanyForm(FormScreen[Company | None]):
    """Dismisses with the edited company, or None on cancel."""

    FORM_TITLE = "Edit company"

    def __init__(self, company: Company) -> None:
        super().__init__()
        self._form_company = company

    def form_fields(self) -> ComposeResult:
        """Name; the cooling-off period, its source and when you learned it; notes."""
        old = self._form_company
        months = "" if old.cooling_off_months is None else str(old.cooling_off_months)
        yield field("Name", text_input("co-name", old.name, parse=required("Name")))
        yield field(
            "Cooling-off",
            text_input(
                "co-months", months, parse=parse_months, placeholder="months; blank: unknown"
            ),
        )
        yield field(
            "Learned from",
            text_input(
                "co-source", old.cooling_off_source, placeholder="e.g. the recruiter, by phone"
            ),
        )
        yield field(
            "Learned on",
            text_input(
                "co-learned",
                _day(old.cooling_off_learned_on),
                parse=parse_optional_date,
                placeholder="YYYY-MM-DD (optional)",
            ),
        )
        yield field("Notes", TextArea(old.notes, id="co-notes", compact=True))

    def form_result(self) -> Company:
        """The company with the fields' values."""
        return dataclasses.replace(
            self._form_company,
            name=self.form_text("co-name"),
            cooling_off_months=parse_months(self.form_text("co-months")),
            cooling_off_source=self.form_text("co-source"),
            cooling_off_learned_on=parse_optional_date(self.form_text("co-learned")),
            notes=self.query_one("#co-notes", TextArea).text,
        )


class FeedbackForm(FormScreen[Feedback | None]):
    """Dismisses with the new or edited piece of feedback, or None on cancel."""

    def __init__(self, feedback: Feedback | None) -> None:
        super().__init__()
        self._form_feedback = feedback

    def form_title(self) -> str:
        """Add or edit (a fixed phrase: the title is markup)."""
        return "Edit feedback" if self._form_feedback else "Add feedback"

    def form_fields(self) -> ComposeResult:
        """What it is about, when you asked, when it came, and what it said."""
        old = self._form_feedback or Feedback()
        yield field(
            "About",
            Select(
                [(a.label, a) for a in FeedbackAbout],
                allow_blank=False,
                value=old.about,
                id="fb-about",
                compact=True,
            ),
        )
        for key, label, day in (
            ("fb-asked", "Asked on", old.asked_on),
            ("fb-received", "Came on", old.received_on),
        ):
            yield field(
                label,
                text_input(
                    key, _day(day), parse=parse_optional_date, placeholder="YYYY-MM-DD (optional)"
                ),
            )
        yield field("Feedback", TextArea(old.text, id="fb-text", compact=True))

    def form_result(self) -> Feedback:
        """The feedback built from the fields."""
        asked = parse_optional_date(self.form_text("fb-asked"))
        received = parse_optional_date(self.form_text("fb-received"))
        if asked and received and received < asked:
            raise ValueError("It came before you asked: check the two days")
        about = self.query_one("#fb-about", Select).value
        return Feedback(
            about if isinstance(about, FeedbackAbout) else FeedbackAbout.ROLE,
            asked,
            received,
            self.query_one("#fb-text", TextArea).text,
        )
