"""Calendar arithmetic and phrasing that the core needs; ``today`` is always a parameter."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` or raise ValueError with a message a person can act on."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date (use YYYY-MM-DD)") from None


# Fixed English names: calendar.day_name and month_name follow the process locale, and the notes
# are written in English whatever the terminal's locale is.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKS = {2: "two", 3: "three"}


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def relative_date(day: date, today: date) -> str:
    """Say when ``day`` is, seen from ``today``, as a note puts it ("we spoke last week").

    Weeks start on Monday and are counted in calendar weeks, months in calendar months:

    ====================================  ===============================================
    ``day`` is                            phrase
    ====================================  ===============================================
    ``today``, the day before, after      "today", "yesterday", "tomorrow"
    another day of this week              "on Monday" (past or future)
    in the previous / next week           "last week" / "next week"
    2 or 3 calendar weeks before / after  "two weeks ago", "in three weeks"
    earlier / later this month            "earlier this month" / "later this month"
    in the previous / next month          "last month" / "next month"
    another month of this year            "in March"
    another year                          "in March 2024"
    ====================================  ===============================================

    The first line that matches wins, so a day two calendar weeks back is "two weeks ago" even
    when it fell in the previous month.
    """
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    weeks = (_week_start(today) - _week_start(day)).days // 7
    if weeks == 0:
        return f"on {_WEEKDAYS[day.weekday()]}"
    if abs(weeks) == 1:
        return "last week" if weeks > 0 else "next week"
    if abs(weeks) in _WEEKS:
        word = _WEEKS[abs(weeks)]
        return f"{word} weeks ago" if weeks > 0 else f"in {word} weeks"
    months = (today.year - day.year) * 12 + today.month - day.month
    if months == 0:
        return "earlier this month" if days > 0 else "later this month"
    if abs(months) == 1:
        return "last month" if months > 0 else "next month"
    if day.year == today.year:
        return f"in {_MONTHS[day.month - 1]}"
    return f"in {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date, *, year: bool = False) -> str:
    """The day as a list shows it: "Thu 26 Nov", or "Thu 26 Nov 2026" with ``year``."""
    text = f"{_WEEKDAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def days_from(day: date, today: date) -> str:
    """How far ``day`` is from ``today``, in days: "yesterday", "3 days ago", "in 4 days"."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    return f"{-days} days ago" if days < 0 else f"in {days} days"
