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
from typing import Protocol

from ..domain import Company, Contact, Interview
from .answer import Searchable
from .hits import Kind
from .records import Record, contact_record, interview_record

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

    @classmethod
    def build(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
    ) -> SearchIndex:
        """Index the store's companies, interviews and contacts (mappings by id)."""
        return cls._build(companies, interviews, contacts)

    @classmethod
    def _build(
        cls,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
        only: Collection[tuple[Kind, str]] | None = None,
        words: tuple[str, ...] = (),
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
        index._begin_bulk()
        for kind, id in records:
            index._put(kind, id, None, index._describe(kind, id))
        index._end_bulk()
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

    def _describe(self, kind: Kind, id: str) -> Record | None:
        """The record of ``kind`` ``id`` as search sees it now, or None if there is none."""
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
        return contact_record(contact, panels)

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
