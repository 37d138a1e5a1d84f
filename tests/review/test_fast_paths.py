"""The review's shortcuts give what the whole queue gives: the interview list's markers run only
the rules about interviews, and one reading of the queue counts the month's invitations once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.domain import Dataset, ReviewState
from followup_tui.review import (
    dismiss,
    due_by_interview,
    due_items,
    invite_advice,
    invites_used,
    mark_cleared,
    overview,
    progress,
    render_today,
    snooze,
    upcoming,
)
from followup_tui.review.queue import interview_items

from .review_data import TODAY
from .test_review_properties import scenarios

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def markers_from_the_queue(dataset: Dataset, today: date) -> dict[str, str]:
    """The interview list's markers read off the whole queue, as they were before."""
    due: dict[str, str] = {}
    for item in due_items(dataset, today):
        if item.interview_id:
            due.setdefault(item.interview_id, item.kind.label)
    return due


@st.composite
def handled(draw: st.DrawFn) -> tuple[Dataset, date]:
    """A scenario in which some of the day's items were snoozed, dismissed or cleared, seen
    that day or a few days later."""
    dataset, today = draw(scenarios())
    state = ReviewState()
    for item in due_items(dataset, today):
        what = draw(st.sampled_from(["keep", "keep", "snooze", "dismiss", "clear"]))
        if what == "snooze":
            state = snooze(state, item.key, today + timedelta(days=draw(st.integers(1, 5))))
        elif what == "dismiss":
            state = dismiss(state, item.key, "done", today)
        elif what == "clear":
            state = mark_cleared(state, item.key, today)
    later = timedelta(days=draw(st.sampled_from([0, 1, 3])))
    return replace(dataset, review=state), today + later


@FAST
@given(handled())
def test_the_markers_are_those_of_the_whole_queue(scenario: tuple[Dataset, date]) -> None:
    dataset, today = scenario
    assert due_by_interview(dataset, today) == markers_from_the_queue(dataset, today)
    about = [item for item in due_items(dataset, today) if item.interview_id]
    assert [item.key for item in interview_items(dataset, today)] == [i.key for i in about]


@FAST
@given(handled())
def test_one_reading_gives_what_each_piece_gives(scenario: tuple[Dataset, date]) -> None:
    dataset, today = scenario
    view = overview(dataset, today)
    assert list(view.items) == due_items(dataset, today)
    assert (view.done, view.total) == progress(dataset, today)
    assert view.invites == invites_used(dataset, today)
    assert view.advice == invite_advice(dataset, today)
    assert view.upcoming == (None if view.items else upcoming(dataset, today))


def test_the_demo_markers_and_text_hold_with_a_budget_used_up() -> None:
    data = demo_dataset(TODAY)
    spent = replace(data, settings=replace(data.settings, invite_budget=0))
    for dataset in (data, spent):
        assert due_by_interview(dataset, TODAY) == markers_from_the_queue(dataset, TODAY)
        advice = invite_advice(dataset, TODAY)
        text = render_today(dataset, TODAY)
        assert (advice is not None) is (dataset is spent)
        assert advice is None or advice[0].upper() + advice[1:] in text
        assert f"{len(due_items(dataset, TODAY))} due" in text
