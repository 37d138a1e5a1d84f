"""The indexed records, numbered and posted under their words, in list order: what a query reads.

A record is replaced whole (:meth:`Postings._put`): out of every vocabulary and ordered list it
was in, into the ones its new words belong to. While an index is built in bulk, the sorting is
left to the end.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from ..domain import Stage
from .hits import Kind
from .records import Record
from .vocab import Vocab

KINDS: tuple[Kind, ...] = ("contact", "interview")


class Postings:
    """The records of a search index by number, and the vocabularies and lists that find them."""

    def __init__(self) -> None:
        """No records yet."""
        self._number: dict[tuple[Kind, str], int] = {}
        self._records: dict[int, Record] = {}
        self._keys: dict[int, tuple[object, ...]] = {}
        self._all: dict[Kind, set[int]] = {"contact": set(), "interview": set()}
        self._order: dict[Kind, list[int]] = {"contact": [], "interview": []}
        self._short, self._long = Vocab(fuzzy=True), Vocab()
        self._org, self._tags = Vocab(), Vocab()
        self._stage: dict[Stage, set[int]] = {}
        self._dated: list[tuple[int, int]] = []
        self._next = 0
        self._bulk = False

    def _vocabs(self) -> tuple[Vocab, ...]:
        return self._short, self._long, self._org, self._tags

    def _put(self, kind: Kind, id: str, record: Record | None) -> None:
        """Replace (or, with None, remove) the indexed record of ``kind`` ``id``."""
        number = self._number.get((kind, id))
        if number is not None:
            self._drop(number)
            if record is None:
                del self._number[(kind, id)]
        if record is None:
            return
        if number is None:
            number = self._number[(kind, id)] = self._next
            self._next += 1
        self._records[number] = record
        self._keys[number] = record.key
        self._all[kind].add(number)
        for vocab, words in zip(self._vocabs(), _words_of(record), strict=True):
            for word in words:
                vocab.add(word, number)
        if record.stage is not None:
            self._stage.setdefault(record.stage, set()).add(number)
        if self._bulk:
            if record.day is not None:
                self._dated.append((record.day, number))
            return
        insort(self._order[kind], number, key=self._keys.__getitem__)
        if record.day is not None:
            insort(self._dated, (record.day, number))

    def _drop(self, number: int) -> None:
        record = self._records.pop(number)
        for vocab, words in zip(self._vocabs(), _words_of(record), strict=True):
            vocab.discard_record(words, number)
        if record.stage is not None:
            self._stage[record.stage].discard(number)
        self._all[record.kind].discard(number)
        if not self._bulk:
            order = self._order[record.kind]
            del order[bisect_left(order, record.key, key=self._keys.__getitem__)]
            if record.day is not None:
                del self._dated[bisect_left(self._dated, (record.day, number))]
        del self._keys[number]


def _words_of(record: Record) -> tuple[frozenset[str], ...]:
    return record.short_words, record.long_words, record.org_words, record.tags
