"""The interview form: add an application, or edit one, with its company found or created."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Select, TextArea

from ...domain import Company, Interview, Stage, fold, new_id
from ..widgets.text_area import SafeTextArea
from .forms import (
    FormScreen,
    field,
    parse_dates,
    parse_list,
    parse_optional_date,
    required,
    text_input,
)


class InterviewForm(FormScreen[tuple[Company, Interview] | None]):
    """Dismisses with (company, interview), or None on cancel.

    The company is typed: a name that matches an existing company (ignoring case and spacing)
    reuses it, any other name makes a new :class:`Company`, which the caller stores. The panel is
    not edited here; it is kept as it was.
    """

    def __init__(
        self, companies: Mapping[str, Company], interview: Interview | None = None
    ) -> None:
        super().__init__()
        self._form_interview = interview
        self._form_company = companies.get(interview.company_id) if interview else None
        self._form_by_name: dict[str, Company] = {}
        for company in companies.values():
            self._form_by_name.setdefault(fold(company.name), company)
        self._form_names = [c.name for c in companies.values()]

    def form_title(self) -> str:
        """Say whether this adds or edits."""
        return "Edit interview" if self._form_interview else "Add an interview"

    def form_fields(self) -> ComposeResult:
        """Company, role and level; rounds, stage and decision; notes and tags (feedback has its
        own form, as an interview can have several pieces of it)."""
        old = self._form_interview
        yield field(
            "Company",
            text_input(
                "iv-company",
                self._form_company.name if self._form_company else "",
                parse=required("Company"),
                placeholder="who you applied to (→ completes a known name)",
                suggester=SuggestFromList(self._form_names, case_sensitive=False),
            ),
        )
        yield field(
            "Role",
            text_input(
                "iv-role",
                old.role if old else "",
                parse=required("Role"),
                placeholder="e.g. Platform Engineer",
            ),
        )
        yield field(
            "Level",
            text_input(
                "iv-level",
                old.level if old else "",
                placeholder="e.g. Senior, L5, Staff (optional)",
            ),
        )
        rounds = ", ".join(f"{d:%Y-%m-%d}" for d in old.rounds) if old else ""
        yield field(
            "Round dates",
            text_input(
                "iv-rounds", rounds, parse=parse_dates, placeholder="YYYY-MM-DD, YYYY-MM-DD"
            ),
        )
        yield field(
            "Stage",
            Select(
                [(s.label, s) for s in Stage],
                allow_blank=False,
                value=old.stage if old else Stage.APPLIED,
                id="iv-stage",
                compact=True,
            ),
        )
        decision = f"{old.decision_date:%Y-%m-%d}" if old and old.decision_date else ""
        yield field(
            "Decision date",
            text_input(
                "iv-decision",
                decision,
                parse=parse_optional_date,
                placeholder="YYYY-MM-DD (optional)",
            ),
        )
        yield field(
            "",
            Checkbox(
                "Closure received (they told me the decision)",
                old.closure_received if old else False,
                id="iv-closure",
                compact=True,
            ),
        )
        yield field("Notes", SafeTextArea(old.notes if old else "", id="iv-notes", compact=True))
        yield field(
            "Tags",
            text_input(
                "iv-tags",
                ", ".join(old.tags) if old else "",
                placeholder="comma-separated, e.g. platform, remote",
            ),
        )

    def form_result(self) -> tuple[Company, Interview]:
        """The company (found or new) and the interview built from the fields."""
        name = self.form_text("iv-company")
        company = self._form_by_name.get(fold(name)) or Company(new_id("co"), name)
        changes: dict[str, Any] = {
            "company_id": company.id,
            "role": self.form_text("iv-role"),
            "level": self.form_text("iv-level"),
            "rounds": parse_dates(self.form_text("iv-rounds")),
            "stage": self.query_one("#iv-stage", Select).value,
            "decision_date": parse_optional_date(self.form_text("iv-decision")),
            "closure_received": self.query_one("#iv-closure", Checkbox).value,
            "notes": self.query_one("#iv-notes", TextArea).text,
            "tags": parse_list(self.form_text("iv-tags")),
        }
        rounds, decided = changes["rounds"], changes["decision_date"]
        if decided is not None and rounds and decided < rounds[0]:
            raise ValueError(
                f"the decision date {decided:%d %b %Y} is before the first round "
                f"({rounds[0]:%d %b %Y})"
            )
        old = self._form_interview
        interview = (
            dataclasses.replace(old, **changes) if old else Interview(id=new_id("iv"), **changes)
        )
        return company, interview
