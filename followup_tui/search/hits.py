"""What a search returns: hits with the field they matched in and where, as plain text and spans.

A hit's snippet is plain text and its spans are offsets into it, so a screen can highlight the
match by building styled content from the two; nothing in a snippet is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

#: Longest snippet, in characters.
SNIPPET = 80
#: Characters of context kept before the first match when a long text is cut.
_LEAD = 24
_BLANKS = str.maketrans("\t\n\r\v\f", "     ")

Kind = Literal["contact", "interview"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found: a person or an interview."""

    kind: Kind
    id: str
    #: Higher is better; comparable only within one search.
    score: float
    #: Where it matched: "name", "title", "company", "past company", "past title", "role",
    #: "recruiter", "panel", "tag", "tidbit", "note", "feedback" or "touch"; "" when only
    #: filters (or nothing) were given.
    field: str
    #: Up to :data:`SNIPPET` characters of that field around the match, on one line.
    snippet: str
    #: (start, end) offsets into ``snippet`` of each matching part, sorted, not overlapping.
    spans: tuple[tuple[int, int], ...]
    #: The contact's name, or "Company · Role".
    title: str
    #: The contact's "title · company", or the interview's "stage · last round".
    subtitle: str


class Hits(Sequence[Hit]):
    """Hits each worked out when first read: a search finds up to two limits' worth, and a
    screen shows about thirty of them (finding the field and the snippet was two thirds of a
    keystroke's search at 10,000 interviews). Equal to any sequence of the same hits."""

    __slots__ = ("_found", "_made", "_make")

    def __init__(self, found: Sequence[tuple[Kind, str]], make: Callable[[int], Hit]) -> None:
        """``found`` holds each hit's (kind, id) in order; ``make(i)`` works out hit ``i``."""
        self._found = found
        self._made: list[Hit | None] = [None] * len(found)
        self._make = make

    def key(self, index: int) -> tuple[Kind, str]:
        """The (kind, id) of hit ``index``, without working it out."""
        return self._found[index]

    def __len__(self) -> int:
        return len(self._found)

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        hit = self._made[index]
        if hit is None:
            hit = self._made[index] = self._make(index % len(self._found))
        return hit

    def __iter__(self) -> Iterator[Hit]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Hits({list(self)!r})"


def hit_keys(hits: Sequence[Hit]) -> list[tuple[Kind, str]]:
    """Each hit's (kind, id), without working out the hits of a :class:`Hits`."""
    if isinstance(hits, Hits):
        return [hits.key(i) for i in range(len(hits))]
    return [(hit.kind, hit.id) for hit in hits]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits, people first and then interviews, each group best first."""

    hits: Sequence[Hit] = field(default_factory=list)
    #: How many records matched in all (``hits`` may hold fewer when a limit was given).
    total: int = 0
    hints: tuple[str, ...] = ()
    #: How many people and how many interviews matched.
    people: int = 0
    interviews: int = 0


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The part of ``text`` around its first span, on one line, with the spans moved into it."""
    text = text.translate(_BLANKS)  # one character for one: offsets stay valid
    start = 0
    if len(text) > SNIPPET and spans and spans[0][0] > _LEAD:
        start = spans[0][0] - _LEAD
        space = text.rfind(" ", start - 12, start)
        start = space + 1 if space >= 0 else start
        start = min(start, max(0, len(text) - (SNIPPET - 1)))
    lead = "…" if start else ""
    room = SNIPPET - len(lead)
    cut = len(text) - start > room
    body = text[start : start + (room - 1 if cut else room)]
    out = lead + body + ("…" if cut else "")
    shift = len(lead) - start
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        a, b = a + shift, min(b + shift, len(lead) + len(body))
        if a >= len(lead) and b > a:
            if kept and a <= kept[-1][1]:
                kept[-1] = (kept[-1][0], max(b, kept[-1][1]))
            else:
                kept.append((a, b))
    return out, tuple(kept)
