"""The one table of commands, and the bindings each scope gets from it."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from .command import Command
from .company_screen import COMPANY
from .dialogs import DIALOGS, FORMS
from .editing import SETTINGS, TEMPLATES
from .everywhere import APP, EDITOR
from .lists import LIST, PEOPLE, SEARCH
from .main_screen import MAIN
from .review_screen import REVIEW

#: Every command, in the order of :data:`~.command.SCOPES`.
COMMANDS: tuple[Command, ...] = (
    *APP,
    *MAIN,
    *EDITOR,
    *REVIEW,
    *COMPANY,
    *LIST,
    *PEOPLE,
    *SEARCH,
    *TEMPLATES,
    *SETTINGS,
    *FORMS,
    *DIALOGS,
)


def commands_for(scope: str) -> tuple[Command, ...]:
    """The commands declared for one scope."""
    return tuple(c for c in COMMANDS if c.scope == scope)


def bindings_for(scope: str) -> list[BindingType]:
    """The bindings of one scope, ready for a ``BINDINGS`` class variable."""
    return [b for c in commands_for(scope) for b in c.bindings()]


def editor_bindings(scope: str) -> list[BindingType]:
    """Bindings for a note editor on a screen of ``scope``: the editor-safe keys.

    They run ``forward`` on the editor, which passes the action on to the app or the screen.
    Screens and the app hide their single-letter bindings while an editor has focus (the letters
    type text there), so the footer shows only keys that work.
    """
    result = bindings_for("editor")
    for command in (*commands_for("app"), *commands_for(scope)):
        if command.editor_key:
            target = "app" if command.scope == "app" else "screen"
            result.append(
                Binding(
                    command.editor_key,
                    f"forward('{target}.{command.action}')",
                    command.description,
                    tooltip=command.help,
                    id=f"{command.id}.editor",
                )
            )
    return result
