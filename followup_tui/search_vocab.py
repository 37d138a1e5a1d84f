"""A sorted vocabulary of folded words, each with the records it occurs in.

A prefix is a range in the sorted words (two bisections), so matching a query word costs
O(log V) plus the records found, however large the vocabulary. Words are added and removed one
record at a time; while an index is first built, sorting waits until everything is in.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from .search_text import deletions, one_typo

#: Query words shorter than this are never matched with a typo.
FUZZY_MIN = 4


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
        self._bulk = False

    def begin_bulk(self) -> None:
        """Defer sorting until :meth:`end_bulk` (for the first build)."""
        self._bulk = True

    def end_bulk(self) -> None:
        """Sort the words added since :meth:`begin_bulk`."""
        self._bulk = False
        self._sorted = sorted(self.postings)

    def add(self, word: str, record: int) -> None:
        """Note that ``word`` occurs in ``record``."""
        found = self.postings.get(word)
        if found is None:
            found = self.postings[word] = set()
            if not self._bulk:
                insort(self._sorted, word)
            if self._fuzzy is not None and len(word) >= FUZZY_MIN - 1:
                for key in deletions(word):
                    self._fuzzy.setdefault(key, set()).add(word)
        found.add(record)

    def discard(self, word: str, record: int) -> None:
        """Forget that ``word`` occurs in ``record``; a word left in no record goes."""
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
        if self._fuzzy is not None and len(word) >= FUZZY_MIN - 1:
            for key in deletions(word):
                keyed = self._fuzzy.get(key)
                if keyed is not None:
                    keyed.discard(word)
                    if not keyed:
                        del self._fuzzy[key]

    def starting(self, prefix: str) -> list[str]:
        """The words that start with ``prefix``, in order."""
        return self._sorted[bisect_left(self._sorted, prefix):
                            bisect_left(self._sorted, _after(prefix))]

    def records(self, prefix: str) -> set[int]:
        """Every record with a word that starts with ``prefix``."""
        found = self.starting(prefix)
        if len(found) == 1:
            return set(self.postings[found[0]])
        return set().union(*(self.postings[word] for word in found))

    def exact(self, word: str) -> set[int]:
        """Every record with exactly ``word`` (a live set: do not change it)."""
        return self.postings.get(word) or set()

    def near(self, word: str) -> frozenset[str]:
        """Words one typo away from ``word`` that do not start with it ("" if too short)."""
        if self._fuzzy is None or len(word) < FUZZY_MIN:
            return frozenset()
        candidates: set[str] = set()
        for key in deletions(word):
            candidates |= self._fuzzy.get(key, set())
        return frozenset(w for w in candidates if not w.startswith(word) and one_typo(word, w))
