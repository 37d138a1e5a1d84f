"""A query answered from the postings: the records every word and filter allows, best first.

Sets of records are masks (:mod:`.bits`); only the records shown are ever listed one by one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache
from heapq import nsmallest
from itertools import islice

from ..domain import fold
from .bits import mask_of, members, tester, union
from .hits import Hit, Hits, Kind, SearchResult, snippet
from .marker import Marker
from .postings import KINDS, Postings
from .query import Query, parse_query
from .ranking import Tiers, by_level
from .records import Field, Record

#: :func:`fold` for short fields, which come back keystroke after keystroke (names, titles).
_fold = lru_cache(maxsize=4096)(fold)


class Searchable(Postings):
    """Postings that answer queries."""

    def _shown(self, kind: Kind, id: str) -> Record:
        """The record of ``kind`` ``id`` as it is indexed, to show it."""
        raise NotImplementedError

    def search(self, query: str | Query, limit: int | None = None) -> SearchResult:
        """The people and the interviews that match ``query``: people first, each group best
        first, at most ``limit`` of each. An empty query lists everything."""
        q = parse_query(query) if isinstance(query, str) else query
        allowed = self._filtered(q)
        if not q.words:
            found = {
                kind: self._all[kind] if allowed is None else allowed & self._all[kind]
                for kind in KINDS
            }
            every = {kind: [(0, found[kind])] for kind in KINDS}
            return self._result(q, every, found, limit, {})
        tiers: list[Tiers] = []
        near: dict[str, frozenset[str]] = {}
        for word in q.words:
            near[word] = self._short.near(word)
            typo = union(self._short.exact(w) for w in near[word])
            prefix, long = self._short.records(word), self._long.records(word)
            tiers.append((self._short.exact(word), prefix, long, typo))
        candidates = allowed
        for _, prefix, long, typo in tiers:
            if candidates is None:
                candidates = prefix | long | typo
            else:
                candidates &= prefix | long | typo
        assert candidates is not None
        found = {kind: candidates & self._all[kind] for kind in KINDS}
        levels = {kind: by_level(found[kind], tiers) for kind in KINDS}
        return self._result(q, levels, found, limit, near)

    def _result(
        self,
        q: Query,
        levels: Mapping[Kind, Iterable[tuple[int, int]]],
        found: dict[Kind, int],
        limit: int | None,
        near: dict[str, frozenset[str]],
    ) -> SearchResult:
        marker = Marker(q.words, near)  # what every hit's fields are searched with
        # The records as they are now (an edit before a hit is read changes nothing of it);
        # each hit's field and snippet are worked out when the hit is first read.
        records = [
            (self._shown(*self._ids[number]), score)
            for kind in KINDS
            for score, number in self._top(kind, levels[kind], limit)
        ]

        def make(index: int) -> Hit:
            record, score = records[index]
            return self._hit(record, score, marker)

        hits = Hits([(record.kind, record.id) for record, _ in records], make)
        people, interviews = found["contact"].bit_count(), found["interview"].bit_count()
        return SearchResult(hits, people + interviews, q.hints, people, interviews)

    def _top(
        self, kind: Kind, levels: Iterable[tuple[int, int]], limit: int | None
    ) -> list[tuple[int, int]]:
        """The best ``limit`` records of ``kind``: by level, then in the list's order."""
        order, picked = self._order[kind], list[tuple[int, int]]()
        levels = iter(levels)
        while True:
            need = None if limit is None else limit - len(picked)
            if need is not None and need <= 0:
                break  # before the next level is worked out
            score, level = next(levels, (0, 0))
            if not level:
                break
            if level == self._all[kind]:
                chosen = list(islice(order, need))
            elif level.bit_count() * 8 < len(order):
                found = members(level)
                chosen = (
                    sorted(found, key=self._keys.__getitem__)
                    if need is None
                    else nsmallest(need, found, key=self._keys.__getitem__)
                )
            else:  # most of the list: walk it in order, stop once enough are found
                bits = tester(level)
                chosen = list(islice((n for n in order if n < len(bits) and bits[n] == "1"), need))
            picked += [(score, number) for number in chosen]
        return picked

    def _hit(self, record: Record, score: int, marker: Marker) -> Hit:
        best: Field | None = None
        terms, near = marker.terms, marker.near
        if terms:
            best_count = 0
            for f in record.fields:
                # A quick no for most fields; in ASCII text the marker is as quick to say it.
                folded = None if f.text.isascii() else (_fold if f.short else fold)(f.text)
                if (
                    folded is not None
                    and not any(t in folded for t in terms)
                    and not (f.short and any(w in folded for t in terms for w in near[t]))
                ):
                    continue
                count = marker.count(f.text, f.short)
                if count > best_count:
                    best, best_count = f, count
                    if count == len(terms):
                        break  # fields come best first: this one will do
        label, text = ("", "") if best is None else (best.label, best.text)
        spans = [] if best is None else marker.spans(text, best.short, cut=True)
        cut, moved = snippet(text, spans)
        return Hit(
            record.kind, record.id, float(score), label, cut, moved, record.title, record.subtitle
        )

    def _filtered(self, q: Query) -> int | None:
        """The records every filter of ``q`` allows, or None when it has no filter."""
        sets = [self._org.records(word) for word in (q.company or "").split()]
        sets += [self._tags.records(tag) for tag in q.tags]
        if q.stage is not None:
            sets.append(self._stage.get(q.stage, 0))
        if q.before is not None or q.after is not None:
            low = bisect_left(self._dated, (q.after.toordinal(), -1)) if q.after else 0
            high = (
                bisect_left(self._dated, (q.before.toordinal(), -1))
                if q.before
                else len(self._dated)
            )
            sets.append(mask_of([number for _, number in self._dated[low:high]]))
        if not sets:
            return None
        allowed = sets[0]
        for mask in sets[1:]:
            allowed &= mask
        return allowed
