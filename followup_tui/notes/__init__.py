"""Notes from templates: placeholders filled in, the template that fits, the channel's limits."""

from __future__ import annotations

from .builtin import BUILTIN_TEMPLATES
from .choose import all_templates, default_template, next_template
from .measure import char_count, limit_status
from .render import GAP, PLACEHOLDERS, NoteContext, gap, render
from .similar import near_duplicates, similarity

__all__ = [
    "BUILTIN_TEMPLATES",
    "GAP",
    "PLACEHOLDERS",
    "NoteContext",
    "all_templates",
    "char_count",
    "default_template",
    "gap",
    "limit_status",
    "near_duplicates",
    "next_template",
    "render",
    "similarity",
]
