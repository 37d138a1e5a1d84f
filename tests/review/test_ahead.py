"""The review's days ahead: what falls due on each day, checked against the queue of that day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from followup_tui.demo import demo_dataset
from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Dataset,
    Settings,
    Stage,
    TouchKind,
)
from followup_tui.review import (
    MAX_DAYS_AHEAD,
    DueOn,
    ItemKind,
    due_ahead,
    due_items,
    series_key,
)
from followup_tui.review.queue import dismiss, snooze

from .review_data import TODAY, ago, dataset, interview, person, touch

S = ConnectionStatus
K = TouchKind
INVITE = Channel.LINKEDIN_INVITE
THANKS = f"thank_you:iv:ct_ann:{ago(1)}"
KEEP = f"keep_in_touch:ct_bob:{TODAY}"


def two_due() -> Dataset:
    """Ann owed a thank-you (round yesterday), Bob a keep-in-touch note (due today); no
    decision is awaited."""
    return dataset(
        interview(rounds=(ago(1),), panel=("ann",), stage=Stage.SCHEDULED),
        contacts=(person("ann"), person("bob", touch(ago(30), K.ARTICLE))),
    )


def days_of(found: list[DueOn]) -> dict[str, date]:
    """Each key with its day; a key twice fails."""
    days = {due.item.key: due.day for due in found}
    assert len(days) == len(found)
    return days


def by_brute_force(data: Dataset, today: date, days: int) -> dict[str, date]:
    """Each key with the day it falls due, from the queue of every day in turn: the first day it
    is in the queue, or its due date when that is later (a reapply window)."""
    first: dict[str, date] = {}
    for ahead in range(days + 1):
        day = today + timedelta(days=ahead)
        for item in due_items(data, day):
            first.setdefault(item.key, max(day, item.due))
    return {key: day for key, day in first.items() if day <= today + timedelta(days=days)}


def mixed() -> Dataset:
    """Every way an item can move: held back, snoozed, dismissed, stale, coming, a reapply."""
    acme = Company("co_acme", "Acme", cooling_off_months=1)
    return dataset(
        interview("soon", rounds=(ago(-6),), panel=("cat",)),
        interview("late", rounds=(ago(1),), panel=("bob", "dan")),
        interview(
            "no",
            rounds=(ago(40),),
            panel=("eve",),
            stage=Stage.REJECTED,
            decision_date=ago(20),
            closure_received=True,
        ),
        interview("waiting", rounds=(ago(5),), panel=("fay",), stage=Stage.AWAITING_DECISION),
        contacts=(
            person("bob", touch(ago(30), K.ARTICLE)),  # held back by a thank-you
            person("cat", touch(ago(29), K.EVENT)),  # keep-in-touch tomorrow
            person("dan", status=S.NOT_CONTACTED),
            person("eve", touch(ago(40), K.ARTICLE)),  # held back by a decision note
            person("fay", touch(ago(10), K.ARTICLE)),
            person("gil", touch(ago(50), K.INVITE, channel=INVITE), status=S.INVITE_SENT),
            person("hal", touch(ago(25), K.ARTICLE)),  # snoozed, then due
            person("ivy", touch(ago(29), K.ARTICLE)),  # dismissed
        ),
        companies=(acme,),
    )


def test_each_item_falls_on_the_first_day_the_queue_has_it() -> None:
    data = mixed()
    state = snooze(data.review, f"keep_in_touch:ct_hal:{ago(-5)}", ago(-9))
    state = dismiss(state, f"keep_in_touch:ct_ivy:{ago(-1)}", "met them", TODAY)
    state = snooze(state, f"thank_you:iv:ct_dan:{ago(1)}", ago(-1))
    data = replace(data, review=state)
    expected = by_brute_force(data, TODAY, 40)
    found = due_ahead(data, TODAY, 40)
    assert days_of(found) == expected
    assert [due.item.overdue for due in found] == [due.item.due < due.day for due in found]
    assert [due.item.key for due in found if due.item.overdue and due.day > TODAY] == [
        f"keep_in_touch:ct_bob:{TODAY}",
        f"keep_in_touch:ct_hal:{ago(-5)}",
    ]
    assert expected[KEEP] == ago(-2)  # after the thank-you
    assert expected[f"keep_in_touch:ct_hal:{ago(-5)}"] == ago(-9)
    assert f"keep_in_touch:ct_ivy:{ago(-1)}" not in expected
    assert not any(key.startswith("keep_in_touch:ct_eve") for key in expected)
    assert any(key.startswith("reapply_open:") for key in expected)


@pytest.mark.parametrize("offset", [0, 9, 23, 45])
def test_the_demo_ahead_is_the_queue_of_each_day(offset: int) -> None:
    today = TODAY + timedelta(days=offset)
    data = demo_dataset(today)
    assert days_of(due_ahead(data, today, 30)) == by_brute_force(data, today, 30)


@pytest.mark.parametrize("offset", [0, 5, 17, 40])
def test_today_is_the_queue_less_the_reapply_windows_still_to_come(offset: int) -> None:
    today = TODAY + timedelta(days=offset)
    data = demo_dataset(today)
    queue = [i for i in due_items(data, today) if not i.due > today]
    assert [due.item for due in due_ahead(data, today, 0)] == queue
    assert [due.item for due in due_ahead(data, today) if due.day == today] == queue
    later = due_ahead(data, today, 0)
    assert all(due.day == today for due in later)


def test_an_item_due_in_ten_days_falls_on_that_day() -> None:
    data = dataset(contacts=(person("bob", touch(ago(20), K.ARTICLE)),))
    [due] = due_ahead(data, TODAY)
    assert due.day == ago(-10) == due.item.due and not due.item.overdue
    assert due.item.key == f"keep_in_touch:ct_bob:{ago(-10)}"
    assert due_ahead(data, TODAY, 9) == []
    assert [d.day for d in due_ahead(data, TODAY, 10)] == [ago(-10)]


def test_a_snoozed_item_falls_on_its_snooze_end_and_a_dismissed_one_never() -> None:
    data = two_due()
    snoozed = replace(data, review=snooze(data.review, KEEP, ago(-3)))
    days = {due.item.key: due for due in due_ahead(snoozed, TODAY)}
    assert days[KEEP].day == ago(-3) and days[KEEP].item.overdue
    assert days[THANKS].day == TODAY
    dismissed = replace(data, review=dismiss(data.review, KEEP, "met them", TODAY))
    assert [due.item.key for due in due_ahead(dismissed, TODAY, MAX_DAYS_AHEAD)] == [THANKS]


def test_a_thank_you_snoozed_past_its_last_day_never_falls() -> None:
    data = two_due()
    late = replace(data, review=snooze(data.review, THANKS, ago(-2)))
    assert [due.item.key for due in due_ahead(late, TODAY)] == [KEEP]


def test_overdue_items_fall_on_today() -> None:
    data = dataset(contacts=(person("bob", touch(ago(50), K.ARTICLE)),))
    [due] = due_ahead(data, TODAY)
    assert due.day == TODAY and due.item.due == ago(20) and due.item.overdue


def test_only_the_next_keep_in_touch_of_a_person() -> None:
    data = dataset(contacts=(person("bob", touch(ago(20), K.ARTICLE)),))
    assert len(due_ahead(data, TODAY, 365)) == 1


def test_a_reapply_window_falls_on_the_day_it_opens() -> None:
    acme = Company("co_acme", "Acme", cooling_off_months=1)
    no = interview(stage=Stage.REJECTED, rounds=(ago(60),), decision_date=date(2026, 10, 30))
    data = dataset(no, companies=(acme,))
    assert [i.key for i in due_items(data, TODAY)] == ["reapply_open:co_acme:2026-11-30"]
    assert due_ahead(data, TODAY, 3) == []
    [due] = due_ahead(data, TODAY, 4)
    assert due.day == date(2026, 11, 30) and not due.item.overdue
    assert series_key(due.item) == "reapply_open:co_acme"


def test_the_invitation_budget_and_a_withdrawal_are_said_for_the_day() -> None:
    sent = tuple(
        person(f"p{n}", touch(ago(1), K.INVITE, channel=INVITE, text="Hi")) for n in range(2)
    )
    ann = person(
        "ann",
        touch(ago(30), K.INVITE, channel=INVITE),
        touch(ago(5), K.INVITE_WITHDRAWN, channel=INVITE, text=""),
        status=S.NOT_CONTACTED,
    )
    rounds = (ago(1), ago(-10), ago(-20))
    data = dataset(
        interview("a", stage=Stage.SCHEDULED, rounds=rounds[:1], panel=("ann",)),
        interview("b", stage=Stage.SCHEDULED, rounds=rounds[1:2], panel=("ann",)),
        interview("c", stage=Stage.SCHEDULED, rounds=rounds[2:], panel=("ann",)),
        contacts=(*sent, ann),
        settings=Settings(invite_budget=2),
    )
    found = [due for due in due_ahead(data, TODAY, 30) if due.item.contact_id == "ct_ann"]
    assert [due.day for due in found] == [TODAY, ago(-10), ago(-20)]
    now, december, after_the_wait = (due.item.suggestion for due in found)
    assert now == due_items(data, TODAY)[0].suggestion
    assert "budget used (2/2)" in now and "invite again from Sat 12 Dec" in now
    assert "budget" not in december and "invite again from Sat 12 Dec" in december
    assert "budget" not in after_the_wait and "withdrawn" not in after_the_wait


def test_days_out_of_range_are_refused_in_one_line() -> None:
    for days in (-1, MAX_DAYS_AHEAD + 1):
        with pytest.raises(ValueError, match="from 0 to"):
            due_ahead(dataset(), TODAY, days)
    assert due_ahead(dataset(), TODAY) == []
    assert due_ahead(dataset(), date(9999, 12, 31) - timedelta(days=MAX_DAYS_AHEAD)) == []


def test_a_series_key_drops_the_date_that_moves() -> None:
    before = due_ahead(dataset(contacts=(person("bob", touch(ago(20), K.ARTICLE)),)), TODAY)
    after = due_ahead(
        dataset(contacts=(person("bob", touch(ago(20), K.ARTICLE), touch(TODAY)),)), TODAY
    )
    assert before[0].item.key != after[0].item.key
    assert series_key(before[0].item) == series_key(after[0].item) == "keep_in_touch:ct_bob"
    thanks = due_ahead(two_due(), TODAY)[0].item
    assert thanks.kind is ItemKind.THANK_YOU and series_key(thanks) == THANKS


def test_a_thank_you_for_two_rounds_keeps_two_series() -> None:
    twice = interview(rounds=(ago(1), ago(-3)), panel=("ann",), stage=Stage.SCHEDULED)
    data = dataset(twice, contacts=(person("ann"),))
    found = due_ahead(data, TODAY)
    assert [due.day for due in found] == [TODAY, ago(-3)]
    assert len({series_key(due.item) for due in found}) == 2


@pytest.mark.parametrize("offset", [0, 13, 31])
def test_no_series_key_twice_in_the_demo(offset: int) -> None:
    today = TODAY + timedelta(days=offset)
    found = due_ahead(demo_dataset(today), today)
    series = [series_key(due.item) for due in found]
    assert len(series) == len(set(series)) and len(series) > 5
