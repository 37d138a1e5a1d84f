"""The daily review, cleared with keys only, over the demo data."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from followup_tui.review import ReviewItem
from followup_tui.review.queue import ItemKind, due_items
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen

from .conftest import TODAY
from .screen_text import current, screen_text, widget_text


async def open_review_at(pilot: Pilot[Any], kind: ItemKind) -> tuple[ReviewItem, str]:
    """Open the daily review and step to its first item of ``kind``: the item and its person."""
    await pilot.press("r")
    screen = current(pilot.app, ReviewScreen)
    while screen.item is not None and screen.item.kind is not kind:
        await pilot.press("n")
    item = screen.item
    assert item is not None and item.contact_id, f"no {kind} item in the queue"
    return item, item.contact_id


def sent_counts(store: Store) -> Counter[str]:
    return Counter({c.id: len(c.sent_touches()) for c in store.contacts.values()})


async def test_clearing_the_whole_queue_with_keys(demo_app: FollowupApp, demo_store: Store) -> None:
    before = sent_counts(demo_store)
    queue = due_items(demo_store.dataset(), TODAY)
    assert len({item.kind for item in queue}) == 6
    expected: Counter[str] = Counter()
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("r")
        assert isinstance(demo_app.screen, ReviewScreen)
        assert f"0 of {len(queue)} done today" in widget_text(demo_app, "#review-head")
        presses = 0
        for _ in range(len(queue) + 5):
            item = current(demo_app, ReviewScreen).item
            if item is None:
                break
            if item.contact_id and item.touch_kind is not None:
                expected[item.contact_id] += 1
            await pilot.press("s")
            presses += 1
            if isinstance(demo_app.screen, ConfirmDialog):
                await pilot.press("y")  # a note with a gap to fill in asks first
        await pilot.pause()
        assert current(demo_app, ReviewScreen).items == ()
        # A note can settle a second item for the same person (their keep-in-touch clock).
        assert presses <= len(queue)
        assert f"{presses} of {presses} done today" in widget_text(demo_app, "#review-head")
        assert "Nothing due today" in screen_text(demo_app)
    assert due_items(demo_store.dataset(), TODAY) == []
    after = sent_counts(demo_store)
    for contact_id, count in expected.items():
        assert after[contact_id] - before[contact_id] == count
    # The keep-in-touch clock restarted for everyone written to: it comes back after the cadence.
    later = due_items(demo_store.dataset(), TODAY + timedelta(days=60))
    back = {i.contact_id for i in later if i.kind is ItemKind.KEEP_IN_TOUCH}
    assert back & set(expected)


async def test_snooze_hides_until_the_day_and_dismiss_keeps_a_reason(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await pilot.press("r")
        screen = current(demo_app, ReviewScreen)
        first, second = screen.items[0], screen.items[1]
        await pilot.press("z", "down", "enter")  # in a week
        assert first.key not in [i.key for i in screen.items]
        assert [s.key for s in demo_store.review.snoozed] == [first.key]
        await pilot.press("x", "enter")  # the first reason offered
        assert second.key not in [i.key for i in screen.items]
        dismissal = demo_store.review.dismissed[-1]
        assert dismissal.key == second.key and dismissal.reason
    assert demo_store.review.snoozed[0].until == TODAY + timedelta(days=7)
    tomorrow = [i.key for i in due_items(demo_store.dataset(), TODAY + timedelta(days=1))]
    assert second.key not in tomorrow


async def test_enter_opens_the_item_on_the_main_screen(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await pilot.press("r")
        item = current(demo_app, ReviewScreen).items[0]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(demo_app.screen, ReviewScreen)
        main = current(demo_app, MainScreen)
        assert (main.interview_id, main.contact_id) == (item.interview_id, item.contact_id)


async def test_empty_review_names_the_next_due_item(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert "Nothing due today" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)


def test_review_snapshot(snap_compare: Any, demo_app: FollowupApp) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 35), press=["r"])


async def test_withdrawing_a_pending_invitation_logs_it(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    from followup_tui.domain import ConnectionStatus, TouchKind

    async with demo_app.run_test(size=(120, 35)) as pilot:
        item, contact_id = await open_review_at(pilot, ItemKind.INVITE_PENDING)
        await pilot.press("x", "end", "enter")  # the last reason: withdrew the invitation
        contact = demo_store.contacts[contact_id]
        assert contact.touches[-1].kind is TouchKind.INVITE_WITHDRAWN
        assert contact.status is ConnectionStatus.NOT_CONTACTED
        assert item.key not in [i.key for i in current(demo_app, ReviewScreen).items]
