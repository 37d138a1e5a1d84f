"""The editor repaints only the rows an edit changed, and the screen is never stale for it.

The oracle: after every step of a random walk of edits, cursor moves, selections, undo, redo and
resizes, the rows the editor shows (its cached rows, as the next frame sends them) are exactly
the rows a repaint of the whole editor draws. A row the edit forgot to repaint would keep its
old text or its old cursor and differ.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.widgets.note_editor import NoteEditor
from followup_tui.tui.widgets.row_painting import RowPaintingTextArea

from .screen_text import wait_for
from .test_main_screen import type_at_end_of_note

#: Text that wraps, scrolls and draws differently: wide characters, emoji, tabs, brackets that
#: the editor matches, accents, new lines.
PIECES = ["a", "b", " ", "word ", "\n", "[", "]", "(x)", "é", "あ", "😀", "\t", "longerword "]
KEYS = ["a", "space", "enter", "backspace", "delete", "left", "right", "up", "down", "end"]
#: What the editor's keys do, called straight away (a key through the app costs a frame).
ACTIONS = [
    "delete_left",
    "delete_right",
    "delete_word_left",
    "delete_to_end_of_line",
    "cursor_left",
    "cursor_right",
    "cursor_up",
    "cursor_down",
    "cursor_line_end",
    "cursor_word_left",
    "select_line",
]


class EditorApp(App[None]):
    """One editor, narrow enough to wrap and short enough to scroll."""

    CSS = "RowPaintingTextArea { width: 30; height: 9; }"

    def __init__(self, text: str, **options: Any) -> None:
        super().__init__()
        self._text = text
        self._options = options

    def compose(self) -> ComposeResult:
        area = RowPaintingTextArea(self._text, soft_wrap=True, **self._options)
        area.cursor_blink = False  # the cursor stays drawn: both paintings see the same one
        yield area


def painted(area: RowPaintingTextArea) -> list[list[tuple[str, object]]]:
    """Every row as the editor would send it now: its kept rows, and those marked to repaint."""
    rows = area.render_lines(Region(0, 0, area.size.width, area.size.height))
    return [[(segment.text, segment.style) for segment in row.simplify()] for row in rows]


def assert_shown_as_whole(area: RowPaintingTextArea, what: str) -> None:
    """The rows shown are those a repaint of the whole editor draws."""
    shown = painted(area)
    area.notify_style_update()  # forget the rows it keeps, and ...
    area.refresh()  # ... those Textual keeps: draw every row from the text
    assert shown == painted(area), f"stale rows after: {what}"


def location(area: RowPaintingTextArea, rng: random.Random) -> tuple[int, int]:
    line = rng.randrange(area.document.line_count)
    return line, rng.randint(0, len(area.document[line]))


async def step(pilot: Pilot[None], area: RowPaintingTextArea, rng: random.Random) -> str:
    """Do one random thing a person or the app does to the note; say what it was."""
    roll = rng.random()
    if roll < 0.08:
        key = rng.choice(KEYS)
        await pilot.press(key)
        await pilot.pause()
        return f"press {key}"
    if roll < 0.3:
        action = rng.choice(ACTIONS)
        getattr(area, f"action_{action}")()
        return action
    if roll < 0.55:
        text = "".join(rng.choices(PIECES, k=rng.randint(1, 3)))
        area.insert(text)
        return f"insert {text!r} at the cursor"
    if roll < 0.65:
        where = location(area, rng)
        text = rng.choice(PIECES)
        area.insert(text, where)
        return f"insert {text!r} at {where}"
    if roll < 0.75:
        start, end = sorted((location(area, rng), location(area, rng)))
        area.delete(start, end)
        return f"delete {start}..{end}"
    if roll < 0.82:
        start, end = location(area, rng), location(area, rng)
        area.selection = Selection(start, end)
        return f"select {start}..{end}"
    if roll < 0.88:
        where = location(area, rng)
        area.move_cursor(where)
        return f"move to {where}"
    if roll < 0.94:
        area.undo() if rng.random() < 0.6 else area.redo()
        return "undo or redo"
    width, height = rng.randint(24, 40), rng.randint(6, 12)
    area.styles.width, area.styles.height = width, height
    # A resize is laid out, then re-wrapped, over the next frames: compare once it is done.
    await wait_for(pilot, lambda: area.outer_size == (width, height), "the resize")
    await pilot.pause()
    return f"resize to {width}x{height}"


@pytest.mark.parametrize(
    ("seed", "options"),
    [
        (1, {}),
        (2, {"show_line_numbers": True}),
        (3, {"placeholder": "Write the note here, and mind\nthe second line"}),
        (4, {"tab_behavior": "indent"}),
    ],
)
async def test_every_row_shown_is_the_row_a_whole_repaint_draws(
    seed: int, options: dict[str, Any]
) -> None:
    rng = random.Random(seed)
    text = "Hi Oliver, the roadmap [your name] came back to me.\n\nAll the best,\n(me)"
    app = EditorApp("" if "placeholder" in options else text, **options)
    async with app.run_test(size=(50, 16)) as pilot:
        area = app.query_one(RowPaintingTextArea)
        area.focus()
        await pilot.pause()
        done: list[str] = []
        for _ in range(80):
            # What the app does is done at once (the rows to paint are marked as it happens):
            # only keys and resizes go through the app's queue, and their steps wait for it.
            done.append(await step(pilot, area, rng))
            assert_shown_as_whole(area, str(done[-6:]))


async def test_an_edit_that_moves_the_cursor_off_a_bracket_unmarks_its_pair_rows_away() -> None:
    app = EditorApp("(\nthe pair of this bracket is two rows down\n)")
    async with app.run_test(size=(50, 16)) as pilot:
        area = app.query_one(RowPaintingTextArea)
        area.focus()
        area.move_cursor((0, 0))  # on "(": its ")" is drawn matched
        await pilot.pause()
        assert area._matching_bracket_location == (2, 0)
        area.action_delete_right()  # no bracket under the cursor now
        assert area._matching_bracket_location is None
        assert_shown_as_whole(area, "deleting the bracket")


async def test_an_edit_that_narrows_the_line_numbers_repaints_every_row() -> None:
    app = EditorApp("", show_line_numbers=True)
    async with app.run_test(size=(50, 16)) as pilot:
        area = app.query_one(RowPaintingTextArea)
        area.focus()
        area.load_text("\n" * 9)  # ten lines: numbers two digits wide
        await pilot.pause()
        width = area.wrap_width
        # Line 9 fits its row; joined with line 10 it wraps at its space, even with the row
        # one cell wider once the numbers need one digit: the height stays ten rows.
        ninth = "x" * (width - 6) + " bbbbb"
        area.load_text("a\n" * 8 + ninth + "\ncccc")
        await pilot.pause()
        height = area.wrapped_document.height
        area.delete((8, len(ninth)), (9, 0))
        assert area.wrapped_document.height == height  # else every row is painted anyway
        assert_shown_as_whole(area, "joining the ninth and tenth lines")


async def test_typing_repaints_the_rows_it_changed_not_the_whole_editor(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[int] = []
    real = NoteEditor.render_line

    def render_line(self: NoteEditor, y: int) -> Any:
        drawn.append(y)
        return real(self, y)

    monkeypatch.setattr(NoteEditor, "render_line", render_line)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        editor = await type_at_end_of_note(pilot, "Fjord Analytics", "Søren Kjær")
        rows = editor.size.height
        drawn.clear()
        for key in "thanks":
            await pilot.press(key)
        await pilot.pause()
        assert editor.text.endswith("thanks")
        # One row a key, the row typed on (wrapping can add one): not every row the note shows.
        assert 0 < len(drawn) <= 2 * len("thanks") < rows


async def test_a_new_line_renumbers_the_lines_below_even_when_no_row_is_added() -> None:
    app = EditorApp("", show_line_numbers=True)
    async with app.run_test(size=(50, 16)) as pilot:
        area = app.query_one(RowPaintingTextArea)
        area.focus()
        await pilot.pause()
        first = "x" * (area.wrap_width - 3) + " yyyy"  # two rows, wrapped at its space
        area.load_text(f"{first}\nbelow")
        await pilot.pause()
        height = area.wrapped_document.height
        area.insert("\n", (0, area.wrap_width - 3))  # two lines of a row each
        assert area.wrapped_document.height == height
        assert_shown_as_whole(area, "splitting the first line")
