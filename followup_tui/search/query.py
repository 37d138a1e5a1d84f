"""What a person typed in the search box, read as free words and field filters.

``eng man company:acme stage:rejected tag:remote before:2025-01-01 after:2024`` reads as two
words that must both match, and five filters. Parsing never raises: a filter it cannot use
becomes a short hint for the person, and the rest of the query still works.

The work a query can ask for is bounded, since a paste can be any size: the text is cut to
:data:`MAX_QUERY` characters and the words to :data:`MAX_WORDS`, each with a hint that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..domain import Stage, fold
from .text import folded_words

FILTERS = ("company", "stage", "tag", "before", "after")
#: Longest query read, in characters. The longest real query (a few words and all five
#: filters, ``company:"acme cloud" stage:rejected tag:remote before:2025-01-01 after:2024-06
#: platform eng``) is about 100; past this the rest is dropped. A query this long costs no more
#: than a keystroke, where a pasted page used to cost seconds and gigabytes.
MAX_QUERY = 200
#: Most query words matched (all must match, so more than a few only narrows to nothing). Each
#: word costs a prefix lookup, a typo lookup and a set intersection; eight keep the worst
#: keystroke within a frame at 10,000 interviews.
MAX_WORDS = 8
CUT_HINT = f"query cut to {MAX_QUERY} characters"
WORDS_HINT = f"only the first {MAX_WORDS} words searched"
_TRY = "try " + ", ".join(f"{name}:" for name in FILTERS)
# name:value or name:"quoted value"; a lone word otherwise. A name is letters only, so a time
# ("10:30") or a URL's "https:" inside a word is not mistaken for a filter... unless it stands
# alone as "https:", which then gets the unknown-filter hint.
_TOKEN = re.compile(r'([^\W\d_]+):("[^"]*"?|\S*)|"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. Words are folded; every filter given must hold."""

    words: tuple[str, ...] = ()
    company: str | None = None
    stage: Stage | None = None
    tags: tuple[str, ...] = ()
    before: date | None = None
    after: date | None = None
    hints: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when nothing narrows the results: every record matches."""
        return not (
            self.words or self.company or self.stage or self.tags or self.before or self.after
        )


def parse_query(text: str) -> Query:
    """Read ``text`` as a :class:`Query`; never raises. Past :data:`MAX_QUERY` characters the
    text is cut, and past :data:`MAX_WORDS` words the rest are dropped, each with a hint."""
    free: list[str] = []
    hints: list[str] = []
    if len(text) > MAX_QUERY:
        text = text[:MAX_QUERY]
        hints.append(CUT_HINT)
    tags: list[str] = []
    company: str | None = None
    stage: Stage | None = None
    days: dict[str, date | None] = {}
    for match in _TOKEN.finditer(text):
        name, value, quoted, word = match.groups()
        if name is None:
            free.append(quoted if quoted is not None else word)
            continue
        key = fold(name)
        value = value.strip('"').strip()
        if key not in FILTERS:
            hints.append(f'unknown filter "{name}:" — {_TRY}')
        elif not value:
            continue  # still being typed
        elif key == "company":
            company = " ".join(folded_words(value)) or None
        elif key == "tag":
            tags.append(fold(value).replace(" ", "-"))
        elif key == "stage":
            stage = _stage(value, hints)
        else:
            days[key] = _day(value, key, hints)
    words = tuple(dict.fromkeys(w for chunk in free for w in folded_words(chunk)))
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        hints.append(WORDS_HINT)
    return Query(
        words=words,
        company=company,
        stage=stage,
        tags=tuple(dict.fromkeys(tags)),
        before=days.get("before"),
        after=days.get("after"),
        hints=tuple(dict.fromkeys(hints)),
    )


def _stage(value: str, hints: list[str]) -> Stage | None:
    """The stage ``value`` names or uniquely starts; else a hint and None."""
    wanted = "_".join(folded_words(value))
    for stage in Stage:
        if stage.value == wanted:
            return stage
    starting = [stage for stage in Stage if wanted and stage.value.startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    names = ", ".join(s.value for s in (starting or list(Stage)))
    hints.append(f'no stage "{value}" — try {names}')
    return None


def _day(value: str, key: str, hints: list[str]) -> date | None:
    """``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` for the first day of that month or year."""
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2 and len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), 1)
        return date.fromisoformat(value)
    except ValueError:
        hints.append(f'{key}: "{value}" is not a date — use YYYY-MM-DD, YYYY-MM or YYYY')
        return None
