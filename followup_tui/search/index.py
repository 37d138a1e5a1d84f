"""The search index: built once when the data is loaded, then kept up to date one edit at a time.

A keystroke costs a few bisections in sorted vocabularies, set operations on the records found,
and text work for only the hits that are shown: never a pass over every record's text.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping
from heapq import nsmallest
from itertools import islice
from typing import Protocol

from ..domain import Company, Contact, Interview, Stage
from .hits import Hit, Kind, SearchResult, match_spans, snippet
from .query import Query, parse_query
from .records import Record, contact_record, interview_record
from .vocab import Vocab


class StoreLike(Protocol):
    """What :meth:`SearchIndex.follow` needs of a :class:`~followup_tui.store.Store`."""

    @property
    def companies(self) -> Mapping[str, Company]: ...
    @property
    def interviews(self) -> Mapping[str, Interview]: ...
    @property
    def contacts(self) -> Mapping[str, Contact]: ...
    def subscribe(self, listener: Callable[[str, str, object | None], None]) -> None: ...


_KINDS: tuple[Kind, ...] = ("contact", "interview")
# Per query word, the best way a record matched it: the word itself in a short field, a
# prefix in a short field, a prefix in a long field, one typo in a short field.
_EXACT, _PREFIX, _LONG, _TYPO = 4, 3, 2, 1
_Tiers = tuple[set[int], set[int], set[int], set[int]]


class SearchIndex:
    """Everything searchable, by word. Build with :meth:`build`; keep current with the
    ``update_*`` and ``remove_*`` methods after each change to the store."""

    def __init__(self) -> None:
        """An empty index; use :meth:`build`."""
        self._companies: dict[str, Company] = {}
        self._contacts: dict[str, Contact] = {}
        self._interviews: dict[str, Interview] = {}
        self._of_company: dict[str, set[str]] = {}  # company id -> interview ids
        self._sat_on: dict[str, set[str]] = {}  # contact id -> interview ids
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

    @classmethod
    def build(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
    ) -> SearchIndex:
        """Index the store's companies, interviews and contacts (mappings by id)."""
        index = cls()
        index._companies = dict(companies)
        index._contacts = dict(contacts)
        for interview in interviews.values():
            index._link(interview)
        index._bulk = True
        for vocab in index._vocabs():
            vocab.begin_bulk()
        index._reindex_interviews(index._interviews)
        index._reindex_contacts(index._contacts)
        for vocab in index._vocabs():
            vocab.end_bulk()
        for vocab in (index._short, index._long):  # what the first letter typed needs
            vocab.prewarm()
        for kind in _KINDS:
            index._order[kind] = sorted(index._all[kind], key=index._keys.__getitem__)
        index._dated.sort()
        index._bulk = False
        return index

    @classmethod
    def follow(cls, store: StoreLike) -> SearchIndex:
        """Build from ``store`` and subscribe to it, so every later change reaches the index.

        After an import (``replace_all``) everything changed, and only then is it rebuilt.
        """
        index = cls.build(store.companies, store.interviews, store.contacts)

        def changed(table: str, id: str, record: object | None) -> None:
            if table == "*":
                fresh = cls.build(store.companies, store.interviews, store.contacts)
                index.__dict__.update(fresh.__dict__)
            else:
                index.apply(table, id, record)

        store.subscribe(changed)
        return index

    def apply(self, table: str, id: str, record: object | None) -> None:
        """Take in one change as the store announces it: (table, id, record or None)."""
        if isinstance(record, Contact):
            self.update_contact(record)
        elif isinstance(record, Interview):
            self.update_interview(record)
        elif isinstance(record, Company):
            self.update_company(record)
        elif record is None:
            remove = {
                "contacts": self.remove_contact,
                "interviews": self.remove_interview,
                "companies": self.remove_company,
            }.get(table)
            if remove is not None:
                remove(id)

    def update_contact(self, contact: Contact) -> None:
        """Add or replace a contact (and the interviews that show their name)."""
        old = self._contacts.get(contact.id)
        self._contacts[contact.id] = contact
        self._reindex_contacts([contact.id])
        if old is None or old.name != contact.name:
            self._reindex_interviews(self._sat_on.get(contact.id, ()))

    def remove_contact(self, id: str) -> None:
        """Forget a contact; interviews that listed them no longer show their name."""
        if self._contacts.pop(id, None) is not None:
            self._put("contact", id, None)
            self._reindex_interviews(self._sat_on.get(id, ()))

    def update_interview(
        self,
        interview: Interview,
        company_name: str | None = None,
        recruiter_name: str | None = None,
    ) -> None:
        """Add or replace an interview (and the people on it, who show where they sat).

        The company's and the people's names are taken from the index itself, which keeps them
        current through :meth:`update_company` and :meth:`update_contact`; ``company_name`` and
        ``recruiter_name`` are accepted for callers of the first draft of this API and unused.
        """
        del company_name, recruiter_name
        people = self._unlink(interview.id)
        self._link(interview)
        self._reindex_interviews([interview.id])
        self._reindex_contacts(people | set(interview.people))

    def remove_interview(self, id: str) -> None:
        """Forget an interview."""
        if id in self._interviews:
            people = self._unlink(id)
            self._put("interview", id, None)
            self._reindex_contacts(people)

    def update_company(self, company: Company) -> None:
        """Add or rename a company, and the interviews and people linked to it."""
        self._companies[company.id] = company
        self._reindex_company(company.id)

    def remove_company(self, id: str) -> None:
        """Forget a company's name (its interviews are removed one by one by the caller)."""
        if self._companies.pop(id, None) is not None:
            self._reindex_company(id)

    def search(self, query: str | Query, limit: int | None = None) -> SearchResult:
        """The people and the interviews that match ``query``: people first, each group best
        first, at most ``limit`` of each. An empty query lists everything."""
        q = parse_query(query) if isinstance(query, str) else query
        allowed = self._filtered(q)
        if not q.words:
            found = {
                kind: self._all[kind] if allowed is None else allowed & self._all[kind]
                for kind in _KINDS
            }
            every = {kind: [(0, found[kind])] for kind in _KINDS}
            return self._result(q, every, found, limit, {})
        tiers: list[_Tiers] = []
        near: dict[str, frozenset[str]] = {}
        for word in q.words:
            near[word] = self._short.near(word)
            typo = set().union(*(self._short.exact(w) for w in near[word]))
            prefix, long = self._short.records(word), self._long.records(word)
            tiers.append((self._short.exact(word), prefix, long, typo))
        candidates = allowed
        # The narrowest word first, and every later one only filters what is left: the union
        # of a word's sets (most records, for a letter) is built at most once per query.
        for _, prefix, long, typo in sorted(tiers, key=_width):
            if candidates is None:
                candidates = prefix | long | typo
            else:
                candidates = (candidates & prefix) | (candidates & long) | (candidates & typo)
        assert candidates is not None
        found = {kind: candidates & self._all[kind] for kind in _KINDS}
        levels = {kind: _levels(found[kind], tiers) for kind in _KINDS}
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
        for kind in _KINDS:
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

    def _vocabs(self) -> tuple[Vocab, ...]:
        return self._short, self._long, self._org, self._tags

    def _link(self, interview: Interview) -> None:
        self._interviews[interview.id] = interview
        self._of_company.setdefault(interview.company_id, set()).add(interview.id)
        for person in interview.people:
            self._sat_on.setdefault(person, set()).add(interview.id)

    def _unlink(self, id: str) -> set[str]:
        """Drop the links of interview ``id``; return the people it had."""
        old = self._interviews.pop(id, None)
        if old is None:
            return set()
        self._of_company.get(old.company_id, set()).discard(id)
        for person in old.people:
            self._sat_on.get(person, set()).discard(id)
        return set(old.people)

    def _reindex_company(self, id: str) -> None:
        interviews = self._of_company.get(id, set())
        self._reindex_interviews(interviews)
        self._reindex_contacts({p for i in interviews for p in self._interviews[i].people})

    def _reindex_interviews(self, ids: Iterable[str]) -> None:
        for id in list(ids):
            interview = self._interviews[id]
            company = self._companies.get(interview.company_id)
            names = [self._name(p) for p in interview.panel]
            self._put(
                "interview",
                id,
                interview_record(
                    interview,
                    company.name if company else "",
                    self._name(interview.recruiter_id),
                    [n for n in names if n],
                ),
            )

    def _reindex_contacts(self, ids: Iterable[str]) -> None:
        for id in list(ids):
            contact = self._contacts.get(id)
            if contact is None:
                continue
            panels = []
            for interview_id in sorted(self._sat_on.get(id, ())):
                interview = self._interviews[interview_id]
                company = self._companies.get(interview.company_id)
                label = "panel" if id in interview.panel else "recruiter"
                panels.append((label, company.name if company else "", interview.role))
            self._put("contact", id, contact_record(contact, panels))

    def _name(self, id: str | None) -> str:
        contact = self._contacts.get(id) if id else None
        return contact.name if contact else ""

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


def _width(tiers: _Tiers) -> int:
    """How many records a query word may match (at most): the narrowest go first."""
    return len(tiers[1]) + len(tiers[2]) + len(tiers[3])


def _levels(found: set[int], tiers: list[_Tiers]) -> Iterator[tuple[int, set[int]]]:
    """``found`` split by score, best first: per query word, the best way it matched.

    Lazily: a level is worked out only when the ones above it fall short of the limit, since
    for a query that matches most records each level costs set operations over all of them.
    """
    if len(tiers) == 1:
        exact, prefix, long, _typo = tiers[0]
        top = found & exact
        if top:
            yield _EXACT, top
        second = (found & prefix) - top
        if second:
            yield _PREFIX, second
        third = (found & long) - prefix
        if third:
            yield _LONG, third
        rest = found - prefix - long
        if rest:
            yield _TYPO, rest
        return
    # Several words: set algebra rather than a score per record, so a keystroke that still
    # matches most records stays cheap. All words whole in short fields, then all as prefixes
    # in short fields, then all without a typo, then the rest.
    n = len(tiers)
    exact = found.intersection(*(t[0] for t in tiers))
    if exact:
        yield _EXACT * n, exact
    short = found.intersection(*(t[1] for t in tiers)) - exact
    if short:
        yield _PREFIX * n, short
    plain = found
    for tier in tiers:  # found & (prefix | long), without the union of two large sets
        plain = (plain & tier[1]) | (plain & tier[2])
    plain = plain - exact - short
    if plain:
        yield _LONG * n, plain
    rest = found - exact - short - plain
    if rest:
        yield _TYPO * n, rest
