"""Dates as foreign files write them: every style read, ambiguity refused, the file's order."""

from __future__ import annotations

import locale
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.interop.dates_in import (
    DayOrder,
    guess_order,
    is_ambiguous,
    parse_day,
    settled_order,
)

MARCH_4 = date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("2025-03-04", None),
        ("2025-03-04T09:05:00", None),
        ("2025-03-04 09:05", None),
        ("2025-03-04T09:05:00.123Z", None),
        ("2025/3/4", None),
        ("3/4/2025", "mdy"),
        ("4/3/2025", "dmy"),
        ("04.03.2025", "dmy"),
        ("4-3-2025", "dmy"),
        ("3/4/25", "mdy"),
        ("3/4/25, 9:05 AM", "mdy"),
        ("4 Mar 2025", None),
        ("04-Mar-2025", None),
        ("4-mar-25", None),
        ("4th of March 2025", None),
        ("March 4, 2025", None),
        ("MARCH 4 2025", None),
        ("Mar 4 2025", None),
        ("Mar. 4th, 2025", None),
        ("Tuesday, March 4, 2025", None),
        ("Tue 4 March 2025", None),
        ("2025-Mar-04", None),
        ("  4\u00a0Mar  2025 ", None),
    ],
)
def test_every_style_reads_the_same_day(text: str, order: DayOrder | None) -> None:
    assert parse_day(text, order) == MARCH_4


def test_sept_and_linkedin_style() -> None:
    assert parse_day("4 Sept 2025") == date(2025, 9, 4)
    assert parse_day("3/14/26, 9:05 AM") == date(2026, 3, 14)
    assert parse_day("3/14/26, 11:59 pm") == date(2026, 3, 14)


def test_a_numeric_date_needs_no_order_when_it_can_only_be_read_one_way() -> None:
    assert parse_day("14/03/2025") == date(2025, 3, 14)
    assert parse_day("03/14/2025") == date(2025, 3, 14)
    assert parse_day("03/03/2025") == date(2025, 3, 3)


def test_two_digit_years_pivot_at_68() -> None:
    assert parse_day("1/2/68", "dmy").year == 2068
    assert parse_day("1/2/69", "dmy").year == 1969
    assert parse_day("1/2/00", "dmy").year == 2000


def test_an_ambiguous_date_says_both_readings_and_how_to_settle_them() -> None:
    with pytest.raises(ValueError) as caught:
        parse_day("03/04/2025")
    assert str(caught.value) == (
        "03/04/2025 could be 3 April or 4 March: pass --date-format dmy or mdy"
    )
    assert parse_day("03/04/2025", "dmy") == date(2025, 4, 3)
    assert parse_day("03/04/2025", "mdy") == date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "order", "message"),
    [
        ("31/02/2025", None, "31/02/2025 is not a date (February 2025 has 28 days)"),
        ("29 Feb 2025", None, "29 Feb 2025 is not a date (February 2025 has 28 days)"),
        ("2025-13-01", None, "2025-13-01 is not a date (no month 13)"),
        ("13/13/2025", None, "13/13/2025 is not a date (no month 13)"),
        ("14/03/2025", "mdy", "14/03/2025 is not a date in month/day/year order (no month 14)"),
        ("0/3/2025", "dmy", "0/3/2025 is not a date (no day 0)"),
        ("31 Apr 2025", None, "31 Apr 2025 is not a date (April 2025 has 30 days)"),
        ("2525-01-01", None, "2525-01-01 is not a date followup keeps (years 1900 to 2199)"),
        ("soon", None, "soon is not a date: write it like 2025-03-04 or 4 Mar 2025"),
        ("4 Mär 2025", None, "4 Mär 2025 is not a date: write it like 2025-03-04 or 4 Mar 2025"),
        ("3/4/2025, 25:00", "dmy", "3/4/2025, 25:00 is not a date: write it like 2025-03-04"),
        ("", None, "an empty cell is not a date"),
        ("3/4-2025", "dmy", "3/4-2025 is not a date"),
    ],
)
def test_what_is_not_a_date_is_refused_with_the_reason(
    text: str, order: DayOrder | None, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(text, order)
    assert str(caught.value).startswith(message)


def test_a_long_text_is_cut_in_the_message() -> None:
    with pytest.raises(ValueError) as caught:
        parse_day("x" * 500)
    assert len(str(caught.value)) < 120


def test_is_ambiguous_only_for_numeric_dates_with_two_readings() -> None:
    assert is_ambiguous("03/04/2025")
    assert is_ambiguous("3-4-25")
    assert not is_ambiguous("3.4.25")  # dotted: day first
    assert not is_ambiguous("03/03/2025")
    assert not is_ambiguous("14/03/2025")
    assert not is_ambiguous("2025-03-04")
    assert not is_ambiguous("4 Mar 2025")
    assert not is_ambiguous("junk")


def test_a_dotted_date_is_day_first_unless_an_order_is_given() -> None:
    # Only countries that put the day first write dots between day, month and year.
    assert parse_day("04.03.2025") == date(2025, 3, 4)
    assert parse_day("4.3.25, 09:30") == date(2025, 3, 4)
    assert parse_day("04.03.2025", "mdy") == date(2025, 4, 3)
    # one that can only be read one way still is, and a dotted date settles nothing
    assert parse_day("03.14.2025") == date(2025, 3, 14)
    assert settled_order("04.03.2025") is None
    assert guess_order(["04.03.2025", "03/04/2025"]) is None
    with pytest.raises(ValueError, match="could be 3 April or 4 March"):
        parse_day("03/04/2025")


def test_settled_order_of_one_date() -> None:
    assert settled_order("14/03/2025") == "dmy"
    assert settled_order("03/14/2025, 9:05 AM") == "mdy"
    assert settled_order("03/04/2025") is None
    assert settled_order("2025-03-14") is None
    assert settled_order("14/14/2025") is None


def test_guess_order_from_a_file() -> None:
    assert guess_order(["03/04/2025", "4 Mar 2025", "14/03/2025"]) == "dmy"
    assert guess_order(["03/04/2025", "3/14/26, 9:05 AM"]) == "mdy"
    assert guess_order(["03/04/2025", "2025-01-01"]) is None
    assert guess_order([]) is None


def test_a_file_that_settles_both_orders_contradicts_itself() -> None:
    with pytest.raises(ValueError, match="14/03/2025 puts the day first, 03/14/2025 the month"):
        guess_order(["14/03/2025", "01/02/2025", "03/14/2025"])


@contextmanager
def time_locale(name: str) -> Iterator[bool]:
    """Switch LC_TIME to ``name`` when it is installed; say whether it was."""
    old = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        yield False
        return
    try:
        yield True
    finally:
        locale.setlocale(locale.LC_TIME, old)


def test_month_names_read_the_same_under_any_locale() -> None:
    # Whichever of these the machine has: C always, the others where installed.
    for name in ("C", "C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8"):
        with time_locale(name) as switched:
            if switched:
                assert parse_day("4 March 2025") == MARCH_4
                assert parse_day("Mar 4, 2025") == MARCH_4
                assert parse_day("Thu 4 Sept 2025") == date(2025, 9, 4)


_MONTHS = "January February March April May June July August September October November December"
_NAMES = _MONTHS.split()
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

STYLES: dict[str, tuple[Callable[[date], str], DayOrder | None]] = {
    "iso": (lambda d: d.isoformat(), None),
    "iso time": (lambda d: f"{d.isoformat()}T09:05:00", None),
    "dmy": (lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}", "dmy"),
    "mdy": (lambda d: f"{d.month}/{d.day}/{d.year}", "mdy"),
    "dotted": (lambda d: f"{d.day}.{d.month}.{d.year}", "dmy"),
    "d Mon Y": (lambda d: f"{d.day} {_NAMES[d.month - 1][:3]} {d.year}", None),
    "d-Mon-Y": (lambda d: f"{d.day:02d}-{_NAMES[d.month - 1][:3]}-{d.year}", None),
    "Month d, Y": (lambda d: f"{_NAMES[d.month - 1]} {d.day}, {d.year}", None),
    "Mon d Y": (lambda d: f"{_NAMES[d.month - 1][:3]} {d.day} {d.year}", None),
    "long": (
        lambda d: f"{_WEEKDAYS[d.weekday()]}, {_NAMES[d.month - 1]} {d.day}, {d.year}",
        None,
    ),
}


@settings(max_examples=50)
@given(day=st.dates(date(1900, 1, 1), date(2199, 12, 31)), style=st.sampled_from(sorted(STYLES)))
def test_any_date_in_any_style_reads_back(day: date, style: str) -> None:
    write, order = STYLES[style]
    assert parse_day(write(day), order) == day


@settings(max_examples=50)
@given(day=st.dates(date(1969, 1, 1), date(2068, 12, 31)))
def test_linkedin_short_dates_read_back(day: date) -> None:
    text = f"{day.month}/{day.day}/{day.year % 100:02d}, 9:05 PM"
    assert parse_day(text, "mdy") == day


@settings(max_examples=50)
@given(text=st.text(max_size=40), order=st.sampled_from([None, "dmy", "mdy"]))
def test_any_text_is_a_date_or_a_value_error(text: str, order: DayOrder | None) -> None:
    try:
        parse_day(text, order)
    except ValueError as error:
        assert "\n" not in str(error)
