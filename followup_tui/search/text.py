"""Text matching for search: words with their offsets, folded, and typos.

Everything here works on plain strings and is shared by the index (which folds what it stores)
and the query (which folds what was typed), so both sides always agree on what a word is. The
folding itself is :func:`followup_tui.domain.fold`, the one the rest of the app matches names
with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..domain import fold

# A word: letters or digits, with any combining marks that follow them (so a decomposed "é"
# stays in its word). Hyphens, apostrophes and underscores separate words.
WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*")
_UNDERSCORE = re.compile(r"_+")
#: A character that can be inside a word.
_IN_WORD = re.compile(r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# In ASCII text a word is a run of letters and digits, and folding it is lowering it: with
# capitals lowered and everything else made a space, ``str.split`` finds the words in one C call
# per text, where the regex and the fold cost a Python step per word (two thirds of building the
# index).
_ASCII_WORDS = str.maketrans(
    {
        chr(c): chr(c).lower() if chr(c).isalnum() else " "
        for c in range(128)
        if not chr(c).islower()
    }
)


def _latin_letters() -> dict[int, str]:
    """Latin letters whose fold is plain ASCII letters ("é" -> "e", "ß" -> "ss", "Ł" -> "l"),
    and the punctuation around them ("·", "’", "–", a no-break space) as spaces: folding goes a
    character at a time (case, decomposition, accents, the letters NFKD leaves whole), and these
    marks end a word as a space does, so such text splits and folds as its ASCII translation
    does, and "José Müller · Acme" or a note with curly quotes takes the ASCII path."""
    table = {}
    for block in (range(0x80, 0x250), range(0x2000, 0x2070), range(0x20A0, 0x20D0)):
        for code in block:
            char = chr(code)
            if not _IN_WORD.fullmatch(char):
                table[code] = " "
            elif WORD.fullmatch(char) and (folded := fold(char)).isascii() and folded.isalnum():
                table[code] = folded
    return table


_LATIN_LETTERS = _latin_letters()


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """:func:`fold` for one word; cached, as the same words come back again and again."""
    return fold(word)


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` as (start, end, folded word); offsets index ``text`` itself."""
    for match in WORD.finditer(text):
        chunk = match.group()
        if "_" in chunk:
            yield from _split_underscores(match)
        else:
            yield match.start(), match.end(), fold_word(chunk)


def _split_underscores(match: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    start, chunk = match.start(), match.group()
    pos = 0
    for sep in _UNDERSCORE.finditer(chunk):
        if sep.start() > pos:
            yield start + pos, start + sep.start(), fold_word(chunk[pos : sep.start()])
        pos = sep.end()
    if pos < len(chunk):
        yield start + pos, start + len(chunk), fold_word(chunk[pos:])


def word_set(*texts: str) -> set[str]:
    """The distinct folded words of ``texts``: ``set(folded_words(text))`` for each, joined."""
    plain, other = _plain(texts)
    found = set("\n".join(plain).translate(_ASCII_WORDS).split()) if plain else set()
    for text in other:
        for chunk in set(WORD.findall(text)):
            found.update(fold_word(part) for part in chunk.split("_") if part)
    return found


def _plain(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """``texts`` as ASCII whose words fold to theirs (accented Latin letters folded already),
    and the rest."""
    plain: list[str] = []
    other: list[str] = []
    for text in texts:
        if text.isascii():
            plain.append(text)
        else:
            latin = text.translate(_LATIN_LETTERS)
            (plain if latin.isascii() else other).append(latin if latin.isascii() else text)
    return plain, other


def words_starting(starts: tuple[str, ...], *texts: str) -> set[str]:
    """Those of ``word_set(*texts)`` that start with one of ``starts``, without splitting an
    ASCII text that holds none of them (a word of it that starts with one holds it lowered)."""
    plain, other = _plain(texts)
    found: set[str] = set()
    if plain:
        joined = "\n".join(plain)
        if any(map(joined.lower().__contains__, starts)):
            found = {w for w in joined.translate(_ASCII_WORDS).split() if w.startswith(starts)}
    for text in other:
        found.update(w for w in word_set(text) if w.startswith(starts))
    return found


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
