"""Relative dates in a saved draft, made right for the day the note goes out.

A draft keeps the words it was written with: "we spoke two weeks ago" on 1 December is wrong
by the 31st. :func:`refresh_dates` rewrites the interview's date where the draft still says it
the way followup wrote it; :func:`stale_phrases` finds the relative dates it could not vouch
for, so the app can ask before the note is copied.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain import relative_date
from .render import NoteContext

_WEEKDAY = r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: Phrases whose meaning moves with the day they are read. "today" is left out: a note that
#: says "today" means the day it is sent, whenever that is.
_MOVING = re.compile(
    r"\b(?:yesterday|tomorrow|" + _WEEKDAY + r"|last week|next week|this week"
    r"|(?:two|three) weeks ago|in (?:two|three) weeks|earlier this month|later this month"
    r"|last month|next month|this month)\b",
    re.IGNORECASE,
)


def _interview_phrases(ctx: NoteContext, written: date) -> tuple[str, str] | None:
    """How the last round was said on ``written``, and how it is said on ``ctx.today``."""
    last = ctx.interview.last_round if ctx.interview else None
    if last is None:
        return None
    return relative_date(last, written), relative_date(last, ctx.today)


def _same_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def refresh_dates(text: str, ctx: NoteContext, written: date) -> str:
    """``text``, saved on ``written``, with the interview's date said as it is on ``ctx.today``.

    Only the phrase followup put there is changed ("two weeks ago" becomes "last month"), and
    only as a whole phrase, keeping a capital at the start of a sentence; everything the user
    wrote stays as it is. Without an interview date, or on the day it was written, the text
    comes back unchanged.
    """
    phrases = _interview_phrases(ctx, written)
    if phrases is None or phrases[0] == phrases[1] or written == ctx.today:
        return text
    then, now = phrases
    if then == "today":
        return text  # "thank you for today" may mean the day it is sent: not ours to change
    pattern = re.compile(r"\b" + re.escape(then) + r"\b", re.IGNORECASE)
    return pattern.sub(lambda match: _same_case(now, match.group()), text)


def stale_phrases(text: str, ctx: NoteContext, written: date) -> list[str]:
    """The relative dates in ``text`` (saved on ``written``) that may be wrong on
    ``ctx.today``: each once, as written, in the order they appear.

    None on the day it was written. After :func:`refresh_dates`, the interview's date as it
    reads today is known to be right and is not listed; any other phrase that moves with the
    day ("yesterday", "last week", "on Monday") is, because followup cannot tell what it was
    about. "today" is named too when the draft was written on the day of the interview, when
    it may have meant that day. The app should ask before copying a note for which this list
    is not empty.
    """
    if written == ctx.today:
        return []
    phrases = _interview_phrases(ctx, written)
    right = phrases[1].casefold() if phrases else ""
    moving = _MOVING
    if phrases is not None and phrases[0] == "today" != phrases[1]:
        moving = re.compile(_MOVING.pattern + r"|\btoday\b", re.IGNORECASE)
    found: dict[str, None] = {}
    for match in moving.finditer(text):
        phrase = match.group()
        if phrase.casefold() != right:
            found.setdefault(phrase)
    return list(found)
