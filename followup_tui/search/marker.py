"""Where a query's words are in the text of a record shown: how many match, and the spans.

Only the records shown are read this way (up to two hundred a keystroke), but their notes and
touches run to hundreds of words. In ASCII text, where folding a word is lowering it (one
character for one), a substring test says no to most fields, a regex per query word says which
words match at all, and the spans are collected by one regex over the lowered text only as far
as a snippet can show: a note costs a few C calls, where folding each of its words cost
hundreds. Other text is read word by word, folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .hits import SNIPPET
from .text import prefix_end, words

#: A folded word that can start a word of ASCII text (whose folded words are its runs of letters
#: and digits, lowered).
_ASCII_WORD = re.compile(r"[a-z0-9]+")

Spans = list[tuple[int, int]]


def match_spans(
    text: str,
    terms: tuple[str, ...],
    fuzzy: dict[str, frozenset[str]],
) -> tuple[int, Spans]:
    """How many ``terms`` match a word of ``text``, and where: a prefix of the word, or the
    whole word when it is one of the term's ``fuzzy`` words."""
    marker = Marker(terms, fuzzy)
    return marker.count(text, short=True), marker.spans(text, short=True)


class Marker:
    """One query's words, ready to be found in many fields: what does not depend on the field
    is worked out once."""

    def __init__(self, terms: tuple[str, ...], near: dict[str, frozenset[str]]) -> None:
        """For query words ``terms``, matched with a typo (in short fields) by ``near``."""
        self.terms, self.near = terms, near
        plain = all(terms)  # an empty term (a word folded to nothing) starts every word
        self._short = (
            _starts((*terms, *(w for t in terms for w in near.get(t, ())))) if plain else None
        )
        self._long = _starts(terms) if plain else None
        # A word can only start with a term of its own first letter: with many terms (a
        # pasted line of one-letter words), each word is tried against one, not all of them.
        self._by_first: dict[str, list[str]] = {}
        for term in terms:
            self._by_first.setdefault(term[:1], []).append(term)
        self._fuzzy_of: dict[str, list[str]] = {}  # fuzzy word -> the terms it is near
        for term in terms:
            for w in near.get(term, ()):
                self._fuzzy_of.setdefault(w, []).append(term)
        # Each term as it may match ASCII text ("" if it cannot start a word there), with its
        # fuzzy words that may.
        self._plain = [
            (
                term if _ASCII_WORD.fullmatch(term) else "",
                [w for w in near.get(term, ()) if _ASCII_WORD.fullmatch(w)],
            )
            for term in terms
        ]

    def count(self, text: str, short: bool) -> int:
        """How many terms match a word of ``text`` (a short field's, or a long one's)."""
        if self._short is None or not text.isascii():
            return len(self._matched(text, short, None))
        lowered = text.lower()
        return sum(
            1
            for term, fuzzy in self._plain
            if (term and term in lowered and _starting(term).search(lowered))
            or (short and any(w in lowered and _whole(w).search(lowered) for w in fuzzy))
        )

    def spans(self, text: str, short: bool, *, cut: bool = False) -> Spans:
        """Where terms match words of ``text``; with ``cut``, only as far as :func:`snippet`
        can show from the first (none of the rest would be shown)."""
        spans: Spans = []
        self._matched(text, short, spans, cut)
        return spans

    def _matched(self, text: str, short: bool, spans: Spans | None, cut: bool = False) -> set[str]:
        """The terms that match words of ``text``; the spans of those words into ``spans``."""
        starts = self._short if short else self._long
        by_first, fuzzy_of = self._by_first, self._fuzzy_of if short else {}
        anywhere = by_first.get("", [])
        matched: set[str] = set()
        ascii = starts is not None and text.isascii()
        found: Iterable[tuple[int, int, str]]
        if starts is not None and ascii:
            alternatives, pattern = starts
            lowered = text.lower()
            if not any(map(lowered.__contains__, alternatives)):
                return matched
            found = ((m.start(), m.end(), m.group()) for m in pattern.finditer(lowered))
        else:
            found = words(text)
        for start, end, word in found:
            if cut and spans and start >= spans[0][0] + SNIPPET:
                break
            best = 0
            prefixed = [t for t in (*by_first.get(word[:1], ()), *anywhere) if word.startswith(t)]
            if prefixed:
                matched.update(prefixed)
                longest = max(map(len, prefixed))
                # In ASCII a character folds to one: the prefix ends that many characters in.
                best = start + longest if ascii else prefix_end(text, start, end, longest)
            for term in fuzzy_of.get(word, ()):
                if term not in prefixed:
                    matched.add(term)
                    best = end
            if best and spans is not None:
                spans.append((start, best))
        return matched


@lru_cache(maxsize=256)
def _starts(alternatives: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Those of ``alternatives`` that can start a word of lowered ASCII text, and a pattern
    for the words that start with one of them."""
    plain = tuple(sorted({a for a in alternatives if _ASCII_WORD.fullmatch(a)}))
    return plain, re.compile(rf"(?<![a-z0-9])(?:{'|'.join(plain)})[a-z0-9]*")


@lru_cache(maxsize=256)
def _starting(term: str) -> re.Pattern[str]:
    """A word of lowered ASCII text that starts with ``term`` (letters and digits)."""
    return re.compile(rf"(?<![a-z0-9]){term}")


@lru_cache(maxsize=256)
def _whole(word: str) -> re.Pattern[str]:
    """``word`` (letters and digits) as a whole word of lowered ASCII text."""
    return re.compile(rf"(?<![a-z0-9]){word}(?![a-z0-9])")
