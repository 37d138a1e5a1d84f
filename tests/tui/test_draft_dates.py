"""A draft kept from an earlier day says its dates as they read on the day it is copied."""

from __future__ import annotations

from datetime import timedelta

from followup_tui.domain import Channel, TouchKind, relative_date, save_draft
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog

from .conftest import TODAY
from .screen_text import current, notices, wait_for
from .test_main_screen import editor_text, go_to_interview, go_to_person

LATER = TODAY + timedelta(days=30)


def keep_draft(store: Store, text: str) -> None:
    """José's note about Kestrel (round yesterday), kept as a draft on TODAY."""
    interview = store.interviews["iv_kestrel_fleet"]
    contact = store.contacts["ct_jose"]
    store.put(
        save_draft(
            contact,
            interview.id,
            text,
            kind=TouchKind.THANK_YOU,
            channel=Channel.EMAIL,
            today=TODAY,
        )
    )
    assert relative_date(interview.last_round, TODAY) == "yesterday"  # type: ignore[arg-type]


async def open_josé(demo_store: Store) -> tuple[FollowupApp, str]:
    last = demo_store.interviews["iv_kestrel_fleet"].last_round
    assert last is not None
    return FollowupApp(demo_store, today=LATER), relative_date(last, LATER)


async def test_the_interviews_date_is_said_as_it_reads_today(demo_store: Store) -> None:
    keep_draft(demo_store, "Hi José, thanks for talking with me yesterday. Best, Sam")
    app, now = await open_josé(demo_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Kestrel Robotics")
        await go_to_person(pilot, "José Álvarez-Núñez")
        assert editor_text(app) == f"Hi José, thanks for talking with me {now}. Best, Sam"


async def test_copying_a_draft_whose_dates_may_have_moved_asks_first(demo_store: Store) -> None:
    keep_draft(demo_store, "Hi José, thanks for talking with me yesterday. See you on Monday!")
    app, _ = await open_josé(demo_store)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Kestrel Robotics")
        await go_to_person(pilot, "José Álvarez-Núñez")
        await pilot.press("c")
        dialog = current(app, ConfirmDialog)
        assert "“on Monday”" in str(dialog.query_one("#confirm-consequence").render())
        await pilot.press("n")
        await pilot.pause()
        assert "Note copied" not in notices(app)
        await pilot.press("c")
        current(app, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, lambda: "Note copied" in notices(app), "the copy's toast")


async def test_a_draft_from_today_is_copied_without_a_question(demo_store: Store) -> None:
    keep_draft(demo_store, "Hi José, see you on Monday!")
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Kestrel Robotics")
        await go_to_person(pilot, "José Álvarez-Núñez")
        await pilot.press("c")
        await wait_for(pilot, lambda: "Note copied" in notices(app), "the copy's toast")
        assert not isinstance(app.screen, ConfirmDialog)
