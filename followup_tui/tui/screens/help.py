"""The help screen: every key, straight from the command table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import bindings_for, rows


def help_text() -> Content:
    """The key table as plain styled text (for tests and for copying)."""
    return Content("\n").join(
        Content.assemble((f"{keys}  ", "bold"), f"{description}: {help}")
        for _scope, keys, description, help, _id in rows()
    )


class HelpScreen(ModalScreen[None]):
    """A modal list of every key, grouped by where it applies; Esc, q, ? or F1 closes it."""

    SCOPE = "help"
    BINDINGS = bindings_for(SCOPE)

    def compose(self) -> ComposeResult:
        """One row per key: the keys on the left, what they do on the right (wrapping there)."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc to close · Ctrl+P searches actions by name"
            group = None
            for scope, keys, description, help, _id in rows():
                if scope != group:
                    group = scope
                    yield Static(Content.styled(scope, "bold $accent"), classes="help-group")
                with Horizontal(classes="help-row"):
                    yield Static(Content.styled(keys, "bold"), classes="help-keys")
                    yield Static(
                        Content.assemble((description, "bold"), f": {help}"), classes="help-what"
                    )
            yield Static(help_text(), id="help-text")
