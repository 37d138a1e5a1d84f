"""The main screen, driven with keys on the real app over a real store file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from followup_tui.model import ConnectionStatus, TouchKind, TouchStatus
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.note_editor import NoteEditor
from followup_tui.tui.widgets.people import PeopleList

from .conftest import TODAY
from .screen_text import screen_text, widget_text


async def go_to_interview(pilot: Pilot[None], company: str, stage: str | None = None) -> None:
    """Move down the interview list, with keys, to the first row of ``company``."""
    listing = pilot.app.screen.query_one(InterviewList)
    listing.focus()
    await pilot.press("home")
    for _ in range(len(listing.rows)):
        row = listing.highlighted_row
        if row and row.company == company and (stage is None or row.interview.stage == stage):
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"{company} is not in the list")


async def go_to_person(pilot: Pilot[None], name: str) -> None:
    """Move to the panel (Enter from the list, Esc from the note) and down to ``name``."""
    people = pilot.app.screen.query_one(PeopleList)
    if isinstance(pilot.app.focused, InterviewList):
        await pilot.press("enter")
    elif isinstance(pilot.app.focused, NoteEditor):
        await pilot.press("escape")
    assert people.has_focus
    await pilot.press("home")
    for _ in range(people.option_count):
        option = people.highlighted_option
        if option and pilot.app.store.contacts[option.id].name == name:
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"{name} is not on the panel")


#: Keys that move the editor's cursor to the end of a note of any length.
TO_END = ("pagedown",) * 4 + ("end",)


def editor_text(app: FollowupApp) -> str:
    return app.screen.query_one(NoteEditor).text


async def test_three_panes_show_the_demo_data(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(demo_app)
        for expected in ("Interviews", "Kestrel Robotics", "Panel", "José Álvarez-Núñez",
                         "Note", "Hi José", "Tidbits", "History"):
            assert expected in text


async def test_rejected_panel_note_names_person_role_and_company(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        note = editor_text(demo_app)
        assert "Zoë" in note
        assert "Staff Platform Engineer" in note
        assert "Fjord Analytics" in note
        assert "To Zoë Müller" in screen_text(demo_app)


async def test_mark_sent_logs_the_touch_and_shows_it_in_history(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = demo_app.screen.query_one(PeopleList).highlighted_option.id
        before = len(demo_store.contacts[contact_id].sent_touches())
        note = editor_text(demo_app)
        await pilot.press("s")
        await pilot.pause(0.3)
        contact = demo_store.contacts[contact_id]
        assert len(contact.sent_touches()) == before + 1
        touch = contact.last_touch()
        assert touch is not None
        assert touch.kind is TouchKind.DECISION_NOTE
        assert touch.text == note
        assert touch.date == TODAY
        assert contact.status is not ConnectionStatus.NOT_CONTACTED
        text = screen_text(demo_app)
        assert "post-decision note" in text
        assert "Marked sent" in text


async def test_letters_type_in_the_editor_and_ctrl_keys_act(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("enter")  # from the panel into the note
        editor = demo_app.screen.query_one(NoteEditor)
        assert editor.has_focus
        await pilot.press(*TO_END, "c", "s", "q")
        assert editor.text.endswith("csq")
        assert demo_app.is_running
        template = demo_app.screen.template
        await pilot.press("ctrl+t")
        assert demo_app.screen.template != template
        await pilot.press("escape")
        assert demo_app.screen.query_one(PeopleList).has_focus


async def test_edited_note_survives_quit_and_reopen(demo_store: Store, tmp_path: Path) -> None:
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("enter", *TO_END, *" PS: the ferry story was great.")
        edited = editor_text(app)
        await pilot.press("ctrl+q")
    demo_store.close()

    reopened = Store.open(demo_store.path)
    try:
        again = FollowupApp(reopened, today=TODAY)
        async with again.run_test(size=(120, 35), notifications=True) as pilot:
            await go_to_interview(pilot, "Fjord Analytics")
            await go_to_person(pilot, "Søren Kjær")
            assert editor_text(again) == edited
            assert "ferry story" in edited
    finally:
        reopened.close()


async def test_copy_without_a_clipboard_tool_uses_osc52_and_saves_a_file(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        note = editor_text(demo_app)
        await pilot.press("c")
        await demo_app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert demo_app.clipboard == note
        text = screen_text(demo_app)
        assert "OSC 52" in text
        saved = sorted((demo_app.store.path.parent / "notes").glob("*.txt"))
        assert len(saved) == 1
        assert saved[0].read_text(encoding="utf-8") == note
        assert saved[0].stat().st_mode & 0o777 == 0o600
        assert saved[0].name in text.replace("\n", "").replace("│", "").replace(" ", "") or \
            "notes" in text


async def test_stage_filter_cycles(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        everything = len(listing.rows)
        await pilot.press("f")
        stage = demo_app.screen.stage_filter
        assert stage is not None
        assert all(row.interview.stage is stage for row in listing.rows)
        assert len(listing.rows) < everything
        assert f"Interviews: {stage.label}" in screen_text(demo_app)


async def test_due_interviews_come_first(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True):
        rows = demo_app.screen.query_one(InterviewList).rows
        dues = [row.due is not None for row in rows]
        assert dues == sorted(dues, reverse=True)
        assert dues[0]


async def test_first_run_shows_a_welcome_not_an_empty_grid(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Welcome to followup" in text
        assert "--demo" in text
        assert "Interviews" not in text


async def test_near_identical_notes_to_one_panel_are_flagged(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        used = demo_app.screen.template
        await pilot.press("s")
        await go_to_person(pilot, "Zoë Müller")
        while demo_app.screen.template != used:
            await pilot.press("t")
        await pilot.pause(0.8)
        status = widget_text(demo_app, "#note-status")
        assert "Reads nearly the same as your note to Søren Kjær" in status
        demo_app.clear_notifications()  # the "Marked sent" toast sits over the status line
        await pilot.pause(0.3)
        assert "Reads nearly the same" in screen_text(demo_app)


async def test_counter_turns_into_a_warning_over_the_limit(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        screen = demo_app.screen
        while screen.template.id != "tpl_decision_invite":
            await pilot.press("t")
        assert "/ 300" in screen_text(demo_app)
        await pilot.press("enter", *TO_END, *("x" * 300))
        await pilot.pause()
        assert "over the limit" in screen_text(demo_app)


async def test_drafts_are_saved_as_draft_touches(demo_app: FollowupApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = demo_app.screen.contact_id
        await pilot.press("enter", *TO_END, *" Cheers!")
        await pilot.pause(0.8)
        drafts = [t for t in demo_store.contacts[contact_id].touches
                  if t.status is TouchStatus.DRAFT]
        assert len(drafts) == 1
        assert drafts[0].text.endswith("Cheers!")


async def test_sending_twice_the_same_day_asks_first(demo_app: FollowupApp,
                                                     demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = demo_app.screen.contact_id
        before = len(demo_store.contacts[contact_id].sent_touches())
        await pilot.press("s")
        await pilot.press("s")  # the same note again: a question, not a second entry
        assert "already" in screen_text(demo_app)
        await pilot.press("n")
        assert len(demo_store.contacts[contact_id].sent_touches()) == before + 1
        await pilot.pause(0.8)
        drafts = [t for t in demo_store.contacts[contact_id].touches
                  if t.status is TouchStatus.DRAFT]
        assert drafts == []  # what was sent is not kept again as a draft


async def test_an_empty_note_is_neither_copied_nor_logged(demo_app: FollowupApp,
                                                         demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = demo_app.screen.contact_id
        before = len(demo_store.contacts[contact_id].touches)
        await pilot.press("enter")
        demo_app.screen.query_one(NoteEditor).load_text("  \n")
        await pilot.press("ctrl+s", "ctrl+o")
        await pilot.pause(0.3)
        assert "The note is empty" in screen_text(demo_app)
        assert len(demo_store.contacts[contact_id].sent_touches()) == len(
            [t for t in demo_store.contacts[contact_id].touches if t.status is TouchStatus.SENT])
        assert all(t.text for t in demo_store.contacts[contact_id].sent_touches())
        assert len(demo_store.contacts[contact_id].touches) <= before + 1  # at most a draft


async def test_switching_template_can_be_undone(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("enter", *TO_END, *" Skål!")
        edited = editor_text(demo_app)
        await pilot.press("ctrl+t")
        assert editor_text(demo_app) != edited
        assert "Ctrl+Z" in screen_text(demo_app)
        await pilot.press("ctrl+z")
        assert editor_text(demo_app) == edited


async def test_a_closed_terminal_keeps_the_note_being_typed(demo_app: FollowupApp,
                                                            demo_store: Store) -> None:
    """SIGHUP (the window closed) saves the draft at once and leaves, like q."""
    import os
    import signal

    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("enter", *"Tak! ")
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause(0.2)
        assert not demo_app.is_running
    reread = Store.open(demo_store.path, read_only=True)
    assert any(t.text.startswith("Tak! ") for c in reread.contacts.values() for t in c.touches)


async def test_note_keys_with_nobody_selected_say_why(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for key in ("c", "s", "t", "f"):
            await pilot.press(key)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Nobody selected" in text or "no interviews to filter" in text
        assert app.is_running
