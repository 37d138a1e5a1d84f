"""The search index: built once when the data is loaded, then kept up to date one edit at a time.

A keystroke costs a few bisections in sorted vocabularies, set operations on the records found,
and text work for only the hits that are shown: never a pass over every record's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from ..domain import Company, Contact, Interview
from .answer import Searchable
from .postings import KINDS
from .records import contact_record, interview_record


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
        self._of_company: dict[str, set[str]] = {}  # company id -> interview ids
        self._sat_on: dict[str, set[str]] = {}  # contact id -> interview ids

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
        for kind in KINDS:
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
