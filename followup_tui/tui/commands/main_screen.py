"""The keys of the main screen: the interviews, their panel and the note."""

from __future__ import annotations

from .command import Command

MAIN: tuple[Command, ...] = (
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
        "main.undo",
        "undo_sent",
        "u",
        "Undo sent",
        "Take back the last note logged as sent: its history, status and due date as before",
        "main",
        show=False,
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
)
