"""The keys that work on every screen, and the note editor's own."""

from __future__ import annotations

from .command import Command

APP: tuple[Command, ...] = (
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
        "app.export",
        "export_data",
        "E",
        "Export",
        "Write the data as JSON, a spreadsheet, a report, a calendar or vCards",
        "app",
        show=False,
    ),
    Command(
        "app.import",
        "import_data",
        "I",
        "Import",
        "Bring in a followup export, a spreadsheet, LinkedIn's data export or vCards",
        "app",
        show=False,
    ),
    Command(
        "app.palette",
        "command_palette",
        "ctrl+p",
        "Commands",
        "Search every action by name (the command palette)",
        "app",
        show=False,
        palette=False,
    ),
)

EDITOR: tuple[Command, ...] = (
    Command(
        "editor.leave",
        "leave_editor",
        "escape",
        "Leave note",
        "Leave the note editor so single-letter keys work again",
        "editor",
    ),
)
