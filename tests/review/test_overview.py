"""The review at a glance: one reading gives all the pieces give; clearing drops the right items."""

from __future__ import annotations

from dataclasses import replace

from followup_tui.demo import demo_dataset
from followup_tui.domain import reapply_date
from followup_tui.review import (
    ItemKind,
    dismiss,
    due_items,
    invite_advice,
    invites_used,
    overview,
    progress,
    upcoming,
)

from .review_data import TODAY


def test_one_reading_gives_what_each_piece_gives() -> None:
    data = demo_dataset(TODAY)
    view = overview(data, TODAY)
    assert list(view.items) == due_items(data, TODAY)
    assert (view.done, view.total) == progress(data, TODAY)
    assert view.invites == invites_used(data, TODAY)
    assert view.advice == invite_advice(data, TODAY)
    assert view.budget == data.settings.invite_budget
    assert view.upcoming is None  # something is due: nothing to announce


def test_an_empty_queue_says_what_comes_next() -> None:
    data = demo_dataset(TODAY)
    state = data.review
    for item in due_items(data, TODAY):
        state = dismiss(state, item.key, "done", TODAY)
    quiet = replace(data, review=state)
    view = overview(quiet, TODAY)
    assert view.items == ()
    assert view.upcoming is not None
    assert view.upcoming == upcoming(quiet, TODAY)


def test_clearing_drops_the_item_and_counts_it_only_when_done() -> None:
    view = overview(demo_dataset(TODAY), TODAY)
    first = view.items[0]
    sent = view.without(first.key, done=True)
    assert first not in sent.items and len(sent.items) == len(view.items) - 1
    assert (sent.done, sent.total) == (view.done + 1, view.total)
    put_off = view.without(first.key, done=False)
    assert (put_off.done, put_off.total) == (view.done, view.total - 1)
    assert view.without("no such item", done=True) == view


def test_a_note_settles_the_persons_keep_in_touch_item_too() -> None:
    view = overview(demo_dataset(TODAY), TODAY)
    keeping = next(i for i in view.items if i.kind is ItemKind.KEEP_IN_TOUCH)
    other = next(i for i in view.items if i.contact_id and i.contact_id != keeping.contact_id)
    after = view.without(other.key, done=True, wrote_to=keeping.contact_id)
    assert keeping not in after.items
    assert other not in after.items
    untouched = view.without(other.key, done=True)
    assert keeping in untouched.items


def test_the_review_and_the_company_view_agree_on_the_reapply_day() -> None:
    # One rule (domain.reapply_after over domain.no_day) for both: the review's item and the
    # date the company view and the main screen show.
    data = demo_dataset(TODAY)
    far = TODAY.replace(year=TODAY.year + 3)  # every cooling-off period has ended by then
    items = [i for i in due_items(data, far) if i.kind is ItemKind.REAPPLY_OPEN]
    assert items
    for item in items:
        company = next(c for c in data.companies if c.id == item.company_id)
        assert item.due == reapply_date(company, data.interviews)
