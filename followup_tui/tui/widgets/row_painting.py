"""A TextArea that repaints only the rows an edit changed, not every row it shows.

Textual's TextArea repaints all of itself on every key: an edit moves the cursor, and the
cursor (``selection``) is a reactive that repaints the whole widget. Every visible row is then
drawn again, and the compositor cuts every row of every widget around it again, though a typed
letter changes one row, or a paragraph when it re-wraps. That full repaint is most of a key's
cost (docs/performance.md).

:class:`RowPaintingTextArea` makes an edit repaint only what it changed: the rows of the lines
it replaced (as they were wrapped before and after), and the rows that showed the cursor, the
selection or a matched bracket before or after. An edit that scrolls, changes the wrapped
height, empties or fills the text (the placeholder) or, with line numbers, adds or removes a
line repaints everything, as does all else the stock way: undo and redo, loading a text, a move
of the cursor without an edit, the theme or focus. A resize repaints everything too, once the
text is re-wrapped, which Textual itself does not do when the height stays the same.

What is on screen is always what a full repaint would show: ``tests/tui/test_row_painting.py``
checks that after every step of random edits.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Self

from textual import events
from textual.geometry import Region
from textual.widgets.text_area import Edit, EditResult, Location

from .text_area import SafeTextArea


class RowPaintingTextArea(SafeTextArea):
    """A TextArea whose edits repaint the rows they changed, not the whole widget."""

    _painting_rows = False
    """True inside :meth:`edit`: a repaint of the whole widget is held, and rows painted after."""

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Refresh as Textual does, except a whole repaint asked for inside an edit."""
        if self._painting_rows and repaint and not (regions or layout or recompose):
            return self  # the edit paints the rows it changed when it is done
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def on_resize(self, event: events.Resize) -> None:
        """Paint every row once the text is wrapped to the new width.

        Textual re-wraps the text on a resize but repaints it only if the wrapped height
        changed; the rows were drawn before the re-wrap, so the old wrapping would stay on
        screen (the stock editor hides that on the next key, which repaints everything).
        """
        self.refresh()

    def edit(self, edit: Edit) -> EditResult:
        """Make the edit; repaint only the rows it changed (see the module's docstring)."""
        if self._painting_rows or not (self.is_mounted and self.soft_wrap) or self.language:
            # Unwrapped text scrolls sideways, and highlighting can change any row: stock.
            return super().edit(edit)
        try:
            before = self._frame()
            marked = self._marked_rows()
            top, old_bottom = self._rows(edit.top[0])[0], self._rows(edit.bottom[0])[1]
        except ValueError:
            # A row asked for is not in the wrapped text (the cursor left on a line an undo took
            # away, as in Textual's bug of text_area.py): no row here can be trusted, so the
            # edit goes Textual's way, repainting everything.
            return super().edit(edit)
        self._painting_rows = True
        try:
            result = super().edit(edit)
        finally:
            self._painting_rows = False
        try:
            if before == self._frame():
                bottom = max(old_bottom, self._rows(result.end_location[0])[1])
                for first, last in ((top, bottom), *marked, *self._marked_rows()):
                    self.refresh_lines(first, last - first + 1)
                return result
        except ValueError:
            pass
        self.refresh()  # scrolled, re-wrapped to another height, the placeholder, ...
        return result

    def _frame(self) -> tuple[object, ...]:
        """What, if an edit changes it, means every row must be painted again: the scroll, the
        size, the wrapped height, whether there is no text (the placeholder), and with line
        numbers their width and the number of lines (the numbers below an edit move)."""
        document = self.document
        empty = document.line_count == 1 and not document[0]
        numbers = (self.gutter_width, document.line_count) if self.show_line_numbers else None
        return (self.scroll_offset, self.size, self.wrapped_document.height, numbers, empty)

    def _rows(self, line: int) -> tuple[int, int]:
        """The first and last wrapped row of document line ``line``."""
        first = self._first_row(line)
        return first, first + len(self.wrapped_document.get_offsets(line))

    def _row_of(self, location: Location) -> int:
        """The wrapped row that shows ``location``."""
        line, column = location
        return self._first_row(line) + bisect_right(self.wrapped_document.get_offsets(line), column)

    def _first_row(self, line: int) -> int:
        wrapped = self.wrapped_document
        # Textual keeps each line's rows; the public way there cuts the line into its sections.
        rows = getattr(wrapped, "_line_index_to_offsets", None)
        if isinstance(rows, list) and 0 <= line < len(rows):
            return int(rows[line][0])
        return wrapped.location_to_offset((line, 0)).y

    def _marked_rows(self) -> list[tuple[int, int]]:
        """Rows drawn differently for where the cursor, the selection and a matched bracket are."""
        start, end = self.selection
        rows = sorted((self._row_of(start), self._row_of(end)))
        marked = [(rows[0], rows[1])]
        # Textual's own record of the bracket it highlights (private: read with care).
        bracket = getattr(self, "_matching_bracket_location", None)
        if bracket is not None:
            row = self._row_of(bracket)
            marked.append((row, row))
        return marked
