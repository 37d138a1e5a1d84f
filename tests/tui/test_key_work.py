"""One key press does its work once: counted with spies on the real app, driven with Pilot."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from followup_tui.review import due_by_interview, due_items
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens import main as main_module
from followup_tui.tui.screens import review as review_module
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.note_editor import NotePane

from .screen_text import current, notices, wait_for, widget_text
from .test_main_screen import go_to_interview, go_to_person


def count_calls(
    monkeypatch: pytest.MonkeyPatch, counts: Counter[str], owner: object, name: str
) -> None:
    """Replace ``owner.name`` by a spy that counts its calls, apart on and off the UI thread."""
    real: Callable[..., Any] = getattr(owner, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        on_ui = threading.current_thread() is threading.main_thread()
        counts[name if on_ui else f"{name} in a thread"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)


async def test_marking_sent_renders_once_saves_once_and_reviews_off_the_ui_thread(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts: Counter[str] = Counter()
    count_calls(monkeypatch, counts, NotePane, "show_status")  # the note's one render
    count_calls(monkeypatch, counts, MainScreen, "load_note")
    count_calls(monkeypatch, counts, MainScreen, "save_draft_now")
    count_calls(monkeypatch, counts, main_module, "due_by_interview")
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.pause()
        screen = current(demo_app, MainScreen)
        soren = screen.contact_id
        counts.clear()

        await pilot.press("s")
        await wait_for(pilot, lambda: "Marked sent" in notices(demo_app), "the note logged")
        await wait_for(
            pilot, lambda: counts["due_by_interview in a thread"] == 1, "the due markers"
        )
        await pilot.pause()
        # One save; the sent note is not drawn again, as the selection moves on to the next
        # person, whose note is loaded and drawn once (loading text into the editor is not an
        # edit: nothing is drawn again for it).
        assert counts == {
            "show_status": 1,
            "load_note": 1,
            "save_draft_now": 1,
            "due_by_interview in a thread": 1,
        }
        assert screen.note_for[1] == screen.contact_id != soren
        # The markers the worker brought back are today's, with the note sent.
        listing = demo_app.screen.query_one(InterviewList)
        due = due_by_interview(demo_app.store.dataset(), demo_app.today)
        assert {row.id: row.due for row in listing.rows} == {
            row.id: due.get(row.id) for row in listing.rows
        }


async def test_clearing_a_review_item_reads_the_queue_off_the_ui_thread(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts: Counter[str] = Counter()
    count_calls(monkeypatch, counts, review_module, "overview")
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("r")
        screen = current(demo_app, ReviewScreen)
        assert counts == {"overview": 1}  # the screen opens on the queue
        first, total = screen.item, len(screen.items)
        assert first is not None
        counts.clear()

        await pilot.press("s")
        # The item is gone at once, before any reading of the whole queue has come back ...
        assert first.key not in {item.key for item in screen.items}
        assert f"1 of {total} done today" in widget_text(demo_app, "#review-head")
        # ... which happens once, in a worker thread, and agrees with what is shown.
        await wait_for(pilot, lambda: counts["overview in a thread"] == 1, "the queue read")
        await pilot.pause()
        assert counts == {"overview in a thread": 1}
        fresh = due_items(demo_app.store.dataset(), demo_app.today)
        assert list(screen.items) == fresh
