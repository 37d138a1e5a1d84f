"""Property tests of the review: unique keys and a sound order, sending clears, snoozes return."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Stage,
    Touch,
    TouchKind,
    TouchStatus,
)
from followup_tui.domain.history import cadence, facts, is_invitation, next_due
from followup_tui.domain.touches import mark_sent
from followup_tui.review.queue import ItemKind, dismiss, due_items, progress, snooze

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
days = st.dates(min_value=date(2000, 3, 1), max_value=date(2099, 10, 31))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Dataset, date]:
    """A day, and a dataset whose dates fall around it, so that every kind of item turns up."""
    today = draw(days)

    def near(before: int, after: int = 0) -> st.SearchStrategy[date]:
        return st.integers(-before, after).map(lambda n: today + timedelta(days=n))

    contact_ids = [f"ct_{n}" for n in range(draw(st.integers(1, 6)))]
    interview_ids = [f"iv_{n}" for n in range(draw(st.integers(0, 4)))]
    companies = (
        Company("co_a", "Alpha", draw(st.none() | st.integers(0, 8)), "careers page"),
        Company("co_b", "Beta"),
    )
    touch_kinds = st.sampled_from([k for k in TouchKind])
    channels = st.sampled_from(list(Channel))
    linked = st.none() | st.sampled_from(interview_ids) if interview_ids else st.none()
    contacts = tuple(
        Contact(
            key,
            f"Person {key}",
            status=draw(st.sampled_from(ConnectionStatus)),
            cadence_days=draw(st.none() | st.integers(1, 60)),
            tidbits=tuple(draw(st.lists(st.sampled_from(["runs", "chess"]), max_size=1))),
            touches=tuple(
                Touch(
                    f"tc_{key}_{n}",
                    draw(near(120)),
                    draw(touch_kinds),
                    draw(channels),
                    draw(st.sampled_from(["", "Hello"])),
                    status=draw(st.sampled_from(TouchStatus)),
                    interview_id=draw(linked),
                )
                for n in range(draw(st.integers(0, 4)))
            ),
        )
        for key in contact_ids
    )
    people = st.lists(st.sampled_from(contact_ids), max_size=3).map(tuple)
    interviews = tuple(
        Interview(
            key,
            draw(st.sampled_from(["co_a", "co_b"])),
            f"Role {key}",
            rounds=tuple(draw(st.lists(near(40, 5), max_size=3))),
            panel=draw(people),
            recruiter_id=draw(st.none() | st.sampled_from(contact_ids)),
            stage=draw(st.sampled_from(Stage)),
            decision_date=draw(st.none() | near(240)),
            closure_received=draw(st.booleans()),
        )
        for key in interview_ids
    )
    preferences = Settings(
        default_cadence_days=draw(st.integers(1, 45)),
        decision_overdue_days=draw(st.integers(1, 15)),
        invite_budget=draw(st.none() | st.integers(0, 3)),
    )
    return Dataset(preferences, companies, interviews, contacts), today


@FAST
@given(scenarios())
def test_keys_are_unique_and_the_order_is_sound(scenario: tuple[Dataset, date]) -> None:
    data, today = scenario
    items = due_items(data, today)
    assert len({item.key for item in items}) == len(items)
    for item in items:
        assert item.overdue is (item.due < today)
        assert item.since <= today
        assert item.summary and "\n" not in item.summary and "\n" not in item.suggestion
    order = [(not item.overdue, list(ItemKind).index(item.kind), item.due) for item in items]
    assert order == sorted(order)
    done, total = progress(data, today)
    assert (done, total) == (0, len(items))


@FAST
@given(scenarios(), st.data())
def test_logging_the_items_note_clears_it_and_restarts_the_clock(
    scenario: tuple[Dataset, date], data: st.DataObject
) -> None:
    dataset, today = scenario
    items = [
        item
        for item in due_items(dataset, today)
        if item.touch_kind is not None and item.contact_id is not None
    ]
    if not items:
        return
    item = data.draw(st.sampled_from(items))
    contacts = {contact.id: contact for contact in dataset.contacts}
    assert item.contact_id is not None and item.touch_kind is not None  # as filtered above
    contact = contacts[item.contact_id]
    updated, _ = mark_sent(
        contact,
        item.interview_id,
        "A note",
        kind=item.touch_kind,
        channel=data.draw(st.sampled_from([Channel.EMAIL, Channel.LINKEDIN_MESSAGE])),
        today=today,
    )
    after = replace(
        dataset, contacts=tuple(updated if c.id == contact.id else c for c in dataset.contacts)
    )
    assert item.key not in {i.key for i in due_items(after, today)}
    assert next_due(updated, dataset.settings) == today + timedelta(
        days=cadence(updated, dataset.settings)
    )


@FAST
@given(scenarios(), st.data())
def test_a_snoozed_item_is_hidden_until_its_day_then_returns(
    scenario: tuple[Dataset, date], data: st.DataObject
) -> None:
    dataset, today = scenario
    items = due_items(dataset, today)
    if not items:
        return
    key = data.draw(st.sampled_from([item.key for item in items]))
    wait = data.draw(st.integers(1, 10))
    snoozed = replace(dataset, review=snooze(ReviewState(), key, today + timedelta(days=wait)))
    for offset in range(wait + 2):
        day = today + timedelta(days=offset)
        plain = [item.key for item in due_items(dataset, day)]
        seen = {item.key: item for item in due_items(snoozed, day)}
        if offset < wait:
            assert key not in seen and set(plain) - {key} <= set(seen)
            # A keep-in-touch note waits while a note to the same person is due; no longer.
            assert all(seen[k].kind is ItemKind.KEEP_IN_TOUCH for k in set(seen) - set(plain))
        else:
            assert list(seen) == plain


@FAST
@given(scenarios(), st.data())
def test_a_dismissed_item_stays_gone(scenario: tuple[Dataset, date], data: st.DataObject) -> None:
    dataset, today = scenario
    items = due_items(dataset, today)
    if not items:
        return
    key = data.draw(st.sampled_from([item.key for item in items]))
    gone = replace(dataset, review=dismiss(ReviewState(), key, "no", today))
    for offset in (0, 1, 7, 40):
        day = today + timedelta(days=offset)
        left = {item.key: item for item in due_items(gone, day)}
        before = {item.key for item in due_items(dataset, day)} - {key}
        assert key not in left and before <= set(left)
        # A keep-in-touch note waits while a note to the same person is due; no longer.
        assert all(left[k].kind is ItemKind.KEEP_IN_TOUCH for k in set(left) - before)


@FAST
@given(scenarios())
def test_one_keep_in_touch_clock(scenario: tuple[Dataset, date]) -> None:
    """The clock in plain words: one cadence after the latest touch sent or received (the last
    logged of that day), markers (an invitation withdrawn, accepted, declined, ignored) not
    counting; and the review reads that clock."""
    dataset, today = scenario
    for contact in dataset.contacts:
        counted = [
            t for t in contact.touches if t.status is TouchStatus.SENT and not t.kind.is_marker
        ]
        last = max(reversed(counted), key=lambda t: t.date, default=None)
        every = contact.cadence_days or dataset.settings.default_cadence_days
        known = facts(contact)
        assert known.clock == last
        assert next_due(contact, dataset.settings) == (
            None if last is None else last.date + timedelta(days=every)
        )
        assert known.withdrawal is None or known.withdrawal.kind is TouchKind.INVITE_WITHDRAWN
        assert known.invitation is None or is_invitation(known.invitation)
    people = {contact.id: contact for contact in dataset.contacts}
    for item in due_items(dataset, today):
        if item.kind is ItemKind.KEEP_IN_TOUCH:
            assert item.contact_id is not None
            assert item.due == next_due(people[item.contact_id], dataset.settings)
