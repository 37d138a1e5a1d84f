"""The two small questions of the daily review: until when to snooze, and why to dismiss."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain import clean_line, parse_date
from ..commands import bindings_for
from .forms import CleanInput


class SnoozeDialog(ModalScreen[date | None]):
    """Choose when the item comes back: tomorrow, in a week, or on a date typed in."""

    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, today: date, what: str) -> None:
        super().__init__()
        self.today = today
        self.what = what

    def compose(self) -> ComposeResult:
        """The two quick choices, then a date field."""
        tomorrow = self.today + timedelta(days=1)
        week = self.today + timedelta(days=7)
        with Vertical(classes="dialog") as box:
            box.border_title = "Snooze"
            box.border_subtitle = "Enter to choose · Esc to cancel"
            yield Static(Content.assemble("Bring back ", (self.what, "bold"), ":"))
            yield OptionList(
                Option(f"Tomorrow ({tomorrow:%a %d %b})", id="1"),
                Option(f"In a week ({week:%a %d %b})", id="7"),
                id="snooze-choices",
            )
            yield CleanInput(placeholder="or on a date: YYYY-MM-DD", id="snooze-date")
            yield Static(id="snooze-error", classes="error")

    @on(OptionList.OptionSelected, "#snooze-choices")
    def _snooze_quick(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.today + timedelta(days=int(event.option.id or "1")))

    @on(Input.Submitted, "#snooze-date")
    def _snooze_date(self, event: Input.Submitted) -> None:
        error = self.query_one("#snooze-error", Static)
        try:
            day = parse_date(event.value)
        except ValueError as problem:
            error.update(Content(str(problem)))
            return
        if day <= self.today:
            error.update(Content("Choose a day after today."))
            return
        self.dismiss(day)


#: The reason that withdraws a pending LinkedIn invitation (offered for those items only).
WITHDRAW = "Withdrew the invitation on LinkedIn"
#: The first choice on a pending invitation: it was accepted after all (logged, dated today).
ACCEPTED = "They accepted the invitation"
REASONS = (
    "Done outside followup",
    "Not relevant any more",
    "No reply: giving up",
)


class DismissDialog(ModalScreen[str | None]):
    """Dismiss an item for good; the reason is kept with it."""

    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, what: str, note: str = "", *, withdraw: bool = False) -> None:
        super().__init__()
        self.what = what
        self.note = note
        self.reasons = (ACCEPTED, *REASONS, WITHDRAW) if withdraw else REASONS

    def compose(self) -> ComposeResult:
        """Common reasons to pick, or a reason typed in."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Dismiss for good"
            box.border_subtitle = "Enter to choose · Esc to cancel"
            yield Static(Content.assemble("Dismiss ", (self.what, "bold"), "? Why:"))
            yield OptionList(
                *(Option(reason, id=str(i)) for i, reason in enumerate(self.reasons)),
                id="dismiss-reasons",
            )
            yield CleanInput(placeholder="or type a reason and press Enter", id="dismiss-reason")
            if self.note:
                yield Static(Content.styled(self.note, "$text-muted"))

    @on(OptionList.OptionSelected, "#dismiss-reasons")
    def _dismiss_pick(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.reasons[int(event.option.id or "0")])

    @on(Input.Submitted, "#dismiss-reason")
    def _dismiss_typed(self, event: Input.Submitted) -> None:
        reason = clean_line(event.value)
        if reason:
            self.dismiss(reason)
