"""The settings screen, driven with keys on the real app over a real store file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, TextArea

from followup_tui.demo.dataset import SETTINGS
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.settings import SettingsScreen, binding_ids, parse_keymap
from followup_tui.tui.screens.templates import TemplatesScreen
from followup_tui.tui.widgets.note_editor import NoteEditor

from .screen_text import current, notices, screen_text, wait_for, widget_text

TODAY = date(2026, 11, 26)
SIZE = (120, 35)


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    assert not isinstance(pilot.app.focused, TextArea), ", would type into the note"
    await pilot.press("comma")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def write_keymap(pilot: Pilot[None], text: str) -> None:
    """Replace the keymap box's text in one edit (the typing is not what is tested)."""
    area = pilot.app.screen.query_one("#set-keymap", TextArea)
    area.focus()
    area.replace(text + "\n", area.document.start, area.document.end)
    await pilot.pause()


async def test_your_name_reaches_the_note(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#set-your-name", Input).has_focus
        assert "Sam Rivera" in screen_text(app)
        await pilot.press("ctrl+u", *"Robin Vale", "tab")  # then the signature: empty it
        assert screen.query_one("#set-signature", TextArea).has_focus
        await pilot.press("f7", "backspace", "ctrl+s")
        await pilot.pause()
        assert store.settings.your_name == "Robin Vale"
        assert store.settings.signature == ""
        assert store.settings.default_cadence_days == SETTINGS.default_cadence_days
        assert "Settings saved" in notices(app)

        await pilot.press("escape")  # saved: leaves without asking
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(NoteEditor).text.endswith("Best,\nRobin Vale")


async def test_free_account_counts_invitations_against_200(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        assert "Invitation limit in use: 300 characters." in widget_text(app, "#set-limit-note")
        screen.query_one("#set-free", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "Invitation limit in use: 200 characters (free account)." in screen_text(app)
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert store.settings.linkedin_free_account

        await pilot.press("m")  # the invitation template, counted against the new limit
        await pilot.pause()
        assert isinstance(app.screen, TemplatesScreen)
        await pilot.press("home", "down")
        await pilot.pause()
        assert "/ 200 characters (LinkedIn invitation)" in screen_text(app)


async def test_a_remapped_key_works_at_once(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await write_keymap(pilot, "main.copy = y")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert store.settings.keymap == {"main.copy": "y"}
        assert isinstance(app.screen, MainScreen)
        assert not isinstance(app.focused, TextArea)

        await pilot.press("c")  # no longer the copy key
        await pilot.press("y")
        await wait_for(pilot, lambda: "Note copied" in notices(app), "the copy (in a thread)")
        assert notices(app).count("Note copied") == 1


async def test_keymap_mistakes_are_named_in_place_and_nothing_is_saved(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await write_keymap(pilot, "main.cpy = y\nmain.sent =\n# a comment\nnonsense")
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = widget_text(app, "#set-keymap-error")
        assert "Line 1: there is no binding id “main.cpy”" in errors
        assert "Line 2: give main.sent a key" in errors
        assert "Line 4: write it as" in errors
        assert "no binding id" in screen_text(app)
        assert store.settings == SETTINGS

        await write_keymap(pilot, "main.copy = s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert widget_text(app, "#set-keymap-error") == "s would do both main.copy and main.sent"
        assert store.settings == SETTINGS


async def test_numbers_are_checked_in_place(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#set-cadence", Input).focus()
        await pilot.press("ctrl+u", "0")
        screen.query_one("#set-budget", Input).focus()
        await pilot.press("ctrl+u", "ctrl+s")
        await pilot.pause()
        assert "Enter a whole number from 1 to 3,650." in screen_text(app)
        assert screen.query_one("#set-cadence", Input).has_focus
        assert store.settings == SETTINGS

        await pilot.press("ctrl+u", "4", "5", "ctrl+s")
        await pilot.pause()
        assert "Enter a whole number" not in screen_text(app)
        assert store.settings.default_cadence_days == 45
        assert store.settings.invite_budget is None  # blank: no limit


async def test_leaving_with_unsaved_changes_asks_first(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app, SettingsScreen) is screen
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert store.settings == SETTINGS


def test_parse_keymap_reads_lists_of_keys_and_ignores_blank_lines() -> None:
    text = "\n  main.copy = y, ctrl+y  \n\n# comment\napp.help.editor=f2\n"
    assert parse_keymap(text) == ({"main.copy": "y,ctrl+y", "app.help.editor": "f2"}, [])


def test_parse_keymap_allows_swapping_two_keys() -> None:
    keymap, errors = parse_keymap("main.copy = s\nmain.sent = c")
    assert errors == []
    assert keymap == {"main.copy": "s", "main.sent": "c"}


def test_parse_keymap_finds_a_clash_however_the_key_is_written() -> None:
    assert parse_keymap("main.copy = ?")[1] == ["? would do both app.help and main.copy"]


def test_the_docs_list_every_binding_id() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    for binding_id in binding_ids():
        assert f"| `{binding_id}` |" in docs


def test_parse_keymap_keeps_textuals_own_keys() -> None:
    assert parse_keymap("main.copy = ctrl+q")[1] == ["Line 1: Ctrl+Q is kept for quitting"]
    assert parse_keymap("app.quit = ctrl+q") == ({"app.quit": "ctrl+q"}, [])


async def test_control_characters_typed_into_your_name_are_dropped(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        name = screen.query_one("#set-your-name", Input)
        name.value = ""
        name.insert_text_at_cursor("Ro\x1b[31mbin\x9b2J")
        await pilot.pause()
        assert name.value == "Robin"
