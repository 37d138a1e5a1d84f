"""One query answered without indexing everything: what ``followup search`` runs.

Indexing all the data costs about a second at 10,000 interviews, most of it splitting every note
into words, and a command that answers one query and exits never asks a second. So the records
that could match are picked first by a quick test on their text, and an index of only those
answers the query: the same hits, in the same order, with the same counts as the whole index
(tests compare the two). The test may let through a record that does not match, never leave
out one that does: a query word matches a record when a word of it starts with the query word,
or (in short fields) is one typo from it, and both need the record's text to hold the query
word, or a word of the data one typo from it, as a substring of a word start... which in ASCII
text is a substring of the lowered text, and elsewhere is read off the text's words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..domain import Company, Contact, Interview
from .hits import Kind, SearchResult
from .index import SearchIndex
from .query import parse_query
from .text import one_typo, word_set
from .vocab import FUZZY_MAX, FUZZY_MIN


def search_once(
    companies: Mapping[str, Company],
    interviews: Mapping[str, Interview],
    contacts: Mapping[str, Contact],
    query: str,
    limit: int | None = None,
) -> SearchResult:
    """What ``SearchIndex.build(companies, interviews, contacts).search(query, limit)`` gives,
    at a fraction of the cost for a query with words."""
    q = parse_query(query)
    if not q.words or not all(q.words):  # every record, or every one with a word
        return SearchIndex.build(companies, interviews, contacts).search(q, limit)
    only = _Picker(companies, interviews, contacts).candidates(q.words)
    return SearchIndex._build(companies, interviews, contacts, only, q.words).search(q, limit)


class _Picker:
    """The quick test, over the data as the index would see it."""

    def __init__(
        self,
        companies: Mapping[str, Company],
        interviews: Mapping[str, Interview],
        contacts: Mapping[str, Contact],
    ) -> None:
        self._interviews, self._contacts = interviews, contacts
        self._names = {id: company.name for id, company in companies.items()}
        self._words: dict[str, set[str]] = {}  # the words of each text read so far

    def candidates(self, words: Iterable[str]) -> set[tuple[Kind, str]]:
        """Every record that may match all of ``words`` (folded, none empty)."""
        contacts, interviews = list(self._contacts.values()), list(self._interviews.values())
        vocab = self._short_vocab()
        for word in words:
            starts = tuple(dict.fromkeys((word, *_near(word, vocab))))
            has = self._memo(starts)
            labelled = {
                person
                for interview in self._interviews.values()
                if has(self._names.get(interview.company_id, "")) or has(interview.role)
                for person in interview.people
            }
            interviews = [
                i
                for i in interviews
                if any(map(has, (self._names.get(i.company_id, ""), i.role, i.level, *i.tags)))
                or any(has(self._contacts[p].name) for p in i.people if p in self._contacts)
                or self._has(starts, i.notes, *(f.text for f in i.feedback))
            ]
            contacts = [
                c
                for c in contacts
                if c.id in labelled
                or any(map(has, (c.name, c.title, c.company, *c.tags)))
                or any(has(e.company) or has(e.title) for e in c.past)
                or self._has(starts, c.notes, *c.tidbits, *(t.text for t in c.touches))
            ]
        return {("contact", c.id) for c in contacts} | {("interview", i.id) for i in interviews}

    def _memo(self, starts: tuple[str, ...]) -> Callable[[str], bool]:
        """:meth:`_has` for one short text at a time, each text tested once (they repeat)."""
        tested: dict[str, bool] = {}

        def has(text: str) -> bool:
            found = tested.get(text)
            if found is None:
                found = tested[text] = self._has(starts, text)
            return found

        return has

    def _has(self, starts: tuple[str, ...], *texts: str) -> bool:
        """Whether a word of ``texts`` may start with one of ``starts``: surely not when no."""
        joined = "\n".join(texts)
        if joined.isascii():
            lowered = joined.lower()
            return any(map(lowered.__contains__, starts))
        return (
            any(self._has(starts, text) for text in texts)
            if len(texts) > 1
            else any(w.startswith(starts) for w in self._read(joined))
        )

    def _read(self, text: str) -> set[str]:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = word_set(text)
        return found

    def _short_vocab(self) -> set[str]:
        """Every word of every short field, and more: where a typo may be matched."""
        texts = set(self._names.values())
        for contact in self._contacts.values():
            texts.update((contact.name, contact.title, contact.company, *contact.tags))
            texts.update(text for e in contact.past for text in (e.company, e.title))
        for interview in self._interviews.values():
            texts.update((interview.role, interview.level, *interview.tags))
        vocab: set[str] = set()
        for text in texts:
            vocab |= self._read(text)
        return vocab


def _near(word: str, vocab: set[str]) -> list[str]:
    """The words of ``vocab`` one typo from ``word``, when a typo may be matched at all."""
    if not FUZZY_MIN <= len(word) <= FUZZY_MAX:
        return []
    return [w for w in vocab if abs(len(w) - len(word)) <= 1 and one_typo(word, w)]
