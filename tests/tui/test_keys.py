"""One command table: keys, help, palette and docs/keys.md all agree with it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import SystemCommand

from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.commands import COMMANDS, commands_for, keys_markdown, rows
from followup_tui.tui.screens.main import MainScreen

from .conftest import TODAY
from .screen_text import current, notices, widget_text

DOCS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"


def test_docs_keys_md_matches_the_command_table() -> None:
    assert DOCS.read_text(encoding="utf-8") == keys_markdown(), (
        "docs/keys.md is out of date: run  python -m followup_tui.tui.commands > docs/keys.md"
    )


def test_every_command_has_an_id_a_key_and_words() -> None:
    ids = [c.id for c in COMMANDS]
    assert len(ids) == len(set(ids))
    for command in COMMANDS:
        assert command.key and command.description and command.help


async def test_help_lists_every_key(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        text = widget_text(demo_app, "#help-text")
        for _scope, keys, description, _help, _id in rows():
            assert keys in text
            assert description in text
        await pilot.press("escape")
        assert "#help-text" not in [f"#{w.id}" for w in demo_app.screen.query("*")]


async def test_palette_lists_every_action_of_the_screen(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)):
        titles = {
            c.title
            for c in demo_app.get_system_commands(demo_app.screen)
            if isinstance(c, SystemCommand)
        }
        for command in (*commands_for("app"), *commands_for("main")):
            if command.id != "app.palette":
                assert command.description in titles


def test_every_command_names_an_action_that_exists() -> None:
    from followup_tui.tui.screens.main import MainScreen
    from followup_tui.tui.screens.review import ReviewScreen

    for command in COMMANDS:
        owner = {"app": FollowupApp, "review": ReviewScreen}.get(command.scope, MainScreen)
        if command.scope == "editor":
            from followup_tui.tui.widgets.note_editor import NoteEditor as owner
        assert hasattr(owner, f"action_{command.action}"), command.id


async def test_keys_can_be_remapped_from_settings(demo_store: Store) -> None:
    demo_store.set_settings(replace(demo_store.settings, keymap={"main.filter": "y"}))
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("y")
        assert current(app, MainScreen).stage_filter is not None


async def test_a_stored_keymap_that_breaks_the_rules_is_not_applied(demo_store: Store) -> None:
    # Saved by an older followup, or edited by hand: Tab would quit the app.
    demo_store.set_settings(replace(demo_store.settings, keymap={"app.quit": "tab,j"}))
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("tab", "j")
        assert app.is_running
        assert "Keys not remapped" in notices(app)
        assert "app.quit" in notices(app)
