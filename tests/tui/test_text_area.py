"""Undoing a long paste never closes the app (Textual issue 6686), in the note or in a form."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.forms_interview import InterviewForm

from .conftest import TODAY
from .screen_text import current, wait_for
from .test_main_screen import type_at_end_of_note

#: More lines than the field shows: pasting it brings the scrollbar, undoing it takes it away.
PASTE = "\n".join(f"line {n} of a pasted thread" for n in range(60))


async def test_undoing_a_long_paste_into_the_note_gives_the_note_back(
    demo_app: FollowupApp,
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        editor = await type_at_end_of_note(pilot, "Fjord Analytics", "Søren Kjær")
        note = editor.text
        demo_app.post_message(events.Paste(PASTE))  # as the terminal sends it: to the focus
        await wait_for(pilot, lambda: editor.text == note + PASTE, "the paste")
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: editor.text == note, "the undo")
        assert demo_app.is_running
        assert editor.selection.end[0] < editor.document.line_count


async def test_undoing_a_long_paste_into_a_form_field_gives_the_field_back(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        notes = current(app, InterviewForm).query_one("#iv-notes", TextArea)
        notes.focus()
        await pilot.pause()
        app.post_message(events.Paste(PASTE))
        await wait_for(pilot, lambda: notes.text == PASTE, "the paste")
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: notes.text == "", "the undo")
        assert app.is_running
