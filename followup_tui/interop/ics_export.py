"""The follow-ups of the days ahead as an iCalendar file, for a calendar app.

One all-day event per item of :func:`~followup_tui.review.due_ahead`: a VEVENT whose DTSTART is a
DATE and whose DTEND is the next day (a VTODO would show in neither Google Calendar nor khal).
Its UID is the item's series (:func:`~followup_tui.review.series_key`), so importing a newer
export updates the events instead of doubling them, and a keep-in-touch note whose day moves
keeps its event. Nothing reads the clock: DTSTAMP is the export day, so two exports of the same
data on the same day are the same bytes. The icalendar library escapes commas, semicolons,
backslashes and newlines and folds long lines, so names come back as they were typed.

An import only adds and updates: the event of an item that has gone since (its note was sent)
stays in the calendar until it is deleted there.

Pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and writes nothing itself.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote

from icalendar import Calendar, Event

from ..domain import Dataset, short_date
from ..review import DAYS_AHEAD, DueOn, ItemKind, ReviewItem, due_ahead, series_key

#: Who made the file, as RFC 5545 asks every calendar to say.
PRODID = "-//followup//followup//EN"
#: The right-hand side of every UID, so followup's events never clash with another tool's.
UID_DOMAIN = "followup"
#: One item of a kind, as an event's title begins.
EVENT_TITLES = {
    ItemKind.THANK_YOU: "Thank-you note",
    ItemKind.DECISION_NOTE: "Post-decision note",
    ItemKind.KEEP_IN_TOUCH: "Keep in touch",
    ItemKind.INVITE_PENDING: "Invitation pending",
    ItemKind.DECISION_OVERDUE: "Decision overdue",
    ItemKind.REAPPLY_OPEN: "Reapply window",
}
# SEQUENCE counts days from here: it grows from one export day to the next, so a calendar that
# keeps the higher revision of an event takes the newer export, and stays the same within a day.
_SEQUENCE_FROM = date(2000, 1, 1)


def export_ics(dataset: Dataset, today: date, days: int = DAYS_AHEAD) -> bytes:
    """An iCalendar file of every item due from ``today`` to ``today + days``, one all-day
    event each; a valid calendar with no events when nothing is due.

    Raises ValueError when ``days`` is out of range (see :func:`~followup_tui.review.due_ahead`).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "followup")
    for due in due_ahead(dataset, today, days):
        calendar.add_component(_event(due, today))
    return bytes(calendar.to_ical())


def event_uid(item: ReviewItem) -> str:
    """The UID of ``item``'s event: its series, with anything but letters, digits and ``:_.-~``
    percent-encoded (ids come from imports too), then ``@followup``."""
    return f"{quote(series_key(item), safe=':')}@{UID_DOMAIN}"


def event_title(item: ReviewItem) -> str:
    """The event's title: "Thank-you note: Ann Lee (Acme, SRE)"; the company leads when the item
    is about no one ("Reapply window: Acme (SRE)")."""
    who = item.contact or item.company
    about = [part for part in (item.company if item.contact else "", item.role) if part]
    where = f" ({', '.join(about)})" if about else ""
    return f"{EVENT_TITLES[item.kind]}: {who}{where}" if who else EVENT_TITLES[item.kind] + where


def _event(due: DueOn, today: date) -> Event:
    item = due.item
    event = Event()
    event.add("uid", event_uid(item))
    event.add("dtstamp", datetime.combine(today, time(), tzinfo=UTC))
    event.add("sequence", (today - _SEQUENCE_FROM).days)
    event.add("dtstart", due.day)
    event.add("dtend", due.day + timedelta(days=1))
    event.add("summary", event_title(item))
    event.add("description", _description(item, today))
    event.add("categories", [item.kind.value])
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    return event


def _description(item: ReviewItem, today: date) -> str:
    """Why and what to do; the review phrases days from the export day, so the last line says
    which day that was."""
    when = f"due {short_date(item.due, year=True)}, as of {short_date(today, year=True)}"
    return "\n".join((item.summary, item.suggestion, when))
