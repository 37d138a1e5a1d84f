"""VirtualList: only visible rows are rendered, keys and clicks move and choose, data stays data."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from textual.app import App, ComposeResult
from textual.content import Content

from followup_tui.tui.widgets.virtual_list import VirtualList

SIZE = (60, 12)
"""Terminal size for every test: the list gets all 12 lines."""


@dataclass
class Row:
    """A stand-in for an interview: an id that survives re-ordering, and a label."""

    id: int
    label: str


def rows(count: int) -> list[Row]:
    return [Row(i, f"interview {i}") for i in range(count)]


class ListApp(App[None]):
    """A screen holding one focused VirtualList; it records what the list posts."""

    def __init__(self, data: Sequence[Row], empty_text: str = "Nothing here") -> None:
        super().__init__()
        self.data = data
        self.empty_text = empty_text
        self.rendered: list[int] = []
        self.highlighted: list[tuple[int, Row]] = []
        self.selected: list[tuple[int, Row]] = []

    def compose(self) -> ComposeResult:
        yield VirtualList(self.render_row, id="list", empty_text=self.empty_text)

    def on_mount(self) -> None:
        self.list.set_rows(self.data)
        self.list.focus()

    @property
    def list(self) -> VirtualList[Row]:
        return self.query_one("#list", VirtualList)

    def render_row(self, row: Row, index: int) -> Content:
        self.rendered.append(index)
        return Content(row.label)

    def on_virtual_list_highlighted(self, message: VirtualList.Highlighted) -> None:
        self.highlighted.append((message.index, message.row))

    def on_virtual_list_selected(self, message: VirtualList.Selected) -> None:
        self.selected.append((message.index, message.row))


def screen_text(app: App[None]) -> str:
    """The text of the exported screenshot, with the SVG's escaped spaces turned back."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def assert_highlight_visible(widget: VirtualList[Row]) -> None:
    top = widget.scroll_offset.y
    assert widget.highlighted is not None
    assert top <= widget.highlighted < top + widget.scrollable_content_region.height


async def test_renders_only_the_visible_rows_of_10000() -> None:
    app = ListApp(rows(10_000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.list.virtual_size.height == 10_000
        assert 0 < len(set(app.rendered)) <= 12
        app.rendered.clear()
        await pilot.press("end")
        await pilot.pause()
        assert set(app.rendered) <= set(range(10_000 - 12, 10_000))


async def test_set_rows_renders_nothing_up_front() -> None:
    app = ListApp([])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.list.set_rows(rows(100_000))
        assert app.rendered == []  # no per-row work until the screen paints
        await pilot.pause()
        assert len(set(app.rendered)) <= 12


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j"], 1),
        (["down", "down", "down"], 3),
        (["j", "j", "k"], 1),
        (["down", "up", "up"], 0),
        (["pagedown"], 12),
        (["pagedown", "pagedown", "pageup"], 12),
        (["end"], 999),
        (["G"], 999),
        (["end", "home"], 0),
        (["G", "g"], 0),
    ],
)
async def test_keys_move_the_highlight_and_post_highlighted(keys: list[str], expected: int) -> None:
    app = ListApp(rows(1000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert app.list.highlighted == expected
        assert app.highlighted[-1] == (expected, app.data[expected])
        assert_highlight_visible(app.list)


async def test_the_highlighted_row_scrolls_into_view() -> None:
    app = ListApp(rows(1000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["j"] * 15)
        assert app.list.scroll_offset.y == 15 - 11
        assert_highlight_visible(app.list)
        await pilot.press("end")
        assert app.list.scroll_offset.y == 1000 - 12
        await pilot.press("k")
        assert app.list.scroll_offset.y == 1000 - 12  # still visible: no jump
        await pilot.press("home")
        assert app.list.scroll_offset.y == 0


async def test_enter_posts_selected_with_the_row() -> None:
    app = ListApp(rows(50))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.selected == [(2, app.data[2])]
        assert app.list.highlighted_row == app.data[2]


async def test_click_highlights_and_selects() -> None:
    app = ListApp(rows(50))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown")  # scrolled, so the click must add the offset
        top = app.list.scroll_offset.y
        await pilot.click("#list", offset=(3, 4))
        await pilot.pause()
        assert app.list.highlighted == top + 4
        assert app.selected == [(top + 4, app.data[top + 4])]


async def test_keep_follows_the_same_row_after_reordering() -> None:
    app = ListApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["j"] * 5)
        reordered = list(reversed(app.data))
        app.list.set_rows(reordered, keep=lambda row: row.id == 5)
        await pilot.pause()
        assert app.list.highlighted == 94
        assert app.list.highlighted_row == Row(5, "interview 5")
        assert app.highlighted[-1] == (94, Row(5, "interview 5"))
        assert_highlight_visible(app.list)


async def test_keep_that_finds_nothing_clamps_the_index() -> None:
    app = ListApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        app.list.set_rows(rows(10), keep=lambda row: row.id == 99)
        await pilot.pause()
        assert app.list.highlighted == 9
        assert app.list.scroll_offset.y == 0
        assert app.highlighted[-1] == (9, app.list.rows[9])


async def test_same_index_new_row_still_posts_highlighted() -> None:
    app = ListApp(rows(10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = [Row(i + 100, f"result {i}") for i in range(10)]
        app.list.set_rows(other)
        await pilot.pause()
        assert app.list.highlighted == 0
        assert app.highlighted[-1] == (0, other[0])


async def test_empty_list_shows_the_empty_text() -> None:
    app = ListApp([], empty_text="No interviews yet")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.list.highlighted is None
        assert app.list.highlighted_row is None
        assert app.list.render_line(0).text.strip() == "No interviews yet"
        assert "No interviews yet" in screen_text(app)
        await pilot.press("j", "end", "enter")  # nothing to move to or choose
        assert app.selected == []


async def test_emptying_the_list_shows_the_empty_text() -> None:
    app = ListApp(rows(30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        app.list.set_rows([])
        await pilot.pause()
        assert app.list.highlighted is None
        assert app.list.render_line(0).text.strip() == "Nothing here"
        app.list.set_rows(rows(3))
        await pilot.pause()
        assert app.list.highlighted == 0


async def test_markup_in_rows_is_shown_literally_and_is_inert() -> None:
    data = [Row(0, "[b]x[/]"), Row(1, "[@click=app.quit]q[/]")]
    app = ListApp(data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.list.render_line(0).text.rstrip() == "[b]x[/]"
        assert app.list.render_line(1).text.rstrip() == "[@click=app.quit]q[/]"
        assert not any(
            segment.style and segment.style.meta.get("@click")
            for y in (0, 1)
            for segment in app.list.render_line(y)
        )
        await pilot.click("#list", offset=(1, 1))
        await pilot.press("j", "enter", "q")
        await pilot.pause()
        assert app.is_running
        assert app.selected[-1] == (1, data[1])


async def test_refresh_rows_repaints_data_changed_in_place() -> None:
    data = rows(5)
    app = ListApp(data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        data[1] = Row(1, "★ interview 1")
        app.list.refresh_rows()
        await pilot.pause()
        assert app.list.render_line(1).text.startswith("★ interview 1")


async def test_long_rows_are_cut_to_one_line_with_an_ellipsis() -> None:
    app = ListApp([Row(0, "x" * 200 + "\nsecond line")])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.list.render_line(0)
        assert line.cell_length == app.list.scrollable_content_region.width
        assert line.text.endswith("…")
        assert "second line" not in screen_text(app)


async def test_highlight_is_dimmer_without_focus() -> None:
    app = ListApp(rows(5))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focused = app.list.render_line(0)
        plain = app.list.render_line(1)
        app.set_focus(None)
        await pilot.pause()
        blurred = app.list.render_line(0)
        styles = {strip.text: strip._segments[0].style for strip in (focused, plain)}
        assert styles[focused.text] != styles[plain.text]
        assert blurred._segments[0].style != focused._segments[0].style


async def test_a_burst_of_highlights_collapses() -> None:
    app = ListApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.highlighted.clear()
        for index in range(1, 21):
            app.list.highlighted = index  # all queued before the list handles any
        await pilot.pause()
        assert app.highlighted[-1] == (20, app.data[20])
        assert len(app.highlighted) < 20


async def test_bindings_have_ids_so_keys_can_be_remapped() -> None:
    ids = {binding.id for binding in VirtualList.BINDINGS if not isinstance(binding, tuple)}
    assert ids == {
        "list.up",
        "list.down",
        "list.page_up",
        "list.page_down",
        "list.first",
        "list.last",
        "list.select",
    }
    app = ListApp(rows(10))
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"list.down": "n"})
        await pilot.press("n", "n")
        assert app.list.highlighted == 2


async def test_new_rows_that_keep_the_scrollbar_lay_nothing_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A new count of rows changes only the scrollbar's thumb: drawn with the rows, in the same
    # frame, instead of by a layout of the screen (which redraws the thumb a frame later).
    app = ListApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.list
        layouts: list[str] = []
        real = VirtualList.refresh

        def refresh(self: VirtualList[Row], *regions: object, **options: bool) -> object:
            if options.get("layout"):
                layouts.append("layout")
            return real(self, *regions, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(VirtualList, "refresh", refresh)
        widget.set_rows(rows(50))  # still more than fit: the scrollbar stays
        assert widget.virtual_size.height == 50
        assert widget.vertical_scrollbar.window_virtual_size == 50
        assert layouts == []
        await pilot.pause()
        assert widget.max_scroll_y == 50 - widget.scrollable_content_region.height

        widget.set_rows(rows(3))  # they all fit: the scrollbar goes, the width changes
        assert layouts == ["layout"]
        await pilot.pause()
        assert not widget.show_vertical_scrollbar
        assert "interview 2" in screen_text(app)


async def test_fewer_rows_pull_the_view_back_into_them() -> None:
    app = ListApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.list
        await pilot.press("end")
        assert widget.scroll_y > 50
        widget.set_rows(rows(40), keep=lambda row: row.id == 39)
        await pilot.pause()
        assert widget.scroll_y <= widget.max_scroll_y
        assert "interview 39" in screen_text(app)
