"""The keys of the modal screens: forms, questions, pickers and the help."""

from __future__ import annotations

from .command import Command

FORMS: tuple[Command, ...] = (
    Command("form.save", "form_save", "ctrl+s", "Save", "Save and close the form", "form"),
    Command(
        "form.cancel", "form_cancel", "escape", "Cancel", "Close the form without saving", "form"
    ),
    Command(
        "panel.down",
        "form_match(1)",
        "down",
        "Next match",
        "Highlight the next person whose name matches",
        "panel",
        show=False,
        palette=False,
    ),
    Command(
        "panel.up",
        "form_match(-1)",
        "up",
        "Previous match",
        "Highlight the previous person whose name matches",
        "panel",
        show=False,
        palette=False,
    ),
)

DIALOGS: tuple[Command, ...] = (
    Command("confirm.yes", "confirm_answer(True)", "y", "Yes", "Confirm", "confirm"),
    Command(
        "confirm.no",
        "confirm_answer(False)",
        "n,escape",
        "No",
        "Keep everything as it is",
        "confirm",
    ),
    Command(
        "dialog.cancel",
        "dismiss(None)",
        "escape",
        "Cancel",
        "Close the snooze, dismiss or template picker without choosing",
        "dialog",
    ),
    Command(
        "help.close",
        "dismiss",
        "escape,q,question_mark,f1",
        "Close",
        "Close this help",
        "help",
    ),
)
