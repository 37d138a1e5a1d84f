"""A command, the scopes it can apply in, and which scopes are live at the same time."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

#: Where a command applies, titled as the help screen and docs/keys.md group it, in their order.
#: A scope is a screen (its ``SCOPE`` class variable names it) or a widget found on screens.
SCOPES = {
    "app": "Everywhere",
    "main": "Main screen",
    "editor": "Note editor",
    "review": "Daily review",
    "company": "Company view",
    "list": "Lists",
    "people": "The panel",
    "search": "Search",
    "templates": "Templates",
    "settings": "Settings",
    "form": "Forms",
    "panel": "Adding a person to the panel",
    "confirm": "Questions",
    "dialog": "Snooze, dismiss and template pickers",
    "help": "This help",
}

#: The scopes whose keys are live at once: the focused widget, its screen and the app. A modal
#: screen hides the screens and the app's (non-priority) keys below it, and the note editor's
#: letters type text. Two commands on one key clash only when their scopes share a group here.
LIVE_TOGETHER: tuple[tuple[str, ...], ...] = (
    ("app", "main", "list"),
    ("app", "main", "people"),
    ("app", "review", "list"),
    ("app", "company"),
    ("app", "editor"),
    ("app", "templates"),
    ("app", "settings"),
    ("search", "list"),
    ("form", "panel"),
    ("confirm",),
    ("dialog",),
    ("help",),
)


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do, and the keys that do it.

    ``key`` may hold several keys (``"down,j"``); ``editor_key`` is the key that still works
    while the note editor has focus. ``palette`` False keeps a screen's command out of the
    command palette (moving a cursor, a second key for the same action).
    """

    id: str
    action: str
    key: str
    description: str
    help: str
    scope: str
    editor_key: str = ""
    show: bool = True
    key_display: str | None = None
    priority: bool = False
    palette: bool = True

    @property
    def live_with(self) -> frozenset[str]:
        """The scopes whose keys are live whenever this command's are."""
        return frozenset(s for group in LIVE_TOGETHER if self.scope in group for s in group)

    def bindings(self) -> list[Binding]:
        """The Textual binding for this command's keys."""
        return [
            Binding(
                self.key,
                self.action,
                self.description,
                show=self.show,
                tooltip=self.help,
                id=self.id,
                key_display=self.key_display,
                priority=self.priority,
            )
        ]
