"""The help screen: every key, straight from the command table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import rows


def help_text() -> Content:
    """The key table as styled text, grouped by where the keys apply."""
    parts: list[Content] = []
    group = None
    for scope, keys, description, help, _id in rows():
        if scope != group:
            group = scope
            parts.append(Content.styled(f"\n{scope}\n", "bold $accent"))
        parts.append(Content.assemble((f"  {keys:<28}", "bold"), f"{description}: {help}\n"))
    return Content("").join(parts)


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        """The key table in a scrolling box."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc to close"
            yield Static(help_text(), id="help-text")
