"""The keys that move through lists: the app's long lists, the panel, and the search results.

None shows in the footer; the arrows, PageUp/PageDown and Home/End have letter twins for those
who keep their hands on the keyboard.
"""

from __future__ import annotations

from .command import Command

LIST: tuple[Command, ...] = (
    Command(
        "list.up", "cursor_up", "up,k", "Up", "Move up the list that has focus", "list", show=False
    ),
    Command(
        "list.down",
        "cursor_down",
        "down,j",
        "Down",
        "Move down the list that has focus",
        "list",
        show=False,
    ),
    Command("list.page_up", "page_up", "pageup", "Page up", "Move a page up", "list", show=False),
    Command(
        "list.page_down",
        "page_down",
        "pagedown",
        "Page down",
        "Move a page down",
        "list",
        show=False,
    ),
    Command("list.first", "first", "home,g", "First", "Go to the first row", "list", show=False),
    Command("list.last", "last", "end,G", "Last", "Go to the last row", "list", show=False),
    Command("list.select", "select", "enter", "Select", "Open the highlighted row", "list"),
)

PEOPLE: tuple[Command, ...] = (
    Command(
        "people.up",
        "cursor_up",
        "k",
        "Up",
        "Move up the panel (the arrows, Home and End work too)",
        "people",
        show=False,
    ),
    Command(
        "people.down",
        "cursor_down",
        "j",
        "Down",
        "Move down the panel; Enter opens the person",
        "people",
        show=False,
    ),
)

SEARCH: tuple[Command, ...] = (
    Command("search.back", "dismiss(None)", "escape", "Back", "Back to where you were", "search"),
    Command(
        "search.company",
        "open_company",
        "ctrl+o",
        "Company",
        "Open the company of the highlighted result: an interview's, or where a person works "
        "or used to",
        "search",
    ),
    *(
        Command(
            f"search.{name}",
            f"move({step})",
            key,
            description,
            f"Highlight {what} while you type",
            "search",
            show=False,
            palette=False,
        )
        for name, step, key, description, what in (
            ("down", 1, "down", "Down", "the next result"),
            ("up", -1, "up", "Up", "the previous result"),
            ("page_down", 10, "pagedown", "Page down", "the result a page down"),
            ("page_up", -10, "pageup", "Page up", "the result a page up"),
        )
    ),
)
