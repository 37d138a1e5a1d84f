"""A query answered from the postings: the records every word and filter allows, best first."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from heapq import nsmallest
from itertools import islice

from .hits import Hit, Kind, SearchResult, match_spans, snippet
from .postings import KINDS, Postings
from .query import Query, parse_query
from .ranking import Tiers, by_level, width
from .records import Record


class Searchable(Postings):
    """Postings that answer queries."""

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
            typo = set().union(*(self._short.exact(w) for w in near[word]))
            prefix, long = self._short.records(word), self._long.records(word)
            tiers.append((self._short.exact(word), prefix, long, typo))
        candidates = allowed
        # The narrowest word first, and every later one only filters what is left: the union
        # of a word's sets (most records, for a letter) is built at most once per query.
        for _, prefix, long, typo in sorted(tiers, key=width):
            if candidates is None:
                candidates = prefix | long | typo
            else:
                candidates = (candidates & prefix) | (candidates & long) | (candidates & typo)
        assert candidates is not None
        found = {kind: candidates & self._all[kind] for kind in KINDS}
        levels = {kind: by_level(found[kind], tiers) for kind in KINDS}
        return self._result(q, levels, found, limit, near)

    def _result(
        self,
        q: Query,
        levels: Mapping[Kind, Iterable[tuple[int, set[int]]]],
        found: dict[Kind, set[int]],
        limit: int | None,
        near: dict[str, frozenset[str]],
    ) -> SearchResult:
        hits: list[Hit] = []
        for kind in KINDS:
            for score, number in self._top(kind, levels[kind], limit):
                hits.append(self._hit(self._records[number], score, q.words, near))
        people, interviews = len(found["contact"]), len(found["interview"])
        return SearchResult(hits, people + interviews, q.hints, people, interviews)

    def _top(
        self, kind: Kind, levels: Iterable[tuple[int, set[int]]], limit: int | None
    ) -> list[tuple[int, int]]:
        """The best ``limit`` records of ``kind``: by level, then in the list's order."""
        order, picked = self._order[kind], list[tuple[int, int]]()
        levels = iter(levels)
        while True:
            need = None if limit is None else limit - len(picked)
            if need is not None and need <= 0:
                break  # before the next level is worked out
            score, level = next(levels, (0, None))
            if level is None:
                break
            if level is self._all[kind]:
                chosen = list(islice(order, need))
            elif len(level) * 8 < len(order):
                chosen = (
                    sorted(level, key=self._keys.__getitem__)
                    if need is None
                    else nsmallest(need, level, key=self._keys.__getitem__)
                )
            else:  # most of the list: walk it in order, stop once enough are found
                chosen = list(islice(filter(level.__contains__, order), need))
            picked += [(score, number) for number in chosen]
        return picked

    def _hit(
        self, record: Record, score: int, terms: tuple[str, ...], near: dict[str, frozenset[str]]
    ) -> Hit:
        best = None
        if terms:
            best_count = 0
            for f in record.fields:
                if not any(t in f.folded for t in terms) and not (
                    f.short and any(w in f.folded for t in terms for w in near[t])
                ):
                    continue
                count, spans = match_spans(f.text, terms, near if f.short else {})
                if count > best_count:
                    best, best_count = (f, spans), count
                    if count == len(terms):
                        break  # fields come best first: this one will do
        label, text, spans = (
            ("", "", []) if best is None else (best[0].label, best[0].text, best[1])
        )
        cut, moved = snippet(text, spans)
        return Hit(
            record.kind, record.id, float(score), label, cut, moved, record.title, record.subtitle
        )

    def _filtered(self, q: Query) -> set[int] | None:
        """The records every filter of ``q`` allows, or None when it has no filter."""
        sets = [self._org.records(word) for word in (q.company or "").split()]
        sets += [self._tags.records(tag) for tag in q.tags]
        if q.stage is not None:
            sets.append(self._stage.get(q.stage, set()))
        if q.before is not None or q.after is not None:
            low = bisect_left(self._dated, (q.after.toordinal(), -1)) if q.after else 0
            high = (
                bisect_left(self._dated, (q.before.toordinal(), -1))
                if q.before
                else len(self._dated)
            )
            sets.append({number for _, number in self._dated[low:high]})
        if not sets:
            return None
        sets.sort(key=len)
        return sets[0].intersection(*sets[1:])
