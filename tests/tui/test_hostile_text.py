"""User text is data: markup, escape sequences, emoji, RTL scripts and huge tidbits are shown
as typed (minus control characters) and never crash the app or run an action."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from followup_tui.domain import Company, Contact, Interview, Stage
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.forms import text_input
from followup_tui.tui.widgets.note_editor import NoteEditor

from .conftest import TODAY
from .screen_text import screen_text, widget_text

HOSTILE = [
    pytest.param("[b]Ann[/]", "[b]Ann[/]", id="markup"),
    pytest.param("[/]", "[/]", id="closing-tag"),
    pytest.param("[@click=app.quit]x[/]", "[@click=app.quit]x[/]", id="click-action"),
    pytest.param(
        "Eve \x1b[31mRed\x1b[0m \x1b]0;owned\x07Lee", "Eve Red Lee", id="escape-sequences"
    ),
    pytest.param("Ana 🙂🍺 Pérez", "Ana 🙂🍺 Pérez", id="emoji"),
    pytest.param("ليلى حداد", "ليلى حداد", id="arabic"),
    pytest.param("נועה כהן", "נועה כהן", id="hebrew"),
    pytest.param("Bob\u202eevil\u202c Smith", "Bobevil Smith", id="bidi-override"),
]


def hostile_store(tmp_path: Path, name: str, tidbit: str = "likes [i]jazz[/i]") -> Store:
    store = Store.open(tmp_path / "followup.json")
    store.put(Company(id="co_x", name=f"{name} Corp"))
    store.put(Contact(id="ct_x", name=name, title=f"Head of {name}", tidbits=(tidbit,)))
    store.put(
        Interview(
            id="iv_x",
            company_id="co_x",
            role=f"{name} engineer",
            rounds=(TODAY - timedelta(days=1),),
            panel=("ct_x",),
            stage=Stage.INTERVIEWED,
        )
    )
    return store


@pytest.mark.parametrize(("typed", "shown"), HOSTILE)
async def test_hostile_names_show_as_typed(tmp_path: Path, typed: str, shown: str) -> None:
    store = hostile_store(tmp_path, typed)
    assert store.contacts["ct_x"].name == shown
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter", "enter", "escape")  # into the panel, the note, and back
        assert app.is_running
        person = widget_text(app, "#person-text")
        assert shown in person
        assert f"Head of {shown}" in person
        assert "likes [i]jazz[/i]" in person
        assert "\x1b" not in screen_text(app)
        assert shown.split()[0] in app.screen.query_one(NoteEditor).text
    store.close()


async def test_a_huge_tidbit_is_shown_and_does_not_stall(tmp_path: Path) -> None:
    tidbit = "microbrewing " * 770  # just over 10,000 characters
    store = hostile_store(tmp_path, "Tess Long", tidbit=tidbit.strip())
    assert len(store.contacts["ct_x"].tidbits[0]) >= 10_000
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "down", "up")
        assert app.is_running
        assert "Tidbits" in screen_text(app)
        assert tidbit.strip()[:10_000] in widget_text(app, "#person-text")
    store.close()


def test_cleaning_happens_at_the_model_boundary() -> None:
    contact = Contact(
        id="ct_1", name="  A\x00n\x07n\x1b[2J ", tidbits=("one\x1b]52;c;AAAA\x07 two",)
    )
    assert contact.name == "Ann"
    assert contact.tidbits == ("one two",)
    assert Interview(id="iv", company_id="c", role="R\x9bx", rounds=(date(2026, 1, 1),)).role == "R"


# Pasted and typed text: cleaned by the widget before it is shown ---------------------------------

#: C0 (SOH, STX, SO, ESC), DEL and C1 (DCS, CSI, OSC, ST, NEL), as a hostile paste carries them.
PASTE = "A\x01B\x02C\x0eD\x7fE\x90q\x9c\x9b2J\x9d0;x\x9cF\x1b]52;c;QUFB\x07G\r\nH\tI"
#: Everything a shown text may not hold (newline and tab are fine in a note).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class FieldsApp(App[None]):
    """The two widgets alone: the note editor and a form's text input."""

    def compose(self) -> ComposeResult:
        yield NoteEditor(id="note-editor", soft_wrap=True)
        yield text_input("field")


async def test_a_paste_into_the_note_keeps_lines_and_tabs_but_no_controls() -> None:
    app = FieldsApp()
    async with app.run_test(size=(80, 20)) as pilot:
        editor = app.query_one(NoteEditor)
        editor.focus()
        app.post_message(events.Paste(PASTE))  # as the terminal sends it: to the focused widget
        await pilot.pause()
        # The 8-bit introducers go, leaving their payload as plain text, as the model does.
        assert editor.text == "ABCDEq0;xFG\nH\tI"
        editor.insert("\x01\x1b[31mred\x85")
        await pilot.pause()
        assert CONTROL.search(editor.text) is None
        assert CONTROL.search(screen_text(app)) is None


async def test_a_paste_into_a_form_field_shows_no_controls() -> None:
    app = FieldsApp()
    async with app.run_test(size=(80, 20)) as pilot:
        field = app.query_one("#field", Input)
        field.focus()
        app.post_message(events.Paste("x\x01y\x02z\u202e\u2028w"))
        await pilot.pause()
        assert field.value == "xyz"  # a paste keeps its first line (Input cuts at U+2028)
        field.insert_text_at_cursor(PASTE)
        await pilot.pause()
        assert CONTROL.search(field.value) is None
        assert "\t" not in field.value and "\n" not in field.value
        await pilot.press("space", "k")
        assert field.value.endswith(" k")  # typing a space still types one
        assert CONTROL.search(screen_text(app)) is None
