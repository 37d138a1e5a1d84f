"""Dates as other tools write them: ISO, numeric with either order, and English month names.

Spreadsheets and exports write a day in many ways (``2025-03-04``, ``03/04/2025``,
``4 Mar 2025``, ``Tuesday, March 4, 2025``, LinkedIn's ``3/14/26, 9:05 AM``). Every reader of a
foreign file parses them here, so one rule settles them all:

- A numeric date whose first two parts could each be the month (``03/04/2025``) is ambiguous.
  It is never guessed from the locale: the file settles it (one date with a part over 12), or the
  person does (``--date-format dmy`` or ``mdy``), or the import stops and says so.
- Except with dots: ``04.03.2025`` is 4 March when nothing else is said. Dots between day,
  month and year are the habit of the countries that put the day first (Germany, Scandinavia,
  Eastern Europe); none writes the month first with dots, so this is no guess. A settled order
  (the file's or the person's) still wins, and a dotted date never settles the others.
- Month and weekday names come from a table of our own, in English, so a date reads the same
  under any locale (``strptime("%b")`` would follow the process locale).
- A two-digit year is 2000 to 2068 for 00 to 68, and 1969 to 1999 for 69 to 99 (the POSIX rule).
- A time after the date (``T09:05``, `` 09:05:00``, ``, 9:05 AM``) is read past and dropped: an
  interview is kept by its day. A weekday before the date is read past too, unchecked.
- Years outside 1900 to 2199 are refused: in an interview file they are typing mistakes.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

#: How a numeric date orders its day and month: day/month/year or month/day/year.
DayOrder = Literal["dmy", "mdy"]

#: The years a date may fall in; anything else is a typing mistake in an interview file.
YEAR_MIN, YEAR_MAX = 1900, 2199
#: Two-digit years up to this one are 20xx, the others 19xx (POSIX, like ``%y``).
PIVOT = 68

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: Every spelling of a month this module reads: the full name, three letters, and "sept".
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORDS = frozenset(
    {*_WEEKDAYS, *(d[:3] for d in _WEEKDAYS), "tues", "wed", "thur", "thurs"}
)

_SEP = r"[\s./-]+"
_YEAR = r"(?P<year>[0-9]{4}|[0-9]{2})"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
# A time of day after the date, which is dropped: "T09:05", " 09:05:00.5Z", ", 9:05 AM".
_TIME = re.compile(
    r"(?:t|\s+|,\s*)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"\s*(?P<half>[ap]\.?m\.?)?\s*(?:z|utc|[+-][0-9]{2}:?[0-9]{2})?$",
    re.ASCII,
)
_WEEKDAY = re.compile(r"^(?P<word>[a-z]+)\.?,?\s+", re.ASCII)
_YEAR_FIRST = re.compile(r"^(?P<year>[0-9]{4})([/.-])(?P<month>[0-9]{1,2})\2(?P<day>[0-9]{1,2})$")
_NUMERIC = re.compile(rf"^(?P<first>[0-9]{{1,2}})([/.-])(?P<second>[0-9]{{1,2}})\2{_YEAR}$")
_NAMED = (
    re.compile(rf"^{_DAY}{_SEP}(?:of\s+)?{_MONTH},?{_SEP}{_YEAR}$", re.ASCII),
    re.compile(rf"^{_MONTH}{_SEP}{_DAY},?{_SEP}{_YEAR}$", re.ASCII),
    re.compile(rf"^(?P<year>[0-9]{{4}}){_SEP}{_MONTH}{_SEP}{_DAY}$", re.ASCII),
)
_ORDER_WORDS = {"dmy": "day/month/year", "mdy": "month/day/year"}


def parse_day(text: str, order: DayOrder | None = None) -> date:
    """Return the day ``text`` names, or raise ValueError with a short reason a person can act on.

    ``order`` settles a numeric date such as ``03/04/2025``; without it an ambiguous one is
    refused with a message saying how to settle it (but a dotted one, ``04.03.2025``, is day
    first), and an unambiguous one (``14/03/2025``) is read the only way it can be.
    """
    shown = _shown(text)
    core = _core(text)
    if (found := _YEAR_FIRST.match(core)) is not None:
        return _day(shown, int(found["year"]), int(found["month"]), int(found["day"]))
    if (found := _NUMERIC.match(core)) is not None:
        first, second = int(found["first"]), int(found["second"])
        year = _year(found["year"])
        if order is None and found[2] == "." and first <= 12 and second <= 12:
            order = "dmy"  # 04.03.2025: only day-first countries write dots
        if order is None:
            if first <= 12 and second <= 12 and first != second:
                raise ValueError(_ambiguous_reason(shown, first, second))
            order = "dmy" if first > 12 else "mdy"
            if first > 12 and second > 12:
                raise ValueError(f"{shown} is not a date (no month {min(first, second)})")
        day, month = (first, second) if order == "dmy" else (second, first)
        if month > 12:
            raise ValueError(
                f"{shown} is not a date in {_ORDER_WORDS[order]} order (no month {month})"
            )
        return _day(shown, year, month, day)
    for pattern in _NAMED:
        if (found := pattern.match(core)) is not None:
            named = MONTHS.get(found["month"])
            if named is None:
                break
            return _day(shown, _year(found["year"]), named, int(found["day"]))
    raise ValueError(f"{shown} is not a date: write it like 2025-03-04 or 4 Mar 2025")


def is_ambiguous(text: str) -> bool:
    """True when ``text`` is a numeric date that reads as two different days (``03/04/2025``);
    not a dotted one (``04.03.2025``), which is day first unless an order is given."""
    found = _NUMERIC.match(_core(text))
    if found is None or found[2] == ".":
        return False
    first, second = int(found["first"]), int(found["second"])
    return first <= 12 and second <= 12 and first != second


def settled_order(text: str) -> DayOrder | None:
    """The order ``text`` proves, if any: ``"dmy"`` for ``14/03/2025``, ``"mdy"`` for
    ``03/14/2025``, None for any other text (ambiguous, not numeric, or no date at all)."""
    found = _NUMERIC.match(_core(text))
    if found is None:
        return None
    first, second = int(found["first"]), int(found["second"])
    if (first > 12) == (second > 12):
        return None
    return "dmy" if first > 12 else "mdy"


def guess_order(texts: Iterable[str]) -> DayOrder | None:
    """The order a file's dates settle, or None when none settles it.

    One numeric date with its first part over 12 settles day/month/year, one with its second part
    over 12 settles month/day/year. A file that settles both ways contradicts itself: ValueError
    naming one date of each kind.
    """
    seen: dict[DayOrder, str] = {}
    for text in texts:
        order = settled_order(text)
        if order is not None:
            seen.setdefault(order, _shown(text))
    if len(seen) == 2:
        raise ValueError(
            f"the dates disagree: {seen['dmy']} puts the day first, {seen['mdy']} the month"
        )
    return next(iter(seen), None)


def _core(text: str) -> str:
    """``text`` lower-cased, on one line of single spaces, without a weekday before it or a time
    after it."""
    core = " ".join(text.split()).lower()
    core = _TIME.sub("", core, count=1) if _valid_time(core) else core
    weekday = _WEEKDAY.match(core)
    if weekday is not None and weekday["word"] in _WEEKDAY_WORDS:
        core = core[weekday.end() :]
    return core


def _valid_time(core: str) -> bool:
    found = _TIME.search(core)
    if found is None:
        return False
    hour, minute = int(found["hour"]), int(found["minute"])
    top = 12 if found["half"] else 23
    return hour <= top and minute <= 59


def _year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year <= PIVOT else 1900 + year
    return year


def _day(shown: str, year: int, month: int, day: int) -> date:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"{shown} is not a date followup keeps (years {YEAR_MIN} to {YEAR_MAX})")
    if not 1 <= month <= 12:
        raise ValueError(f"{shown} is not a date (no month {month})")
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise ValueError(f"{shown} is not a date (no day 0)")
    if day > last:
        name = _MONTH_NAMES[month - 1].capitalize()
        raise ValueError(f"{shown} is not a date ({name} {year} has {last} days)")
    return date(year, month, day)


def _ambiguous_reason(shown: str, first: int, second: int) -> str:
    as_dmy = f"{first} {_MONTH_NAMES[second - 1].capitalize()}"
    as_mdy = f"{second} {_MONTH_NAMES[first - 1].capitalize()}"
    return f"{shown} could be {as_dmy} or {as_mdy}: pass --date-format dmy or mdy"


def _shown(text: str) -> str:
    """``text`` as a message quotes it: one line, trimmed, at most 40 characters."""
    shown = " ".join(text.split())
    if not shown:
        return "an empty cell"
    return shown if len(shown) <= 40 else shown[:39] + "…"
