"""The search index: built once when the data is loaded, then kept up to date one edit at a time.

A keystroke costs a few bisections in sorted vocabularies, operations on masks of the records
found, and text work for only the hits that are shown: never a pass over every record's text.

The index holds the model objects (shared with whoever loaded them, not copied) and works out
what search sees of a record from them when it is indexed, shown or replaced. An edit is taken
in by describing every record it touches before the change and after, so the words that leave
the vocabularies are exactly those that went in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from operator import itemgetter
from typing import Protocol

from ..domain import Company, Contact, Interview
from .answer import Searchable
from .hits import Kind
from .records import Record, contact_record, interview_record, words_of
from .vocab import Vocab

#: The records' numbers by (kind, id), as :meth:`SearchIndex.numbering` copies them.
Numbering = dict[tuple[Kind, str], int]
#: The long fields' words, as :meth:`SearchIndex.long_vocabulary` builds them for
#: :meth:`SearchIndex.take_long` (opaque to callers).
LongWords = Vocab

#: How many records shown lately are kept described (a keystroke shows up to two limits' worth,
#: and the next keystroke mostly the same ones).
SHOWN = 1024


class StoreLike(Protocol):
    """What :meth:`SearchIndex.follow` needs of a :class:`~followup_tui.store.Store`."""

    @property
    def companies(self) -> Mapping[str, Company]: ...
    @property
    def interviews(self) -> Mapping[str, Interview]: ...
    @property
    def contacts(self) -> Mapping[str, Contact]: ...
    def subscribe(self, listener: Callable[[str, str, object | None], None]) -> None: ...


class SearchIndex(Searchable):
    """Everything searchable, by word. Build with :meth:`build`; keep current with the
    ``update_*`` and ``remove_*`` methods after each change to the store (or :meth:`follow` it);
    ask with :meth:`~Searchable.search`."""

    def __init__(self) -> None:
        """An empty index; use :meth:`build`."""
        super().__init__()
        self._companies: dict[str, Company] = {}
        self._contacts: dict[str, Contact] = {}
        self._interviews: dict[str, Interview] = {}
        # Company id -> its interview ids, and contact id -> the interviews they sat on. Tuples,
        # not sets: the garbage collector stops looking at a tuple of strings once it has seen
        # it, where 20,000 sets were walked by every full collection (15 ms at 10k interviews).
        self._of_company: dict[str, tuple[str, ...]] = {}
        self._sat_on: dict[str, tuple[str, ...]] = {}
        self._seen: dict[tuple[Kind, str], Record] = {}  # records shown lately
        self._partial = False  # only some records indexed: for one query, no edits
        self._names_only = False  # long fields not indexed yet (see build(long=False))

    @classmethod
    def build(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
        *,
        long: bool = True,
    ) -> SearchIndex:
        """Index the store's companies, interviews and contacts (mappings by id).

        With ``long=False`` only the short fields are indexed (names, titles, companies, roles,
        tags: about half the work at 10,000 interviews), and :attr:`names_only` says so; edits
        are taken in whole meanwhile. The long fields' words come later, built elsewhere from
        the same data by :meth:`long_vocabulary` and handed over with :meth:`take_long`.
        """
        return cls._build(companies, interviews, contacts, long=long)

    @property
    def names_only(self) -> bool:
        """Whether the long fields (notes, tidbits, touches, feedback) are still to come: only
        what an edit brought in since is found by them."""
        return self._names_only

    def numbering(self) -> Numbering:
        """A copy of the records' numbers, for :meth:`long_vocabulary` in another thread."""
        return dict(self._number)

    @classmethod
    def long_vocabulary(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
        numbers: Mapping[tuple[Kind, str], int],
    ) -> LongWords:
        """The words of the long fields of the records ``numbers`` names (from
        :meth:`numbering`), as those records are in the given data.

        Reads nothing of an index, so it may run in a thread while the index it is for answers
        queries and takes edits; it is right for that index only if nothing changed between the
        numbering and the data (the caller checks, and builds it again if something did).
        """
        helper = cls()
        helper._companies, helper._contacts = dict(companies), dict(contacts)
        for interview in interviews.values():
            helper._link(interview)
        vocab = Vocab()
        vocab.begin_bulk()
        for (kind, id), number in sorted(numbers.items(), key=itemgetter(1)):
            record = helper._describe(kind, id)
            if record is not None:
                vocab.add(words_of(record)[1], number)
        vocab.end_bulk()
        vocab.prewarm()
        return vocab

    def take_long(self, vocab: LongWords) -> None:
        """Take the long fields' words from :meth:`long_vocabulary`, built from the data as it
        is now: the index answers from every field from here on."""
        self._long = vocab
        self._names_only = False
        self._seen.clear()

    @classmethod
    def _build(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
        only: Collection[tuple[Kind, str]] | None = None,
        words: tuple[str, ...] = (),
        *,
        long: bool = True,
    ) -> SearchIndex:
        """:meth:`build`, or with ``only`` an index of just those records (kind, id), the others
        still lending their names, and of only the long words that start with one of ``words``:
        it answers a query of those words that only those records can match (:mod:`.once`), and
        takes no edits."""
        index = cls()
        index._companies = dict(companies)
        index._contacts = dict(contacts)
        records: Iterable[tuple[Kind, str]]
        if only is None:
            for interview in interviews.values():
                index._link(interview)
            records = [
                *(("interview", id) for id in index._interviews),
                *(("contact", id) for id in index._contacts),
            ]
        else:  # the interviews these records show, and those their people sat on
            index._partial, index._long_starts = True, words
            people = {id for kind, id in only if kind == "contact"}
            for interview in interviews.values():
                if ("interview", interview.id) in only or not people.isdisjoint(interview.people):
                    index._link(interview)
            records = sorted(only)
        if not long:
            index._names_only, index._long_starts = True, ()  # no long words, for now
        index._begin_bulk()
        for kind, id in records:
            index._put(kind, id, None, index._describe(kind, id, long=long))
        index._end_bulk()
        if not long:
            index._long_starts = None  # an edit from now on is indexed whole
        if only is None:
            for vocab in (index._short, index._long):  # what the first letter typed needs
                vocab.prewarm()
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
        renamed = old is None or old.name != contact.name
        interviews = self._sat_on.get(contact.id, ()) if renamed else ()
        self._change(interviews, {contact.id}, lambda: self._contacts.update({contact.id: contact}))

    def remove_contact(self, id: str) -> None:
        """Forget a contact; interviews that listed them no longer show their name."""
        if id in self._contacts:
            self._change(self._sat_on.get(id, ()), {id}, lambda: self._contacts.pop(id))

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
        old = self._interviews.get(interview.id)
        people = set(interview.people) | set(old.people if old else ())

        def relink() -> None:
            self._unlink(interview.id)
            self._link(interview)

        self._change({interview.id}, people, relink)

    def remove_interview(self, id: str) -> None:
        """Forget an interview."""
        old = self._interviews.get(id)
        if old is not None:
            self._change({id}, set(old.people), lambda: self._unlink(id))

    def update_company(self, company: Company) -> None:
        """Add or rename a company, and the interviews and people linked to it."""
        self._change_company(company.id, lambda: self._companies.update({company.id: company}))

    def remove_company(self, id: str) -> None:
        """Forget a company's name (its interviews are removed one by one by the caller)."""
        if id in self._companies:
            self._change_company(id, lambda: self._companies.pop(id))

    def _change_company(self, id: str, change: Callable[[], object]) -> None:
        interviews = set(self._of_company.get(id, ()))
        people = {p for i in interviews for p in self._interviews[i].people}
        self._change(interviews, people, change)

    def _change(
        self, interviews: Collection[str], contacts: Collection[str], change: Callable[[], object]
    ) -> None:
        """Make ``change`` to the index's copy of the data, and re-index the records it touches:
        each described before and after, so what leaves the vocabularies is what went in."""
        assert not self._partial, "an index of some records only takes no edits"
        touched: list[tuple[Kind, str]] = [("interview", id) for id in sorted(interviews)]
        touched += [("contact", id) for id in sorted(contacts)]
        before = [self._describe(kind, id) for kind, id in touched]
        change()
        self._seen.clear()
        for (kind, id), old in zip(touched, before, strict=True):
            self._put(kind, id, old, self._describe(kind, id))

    def _link(self, interview: Interview) -> None:
        self._interviews[interview.id] = interview
        _add(self._of_company, interview.company_id, interview.id)
        for person in interview.people:
            _add(self._sat_on, person, interview.id)

    def _unlink(self, id: str) -> None:
        """Drop interview ``id`` and its links."""
        old = self._interviews.pop(id, None)
        if old is not None:
            _remove(self._of_company, old.company_id, id)
            for person in old.people:
                _remove(self._sat_on, person, id)

    def _shown(self, kind: Kind, id: str) -> Record:
        record = self._seen.get((kind, id))
        if record is None:
            record = self._describe(kind, id)
            assert record is not None, (kind, id)
            if len(self._seen) >= SHOWN:  # the one shown longest ago goes
                del self._seen[next(iter(self._seen))]
            self._seen[(kind, id)] = record
        return record

    def _describe(self, kind: Kind, id: str, *, long: bool = True) -> Record | None:
        """The record of ``kind`` ``id`` as search sees it now, or None if there is none
        (without ``long``, with its short fields only)."""
        if kind == "interview":
            interview = self._interviews.get(id)
            if interview is None:
                return None
            company = self._companies.get(interview.company_id)
            names = [self._name(p) for p in interview.panel]
            return interview_record(
                interview,
                company.name if company else "",
                self._name(interview.recruiter_id),
                [n for n in names if n],
                long=long,
            )
        contact = self._contacts.get(id)
        if contact is None:
            return None
        panels = []
        for interview_id in sorted(self._sat_on.get(id, ())):
            interview = self._interviews[interview_id]
            company = self._companies.get(interview.company_id)
            label = "panel" if id in interview.panel else "recruiter"
            panels.append((label, company.name if company else "", interview.role))
        return contact_record(contact, panels, long=long)

    def _name(self, id: str | None) -> str:
        contact = self._contacts.get(id) if id else None
        return contact.name if contact else ""


def _add(links: dict[str, tuple[str, ...]], key: str, id: str) -> None:
    found = links.get(key, ())
    if id not in found:
        links[key] = (*found, id)


def _remove(links: dict[str, tuple[str, ...]], key: str, id: str) -> None:
    found = links.get(key, ())
    if id in found:
        links[key] = tuple(other for other in found if other != id)
