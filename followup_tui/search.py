"""Quick search across past panels: the one module the app and the command line import.

Type a few letters of anything remembered about a person or an interview (a name without its
accents, a word of a title, a tidbit, a note, the text of a note sent) and every record that
has each word as the start of one of its words comes back, people first, best first. Field
filters (``company:``, ``stage:``, ``tag:``, ``before:``, ``after:``) narrow the results.

The pieces live in small modules: :mod:`.search_text` (folding and words),
:mod:`.search_query` (the query language), :mod:`.search_records` (what is indexed),
:mod:`.search_vocab` (sorted vocabularies), :mod:`.search_index` (the index) and
:mod:`.search_hits` (results, snippets and spans).
"""

from __future__ import annotations

from .search_hits import Hit, SearchResult
from .search_index import SearchIndex
from .search_query import CUT_HINT, FILTERS, MAX_QUERY, MAX_WORDS, Query, parse_query
from .search_text import fold

__all__ = [
    "CUT_HINT",
    "FILTERS",
    "MAX_QUERY",
    "MAX_WORDS",
    "Hit",
    "Query",
    "SearchIndex",
    "SearchResult",
    "fold",
    "parse_query",
]
