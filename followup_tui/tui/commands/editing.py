"""The keys of the screens that edit what followup works from: the templates and the settings.

Their Ctrl keys are priority bindings, so they work while a text field has focus.
"""

from __future__ import annotations

from .command import Command

TEMPLATES: tuple[Command, ...] = (
    Command(
        "templates.back",
        "back",
        "escape",
        "Back",
        "Back to the main screen (asks first when a template is not saved)",
        "templates",
    ),
    Command(
        "templates.save",
        "save",
        "ctrl+s",
        "Save",
        "Save the template being edited",
        "templates",
        priority=True,
    ),
    Command(
        "templates.new",
        "new",
        "ctrl+n",
        "New",
        "Start a new template of your own",
        "templates",
        priority=True,
    ),
    Command(
        "templates.new.letter",
        "new",
        "n",
        "New",
        "Start a new template (while the list has focus)",
        "templates",
        show=False,
        palette=False,
    ),
    Command(
        "templates.reset",
        "reset",
        "ctrl+r",
        "Reset built-in",
        "Put an edited built-in template back as shipped",
        "templates",
        priority=True,
    ),
    Command(
        "templates.delete",
        "delete",
        "ctrl+d",
        "Delete",
        "Delete a template of your own (asks first)",
        "templates",
        priority=True,
    ),
    Command(
        "templates.quit",
        "quit_checked",
        "q",
        "Quit",
        "Leave followup (asks first when a template is not saved)",
        "templates",
        show=False,
    ),
)

SETTINGS: tuple[Command, ...] = (
    Command(
        "settings.back",
        "back",
        "escape",
        "Back",
        "Back to the main screen (asks first when the settings are not saved)",
        "settings",
    ),
    Command(
        "settings.save",
        "save",
        "ctrl+s",
        "Save",
        "Check and save the settings; a new keymap applies at once",
        "settings",
        priority=True,
    ),
    Command(
        "settings.quit",
        "quit_checked",
        "q",
        "Quit",
        "Leave followup (asks first when the settings are not saved)",
        "settings",
        show=False,
    ),
)
