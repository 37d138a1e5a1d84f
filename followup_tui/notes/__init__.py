"""Notes from templates: placeholders filled in, the template that fits, the channel's limits."""

from __future__ import annotations

from .builtin import BUILTIN_TEMPLATES
from .render import (
    PLACEHOLDERS,
    NoteContext,
    all_templates,
    default_template,
    gap,
    limit_status,
    near_duplicates,
    next_template,
    render,
)

__all__ = [
    "BUILTIN_TEMPLATES",
    "PLACEHOLDERS",
    "NoteContext",
    "all_templates",
    "default_template",
    "gap",
    "limit_status",
    "near_duplicates",
    "next_template",
    "render",
]
