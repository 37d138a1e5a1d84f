"""A sorted vocabulary of folded words, each with the records it occurs in.

A prefix is a range in the sorted words (two bisections), so matching a query word costs
O(log V) plus the records found, however large the vocabulary. Words are added and removed one
record at a time; while an index is first built, sorting waits until everything is in.

The record sets of one- and two-letter prefixes (and of longer ones that span several words and
many records) are cached and kept current edit by edit, since those match nearly every record
and rebuilding their union on every keystroke was the slowest part of a search.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from .text import deletions, one_typo

#: Query words shorter than this are never matched with a typo.
FUZZY_MIN = 4
#: Query words longer than this are matched as a prefix only, never with a typo: a word of n
#: letters has n one-deletion variants of n - 1 letters each, so a pasted 60,000-letter word
#: cost 3.4 GB. 32 keeps the typo for the longest real words of names, titles and companies
#: (German job titles run to about 30 letters) at 33 lookups a word.
FUZZY_MAX = 32
#: The record sets of prefixes up to this long are cached (they match nearly every record, so
#: rebuilding their union per keystroke would cost tens of milliseconds at 50,000 records).
CACHED_PREFIX = 2
#: A longer prefix is cached too when its union spans several words and this many records...
CACHED_SIZE = 1_000
#: ...up to this many such prefixes (the oldest goes first).
CACHED_LONGER = 64


def _typo_keyed(word: str) -> bool:
    """Whether a stored word gets typo keys: only if some query word can be one typo from it
    (one typo changes the length by at most one)."""
    return FUZZY_MIN - 1 <= len(word) <= FUZZY_MAX + 1


def _after(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"


class Vocab:
    """Folded words -> record numbers, with prefix lookup and, optionally, typo lookup."""

    def __init__(self, *, fuzzy: bool = False) -> None:
        """An empty vocabulary; with ``fuzzy``, words are also found with one typo."""
        self.postings: dict[str, set[int]] = {}
        self._sorted: list[str] = []
        self._fuzzy: dict[str, set[str]] | None = {} if fuzzy else None
        # Short or common prefix -> every record with a word that starts with it: filled on
        # first use (or by :meth:`prewarm`), then kept current by :meth:`add` and
        # :meth:`discard_record`.
        self._prefixed: dict[str, set[int]] = {}
        self._longest = 0  # the longest cached prefix
        self._bulk = False

    def begin_bulk(self) -> None:
        """Defer sorting until :meth:`end_bulk` (for the first build)."""
        self._bulk = True

    def end_bulk(self) -> None:
        """Sort the words added since :meth:`begin_bulk`."""
        self._bulk = False
        self._sorted = sorted(self.postings)
        self._prefixed.clear()

    def prewarm(self) -> None:
        """Cache the record set of every one-letter prefix in the vocabulary now."""
        for letter in {word[:1] for word in self._sorted}:
            self.records(letter)

    def add(self, word: str, record: int) -> None:
        """Note that ``word`` occurs in ``record``."""
        found = self.postings.get(word)
        if found is None:
            found = self.postings[word] = set()
            if not self._bulk:
                insort(self._sorted, word)
            if self._fuzzy is not None and _typo_keyed(word):
                for key in deletions(word):
                    self._fuzzy.setdefault(key, set()).add(word)
        found.add(record)
        if self._prefixed:
            for prefix in self._prefixes(word):
                cached = self._prefixed.get(prefix)
                if cached is not None:
                    cached.add(record)

    def discard_record(self, words: Iterable[str], record: int) -> None:
        """Forget every word of ``record`` (``words``: all it has here), as it leaves."""
        prefixes: set[str] = set()
        for word in words:
            self._discard(word, record)
            if self._prefixed:
                prefixes.update(self._prefixes(word))
        for prefix in prefixes & self._prefixed.keys():
            self._prefixed[prefix].discard(record)

    def _prefixes(self, word: str) -> list[str]:
        """The prefixes of ``word`` that may be cached (no longer than the longest cached)."""
        return [word[:end] for end in range(1, min(len(word), self._longest) + 1)]

    def discard(self, word: str, record: int) -> None:
        """Forget that ``word`` occurs in ``record``; a word left in no record goes.

        The record may still have other words with the same short prefix, so the cached sets
        of this word's short prefixes are dropped (use :meth:`discard_record` to keep them).
        """
        self._discard(word, record)
        for prefix in self._prefixes(word):
            self._prefixed.pop(prefix, None)

    def _discard(self, word: str, record: int) -> None:
        found = self.postings.get(word)
        if found is None:
            return
        found.discard(record)
        if found:
            return
        del self.postings[word]
        index = bisect_left(self._sorted, word)
        if index < len(self._sorted) and self._sorted[index] == word:
            del self._sorted[index]
        if self._fuzzy is not None and _typo_keyed(word):
            for key in deletions(word):
                keyed = self._fuzzy.get(key)
                if keyed is not None:
                    keyed.discard(word)
                    if not keyed:
                        del self._fuzzy[key]

    def starting(self, prefix: str) -> list[str]:
        """The words that start with ``prefix``, in order."""
        return self._sorted[
            bisect_left(self._sorted, prefix) : bisect_left(self._sorted, _after(prefix))
        ]

    def records(self, prefix: str) -> set[int]:
        """Every record with a word that starts with ``prefix``: a live set, do not change it
        (for a short or a common prefix it is the cached one)."""
        cached = self._prefixed.get(prefix)
        if cached is not None:
            return cached
        found = self.starting(prefix)
        if len(found) == 1:
            return self.postings[found[0]]
        union: set[int] = set().union(*(self.postings[word] for word in found))
        if not prefix or self._bulk:
            return union
        if len(prefix) > CACHED_PREFIX:
            if len(union) < CACHED_SIZE:
                return union
            longer = [p for p in self._prefixed if len(p) > CACHED_PREFIX]
            if len(longer) >= CACHED_LONGER:
                del self._prefixed[longer[0]]
        self._prefixed[prefix] = union
        self._longest = max(self._longest, len(prefix))
        return union

    def exact(self, word: str) -> set[int]:
        """Every record with exactly ``word`` (a live set: do not change it)."""
        return self.postings.get(word) or set()

    def near(self, word: str) -> frozenset[str]:
        """Words one typo away from ``word`` that do not start with it (none when ``word`` is
        shorter than :data:`FUZZY_MIN` or longer than :data:`FUZZY_MAX`)."""
        if self._fuzzy is None or not FUZZY_MIN <= len(word) <= FUZZY_MAX:
            return frozenset()
        candidates: set[str] = set()
        for key in deletions(word):
            candidates |= self._fuzzy.get(key, set())
        return frozenset(w for w in candidates if not w.startswith(word) and one_typo(word, w))
