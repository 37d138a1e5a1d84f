"""The daily review as ``followup today`` prints it: plain text for a terminal, or JSON.

Pure functions from the data and the day to a string or JSON-ready values. Plain text fits
80 columns, counted in terminal cells (a CJK character takes two), so a line never wraps, and
shows bidi controls and other characters a terminal acts on as escapes (``\\u202e``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain import (
    WIDTH,
    Dataset,
    cell_width,
    days_from,
    fit,
    paused_gc,
    short_date,
    terminal_safe,
)
from .items import ReviewItem
from .queue import _advice, _due_items, by_kind, due_items, invites_used, upcoming

_INDENT = "  "
_MARK = "! "  # an overdue item
_LEADS = {True: _INDENT + _MARK, False: _INDENT + " " * len(_MARK)}
_LEAD_CELLS = len(_INDENT + _MARK)
_SEP = " · "
_SEP_CELLS = cell_width(_SEP)
#: Cells kept for an item's summary before company, role and contact are cut.
SUMMARY_ROOM = 30
_FIELD_MIN = 8


def item_line(item: ReviewItem, width: int = WIDTH) -> str:
    """One item on one line: company · role · contact · summary, cut to ``width`` cells.

    When it is too long, the longest of company, role and contact is cut first, down to what
    leaves the summary :data:`SUMMARY_ROOM` cells; then the summary is cut. From a ``width``
    of :data:`MIN_WIDTH` on, the line is ready to print as it is: escaped and within ``width``.
    """
    room = width - _LEAD_CELLS
    fields = [terminal_safe(f, lines=True) for f in (item.company, item.role, item.contact) if f]
    summary = terminal_safe(item.summary, lines=True)
    widths = [cell_width(f) for f in fields]
    budget = room - _SEP_CELLS * len(fields) - min(cell_width(summary), SUMMARY_ROOM)
    excess = sum(widths) - budget
    if excess > 0:
        cut = _narrowed(widths, excess)
        fields = [f if c == w else fit(f, c) for f, c, w in zip(fields, cut, widths, strict=True)]
    return _LEADS[item.overdue] + fit(_SEP.join((*fields, summary)), room)


def _narrowed(widths: list[int], excess: int) -> list[int]:
    """``widths`` less ``excess`` cells, taken one at a time from the widest (the first of
    equals), none narrower than :data:`_FIELD_MIN`; worked out a level at a time."""
    cut = widths.copy()
    while excess > 0:
        top = max(cut, default=0)
        if top <= _FIELD_MIN:
            break
        widest = [i for i, w in enumerate(cut) if w == top]
        level = max([w for w in cut if w < top], default=_FIELD_MIN)
        level = max(level, _FIELD_MIN)
        if excess >= len(widest) * (top - level):  # all of them down to the next level
            excess -= len(widest) * (top - level)
            for i in widest:
                cut[i] = level
            continue
        # One cell from each in turn: as many whole rounds as fit, then one more from the first.
        rounds, rest = divmod(excess, len(widest))
        for n, i in enumerate(widest):
            cut[i] = top - rounds - (n < rest)
        break
    return cut


#: The narrowest width at which :func:`item_line` gives lines ready to print as they are.
MIN_WIDTH = _LEAD_CELLS + 1


def render_today(dataset: Dataset, today: date, width: int = WIDTH) -> str:
    """The queue as plain text: a header, then each kind under its heading with a count."""
    used = invites_used(dataset, today)  # counted once for the queue, the head and the advice
    with paused_gc():
        items = _due_items(dataset, today, used)
    if not items:
        return _lines(_nothing_due(dataset, today), width)
    overdue = sum(item.overdue for item in items)
    budget = dataset.settings.invite_budget
    lines = [
        f"Today, {short_date(today, year=True)}: {len(items)} due ({overdue} overdue) · "
        f"invitations this month {used}" + ("" if budget is None else f"/{budget}")
    ]
    advice = _advice(dataset, today, used)
    if advice:
        lines.append(advice[0].upper() + advice[1:])
    printed = [_printable(line, width) for line in lines]
    for kind, group in by_kind(items).items():
        if group:
            printed += ["", _printable(f"{kind.label} ({len(group)})", width)]
            if width >= MIN_WIDTH:  # each line is printable as it is
                printed += [item_line(item, width) for item in group]
            else:
                printed += [_printable(item_line(item, width), width) for item in group]
    return "\n".join(printed)


def _lines(lines: list[str], width: int) -> str:
    """The lines as printed, each :func:`_printable`."""
    return "\n".join(_printable(line, width) for line in lines)


def _printable(line: str, width: int) -> str:
    """``line`` escaped (see :func:`~followup_tui.domain.terminal_safe`), then cut to ``width``."""
    return fit(terminal_safe(line, lines=True), width)


def _nothing_due(dataset: Dataset, today: date) -> list[str]:
    lines = ["Nothing due today."]
    nxt = upcoming(dataset, today)
    if nxt is None:
        lines.append("Nothing else falls due in the next 60 days.")
    else:
        lines.append(
            _SEP.join(
                f
                for f in (
                    f"Next due: {short_date(nxt.since)} ({days_from(nxt.since, today)})",
                    nxt.kind.label,
                    nxt.company,
                    nxt.contact,
                )
                if f
            )
        )
    return lines


def item_json(item: ReviewItem) -> dict[str, Any]:
    """One item as a JSON object; dates as ISO strings."""
    return {
        "key": item.key,
        "kind": item.kind.value,
        "due": item.due.isoformat(),
        "overdue": item.overdue,
        "since": item.since.isoformat(),
        "company": item.company,
        "role": item.role,
        "contact": item.contact,
        "contact_id": item.contact_id,
        "interview_id": item.interview_id,
        "company_id": item.company_id,
        "summary": item.summary,
        "suggestion": item.suggestion,
        "touch_kind": item.touch_kind.value if item.touch_kind else None,
    }


def today_json(dataset: Dataset, today: date) -> list[dict[str, Any]]:
    """The queue as a list of JSON objects, in order."""
    return [item_json(item) for item in due_items(dataset, today)]
