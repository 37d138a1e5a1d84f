"""The flow of sending notes: a panel thanked in a few keys, the review's focus after Ctrl+S,
a note with a gap asks first, and the last "sent" taken back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.pilot import Pilot

from followup_tui.domain import Contact, TouchKind, TouchStatus, next_due
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.note_editor import NoteEditor
from followup_tui.tui.widgets.people import PeopleList
from followup_tui.tui.widgets.virtual_list import VirtualList

from .screen_text import current, notices, screen_text, wait_for
from .test_main_screen import add_to_note, go_to_interview, go_to_person, selected_contact

KESTREL = "Kestrel Robotics"


def fourth_panelist(store: Store) -> str:
    """Put a fourth person on the Kestrel panel (the demo's has three); return the interview id."""
    interview = next(
        i for i in store.interviews.values() if store.companies[i.company_id].name == KESTREL
    )
    store.put(Contact("ct_robin", "Robin Vale", title="Staff Engineer", company=KESTREL))
    store.put(replace(interview, panel=(*interview.panel, "ct_robin")))
    return interview.id


async def test_a_four_person_panel_is_thanked_in_nine_keys(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    interview_id = fourth_panelist(demo_store)
    panel = demo_store.interviews[interview_id].panel
    assert len(panel) == 4

    def thanked() -> list[str]:
        return [
            person
            for person in panel
            for t in demo_store.contacts[person].sent_touches()
            if t.kind is TouchKind.THANK_YOU and t.interview_id == interview_id
        ]

    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, KESTREL)  # the interview selected: the keys count from here
        keys = ["enter", *["c", "s"] * 4]
        for key in keys:
            await pilot.press(key)
            assert not isinstance(demo_app.screen, ConfirmDialog), "no question on the way"
        await wait_for(pilot, lambda: len(thanked()) == 4, "four thank-yous logged")
        assert len(keys) == 9
        assert sorted(thanked()) == sorted(panel)  # each person once, in 9 keys
        assert notices(demo_app).count("Marked sent") == 4
        await wait_for(pilot, lambda: notices(demo_app).count("Note copied") == 4, "the copies")
        # Nobody is left to thank: the last person stays selected, their note marked sent.
        screen = current(demo_app, MainScreen)
        assert screen.contact_id == panel[-1]
        assert isinstance(screen.focused, PeopleList)
        demo_app.clear_notifications()
        await pilot.pause()
        text = screen_text(demo_app)
        assert "To Robin Vale" in text and "26 Nov 2026 thank-you · email" in text


async def send_from_the_editor(pilot: Pilot[Any], screen: ReviewScreen, gap: bool) -> None:
    """Log the first item's note (with a gap or not) with Ctrl+S from its editor; then check
    that the next item's ``c`` is a key for the queue, not a letter in its note."""
    while screen.item is not None and (
        screen.note_selection()[1] is None or ("[" in screen.query_one(NoteEditor).text) is not gap
    ):
        await pilot.press("n")  # the next item that fits
    first = screen.item
    assert first is not None
    screen.query_one(NoteEditor).focus()
    await pilot.press("ctrl+s")
    if gap:
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
    await wait_for(pilot, lambda: screen.item != first, "the next item")
    await wait_for(pilot, lambda: isinstance(screen.focused, VirtualList), "the queue")
    note = screen.query_one(NoteEditor).text
    await pilot.press("c")
    assert screen.query_one(NoteEditor).text == note
    await wait_for(pilot, lambda: "Note copied" in notices(pilot.app), "the copy")
    pilot.app.clear_notifications()


async def test_after_ctrl_s_in_the_review_the_keys_go_to_the_queue(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("r")
        screen = current(demo_app, ReviewScreen)
        await send_from_the_editor(pilot, screen, gap=False)
        await send_from_the_editor(pilot, screen, gap=True)  # after the question, too


async def test_a_note_with_a_gap_asks_before_it_is_logged(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, KESTREL)
        await go_to_person(pilot, "Priya Raman")
        contact_id = selected_contact(demo_app)
        await add_to_note(pilot, "\nThe talk I mentioned: [link]")
        demo_app.screen.query_one(PeopleList).focus()

        await pilot.press("s")
        dialog = current(demo_app, ConfirmDialog)
        assert "[link]" in screen_text(demo_app) and "gap" in screen_text(demo_app)
        await pilot.press("n")
        assert current(demo_app, MainScreen).contact_id == contact_id
        assert demo_store.contacts[contact_id].sent_touches() == ()

        await pilot.press("s")
        assert current(demo_app, ConfirmDialog) is not dialog
        await pilot.press("y")
        sent = demo_store.contacts[contact_id].sent_touches()
        assert len(sent) == 1 and sent[0].text.endswith("[link]")


async def test_undo_takes_back_the_last_sent_note(demo_app: FollowupApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("u")
        assert "Nothing to undo" in notices(demo_app)
        await go_to_interview(pilot, KESTREL)
        await go_to_person(pilot, "Priya Raman")
        contact_id = selected_contact(demo_app)
        await add_to_note(pilot, "\nGood luck with the launch!")
        screen = current(demo_app, MainScreen)
        await wait_for(pilot, lambda: screen._draft_timer is None, "the draft kept")
        before = demo_store.contacts[contact_id]
        assert before.touches[-1].status is TouchStatus.DRAFT

        screen.query_one(PeopleList).focus()
        await pilot.press("s")
        after = demo_store.contacts[contact_id]
        assert after.status is not before.status and len(after.sent_touches()) == 1
        assert screen.contact_id != contact_id  # moved on to the next person

        await pilot.press("u")
        assert "Undid: thank-you to Priya Raman" in notices(demo_app)
        assert demo_store.contacts[contact_id] == before  # touch, draft and status as before
        settings = demo_store.settings
        assert next_due(demo_store.contacts[contact_id], settings) == next_due(before, settings)
        assert screen.contact_id == contact_id  # back on Priya, her draft in the editor
        assert screen.query_one(NoteEditor).text.endswith("Good luck with the launch!")

        demo_app.clear_notifications()
        await pilot.press("u")
        assert "Nothing to undo" in notices(demo_app)
        assert demo_store.contacts[contact_id] == before


async def test_undo_in_the_review_brings_the_item_back(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("r")
        screen = current(demo_app, ReviewScreen)
        while screen.item is not None and screen.note_selection()[1] is None:
            await pilot.press("n")
        item = screen.item
        assert item is not None and item.contact_id is not None
        before, review = demo_store.contacts[item.contact_id], demo_store.review
        queue = len(screen.items)

        await pilot.press("s")
        if isinstance(demo_app.screen, ConfirmDialog):
            await pilot.press("y")
        assert demo_store.review != review
        assert item.key not in {i.key for i in screen.items}

        await pilot.press("u")
        assert demo_store.contacts[item.contact_id] == before
        assert demo_store.review == review
        assert screen.item is not None and screen.item.key == item.key
        assert len(screen.items) == queue
        await pilot.press("escape")
        # Undone in the review, it cannot be undone again on the main screen.
        demo_app.clear_notifications()
        await pilot.press("u")
        assert "Nothing to undo" in notices(demo_app)


async def test_a_note_sent_in_the_review_is_undone_on_the_main_screen(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("r")
        screen = current(demo_app, ReviewScreen)
        while screen.item is not None and screen.note_selection()[1] is None:
            await pilot.press("n")
        item = screen.item
        assert item is not None and item.contact_id is not None
        before, review = demo_store.contacts[item.contact_id], demo_store.review
        await pilot.press("s")
        if isinstance(demo_app.screen, ConfirmDialog):
            await pilot.press("y")
        await pilot.press("escape")
        current(demo_app, MainScreen)
        await pilot.press("u")
        assert demo_store.contacts[item.contact_id] == before
        assert demo_store.review == review
