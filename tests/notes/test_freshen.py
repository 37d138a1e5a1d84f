"""A saved draft's relative dates, right on the day the note is copied."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain import Contact, Interview, Settings, Stage, relative_date
from followup_tui.notes import NoteContext, refresh_dates, stale_phrases

ROUND = date(2026, 11, 17)  # a Tuesday
SAVED = date(2026, 12, 1)
COPIED = date(2026, 12, 31)
INTERVIEW = Interview("iv", "co", "Engineer", rounds=(ROUND,), stage=Stage.REJECTED)


def on(day: date, interview: Interview | None = INTERVIEW) -> NoteContext:
    return NoteContext(Contact("ct", "Liam Brandt"), Settings(), day, interview)


DRAFT = "Hi Liam, thank you for your time two weeks ago. Two weeks ago was fun, I added this."


def test_the_interviews_date_is_said_as_it_is_on_the_day_of_copying() -> None:
    assert relative_date(ROUND, SAVED) == "two weeks ago"
    assert relative_date(ROUND, COPIED) == "last month"
    out = refresh_dates(DRAFT, on(COPIED), SAVED)
    assert out == "Hi Liam, thank you for your time last month. Last month was fun, I added this."
    assert stale_phrases(out, on(COPIED), SAVED) == []


def test_the_stale_phrase_is_named_until_it_is_refreshed() -> None:
    assert stale_phrases(DRAFT, on(COPIED), SAVED) == ["two weeks ago", "Two weeks ago"]


def test_on_the_day_it_was_written_nothing_changes() -> None:
    assert refresh_dates(DRAFT, on(SAVED), SAVED) == DRAFT
    assert stale_phrases(DRAFT + " See you tomorrow.", on(SAVED), SAVED) == []


def test_an_edited_phrase_that_cannot_be_worked_out_is_named() -> None:
    edited = "Hi Liam, thanks for the chat the other week, and for the coffee yesterday."
    out = refresh_dates(edited, on(COPIED), SAVED)
    assert out == edited
    assert stale_phrases(out, on(COPIED), SAVED) == ["yesterday"]


def test_words_that_only_contain_a_phrase_are_left_alone() -> None:
    draft = "Not a mention of lastmonth or yesterdays."
    assert refresh_dates(draft, on(COPIED), SAVED) == draft
    assert stale_phrases(draft, on(COPIED), SAVED) == []


def test_without_an_interview_date_only_the_moving_phrases_are_named() -> None:
    draft = "Good to see you on Monday and today."
    assert refresh_dates(draft, on(COPIED, None), SAVED) == draft
    assert stale_phrases(draft, on(COPIED, None), SAVED) == ["on Monday"]


@given(
    st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    st.integers(0, 120),
    st.integers(0, 120),
)
def test_a_refreshed_draft_says_what_a_fresh_render_says(
    saved: date, after_round: int, waited: int
) -> None:
    round_day = saved - timedelta(days=after_round)
    copied = saved + timedelta(days=waited)
    interview = Interview("iv", "co", "Engineer", rounds=(round_day,))
    draft = f"We spoke {relative_date(round_day, saved)}; I liked it."
    out = refresh_dates(draft, on(copied, interview), saved)
    if after_round == 0 and waited:  # "today" may not be about the round: named, not changed
        assert out == draft
        assert stale_phrases(out, on(copied, interview), saved) == ["today"]
    else:
        assert out == f"We spoke {relative_date(round_day, copied)}; I liked it."
        assert stale_phrases(out, on(copied, interview), saved) == []


def test_today_from_the_day_of_the_interview_is_named_not_changed() -> None:
    draft = "Thank you for today."
    assert refresh_dates(draft, on(COPIED), ROUND) == draft
    assert stale_phrases(draft, on(COPIED), ROUND) == ["today"]
    assert stale_phrases(draft, on(COPIED), SAVED) == []
