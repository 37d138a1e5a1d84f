"""A note measured the way its channel counts it, against the channel's limit."""

from __future__ import annotations


def char_count(text: str) -> int:
    """Count characters the way LinkedIn's note box does, so the limit shown is the one enforced.

    Trailing whitespace is not counted. A line break counts once, whether written ``\\n``,
    ``\\r\\n`` or ``\\r``: a browser text box normalises every line break to one ``\\n``. And
    the count is in UTF-16 code units, which is how a browser measures a text box's length:
    a character beyond the Basic Multilingual Plane, such as most emoji, counts as two, and an
    emoji built from several code points counts all of them. This may overcount by a little
    but never undercounts, so a note shown as fitting is never cut short.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def limit_status(text: str, limit: int | None) -> tuple[int, int | None, bool]:
    """Return ``(count, limit, over)`` for a note on a channel whose limit is ``limit``."""
    count = char_count(text)
    return count, limit, limit is not None and count > limit
