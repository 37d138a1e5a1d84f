"""Cleaning of user text at the model boundary.

Whatever a person types, pastes or imports is data. Before it reaches the model it loses terminal
escape sequences and control characters, so it can never move the cursor, change colours or
smuggle an action into the terminal, and its length is bounded so one huge paste cannot stall the
screen.
"""

from __future__ import annotations

import re

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
# In a one-line field tab and newline go too, and so do the bidi embeddings, overrides and
# isolates, which could make a name display in a misleading order.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str, limit: int = TEXT_MAX) -> str:
    """Return multi-line user text without escape sequences or control characters.

    Newlines and tabs stay; carriage returns are folded into newlines.
    """
    if value.isprintable() and len(value) <= limit:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _CONTROL_MULTILINE.sub("", value)[:limit]


def clean_line(value: str, limit: int = LINE_MAX) -> str:
    """Return one line of user text: no controls, no line breaks, trimmed and bounded."""
    if value.isprintable() and len(value) <= limit and value == value.strip():
        return value
    value = _ESCAPE_SEQUENCE.sub("", value)
    value = re.sub(r"[\t\r\n]+", " ", value)
    # Strip again after cutting, so cleaning a clean value never changes it.
    return _CONTROL_LINE.sub("", value).strip()[:limit].rstrip()


def clean_tags(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return tags as clean, lower-case, single words, without duplicates, in order."""
    seen: dict[str, None] = {}
    for value in values:
        # Lower-case before cutting: lower() can lengthen a string ("İ" becomes two characters).
        tag = clean_line(value.lower(), 60).replace(" ", "-")
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)
