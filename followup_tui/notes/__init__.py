"""Notes from templates: placeholders filled in, the template that fits, the channel's limits."""

from __future__ import annotations

from .builtin import BUILTIN_TEMPLATES
from .choose import all_templates, default_template, is_recruiter, next_template
from .freshen import refresh_dates, stale_phrases
from .measure import char_count, limit_status
from .render import GAP, PLACEHOLDERS, NoteContext, gap, render
from .similar import near_duplicates, similarity
from .wording import a_note_of, kind_noun, with_article

__all__ = [
    "BUILTIN_TEMPLATES",
    "GAP",
    "PLACEHOLDERS",
    "NoteContext",
    "a_note_of",
    "all_templates",
    "char_count",
    "default_template",
    "gap",
    "is_recruiter",
    "kind_noun",
    "limit_status",
    "near_duplicates",
    "next_template",
    "refresh_dates",
    "render",
    "similarity",
    "stale_phrases",
    "with_article",
]
