"""The last guard before the terminal: no drawn line carries a character that acts on it.

The model cleans text at its boundary and the widgets clean what is typed or pasted, but text
kept on purpose (a bidi isolate in an Arabic tidbit, a line separator in a note) is still user
text. This line filter drops, from every line the app draws, the characters that a terminal
acts on or that reorder or break the line: C0 and C1 controls, DEL, the bidi embeddings,
overrides and isolates, and the line and paragraph separators. All of them take no cells, so
the layout is unchanged. Lines are cached once drawn, so the filter runs only on lines that
changed.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ..domain import UNSAFE_OUTPUT


class DropUnsafeCharacters(LineFilter):
    """Remove terminal-acting and line-reordering characters from the text of every segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """Return the segments, with those that held such characters cleaned."""
        search = UNSAFE_OUTPUT.search
        # One search of the line's text: a chop of every changed line passes here on every
        # frame, and a search per segment cost twice as much.
        if search("".join([segment.text for segment in segments if not segment.control])) is None:
            return segments
        return [
            Segment(UNSAFE_OUTPUT.sub("", segment.text), segment.style, segment.control)
            if not segment.control and search(segment.text)
            else segment
            for segment in segments
        ]
