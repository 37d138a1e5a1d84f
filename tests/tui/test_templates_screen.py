"""The templates screen, driven with keys on the real app over a real store file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from followup_tui.notes.builtin import BUILTIN_TEMPLATES
from followup_tui.notes.render import PLACEHOLDERS, gap
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.templates import TemplatesScreen
from followup_tui.tui.widgets.note_editor import NoteEditor

from .screen_text import current, notices, screen_text, widget_text

TODAY = date(2026, 11, 26)
SIZE = (120, 35)
THANK_YOU = next(t for t in BUILTIN_TEMPLATES if t.id == "tpl_thank_you")


async def open_templates(pilot: Pilot[None]) -> TemplatesScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    assert not isinstance(pilot.app.focused, TextArea), "m would type into the note"
    await pilot.press("m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TemplatesScreen)
    return screen


async def set_name(pilot: Pilot[None], name: str) -> None:
    """Give the template's name field its text, as typing it would (not key by key)."""
    field = pilot.app.screen.query_one("#tpl-name", Input)
    field.value = name
    await pilot.pause()


async def set_body(pilot: Pilot[None], body: str) -> None:
    """Replace the whole body in one edit, as a paste over a selection would."""
    area = pilot.app.screen.query_one("#tpl-body", TextArea)
    area.focus()
    area.replace(body, area.document.start, area.document.end)
    await pilot.pause()


async def into_body(pilot: Pilot[None]) -> TextArea:
    """Enter on the list moves into the body, at its start."""
    await pilot.press("enter")
    body = pilot.app.screen.query_one("#tpl-body", TextArea)
    assert body.has_focus
    return body


async def test_opens_on_the_note_in_use_and_previews_the_selected_person(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        listing = screen.query_one("#tpl-list", OptionList)
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "tpl_thank_you"
        text = screen_text(app)
        assert "Thank-you after a round  built-in" in text
        assert "Preview for José Álvarez-Núñez" in text
        assert "Hi José," in text
        assert "{first_name}" in text  # the body, as written
        assert "{first_name}  the contact's first name" in text  # the placeholder reference
        reference = widget_text(app, "#tpl-placeholders-text")
        assert "{interview_date}  when the last round was" in reference
        assert "(else [interview date])" in reference


async def test_edit_a_builtin_overrides_it_and_the_note_uses_it(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(pilot)
        await into_body(pilot)
        await pilot.press(*"Hello again! ")
        await pilot.press("ctrl+s")
        await pilot.pause()

        saved = store.templates["tpl_thank_you"]
        assert saved.body == "Hello again! " + THANK_YOU.body
        assert saved.builtin and saved.name == THANK_YOU.name
        assert "Thank-you after a round  edited" in screen_text(app)
        assert "Template saved" in notices(app)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(NoteEditor).text.startswith("Hello again! Hi José,")


async def test_reset_asks_then_restores_the_builtin(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("ctrl+r")  # not edited: nothing to reset
        await pilot.pause()
        assert "Nothing to reset" in notices(app)
        assert app.screen is screen

        await into_body(pilot)
        body = pilot.app.screen.query_one("#tpl-body", TextArea)
        body.insert("Edited. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tpl_thank_you" in store.templates

        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Reset “Thank-you after a round” to the built-in text?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "tpl_thank_you" in store.templates

        await pilot.press("ctrl+r")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert "tpl_thank_you" not in store.templates
        assert screen.query_one("#tpl-body", TextArea).text == THANK_YOU.body
        assert "Thank-you after a round  built-in" in screen_text(app)


async def test_add_a_template_of_your_own(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one("#tpl-name", Input).has_focus
        assert "New template" in screen_text(app)
        await set_name(pilot, "Coffee chat")
        body = screen.query_one("#tpl-body", TextArea)
        body.focus()
        await pilot.press("down", "down")
        body.insert("Fancy a coffee near {company}?")
        await pilot.press("ctrl+s")
        await pilot.pause()

        [mine] = [t for t in store.templates.values() if not t.builtin]
        assert mine.id.startswith("tpl_") and mine.name == "Coffee chat"
        assert mine.body == "Hi {first_name},\n\nFancy a coffee near {company}?\n\n{my_name}"
        listing = screen.query_one("#tpl-list", OptionList)
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == mine.id
        assert "Coffee chat · your own" in screen_text(app)


async def test_delete_asks_first_and_builtins_stay(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("ctrl+d")  # on a built-in
        await pilot.pause()
        assert app.screen is screen
        assert "Built-in templates can't be deleted" in notices(app)

        await pilot.press("ctrl+n")
        await set_name(pilot, "Short one")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [mine] = [t.id for t in store.templates.values()]

        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete “Short one”?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert mine in store.templates

        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        assert mine not in store.templates
        assert "Short one" not in screen_text(app)


async def test_empty_name_and_body_show_errors_in_place_and_save_nothing(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("ctrl+n", "ctrl+s")
        await pilot.pause()
        assert "A template needs a name." in screen_text(app)
        assert screen.query_one("#tpl-name", Input).has_focus
        assert dict(store.templates) == {}

        await set_name(pilot, "Named")
        screen.query_one("#tpl-body", TextArea).focus()
        await pilot.press("f7", "backspace", "ctrl+s")  # select all, delete
        await pilot.pause()
        text = screen_text(app)
        assert "A template needs a name." not in text
        assert "The body is empty" in text
        assert dict(store.templates) == {}


async def test_preview_follows_the_typing(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(pilot)
        await pilot.press("ctrl+n", *"Quick")  # typed, key by key
        await set_body(pilot, "{first_name} at {company}, {nickname}")
        assert widget_text(app, "#tpl-preview") == "José at Kestrel Robotics, {nickname}"
        count = widget_text(app, "#tpl-count")
        assert "36 / 8000 characters (LinkedIn message)" in count
        assert "Not a placeholder, sent as typed: {nickname}" in count


async def test_leaving_with_unsaved_edits_asks_first(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await into_body(pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert current(app, TemplatesScreen) is screen

        listing = screen.query_one("#tpl-list", OptionList)
        listing.focus()
        await pilot.press("down")  # to another template, or q to quit: both ask too
        await pilot.pause()
        assert "Open another template without saving" in screen_text(app)
        await pilot.press("n", "q")
        await pilot.pause()
        assert "Quit without saving" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert current(app, TemplatesScreen) is screen and app.is_running
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "tpl_thank_you"
        assert screen.query_one("#tpl-body", TextArea).text.startswith("xHi {first_name}")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert dict(store.templates) == {}


async def test_with_nobody_selected_the_preview_uses_a_sample(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "f.json")
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_templates(pilot)
        text = screen_text(app)
        assert "Preview for Alex Example (a sample)" in text
        assert "Hi Alex," in text
    store.close()


async def test_user_text_is_shown_as_typed_never_as_markup(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("ctrl+n")
        await set_name(pilot, "[bold]Loud[/bold]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "[bold]Loud[/bold] · your own" in screen_text(app)
        assert screen.query_one("#tpl-name", Input).value == "[bold]Loud[/bold]"


def test_the_docs_name_every_placeholder_and_its_gap() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    for name in PLACEHOLDERS:
        assert f"| `{{{name}}}` |" in docs
        assert f"| `{gap(name)}` |" in docs


async def test_control_characters_typed_into_the_name_are_dropped(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_templates(pilot)
        await pilot.press("ctrl+n")
        name = screen.query_one("#tpl-name", Input)
        name.insert_text_at_cursor("Cof\x1b]0;x\x07fee\u202e\x01")
        await pilot.pause()
        assert name.value == "Coffee"
