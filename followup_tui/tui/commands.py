"""The one table of commands.

Each action is declared once, here, with its key, the key that still works while the note editor
has focus, a short description for the footer and a longer one for the help screen and the
command palette. The bindings, the footer, the palette, the help screen and docs/keys.md all come
from this table (a test checks docs/keys.md against it), and every binding carries the command's
id so a user can remap it from settings (Textual's keymap).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do, and the keys that do it."""

    id: str
    action: str
    key: str
    description: str
    help: str
    scope: str
    editor_key: str = ""
    show: bool = True
    key_display: str | None = None

    def bindings(self) -> list[Binding]:
        """The Textual binding for this command's main key."""
        return [
            Binding(
                self.key,
                self.action,
                self.description,
                show=self.show,
                tooltip=self.help,
                id=self.id,
                key_display=self.key_display,
            )
        ]


#: Where a command applies: the whole app, the main screen, or the daily review.
SCOPES = {
    "app": "Everywhere",
    "main": "Main screen",
    "editor": "Note editor",
    "review": "Daily review",
}

COMMANDS: tuple[Command, ...] = (
    Command(
        "app.help",
        "help",
        "question_mark",
        "Help",
        "Show every key and what it does",
        "app",
        editor_key="f1",
        key_display="?",
    ),
    Command("app.quit", "quit", "q", "Quit", "Save and leave followup", "app", editor_key="ctrl+q"),
    Command(
        "app.search",
        "search",
        "slash",
        "Search",
        "Search every past panel: people, companies, roles, tidbits, notes",
        "app",
        key_display="/",
    ),
    Command(
        "app.palette",
        "command_palette",
        "ctrl+p",
        "Commands",
        "Search every action by name (the command palette)",
        "app",
        show=False,
    ),
    Command(
        "main.copy",
        "copy_note",
        "c",
        "Copy",
        "Copy the note to the clipboard (and save it to a private file)",
        "main",
        editor_key="ctrl+o",
    ),
    Command(
        "main.sent",
        "mark_sent",
        "s",
        "Sent",
        "Mark the note as sent: log it in the person's history",
        "main",
        editor_key="ctrl+s",
    ),
    Command(
        "main.template",
        "cycle_template",
        "t",
        "Template",
        "Use the next template for this note",
        "main",
        editor_key="ctrl+t",
    ),
    Command(
        "main.review", "review", "r", "Review", "Open the daily review: what is due today", "main"
    ),
    Command(
        "main.add",
        "add",
        "a",
        "Add",
        "Add an interview, or a person to the panel when the panel has focus",
        "main",
    ),
    Command("main.edit", "edit", "e", "Edit", "Edit the selected interview or person", "main"),
    Command(
        "main.delete",
        "delete",
        "d",
        "Delete",
        "Delete the selected interview or person (asks first)",
        "main",
    ),
    Command(
        "main.filter",
        "cycle_filter",
        "f",
        "Filter",
        "Show only interviews in one stage (press again for the next)",
        "main",
    ),
    Command(
        "main.pick_template",
        "pick_template",
        "T",
        "Pick template",
        "Choose the note's template from a list",
        "main",
        show=False,
    ),
    Command(
        "main.templates",
        "templates",
        "m",
        "Templates",
        "Edit the note templates and add your own",
        "main",
        show=False,
    ),
    Command(
        "main.settings",
        "settings",
        "comma",
        "Settings",
        "Your name and signature, reminders, LinkedIn limits and your own keys",
        "main",
        show=False,
        key_display=",",
    ),
    Command("review.copy", "copy_note", "c", "Copy", "Copy the note for this item", "review"),
    Command(
        "review.sent",
        "mark_sent",
        "s",
        "Sent / done",
        "Log the note as sent (or mark the item done) and move to the next",
        "review",
    ),
    Command(
        "review.snooze",
        "snooze",
        "z",
        "Snooze",
        "Hide the item until tomorrow, next week or a date you choose",
        "review",
    ),
    Command(
        "review.dismiss",
        "dismiss_item",
        "x",
        "Dismiss",
        "Dismiss the item for good, with a reason",
        "review",
    ),
    Command(
        "review.open",
        "open_item",
        "enter",
        "Open",
        "Open the interview or person on the main screen",
        "review",
    ),
    Command("review.next", "next_item", "n", "Next", "Go to the next item", "review"),
    Command(
        "review.previous", "previous_item", "p", "Previous", "Go to the previous item", "review"
    ),
    Command(
        "review.template",
        "cycle_template",
        "t",
        "Template",
        "Use the next template for this note",
        "review",
    ),
    Command("review.back", "back", "escape", "Back", "Back to the main screen", "review"),
    Command(
        "editor.leave",
        "leave_editor",
        "escape",
        "Leave note",
        "Leave the note editor so single-letter keys work again",
        "editor",
    ),
)


#: Keys that belong to the widgets themselves; listed in the help and docs, not rebindable here.
NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("Up/Down, j/k", "Move", "Move through the list that has focus"),
    ("PageUp/PageDown, Home/End", "Jump", "Move a page, or to the first or last item"),
    ("Tab, Shift+Tab", "Switch panes", "Move between the interviews, the panel and the note"),
    ("Enter", "Open", "Open the selected interview or person"),
)


def editor_bindings(scope: str) -> list[BindingType]:
    """Bindings for a note editor on a screen of ``scope``: the editor-safe keys.

    They run ``forward`` on the editor, which passes the action on to the app or the screen.
    Screens and the app hide their single-letter bindings while an editor has focus (the letters
    type text there), so the footer shows only keys that work.
    """
    result: list[BindingType] = [b for c in commands_for("editor") for b in c.bindings()]
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


def commands_for(scope: str) -> tuple[Command, ...]:
    """The commands declared for one scope."""
    return tuple(c for c in COMMANDS if c.scope == scope)


def bindings_for(scope: str) -> list[BindingType]:
    """The bindings of one scope, ready for a ``BINDINGS`` class variable."""
    return [b for c in commands_for(scope) for b in c.bindings()]


def key_label(key: str) -> str:
    """A key as the docs and help screen write it: ``ctrl+o`` -> ``Ctrl+O``."""
    names = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter"}
    parts = key.split("+")
    *mods, last = parts
    last = names.get(last, last if len(last) == 1 else last.capitalize())
    if len(last) == 1 and mods:
        last = last.upper()
    return "+".join([*(m.capitalize() for m in mods), last])


def rows(scopes: Iterable[str] = SCOPES) -> list[tuple[str, str, str, str, str]]:
    """(scope, keys, description, help, id) rows for the help screen and docs/keys.md."""
    out = [("Lists", keys, description, help, "") for keys, description, help in NAVIGATION]
    for scope in scopes:
        for command in commands_for(scope):
            keys = key_label(command.key)
            if command.editor_key:
                keys += f", {key_label(command.editor_key)} in the editor"
            out.append(
                (SCOPES.get(scope, scope), keys, command.description, command.help, command.id)
            )
    return out


def keys_markdown() -> str:
    """docs/keys.md, generated from the table (a test keeps the file in step with it)."""
    lines = [
        "# Keys",
        "",
        "Every key followup understands, generated from the command table in",
        "`followup_tui/tui/commands.py`. Press `?` in the app for the same list, or Ctrl+P to",
        "search the actions by name. While the note editor has focus, letters type text: use the",
        "Ctrl keys shown for the editor, or press Esc to leave it first.",
        "",
        "Keys can be remapped in settings (press `,`) with lines such as `main.copy = y`; the",
        "binding ids are listed below.",
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


if __name__ == "__main__":
    print(keys_markdown(), end="")
