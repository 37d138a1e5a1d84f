"""The key table as rows for the help screen, and as docs/keys.md."""

from __future__ import annotations

from collections.abc import Iterable

from ...domain import key_label
from .command import SCOPES
from .table import commands_for

#: Keys that belong to Textual itself; listed in the help and docs, not rebindable.
FIXED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "app": (
        ("Tab, Shift+Tab", "Switch panes", "Move between the interviews, the panel and the note"),
    ),
}


def rows(scopes: Iterable[str] = SCOPES) -> list[tuple[str, str, str, str, str]]:
    """(scope, keys, description, help, id) rows for the help screen and docs/keys.md."""
    out: list[tuple[str, str, str, str, str]] = []
    for scope in scopes:
        title = SCOPES.get(scope, scope)
        for command in commands_for(scope):
            keys = key_label(command.key)
            if command.editor_key:
                keys += f", {key_label(command.editor_key)} in the editor"
            out.append((title, keys, command.description, command.help, command.id))
        out += [
            (title, keys, description, help, "") for keys, description, help in FIXED.get(scope, ())
        ]
    return out


def keys_markdown() -> str:
    """docs/keys.md, generated from the table (a test keeps the file in step with it)."""
    lines = [
        "# Keys",
        "",
        "Every key followup understands, generated from the command table in",
        "`followup_tui/tui/commands/`. Press `?` in the app for the same list, or Ctrl+P to",
        "search the actions by name. While the note editor has focus, letters type text: use the",
        "Ctrl keys shown for the editor, or press Esc to leave it first.",
        "",
        "Keys can be remapped in settings (press `,`) with lines such as `main.copy = y`; the",
        "binding ids are listed below. Two commands may share a key only where they are never",
        "live at once (on different screens, say, or in different lists).",
    ]
    group = None
    for scope, keys, description, help, ident in rows():
        if scope != group:
            group = scope
            lines += [
                "",
                f"## {scope}",
                "",
                "| key | action | what it does | id |",
                "|---|---|---|---|",
            ]
        lines.append(f"| {keys} | {description} | {help} | {f'`{ident}`' if ident else ''} |")
    return "\n".join(lines) + "\n"
