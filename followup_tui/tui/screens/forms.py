"""What every edit form shares: the modal frame, labelled fields with their error line, the keys.

A form is a :class:`FormScreen`: Ctrl+S (or the Save button) saves, Esc (or Cancel) dismisses
with None. A field that can be wrong carries a :class:`ParseValidator`; its message appears in
place, under the field, once the field is changed or left, and saving is refused while any field
is invalid. Messages and user text are shown as :class:`~textual.content.Content`, never parsed as
markup, because a message quotes what was typed.

The parsers below turn typed text into model values; each raises ValueError with a sentence a
person can act on, which is exactly what the form shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...domain import CADENCE_DAYS_MAX, clean_typed, parse_date
from ..commands import bindings_for

ResultT = TypeVar("ResultT")
#: The combining marks that NFKD splits off letters (accents, cedillas, ogoneks...).


# Parsing typed text ------------------------------------------------------------------------------


def required(what: str) -> Callable[[str], str]:
    """A parser that refuses blank text with "<what> is required"."""

    def parse(text: str) -> str:
        if not text.strip():
            raise ValueError(f"{what} is required")
        return text.strip()

    return parse


def parse_dates(text: str) -> tuple[date, ...]:
    """Comma-separated ``YYYY-MM-DD`` dates; blank items are skipped."""
    return tuple(parse_date(part) for part in text.split(",") if part.strip())


def parse_optional_date(text: str) -> date | None:
    """One ``YYYY-MM-DD`` date, or None when blank."""
    return parse_date(text) if text.strip() else None


def parse_list(text: str) -> tuple[str, ...]:
    """Comma-separated items, trimmed, blanks dropped (tags are cleaned by the model)."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def parse_cadence(text: str) -> int | None:
    """Days between keep-in-touch notes: a whole number from 1 to ten years, or None if blank."""
    value = text.strip()
    if not value:
        return None
    try:
        days = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number of days") from None
    if not 1 <= days <= CADENCE_DAYS_MAX:
        raise ValueError(f"Cadence must be between 1 and {CADENCE_DAYS_MAX} days")
    return days


def parse_email(text: str) -> str:
    """An email address, loosely checked (something@something), or blank."""
    value = text.strip()
    local, at, domain = value.rpartition("@")
    if value and not (at and local and domain and " " not in value):
        raise ValueError(f"{value!r} does not look like an email address")
    return value


# Widgets -----------------------------------------------------------------------------------------


class ParseValidator(Validator):
    """Valid when ``parse`` accepts the value; its ValueError message is the failure shown."""

    def __init__(self, parse: Callable[[str], object]) -> None:
        super().__init__()
        self.form_parse = parse

    def validate(self, value: str) -> ValidationResult:
        """Run the parser; a ValueError becomes the failure description."""
        try:
            self.form_parse(value)
        except ValueError as error:
            return self.failure(str(error), value)
        return self.success()


def field(label: str, widget: Widget) -> Horizontal:
    """One form row: a label, then the field with its error line (hidden until needed) under it."""
    return Horizontal(
        Label(Content(label), classes="form-label"),
        Vertical(widget, Static(id=f"{widget.id}-error", classes="error"), classes="form-field"),
        classes="form-row",
    )


class CleanInput(Input):
    """An Input whose typed or pasted text loses control characters, escape sequences, bidi
    controls and line breaks before it is shown, as the model would drop them on saving."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the text between ``start`` and ``end`` with ``text``, cleaned: typing,
        pasting and inserting all come through here."""
        super().replace(clean_typed(text, line=True), start, end)


def text_input(
    id: str,
    value: str = "",
    *,
    parse: Callable[[str], object] | None = None,
    placeholder: str = "",
    **kwargs: Any,
) -> Input:
    """A one-line compact :class:`CleanInput`, validated by ``parse`` when given."""
    return CleanInput(
        value,
        placeholder=placeholder,
        id=id,
        compact=True,
        validators=[ParseValidator(parse)] if parse else None,
        **kwargs,
    )


class FormScreen(ModalScreen[ResultT]):
    """A modal form: subclasses compose their fields and build the result from them."""

    CSS_PATH = "forms.tcss"
    SCOPE: ClassVar[str] = "form"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("form")
    FORM_TITLE: ClassVar[str] = "Form"
    SAVE_LABEL: ClassVar[str] = "Save"

    def compose(self) -> ComposeResult:
        """The fields in a scrolling box, a status line for problems, and the buttons."""
        # The box scrolls when the terminal is short, but focus goes straight to the fields.
        with VerticalScroll(classes="dialog form-box", can_focus=False) as box:
            box.border_title = self.form_title()
            box.border_subtitle = "Ctrl+S save · Esc cancel"
            yield from self.form_fields()
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="form-buttons"):
                yield Button(self.SAVE_LABEL, id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def form_title(self) -> str:
        """The title on the form's border (a fixed text: never user data, as it is markup)."""
        return self.FORM_TITLE

    def form_fields(self) -> ComposeResult:
        """The form's rows; see :func:`field`."""
        raise NotImplementedError

    def form_result(self) -> ResultT:
        """Build the result from fields that are all valid (may raise ValueError)."""
        raise NotImplementedError

    def form_submit(self, input: Input) -> None:
        """Enter in a one-line field: move on to the next field."""
        self.focus_next()

    # Helpers for subclasses ------------------------------------------------------------------

    def form_text(self, id: str) -> str:
        """The stripped text of the Input with this id."""
        return self.query_one(f"#{id}", Input).value.strip()

    def form_show_error(self, widget_id: str, message: str) -> None:
        """Show ``message`` under a field (or hide the error line when it is empty)."""
        try:
            error = self.query_one(f"#{widget_id}-error", Static)
        except NoMatches:  # a late Blurred while the form closes
            return
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    # Validation and saving -------------------------------------------------------------------

    def _form_check(self, input: Input) -> bool:
        result = input.validate(input.value)
        self._form_show_result(input, result)
        return result is None or result.is_valid

    def _form_show_result(self, input: Input, result: ValidationResult | None) -> None:
        if input.id is not None and input.validators:
            message = "" if result is None else "; ".join(result.failure_descriptions)
            self.form_show_error(input.id, message)

    @on(Input.Changed)
    def _form_typed(self, event: Input.Changed) -> None:
        # While typing, a message only goes away or follows the text; a new one waits until the
        # field is left, so "2026-1" is not called a bad date halfway through.
        result = event.validation_result
        if result is None or result.is_valid or self._form_error_shown(event.input):
            self._form_show_result(event.input, result)

    @on(Input.Blurred)
    def _form_left(self, event: Input.Blurred) -> None:
        self._form_show_result(event.input, event.validation_result)

    def _form_error_shown(self, input: Input) -> bool:
        try:
            return self.query_one(f"#{input.id}-error").has_class("-shown")
        except NoMatches:
            return False

    @on(Input.Submitted)
    def _form_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.form_submit(event.input)

    def action_form_save(self) -> None:
        """Save, unless a field is invalid: then say so in place and go to the first problem."""
        invalid = [i for i in self.query(Input) if not i.disabled and not self._form_check(i)]
        if invalid:
            self.form_show_error("form", "Not saved: fix the fields marked in red.")
            invalid[0].focus()
            return
        try:
            result = self.form_result()
        except ValueError as error:
            self.form_show_error("form", f"Not saved: {error}")
            return
        self.dismiss(result)

    def action_form_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Button.Pressed, "#form-save")
    def _form_save_pressed(self) -> None:
        self.action_form_save()

    @on(Button.Pressed, "#form-cancel")
    def _form_cancel_pressed(self) -> None:
        self.action_form_cancel()
