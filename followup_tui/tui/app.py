"""The followup application (a placeholder until the main screen lands)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, Static


class FollowupApp(App[None]):
    """The Textual application; it owns the store handle for its whole run."""

    TITLE = "followup"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, store: Any, *, today: date, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.demo = demo

    def compose(self) -> ComposeResult:
        """A header, a summary of the data and the footer."""
        yield Header()
        count = len(self.store.interviews)
        people = len(self.store.contacts)
        where = "demo data" if self.demo else str(self.store.path)
        yield Static(Content(f"{count} interviews, {people} people — {where}"))
        yield Footer()
