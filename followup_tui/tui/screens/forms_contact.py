"""The contact form: everything known about one person, and their moves between companies."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select, TextArea

from ...domain import ConnectionStatus, Contact, fold, moved, new_id, parse_date
from ..widgets.text_area import SafeTextArea
from .forms import FormScreen, field, parse_cadence, parse_email, parse_list, required, text_input


def parse_move_date(text: str) -> date:
    """The day of a move: a date is required (the form offers today)."""
    if not text.strip():
        raise ValueError("The day of the move is required")
    return parse_date(text)


MOVE_LABEL = "Record a move (keeps the old company in their history)"


class ContactForm(FormScreen[Contact | None]):
    """Dismisses with the new or edited contact, or None on cancel.

    On edit, when the company changes, a checkbox (on by default) records the move on the day
    given beside it (today unless changed): the old company and title go into ``past`` until
    that day, ``company_since`` becomes it, and the Title field is the new title. Untick it to
    fix a typo instead. Touches are kept as they were.
    """

    def __init__(
        self, contact: Contact | None, *, today: date, company_names: Iterable[str] = ()
    ) -> None:
        super().__init__()
        self._form_contact = contact
        self._form_today = today
        self._form_company_names = list(dict.fromkeys(company_names))

    def form_title(self) -> str:
        """Say whether this adds or edits."""
        return "Edit contact" if self._form_contact else "Add a contact"

    def form_fields(self) -> ComposeResult:
        """Name, title and company (with the move); ways to reach them; what to remember."""
        old = self._form_contact
        yield field("Name", text_input("ct-name", old.name if old else "", parse=required("Name")))
        yield field("Title", text_input("ct-title", old.title if old else ""))
        yield field(
            "Company",
            text_input(
                "ct-company",
                old.company if old else "",
                suggester=SuggestFromList(self._form_company_names, case_sensitive=False),
            ),
        )
        move = field("", Checkbox(MOVE_LABEL, True, id="ct-move", compact=True))
        move.id = "ct-move-row"
        move.display = False
        yield move
        moved_on = field(
            "Moved on",
            text_input(
                "ct-move-date",
                self._form_today.isoformat(),
                parse=parse_move_date,
                placeholder="YYYY-MM-DD",
            ),
        )
        moved_on.id = "ct-move-date-row"
        moved_on.display = False
        yield moved_on
        yield field("Email", text_input("ct-email", old.email if old else "", parse=parse_email))
        yield field(
            "LinkedIn",
            text_input(
                "ct-linkedin",
                old.linkedin if old else "",
                placeholder="https://www.linkedin.com/in/…",
            ),
        )
        yield field("Phone", text_input("ct-phone", old.phone if old else ""))
        yield field(
            "Tidbits",
            SafeTextArea("\n".join(old.tidbits) if old else "", id="ct-tidbits", compact=True),
        )
        cadence = str(old.cadence_days) if old and old.cadence_days else ""
        yield field(
            "Cadence days",
            text_input(
                "ct-cadence", cadence, parse=parse_cadence, placeholder="blank: your default"
            ),
        )
        yield field(
            "Status",
            Select(
                [(s.label, s) for s in ConnectionStatus],
                allow_blank=False,
                value=old.status if old else ConnectionStatus.NOT_CONTACTED,
                id="ct-status",
                compact=True,
            ),
        )
        yield field("Tags", text_input("ct-tags", ", ".join(old.tags) if old else ""))
        yield field("Notes", SafeTextArea(old.notes if old else "", id="ct-notes", compact=True))

    def _form_moved(self) -> bool:
        """True when an existing contact's company text now names another company."""
        old = self._form_contact
        return bool(old and old.company and fold(self.form_text("ct-company")) != fold(old.company))

    @on(Input.Changed, "#ct-company")
    def _form_company_changed(self) -> None:
        row = self.query_one("#ct-move-row")
        moved = self._form_moved()
        if moved and not row.display:
            self.query_one("#ct-move", Checkbox).value = True  # on each time it appears
        row.display = moved
        self.query_one("#ct-move-date-row").display = moved

    def form_result(self) -> Contact:
        """The contact built from the fields, with the move recorded if asked."""
        changes: dict[str, Any] = {
            "name": self.form_text("ct-name"),
            "title": self.form_text("ct-title"),
            "company": self.form_text("ct-company"),
            "email": parse_email(self.form_text("ct-email")),
            "linkedin": self.form_text("ct-linkedin"),
            "phone": self.form_text("ct-phone"),
            "tidbits": tuple(self.query_one("#ct-tidbits", TextArea).text.splitlines()),
            "cadence_days": parse_cadence(self.form_text("ct-cadence")),
            "status": self.query_one("#ct-status", Select).value,
            "tags": parse_list(self.form_text("ct-tags")),
            "notes": self.query_one("#ct-notes", TextArea).text,
        }
        old = self._form_contact
        if old is None:
            return Contact(id=new_id("ct"), **changes)
        if self._form_moved() and self.query_one("#ct-move", Checkbox).value:
            day = parse_move_date(self.form_text("ct-move-date"))
            if day > self._form_today:
                raise ValueError("The move is dated after today: check the day")
            company, title = changes.pop("company"), changes.pop("title")
            return moved(dataclasses.replace(old, **changes), company, title, day)
        return dataclasses.replace(old, **changes)
