"""A sorted vocabulary of folded words, each with the records it occurs in.

A prefix is a range in the sorted words (two bisections), so matching a query word costs
O(log V) plus the records found, however large the vocabulary. Words are added and removed one
record at a time; while an index is first built, sorting waits until everything is in.

Each word keeps its records as a sorted array of record numbers (4 bytes a record, where a set
of ints took about 30), and a query reads them as a mask (:mod:`.bits`). The mask of a word in
many records is kept, as are the masks of one- and two-letter prefixes (and of longer ones that
span several words and many records) once asked for, all kept current edit by edit: those match
nearly every record, and working out their union on every keystroke was the slowest part of a
search.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections.abc import Iterable

from .bits import mask_of
from .text import deletions, one_typo

#: Query words shorter than this are never matched with a typo.
FUZZY_MIN = 4
#: Query words longer than this are matched as a prefix only, never with a typo: a word of n
#: letters has n one-deletion variants of n - 1 letters each, so a pasted 60,000-letter word
#: cost 3.4 GB. 32 keeps the typo for the longest real words of names, titles and companies
#: (German job titles run to about 30 letters) at 33 lookups a word.
FUZZY_MAX = 32
#: The masks of prefixes up to this long are kept once asked for (they match nearly every
#: record, so working out their union per keystroke would cost milliseconds at 30,000 records).
CACHED_PREFIX = 2
#: A longer prefix is kept too when its union spans several words and this many records...
CACHED_SIZE = 1_000
#: ...up to this many such prefixes (the oldest goes first).
CACHED_LONGER = 64
#: A word's mask is kept once asked for when it costs no more than its array: when it is in at
#: least one record in this many of those numbered up to its last.
DENSE = 32


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
        self.postings: dict[str, array[int]] = {}
        self._dense: dict[str, int] = {}  # word -> mask, for words in many records
        self._sorted: list[str] = []
        self._fuzzy: dict[str, set[str]] | None = {} if fuzzy else None
        # Short or common prefix -> mask of every record with a word that starts with it.
        self._prefixed: dict[str, int] = {}
        self._longest = 0  # the longest cached prefix
        self._bulk = False

    def begin_bulk(self) -> None:
        """Defer sorting until :meth:`end_bulk` (for the first build): records must then come
        in increasing number, each once."""
        self._bulk = True

    def end_bulk(self) -> None:
        """Sort the words added since :meth:`begin_bulk` and key them for typos."""
        self._bulk = False
        self._sorted = sorted(self.postings)
        self._prefixed.clear()
        self._dense.clear()
        if self._fuzzy is not None:
            self._fuzzy.clear()
            for word in self._sorted:
                self._key(word)

    def prewarm(self) -> None:
        """Work out the mask of every one-letter prefix in the vocabulary now."""
        for letter in {word[:1] for word in self._sorted}:
            self.records(letter)

    def add(self, words: Iterable[str], record: int) -> None:
        """Note that ``words`` occur in ``record``."""
        postings = self.postings
        if self._bulk:
            for word in words:
                found = postings.get(word)
                if found is None:
                    postings[word] = array("i", (record,))
                else:
                    found.append(record)
            return
        bit = 1 << record
        for word in words:
            found = postings.get(word)
            if found is None:
                found = postings[word] = array("i")
                insort(self._sorted, word)
                self._key(word)
            at = bisect_left(found, record)
            if at == len(found) or found[at] != record:
                found.insert(at, record)
            dense = self._dense.get(word)
            if dense is not None:
                self._dense[word] = dense | bit
        for prefix in self._cached_prefixes(words):
            self._prefixed[prefix] |= bit

    def discard(self, words: Iterable[str], record: int) -> None:
        """Forget ``words`` (all the words it has here) of ``record``, as it leaves."""
        postings, clear = self.postings, ~(1 << record)
        for word in words:
            found = postings.get(word)
            if found is None:
                continue
            at = bisect_left(found, record)
            if at < len(found) and found[at] == record:
                del found[at]
            if found:
                dense = self._dense.get(word)
                if dense is not None:
                    self._dense[word] = dense & clear
            else:
                self._forget(word)
        for prefix in self._cached_prefixes(words):
            self._prefixed[prefix] &= clear

    def _cached_prefixes(self, words: Iterable[str]) -> set[str]:
        """The prefixes of ``words`` whose masks are kept."""
        if not self._prefixed:
            return set()
        longest = self._longest
        found = {word[:end] for word in words for end in range(1, min(len(word), longest) + 1)}
        return found & self._prefixed.keys()

    def _key(self, word: str) -> None:
        if self._fuzzy is not None and _typo_keyed(word):
            for key in deletions(word):
                self._fuzzy.setdefault(key, set()).add(word)

    def _forget(self, word: str) -> None:
        """Drop a word left in no record."""
        del self.postings[word]
        self._dense.pop(word, None)
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

    def records(self, prefix: str) -> int:
        """The mask of every record with a word that starts with ``prefix``."""
        cached = self._prefixed.get(prefix)
        if cached is not None:
            return cached
        found = self.starting(prefix)
        if len(found) == 1:
            return self.exact(found[0])
        union, loose = 0, list[int]()
        for word in found:
            numbers = self.postings[word]
            if len(numbers) * DENSE > numbers[-1]:
                union |= self.exact(word)
            else:  # rare words: their records together, in one mask
                loose += numbers
        if loose:
            union |= mask_of(loose)
        if not prefix or self._bulk:
            return union
        if len(prefix) > CACHED_PREFIX:
            if len(found) < 2 or union.bit_count() < CACHED_SIZE:
                return union
            longer = [p for p in self._prefixed if len(p) > CACHED_PREFIX]
            if len(longer) >= CACHED_LONGER:
                del self._prefixed[longer[0]]
        self._prefixed[prefix] = union
        self._longest = max(self._longest, len(prefix))
        return union

    def exact(self, word: str) -> int:
        """The mask of every record with exactly ``word``."""
        dense = self._dense.get(word)
        if dense is not None:
            return dense
        numbers = self.postings.get(word)
        if not numbers:
            return 0
        mask = mask_of(numbers)
        if len(numbers) * DENSE > numbers[-1] and not self._bulk:
            self._dense[word] = mask
        return mask

    def near(self, word: str) -> frozenset[str]:
        """Words one typo away from ``word`` that do not start with it (none when ``word`` is
        shorter than :data:`FUZZY_MIN` or longer than :data:`FUZZY_MAX`)."""
        if self._fuzzy is None or not FUZZY_MIN <= len(word) <= FUZZY_MAX:
            return frozenset()
        candidates: set[str] = set()
        for key in deletions(word):
            candidates |= self._fuzzy.get(key, set())
        return frozenset(w for w in candidates if not w.startswith(word) and one_typo(word, w))
