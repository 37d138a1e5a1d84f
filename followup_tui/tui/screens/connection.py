"""The connection, one dated action each: they accepted, they replied, they declined, or you
gave up waiting. A small question: the action, its day (today unless changed), and a reply's
text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import Contact, accepted, declined, ignored, parse_date, reply_received
from ..commands import bindings_for
from .forms import CleanInput

#: The actions, in the order offered: id, label, what it does to a contact.
ACTIONS: tuple[tuple[str, str, Callable[[Contact, date], Contact]], ...] = (
    ("accepted", "They accepted the invitation", accepted),
    ("reply", "Reply received", reply_received),
    ("declined", "They declined the invitation", declined),
    ("ignored", "No answer: give up on the invitation", ignored),
)


@dataclass(frozen=True, slots=True)
class ConnectionAction:
    """What the dialog was told: which action, on which day, and the reply's text."""

    action: str
    on: date
    text: str = ""

    def apply(self, contact: Contact) -> Contact:
        """``contact`` with this action logged."""
        if self.action == "reply":
            return reply_received(contact, self.on, self.text)
        act = next(do for key, _, do in ACTIONS if key == self.action)
        return act(contact, self.on)

    @property
    def label(self) -> str:
        """The action as the dialog offered it."""
        return next(label for key, label, _ in ACTIONS if key == self.action)


class ConnectionDialog(ModalScreen[ConnectionAction | None]):
    """Log what happened with a person's connection: Enter on an action logs it."""

    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, name: str, today: date) -> None:
        super().__init__()
        self.person = name
        self.today = today

    def compose(self) -> ComposeResult:
        """The actions first (Enter logs one), then the day and a reply's text."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Connection"
            box.border_subtitle = "Enter to log · Tab for the date and text · Esc to cancel"
            yield Static(Content.assemble("What happened with ", (self.person, "bold"), "?"))
            yield OptionList(
                *(Option(label, id=key) for key, label, _ in ACTIONS), id="connection-actions"
            )
            yield Static(Content("On (YYYY-MM-DD):"))
            yield CleanInput(self.today.isoformat(), id="connection-date", compact=True)
            yield Static(Content("What they wrote (a reply, optional):"))
            yield CleanInput(id="connection-text", compact=True)
            yield Static(id="connection-error", classes="error")

    @on(OptionList.OptionSelected, "#connection-actions")
    def _connection_chosen(self, event: OptionList.OptionSelected) -> None:
        error = self.query_one("#connection-error", Static)
        try:
            day = parse_date(self.query_one("#connection-date", CleanInput).value)
        except ValueError as problem:
            error.update(Content(str(problem)))
            return
        if day > self.today:
            error.update(Content("That day is still to come: choose today or earlier."))
            return
        text = self.query_one("#connection-text", CleanInput).value.strip()
        self.dismiss(ConnectionAction(event.option.id or "accepted", day, text))
