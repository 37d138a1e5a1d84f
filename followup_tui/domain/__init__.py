"""The domain: interviews, people and notes as frozen values, and the rules all packages share.

Nothing here knows about files, terminals or Textual; ``today`` is always a parameter.
"""

from __future__ import annotations

from .codec import FormatError, paused_gc
from .connection import (
    accepted,
    declined,
    ignored,
    invited,
    moved,
    reply_received,
    status_set,
)
from .dates import add_months, days_from, parse_date, relative_date, short_date
from .fields import new_id
from .history import (
    Facts,
    cadence,
    clock,
    facts,
    invite_again,
    is_invitation,
    next_due,
    next_kind,
    suggest_kind,
    withdrawn_until,
)
from .interviews import Company, Feedback, Interview, feedback_from_flags
from .keymap import Bindable, bindable, check_keymap, clashes, entry_problem, key_label
from .kinds import Channel, ConnectionStatus, FeedbackAbout, Stage, TouchKind, TouchStatus
from .people import CADENCE_DAYS_MAX, Contact, Employment, Touch
from .relations import (
    Panel,
    People,
    last_no,
    no_day,
    panels_of,
    people_at,
    reapply_after,
    reapply_date,
)
from .settings import Settings, Template
from .state import RECORD_TABLES, Cleared, Dataset, Dismissal, ReviewState, Snooze
from .text import (
    UNSAFE_OUTPUT,
    WIDTH,
    cell_width,
    clean_line,
    clean_text,
    clean_typed,
    fit,
    fold,
    has_control,
    terminal_safe,
)
from .touches import draft_for, mark_sent, save_draft

__all__ = [
    "CADENCE_DAYS_MAX",
    "RECORD_TABLES",
    "UNSAFE_OUTPUT",
    "WIDTH",
    "Bindable",
    "Channel",
    "Cleared",
    "Company",
    "ConnectionStatus",
    "Contact",
    "Dataset",
    "Dismissal",
    "Employment",
    "Facts",
    "Feedback",
    "FeedbackAbout",
    "FormatError",
    "Interview",
    "Panel",
    "People",
    "ReviewState",
    "Settings",
    "Snooze",
    "Stage",
    "Template",
    "Touch",
    "TouchKind",
    "TouchStatus",
    "accepted",
    "add_months",
    "bindable",
    "cadence",
    "cell_width",
    "check_keymap",
    "clashes",
    "clean_line",
    "clean_text",
    "clean_typed",
    "clock",
    "days_from",
    "declined",
    "draft_for",
    "entry_problem",
    "facts",
    "feedback_from_flags",
    "fit",
    "fold",
    "has_control",
    "ignored",
    "invite_again",
    "invited",
    "is_invitation",
    "key_label",
    "last_no",
    "mark_sent",
    "moved",
    "new_id",
    "next_due",
    "next_kind",
    "no_day",
    "panels_of",
    "parse_date",
    "paused_gc",
    "people_at",
    "reapply_after",
    "reapply_date",
    "relative_date",
    "reply_received",
    "save_draft",
    "short_date",
    "status_set",
    "suggest_kind",
    "terminal_safe",
    "withdrawn_until",
]
