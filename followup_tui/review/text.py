"""The daily review as ``followup today`` prints it: plain text for a terminal, or JSON.

Pure functions from the data and the day to a string or JSON-ready values. Plain text fits
80 columns, counted in terminal cells (a CJK character takes two), so a line never wraps, and
shows bidi controls and other characters a terminal acts on as escapes (``\\u202e``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain import WIDTH, Dataset, cell_width, days_from, fit, short_date, terminal_safe
from .items import ReviewItem
from .queue import by_kind, due_items, invite_advice, invites_used, upcoming

_INDENT = "  "
_MARK = "! "  # an overdue item
_SEP = " · "
#: Cells kept for an item's summary before company, role and contact are cut.
SUMMARY_ROOM = 30
_FIELD_MIN = 8


def item_line(item: ReviewItem, width: int = WIDTH) -> str:
    """One item on one line: company · role · contact · summary, cut to ``width`` cells.

    When it is too long, the longest of company, role and contact is cut first, down to what
    leaves the summary :data:`SUMMARY_ROOM` cells; then the summary is cut.
    """
    lead = _INDENT + (_MARK if item.overdue else " " * len(_MARK))
    room = width - cell_width(lead)
    fields = [terminal_safe(f, lines=True) for f in (item.company, item.role, item.contact) if f]
    summary = terminal_safe(item.summary, lines=True)
    widths = [cell_width(f) for f in fields]
    budget = room - cell_width(_SEP) * len(fields) - min(cell_width(summary), SUMMARY_ROOM)
    while sum(widths) > budget and max(widths, default=0) > _FIELD_MIN:
        widths[widths.index(max(widths))] -= 1
    cut = [fit(f, w) for f, w in zip(fields, widths, strict=True)]
    return lead + fit(_SEP.join((*cut, summary)), room)


def render_today(dataset: Dataset, today: date, width: int = WIDTH) -> str:
    """The queue as plain text: a header, then each kind under its heading with a count."""
    items = due_items(dataset, today)
    if not items:
        return _lines(_nothing_due(dataset, today), width)
    overdue = sum(item.overdue for item in items)
    budget = dataset.settings.invite_budget
    used = invites_used(dataset, today)
    lines = [
        f"Today, {short_date(today, year=True)}: {len(items)} due ({overdue} overdue) · "
        f"invitations this month {used}" + ("" if budget is None else f"/{budget}")
    ]
    advice = invite_advice(dataset, today)
    if advice:
        lines.append(advice[0].upper() + advice[1:])
    for kind, group in by_kind(items).items():
        if group:
            lines += ["", f"{kind.label} ({len(group)})"]
            lines += [item_line(item, width) for item in group]
    return _lines(lines, width)


def _lines(lines: list[str], width: int) -> str:
    """The lines as printed: escaped (see :func:`~followup_tui.domain.terminal_safe`), then cut."""
    return "\n".join(fit(terminal_safe(line, lines=True), width) for line in lines)


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
