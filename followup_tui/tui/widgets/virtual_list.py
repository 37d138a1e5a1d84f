"""A list that renders only the rows on screen, so 100,000 rows cost what 30 do.

`DataTable` and `ListView` build something for every row up front; this widget keeps a reference
to the caller's sequence and asks a callback for one line of `Content` per *visible* row, caching
the rendered strips. Replacing the rows (a search result on every keystroke) is O(1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from ..commands import bindings_for

T = TypeVar("T")

_StripKey = tuple[int, int, bool, bool]
"""Cache key of a rendered row: (row index, width, highlighted, focused)."""


@dataclass(eq=False)
class _RowMessage(Message):
    """Fields shared by the list's messages."""

    list: VirtualList[Any]
    """The list that posted the message."""
    index: int
    """Index of the row in `list.rows`."""
    row: Any
    """The row itself, as given to `set_rows`."""

    @property
    def control(self) -> VirtualList[Any]:
        """The list, so `@on(VirtualList.Selected, "#id")` works."""
        return self.list


class VirtualList(ScrollView, Generic[T], can_focus=True):
    """Rows are any objects; a render callback turns a visible row into one line of Content."""

    ALLOW_SELECT = False
    """Rows are chosen, not text-selected: a double click must not select the whole list."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("list")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--highlight",
        "virtual-list--highlight-blur",
        "virtual-list--empty",
    }

    # One line per row: never wrap, and show an ellipsis where a row is cut.
    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .virtual-list--highlight {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .virtual-list--highlight-blur {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .virtual-list--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """Index of the highlighted row, or `None` when the list is empty."""

    @dataclass(eq=False)
    class Highlighted(_RowMessage):
        """The highlight moved; a burst of these (held-down key) collapses into the last one."""

        def can_replace(self, message: Message) -> bool:
            """A newer highlight from the same list makes this one stale."""
            return isinstance(message, VirtualList.Highlighted) and message.list is self.list

    @dataclass(eq=False)
    class Selected(_RowMessage):
        """A row was chosen with Enter or a click."""

    def __init__(
        self,
        render_row: Callable[[T, int], Content],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        empty_text: str = "Nothing here",
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._render_row = render_row
        self._rows: Sequence[T] = ()
        self.empty_text = empty_text
        """Shown, dimmed, on the first line when there are no rows."""
        self._strips: LRUCache[_StripKey, Strip] = LRUCache(256)

    @property
    def rows(self) -> Sequence[T]:
        """The rows as last given to `set_rows` (the same object, not a copy)."""
        return self._rows

    @property
    def highlighted_row(self) -> T | None:
        """The highlighted row, or `None` when the list is empty."""
        index = self.highlighted
        return None if index is None else self._rows[index]

    def set_rows(self, rows: Sequence[T], *, keep: Callable[[T], bool] | None = None) -> None:
        """Show `rows` instead of the current ones, in O(1); the sequence is kept, not copied.

        `keep` recognises the highlighted row in the new rows (for example by id); it is tried on
        the same index first, then on every row. When it is missing or finds nothing the index is
        kept, clamped to the new length.
        """
        old_index, old_row = self.highlighted, self.highlighted_row
        self._rows = rows
        self._strips.clear()
        self._update_virtual_size()
        index = self._find(keep, old_index) if keep is not None else None
        if index is None and rows:
            index = 0 if old_index is None else min(old_index, len(rows) - 1)
        if index == old_index:
            # Same index, maybe another row under it: the watcher will not fire, so say so here.
            if index is not None and rows[index] is not old_row:
                self.post_message(self.Highlighted(self, index, rows[index]))
            self.scroll_to_highlight()
        else:
            self.highlighted = index
        self.refresh()

    def refresh_rows(self) -> None:
        """Re-render the visible rows after the data changed in place (a marker, a name)."""
        self._strips.clear()
        self._update_virtual_size()
        # Re-validate against a length that may have changed.
        self.highlighted = 0 if self.highlighted is None else self.highlighted
        self.refresh()

    def _find(self, keep: Callable[[T], bool], hint: int | None) -> int | None:
        """The index of the first row `keep` accepts, trying `hint` first."""
        rows = self._rows
        if hint is not None and hint < len(rows) and keep(rows[hint]):
            return hint
        return next((index for index, row in enumerate(rows) if keep(row)), None)

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._rows))
        if size == self.virtual_size:
            return
        if size.width == self.virtual_size.width and self._keeps_scrollbar(size.height):
            # Only the count of rows changed, and the scrollbar stays (or stays away): the new
            # height and the scrollbar's thumb are drawn with the rows, in the same frame. As a
            # reactive with layout, the height would lay out the whole screen, and the thumb,
            # updated by that layout, would come in a second frame.
            self.set_reactive(VirtualList.virtual_size, size)
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.window_virtual_size = size.height
                self.vertical_scrollbar.refresh()
            self.scroll_y = self.validate_scroll_y(self.scroll_y)
            return
        self.virtual_size = size  # a scrollbar comes or goes: the width changes, lay it out

    def _keeps_scrollbar(self, height: int) -> bool:
        """Whether the vertical scrollbar shows (or not) for ``height`` rows as it does now."""
        if not self.is_mounted or not self.container_size:
            return False
        overflow = self.styles.overflow_y
        if overflow == "auto":
            return (height > self.container_size.height) == self.show_vertical_scrollbar
        return overflow in ("scroll", "hidden")

    def validate_highlighted(self, index: int | None) -> int | None:
        """Keep the highlight on an existing row."""
        if index is None or not self._rows:
            return None
        return max(0, min(index, len(self._rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Repaint the two rows that changed, follow the highlight and tell the parent."""
        self.scroll_to_highlight()
        if old is not None:
            self.refresh_line(old)
        if new is not None:
            self.refresh_line(new)
            self.post_message(self.Highlighted(self, new, self._rows[new]))

    def scroll_to_highlight(self) -> None:
        """Scroll just enough to show the highlighted row."""
        if self.highlighted is None or not self.is_mounted:
            return
        self.scroll_to_region(
            Region(0, self.highlighted, 1, 1),
            animate=False,
            force=True,
            x_axis=False,
            immediate=True,
        )

    def _move(self, delta: int) -> None:
        """Move the highlight by `delta` rows; validation clamps it to the ends."""
        if self._rows:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + delta

    def action_cursor_up(self) -> None:
        """Highlight the previous row."""
        self._move(-1)

    def action_cursor_down(self) -> None:
        """Highlight the next row."""
        self._move(1)

    def action_page_up(self) -> None:
        """Move the highlight up by a screenful."""
        self._move(-max(1, self.scrollable_content_region.height))

    def action_page_down(self) -> None:
        """Move the highlight down by a screenful."""
        self._move(max(1, self.scrollable_content_region.height))

    def action_first(self) -> None:
        """Highlight the first row."""
        self.highlighted = 0

    def action_last(self) -> None:
        """Highlight the last row."""
        self.highlighted = len(self._rows) - 1

    def action_select(self) -> None:
        """Post `Selected` for the highlighted row."""
        index = self.highlighted
        if index is not None:
            self.post_message(self.Selected(self, index, self._rows[index]))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self._rows):
            self.highlighted = index
            self.action_select()

    def _on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self._strips.grow(self.scrollable_content_region.height * 4)
        self._update_virtual_size()
        self.scroll_to_highlight()

    def on_focus(self) -> None:
        """Brighten the highlight."""
        self._refresh_highlight()

    def on_blur(self) -> None:
        """Dim the highlight."""
        self._refresh_highlight()

    def _refresh_highlight(self) -> None:
        if self.highlighted is not None:
            self.refresh_line(self.highlighted)

    def notify_style_update(self) -> None:
        """Styles (a theme, a class) changed: cached strips carry the old colours."""
        self._strips.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Catch up with a scrollbar that came or went, so nothing scrolls sideways."""
        self._update_virtual_size()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """The strip for the row at `y` lines below the top of the view."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if not self._rows:
            if y != 0:
                return Strip.blank(width, self.visual_style.rich_style)
            text = Content(self.empty_text)
            text = text.pad_left(max(0, (width - text.cell_length) // 2))
            return self._to_strip(text, width, self.get_visual_style("virtual-list--empty"))
        if index >= len(self._rows):
            return Strip.blank(width, self.visual_style.rich_style)
        highlighted = index == self.highlighted
        focused = self.has_focus
        key = (index, width, highlighted, focused)
        if (strip := self._strips.get(key)) is None:
            if highlighted:
                style = self.get_visual_style(
                    "virtual-list--highlight" if focused else "virtual-list--highlight-blur"
                )
            else:
                style = self.visual_style
            content = self._render_row(self._rows[index], index)
            strip = self._strips[key] = self._to_strip(content, width, style)
        return strip

    def _to_strip(self, content: Content, width: int, style: Style) -> Strip:
        """One line of `content`, exactly `width` cells wide, on `style`."""
        strips = Visual.to_strips(self, content, width, 1, style, pad=True)
        rich_style = style.rich_style
        strip = strips[0] if strips else Strip.blank(width, rich_style)
        return strip.adjust_cell_length(width, rich_style)
