"""The daily review: what is due on a given day, the queue that clears it, and its text form."""

from __future__ import annotations

from .ahead import DAYS_AHEAD, MAX_DAYS_AHEAD, DueOn, due_ahead, series_key
from .items import ItemKind, ReviewItem
from .listing import InterviewRow, due_by_interview, interview_rows
from .overview import Overview, overview
from .queue import (
    by_kind,
    dismiss,
    due_items,
    invite_advice,
    invites_used,
    mark_cleared,
    progress,
    snooze,
    upcoming,
)
from .sent import SentNote, has_had, next_person, unclear, unsend
from .text import render_today, today_json

__all__ = [
    "DAYS_AHEAD",
    "MAX_DAYS_AHEAD",
    "DueOn",
    "InterviewRow",
    "ItemKind",
    "Overview",
    "ReviewItem",
    "SentNote",
    "by_kind",
    "dismiss",
    "due_ahead",
    "due_by_interview",
    "due_items",
    "has_had",
    "interview_rows",
    "invite_advice",
    "invites_used",
    "mark_cleared",
    "next_person",
    "overview",
    "progress",
    "render_today",
    "series_key",
    "snooze",
    "today_json",
    "unclear",
    "unsend",
    "upcoming",
]
