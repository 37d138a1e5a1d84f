"""Cleaning of user text at the model boundary, and on its way out to a terminal.

Whatever a person types, pastes or imports is data. Before it reaches the model it loses terminal
escape sequences and control characters, so it can never move the cursor, change colours or
smuggle an action into the terminal, and its length is bounded so one huge paste cannot stall the
screen. What is printed is made safe once more by :func:`terminal_safe`: a file name, a query or
a note printed by the command line shows its control characters as escapes, never as actions.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

#: Longest value kept for a one-line field (a name, a title, a company).
LINE_MAX = 300
#: Longest value kept for a URL or an email address.
URL_MAX = 2_000
#: Longest value kept for free text (notes, tidbits, note bodies).
TEXT_MAX = 50_000

# Whole escape sequences go first, so "\x1b[31mAnn" becomes "Ann" rather than "[31mAnn".
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?      # DCS, PM, APC, SOS ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]?           # CSI
    | \x9b[0-?]*[ -/]*[@-~]?             # 8-bit CSI
    | \x1b[ -/]*[0-~]?                   # any other ESC sequence
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In a one-line field tab and newline go too, and so do the line and paragraph separators and the
# bidi embeddings, overrides and isolates, which could make a name display in a misleading order.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
# Line breaks: the line and paragraph separators break a line wherever text is split into lines
# (str.splitlines, the note editor), so they count as newlines.
_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})
_LINE_BREAKS = re.compile(r"[\t\r\n\u2028\u2029]+")
#: What a terminal acts on, or what reorders or breaks printed lines: C0 controls but newline and
#: tab, DEL, C1 controls, the line and paragraph separators, and the bidi embeddings, overrides
#: and isolates. Shared with the app's last guard before the terminal (tui/safe_output.py).
UNSAFE_OUTPUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def clean_text(value: str, limit: int = TEXT_MAX) -> str:
    """Return multi-line user text without escape sequences or control characters.

    Newlines and tabs stay; carriage returns and line or paragraph separators become newlines.
    """
    if value.isprintable() and len(value) <= limit:
        return value
    value = value.replace("\r\n", "\n").translate(_BREAKS)
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _CONTROL_MULTILINE.sub("", value)[:limit]


def clean_line(value: str, limit: int = LINE_MAX) -> str:
    """Return one line of user text: no controls, no line breaks, trimmed and bounded."""
    if value.isprintable() and len(value) <= limit and value == value.strip():
        return value
    # Strip again after cutting, so cleaning a clean value never changes it.
    return clean_typed(value, line=True).strip()[:limit].rstrip()


def clean_typed(value: str, *, line: bool = False) -> str:
    """Return text being typed or pasted into a field, cleaned before it is shown.

    It loses what :func:`clean_text` (or for a one-line field, :func:`clean_line`) would take out
    later, but it is neither trimmed nor cut: typing a space still types one.
    """
    if value.isprintable():
        return value
    if not line:
        return clean_text(value, len(value))
    value = _LINE_BREAKS.sub(" ", _ESCAPE_SEQUENCE.sub("", value))
    return _CONTROL_LINE.sub("", value)


def has_control(value: str) -> bool:
    """True when ``value`` holds what a one-line field may not: a control character (tab and
    newline too), a bidi control, or a line or paragraph separator."""
    return _CONTROL_LINE.search(value) is not None


def clean_tags(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return tags as clean, lower-case, single words, without duplicates, in order."""
    seen: dict[str, None] = {}
    for value in values:
        # Lower-case before cutting: lower() can lengthen a string ("İ" becomes two characters).
        tag = clean_line(value.lower(), 60).replace(" ", "-")
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def terminal_safe(value: str, *, lines: bool = False, json: bool = False) -> str:
    """Return ``value`` ready to print: what a terminal would act on is shown as an escape.

    Every message that quotes a file name, a query or other user text goes through this, and so
    does output that lists user data. By default the result is one line: every character that is
    not printable, newline and tab included, becomes its Python escape (``\\x1b``, ``\\u202e``).
    With ``lines``, newlines and tabs stay, and the controls, the bidi controls and the line and
    paragraph separators are escaped. With ``json`` (and ``lines``), the escapes are JSON's
    (``\\u001b``), so JSON text stays valid JSON with the same values.
    """
    if lines:
        if not UNSAFE_OUTPUT.search(value):
            return value
        return UNSAFE_OUTPUT.sub(lambda found: _escape(found[0], json=json), value)
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else _escape(c, json=json) for c in value)


def _escape(char: str, *, json: bool) -> str:
    return f"\\u{ord(char):04x}" if json else repr(char)[1:-1]


#: The width every plain-text line fits in.
WIDTH = 80


def cell_width(text: str) -> int:
    """The number of terminal cells ``text`` takes: wide East Asian characters take two,
    combining marks and zero-width characters none."""
    # ASCII, most of what is measured, is one cell a character, controls included; the rest
    # is looked up one character at a time in a table filled as characters are first seen.
    if text.isascii():
        return len(text)
    return sum(map(_CELLS.__getitem__, text))


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending with "…" when it was cut."""
    room = width - 1  # the cells left beside the "…"
    if text.isascii():
        return text if len(text) <= width else text[: max(room, 0)].rstrip() + "…"
    # The cells up to and including each character; the cut goes before the first one that
    # ends past the room (characters of no width stay with the one before them).
    ends = list(accumulate(map(_CELLS.__getitem__, text)))
    if ends[-1] <= width:
        return text
    return text[: bisect_right(ends, room)].rstrip() + "…"


def _char_cells(char: str) -> int:
    """The cells one character takes: 0 for a combining mark or a zero-width character, 2 for a
    wide or full-width East Asian one, else 1. The rule :func:`cell_width` applies."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


#: Characters kept in the table at most: every script a person writes in fits many times over,
#: while text made of every character Unicode has cannot grow it without bound.
_CELLS_KEPT = 65_536


class _Cells(dict[str, int]):
    """:func:`_char_cells` of each character met so far."""

    def __missing__(self, char: str) -> int:
        cells = _char_cells(char)
        if len(self) < _CELLS_KEPT:
            self[char] = cells
        return cells


_CELLS = _Cells()


# Letters that NFKD leaves whole, spelled the way a person types them without the accent.
_LATIN = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "ĸ": "k",
        "ſ": "s",
        "ƒ": "f",
        "ɨ": "i",
        "ʉ": "u",
    }
)
#: Apostrophes people type, or not, inside names: "O'Brien", "O’Brien" and "OBrien" are one name.
_APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u02bc\u2018`\u00b4"))


def fold(text: str) -> str:
    """``text`` as names are matched: no case, accents, apostrophes or repeated spaces.

    "José Müller" -> "jose muller", "Łódź" -> "lodz", "Søren Kjær" -> "soren kjaer",
    "O’Brien" -> "obrien". The search, the panel picker and the company lookup all use it, so
    whatever one finds by typing, the others find too.
    """
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        folded = unicodedata.normalize("NFC", bare.translate(_LATIN))
    if " " in folded or not folded.isalnum():
        folded = " ".join(folded.translate(_APOSTROPHES).split())
    return folded
