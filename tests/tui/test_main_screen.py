"""The main screen, driven with keys on the real app over a real store file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.domain import ConnectionStatus, Touch, TouchKind, TouchStatus
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.note_editor import NoteEditor
from followup_tui.tui.widgets.people import PeopleList

from .conftest import TODAY
from .screen_text import current, notices, screen_text, wait_for, widget_text


async def go_to_interview(pilot: Pilot[Any], company: str, stage: str | None = None) -> None:
    """Highlight the first row of ``company`` in the interview list, which gets the focus.

    Moving there by keys is not what these tests are about (tests/tui/test_virtual_list.py
    drives the list with keys), so the highlight is set as a click or a key would set it.
    """
    listing = pilot.app.screen.query_one(InterviewList)
    listing.focus()
    index, wanted = next(
        (
            (i, row.id)
            for i, row in enumerate(listing.rows)
            if row.company == company and (stage is None or row.interview.stage == stage)
        ),
        (None, None),
    )
    assert index is not None, f"{company} is not in the list"
    listing.highlighted = index
    await wait_for(
        pilot,
        lambda: current(pilot.app, MainScreen).interview_id == wanted,
        f"the panel of {company}",
    )


async def go_to_person(pilot: Pilot[Any], name: str) -> None:
    """Highlight ``name`` on the panel, which gets the focus, and wait for their note."""
    people = pilot.app.screen.query_one(PeopleList)
    people.focus()
    contacts = current(pilot.app, MainScreen).services.store.contacts
    ids = [people.get_option_at_index(i).id or "" for i in range(people.option_count)]
    wanted = next((i for i in ids if contacts[i].name == name), None)
    assert wanted is not None, f"{name} is not on the panel"
    people.highlighted = ids.index(wanted)
    await wait_for(
        pilot, lambda: current(pilot.app, MainScreen).note_for[1] == wanted, f"the note to {name}"
    )


async def type_at_end_of_note(pilot: Pilot[Any], company: str, name: str) -> NoteEditor:
    """Open the note to ``name`` on ``company``'s panel, with the cursor at its end and focused."""
    await go_to_interview(pilot, company)
    await go_to_person(pilot, name)
    editor = pilot.app.screen.query_one(NoteEditor)
    editor.focus()
    editor.move_cursor(editor.document.end)
    await pilot.pause()
    return editor


async def add_to_note(pilot: Pilot[Any], text: str) -> NoteEditor:
    """Focus the note and add ``text`` at its end in one edit, as a paste would."""
    editor = pilot.app.screen.query_one(NoteEditor)
    editor.focus()
    editor.insert(text, editor.document.end)
    await pilot.pause()
    return editor


def selected_contact(app: FollowupApp) -> str:
    """The id of the person the main screen's note is for."""
    contact_id = current(app, MainScreen).contact_id
    assert contact_id is not None, "nobody is selected"
    return contact_id


def template_id(app: FollowupApp) -> str | None:
    """The id of the template the main screen's note comes from."""
    template = current(app, MainScreen).template
    return template.id if template else None


def editor_text(app: FollowupApp) -> str:
    return app.screen.query_one(NoteEditor).text


async def test_three_panes_show_the_demo_data(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(demo_app)
        for expected in (
            "Interviews",
            "Kestrel Robotics",
            "Panel",
            "José Álvarez-Núñez",
            "Note",
            "Hi José",
            "Tidbits",
            "History",
        ):
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
        contact_id = selected_contact(demo_app)
        before = len(demo_store.contacts[contact_id].sent_touches())
        note = editor_text(demo_app)
        await pilot.press("s")
        await wait_for(pilot, lambda: "Marked sent" in screen_text(demo_app), "the toast")
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
        editor.move_cursor(editor.document.end)
        await pilot.press("c", "s", "q")  # letters that are commands outside the editor
        assert editor.text.endswith("csq")
        assert demo_app.is_running
        template = current(demo_app, MainScreen).template
        await pilot.press("ctrl+t")
        assert current(demo_app, MainScreen).template != template
        await pilot.press("escape")
        assert demo_app.screen.query_one(PeopleList).has_focus


async def test_edited_note_survives_quit_and_reopen(demo_store: Store, tmp_path: Path) -> None:
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await add_to_note(pilot, " PS: the ferry story was great.")
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
        await wait_for(pilot, lambda: "OSC 52" in screen_text(demo_app), "the copy's toast")
        assert demo_app.clipboard == note
        text = screen_text(demo_app)
        saved = sorted((demo_app.store.path.parent / "notes").glob("*.txt"))
        assert len(saved) == 1
        assert saved[0].read_text(encoding="utf-8") == note
        assert saved[0].stat().st_mode & 0o777 == 0o600
        assert (
            saved[0].name in text.replace("\n", "").replace("│", "").replace(" ", "")
            or "notes" in text
        )


async def test_stage_filter_cycles(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        everything = len(listing.rows)
        await pilot.press("f")
        stage = current(demo_app, MainScreen).stage_filter
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
        used = current(demo_app, MainScreen).template
        await pilot.press("s")
        await go_to_person(pilot, "Zoë Müller")
        while current(demo_app, MainScreen).template != used:
            await pilot.press("t")
        await wait_for(
            pilot,
            lambda: (
                "Reads nearly the same as your note to Søren Kjær"
                in widget_text(demo_app, "#note-status")
            ),
            "the warning",
        )
        demo_app.clear_notifications()  # the "Marked sent" toast sits over the status line
        await wait_for(
            pilot, lambda: "Reads nearly the same" in screen_text(demo_app), "the warning on screen"
        )


async def test_counter_turns_into_a_warning_over_the_limit(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        while template_id(demo_app) != "tpl_decision_invite":
            await pilot.press("t")
        assert "/ 300" in screen_text(demo_app)
        assert "over the limit" not in screen_text(demo_app)
        await add_to_note(pilot, "x" * 300)  # the counting rule itself: tests/core/test_notes.py
        assert "over the limit" in screen_text(demo_app)


async def test_an_over_limit_note_is_logged_only_after_a_question(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        while template_id(demo_app) != "tpl_decision_invite":
            await pilot.press("t")
        contact_id = selected_contact(demo_app)
        sent = len(demo_store.contacts[contact_id].sent_touches())
        await add_to_note(pilot, "x" * 300)
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert "characters over the LinkedIn invitation limit of 300" in widget_text(
            demo_app, "#confirm-consequence"
        )
        await pilot.press("n")
        assert len(demo_store.contacts[contact_id].sent_touches()) == sent
        await pilot.press("ctrl+s", "y")
        assert len(demo_store.contacts[contact_id].sent_touches()) == sent + 1


async def test_drafts_are_saved_as_draft_touches(demo_app: FollowupApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = selected_contact(demo_app)
        await add_to_note(pilot, " Cheers!")

        def drafts() -> list[Touch]:
            return [
                t for t in demo_store.contacts[contact_id].touches if t.status is TouchStatus.DRAFT
            ]

        await wait_for(pilot, drafts, "the draft to be kept")
        assert len(drafts()) == 1
        assert drafts()[0].text.endswith("Cheers!")


async def test_sending_twice_the_same_day_asks_first(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = selected_contact(demo_app)
        before = len(demo_store.contacts[contact_id].sent_touches())
        template = current(demo_app, MainScreen).template
        assert template is not None
        await pilot.press("s")  # the selection moves on to the next person on the panel ...
        await go_to_person(pilot, "Søren Kjær")  # ... and back to Søren, to the same note
        current(demo_app, MainScreen).switch_template(template)
        await pilot.press("s")  # the same note again: a question, not a second entry
        assert "already" in screen_text(demo_app)
        await pilot.press("n")
        assert len(demo_store.contacts[contact_id].sent_touches()) == before + 1
        screen = current(demo_app, MainScreen)
        await wait_for(pilot, lambda: screen._draft_timer is None, "the draft pause")
        drafts = [
            t for t in demo_store.contacts[contact_id].touches if t.status is TouchStatus.DRAFT
        ]
        assert drafts == []  # what was sent is not kept again as a draft


async def test_an_empty_note_is_neither_copied_nor_logged(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        contact_id = selected_contact(demo_app)
        sent_before = len(demo_store.contacts[contact_id].sent_touches())
        await pilot.press("enter")
        demo_app.screen.query_one(NoteEditor).load_text("  \n")
        notes = demo_store.path.parent / "notes"

        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: "Not copied" in notices(demo_app), "the copy's answer")
        assert "there is nothing to copy" in screen_text(demo_app)
        await demo_app.workers.wait_for_complete()
        assert demo_app.clipboard == ""
        assert not notes.exists() or not list(notes.iterdir())

        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Not logged" in notices(demo_app), "the send's answer")
        assert "write it first" in screen_text(demo_app)
        assert len(demo_store.contacts[contact_id].sent_touches()) == sent_before


async def test_switching_template_can_be_undone(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await add_to_note(pilot, " Skål!")
        edited = editor_text(demo_app)
        await pilot.press("ctrl+t")
        assert editor_text(demo_app) != edited
        assert "Ctrl+Z" in screen_text(demo_app)
        await pilot.press("ctrl+z")
        assert editor_text(demo_app) == edited


async def test_a_closed_terminal_keeps_the_note_being_typed(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    """SIGHUP (the window closed) saves the draft at once and leaves, like q."""
    import os
    import signal

    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("enter", *"Tak! ")  # typed: the last keys before the window closes
        os.kill(os.getpid(), signal.SIGHUP)
        await wait_for(pilot, lambda: not demo_app.is_running, "the app to leave")
    reread = Store.open(demo_store.path, read_only=True)
    assert any(t.text.startswith("Tak! ") for c in reread.contacts.values() for t in c.touches)


async def test_note_keys_with_nobody_selected_say_why(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for key in ("c", "s", "t"):
            app.clear_notifications()
            await pilot.press(key)
            await wait_for(pilot, lambda: "Nobody selected" in notices(app), f"{key}'s answer")
            assert "Choose a person on the panel first" in screen_text(app)
        app.clear_notifications()
        await pilot.press("f")
        await wait_for(pilot, lambda: "no interviews to filter" in screen_text(app), "f's answer")
        assert app.is_running
        assert empty_store.contacts == {}
