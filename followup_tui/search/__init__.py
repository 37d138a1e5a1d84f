"""Quick search across past panels: the package's public face.

Type a few letters of anything remembered about a person or an interview (a name without its
accents, a word of a title, a tidbit, a note, the text of a note sent) and every record that
has each word as the start of one of its words comes back, people first, best first. Field
filters (``company:``, ``stage:``, ``tag:``, ``before:``, ``after:``) narrow the results.

The pieces live in small modules: :mod:`.text` (words and typos),
:mod:`.query` (the query language), :mod:`.records` (what is indexed), :mod:`.vocab` (sorted
vocabularies), :mod:`.postings` (the records under their words), :mod:`.ranking` (levels of a
match), :mod:`.answer` (a query answered), :mod:`.index` (the index kept current with the
store), :mod:`.once` (one query without indexing everything), :mod:`.hits` (results, snippets and
spans), :mod:`.bits` (sets of records as masks) and :mod:`.render` (what ``followup search``
prints).
"""

from __future__ import annotations

from ..domain import fold
from .hits import Hit, Hits, SearchResult, hit_keys
from .index import LongWords, Numbering, SearchIndex
from .once import search_once
from .query import CUT_HINT, FILTERS, MAX_QUERY, MAX_WORDS, Query, parse_query
from .render import render_search, search_json

__all__ = [
    "CUT_HINT",
    "FILTERS",
    "MAX_QUERY",
    "MAX_WORDS",
    "Hit",
    "Hits",
    "LongWords",
    "Numbering",
    "Query",
    "SearchIndex",
    "SearchResult",
    "fold",
    "hit_keys",
    "parse_query",
    "render_search",
    "search_json",
    "search_once",
]
