"""The TextArea every field of the app uses: Textual's, with its undo made safe.

Undoing an edit that added many lines (a paste, say) crashed Textual 8's TextArea when the
shorter text made the scrollbar go: the text is put back before the cursor is, and hiding the
scrollbar scrolls to the cursor, still on a line that is gone (ValueError; Textual issue 6686,
open when this was written). The app closed, and the note being written with it.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widgets import TextArea


class SafeTextArea(TextArea):
    """Textual's TextArea, which does not scroll to a cursor the text no longer reaches."""

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        """Scroll the cursor into view; not while an undo has yet to put the cursor back.

        Undo and redo put the cursor back right after the text, and scroll to it then.
        """
        if self.selection.end[0] >= self.document.line_count:
            return Offset(0, 0)
        return super().scroll_cursor_visible(center, animate)
