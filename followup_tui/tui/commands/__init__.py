"""The one table of commands.

Each action is declared once, here, with its key, the key that still works while the note editor
has focus, a short description for the footer and a longer one for the help screen and the
command palette. Every ``BINDINGS`` in the app comes from this table (``bindings_for(scope)``; a
test refuses a ``Binding(`` anywhere else), and so do the footer, the palette, the help screen and
docs/keys.md (a test checks the file against it). Every binding carries the command's id, so a
user can remap it from settings (Textual's keymap).

``command`` holds the type and the scopes, one module per group of scopes holds the table's
rows, ``table`` joins them, ``docs`` writes them out; ``python -m followup_tui.tui.commands``
prints docs/keys.md.
"""

from __future__ import annotations

from ...domain import key_label
from .command import LIVE_TOGETHER, SCOPES, Command
from .docs import FIXED, keys_markdown, rows
from .table import COMMANDS, bindings_for, commands_for, editor_bindings

__all__ = [
    "COMMANDS",
    "FIXED",
    "LIVE_TOGETHER",
    "SCOPES",
    "Command",
    "bindings_for",
    "commands_for",
    "editor_bindings",
    "key_label",
    "keys_markdown",
    "rows",
]
