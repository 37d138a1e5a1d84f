"""How alike two notes read, so the same note is not sent twice to the same circle."""

from __future__ import annotations

import re
from collections.abc import Mapping

_SHINGLE = 3
_WORD = re.compile(r"\w+")
# A greeting and up to four words of name, ended by punctuation: "Hi Anna," "Dear Dr. Smith,"
_GREETING = re.compile(
    r"\s*(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening))\b"
    r"(?:[ \t]+[^\s,!.:;]+){0,4}?[ \t]*(?:[,!.:;—–-]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The note's three-word shingles, lower-cased, with its greeting left out."""
    text = text.lower()
    greeting = _GREETING.match(text)
    if greeting is not None:
        text = text[greeting.end() :]
    else:
        first, newline, rest = text.lstrip().partition("\n")
        if newline and len(_WORD.findall(first)) <= 3:  # an opening line such as "Anna -"
            text = rest
    words = _WORD.findall(text)
    if len(words) < _SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(zip(*(words[i:] for i in range(_SHINGLE)), strict=False))


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """How alike two notes read, from 0 (nothing shared) to 1 (the same words in the same order).

    The Jaccard index of their three-word shingles, after lower-casing and leaving out the
    greeting ("Hi Anna," or a short first line), so the same note sent to two people scores
    close to 1. Punctuation and spacing do not count. A note with no words beyond its greeting
    scores 0 against anything but the identical text.
    """
    if a == b:
        return 1.0
    return _jaccard(_shingles(a), _shingles(b))


def near_duplicates(text: str, others: Mapping[str, str], threshold: float = 0.8) -> list[str]:
    """Return the ids of ``others`` whose text reads nearly the same as ``text``, closest first.

    "Nearly the same" means a :func:`similarity` of at least ``threshold``.
    """
    mine = _shingles(text)
    scores = {
        key: 1.0 if other == text else _jaccard(mine, _shingles(other))
        for key, other in others.items()
    }
    close = [key for key, score in scores.items() if score >= threshold]
    return sorted(close, key=lambda key: -scores[key])
