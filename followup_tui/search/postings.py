"""The indexed records, numbered and posted under their words, in list order: what a query reads.

A record is replaced whole (:meth:`Postings._put`): its old words (worked out again from the
record as it was indexed) out of every vocabulary and ordered list, its new words in. While an
index is built in bulk, the sorting is left to the end. Sets of records are masks
(:mod:`.bits`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from typing import Any

from ..domain import Stage
from .bits import mask_of
from .hits import Kind
from .records import Record, words_of
from .vocab import Vocab

KINDS: tuple[Kind, ...] = ("contact", "interview")


class Postings:
    """The records of a search index by number, and the vocabularies and lists that find them."""

    def __init__(self) -> None:
        """No records yet."""
        self._number: dict[tuple[Kind, str], int] = {}
        self._ids: dict[int, tuple[Kind, str]] = {}
        self._keys: dict[int, tuple[Any, ...]] = {}
        self._all: dict[Kind, int] = {"contact": 0, "interview": 0}
        self._order: dict[Kind, list[int]] = {"contact": [], "interview": []}
        self._short, self._long = Vocab(fuzzy=True), Vocab()
        self._org, self._tags = Vocab(), Vocab()
        self._stage: dict[Stage, int] = {}
        self._dated: list[tuple[int, int]] = []
        self._next = 0
        # While built in bulk: the numbers of each kind and stage, made masks at the end.
        self._bulk: dict[object, list[int]] | None = None
        # For one query only (see .once): just the long words that start with its words.
        self._long_starts: tuple[str, ...] | None = None

    def _vocabs(self) -> tuple[Vocab, ...]:
        return self._short, self._long, self._org, self._tags

    def _begin_bulk(self) -> None:
        self._bulk = defaultdict(list)
        for vocab in self._vocabs():
            vocab.begin_bulk()

    def _end_bulk(self) -> None:
        assert self._bulk is not None
        for vocab in self._vocabs():
            vocab.end_bulk()
        for kind in KINDS:
            self._all[kind] = mask_of(self._bulk.pop(kind, []))
            self._order[kind] = sorted(self._numbers(kind), key=self._keys.__getitem__)
        for stage, numbers in self._bulk.items():
            assert isinstance(stage, Stage)
            self._stage[stage] = mask_of(numbers)
        self._dated.sort()
        self._bulk = None

    def _numbers(self, kind: Kind) -> list[int]:
        return [number for number, (k, _) in self._ids.items() if k == kind]

    def _put(self, kind: Kind, id: str, old: Record | None, new: Record | None) -> None:
        """Replace the indexed record of ``kind`` ``id``: ``old`` is what was indexed (None if
        nothing was), ``new`` what is to be (None to remove it)."""
        key = (kind, id)
        number = self._number.get(key)
        if old is not None:
            assert number is not None, key
            self._drop(number, old)
        if new is None:
            if number is not None:
                del self._number[key], self._ids[number]
            return
        if number is None:
            number = self._number[key] = self._next
            self._ids[number] = key
            self._next += 1
        self._keys[number] = new.key
        for vocab, words in zip(self._vocabs(), words_of(new, self._long_starts), strict=True):
            vocab.add(words, number)
        if self._bulk is not None:
            self._bulk[kind].append(number)
            if new.stage is not None:
                self._bulk[new.stage].append(number)
            if new.day is not None:
                self._dated.append((new.day, number))
            return
        bit = 1 << number
        self._all[kind] |= bit
        if new.stage is not None:
            self._stage[new.stage] = self._stage.get(new.stage, 0) | bit
        insort(self._order[kind], number, key=self._keys.__getitem__)
        if new.day is not None:
            insort(self._dated, (new.day, number))

    def _drop(self, number: int, record: Record) -> None:
        assert self._bulk is None, "a record replaced while built in bulk"
        for vocab, words in zip(self._vocabs(), words_of(record), strict=True):
            vocab.discard(words, number)
        clear = ~(1 << number)
        if record.stage is not None:
            self._stage[record.stage] &= clear
        self._all[record.kind] &= clear
        order = self._order[record.kind]
        del order[bisect_left(order, self._keys[number], key=self._keys.__getitem__)]
        if record.day is not None:
            del self._dated[bisect_left(self._dated, (record.day, number))]
        del self._keys[number]
