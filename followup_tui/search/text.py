"""Text matching for search: words with their offsets, folded, and typos.

Everything here works on plain strings and is shared by the index (which folds what it stores)
and the query (which folds what was typed), so both sides always agree on what a word is. The
folding itself is :func:`followup_tui.domain.fold`, the one the rest of the app matches names
with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..domain import fold

# A word: letters or digits, with any combining marks that follow them (so a decomposed "é"
# stays in its word). Hyphens, apostrophes and underscores separate words.
WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*")
_UNDERSCORE = re.compile(r"_+")


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """:func:`fold` for one word; cached, as the same words come back again and again."""
    return fold(word)


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` as (start, end, folded word); offsets index ``text`` itself."""
    for match in WORD.finditer(text):
        yield from _split_underscores(match)


def _split_underscores(match: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    start, chunk = match.start(), match.group()
    pos = 0
    for sep in _UNDERSCORE.finditer(chunk):
        if sep.start() > pos:
            yield start + pos, start + sep.start(), fold_word(chunk[pos : sep.start()])
        pos = sep.end()
    if pos < len(chunk):
        yield start + pos, start + len(chunk), fold_word(chunk[pos:])


def folded_words(text: str) -> list[str]:
    """The folded words of ``text``, in order (duplicates kept)."""
    return [word for _, _, word in words(text)]


def prefix_end(text: str, start: int, end: int, length: int) -> int:
    """Where, in ``text[start:end]``, the first ``length`` folded characters end.

    Folding can change a word's length ("ß" -> "ss", "æ" -> "ae"), so the highlight of a
    prefix is measured in folded characters and mapped back; combining marks after the last
    letter are kept with it.
    """
    count, pos = 0, start
    while pos < end and count < length:
        count += len(fold_word(text[pos]))
        pos += 1
    while pos < end and not fold_word(text[pos]):
        pos += 1
    return pos


def deletions(word: str) -> set[str]:
    """``word`` and every string one deletion away from it (the symmetric-delete keys)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def one_typo(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or
    swap of two neighbouring letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]
