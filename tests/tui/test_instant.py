"""What keeps the app instant, as behaviour: a key redraws what it changed in one go, nothing
slow runs before the first frame or on the UI thread, and the footer is composed once.

Timing itself is measured in bench/, never asserted here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from followup_tui.domain import Dataset
from followup_tui.notes import limit_status
from followup_tui.store.store import Store
from followup_tui.tui import app as app_module
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens import main as main_module
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.footer import Footer
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.note_editor import NoteEditor, StatusLine

from .screen_text import current, notices, wait_for, widget_text
from .test_main_screen import go_to_interview, go_to_person


def record_status_updates(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Spy on the status line: whether each update asked for a layout of the screen."""
    layouts: list[bool] = []
    real: Callable[..., None] = StatusLine.update

    def update(self: StatusLine, content: Any = "", *, layout: bool = True) -> None:
        layouts.append(layout)
        real(self, content, layout=layout)

    monkeypatch.setattr(StatusLine, "update", update)
    return layouts


def count(text: str) -> str:
    """How the status line starts for ``text``: its count, as the channel counts."""
    return f"{limit_status(text, None)[0]} "


async def test_an_edit_redraws_the_count_at_once_and_lays_out_nothing(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts = record_status_updates(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        editor = demo_app.screen.query_one(NoteEditor)
        editor.focus()
        await pilot.pause()
        layouts.clear()

        editor.insert("x", (0, 0))
        # In the same call, before any message is handled: the count is drawn with the text,
        # in one frame, and the status keeps its height, so nothing is laid out again.
        assert widget_text(demo_app, "#note-status").startswith(count(editor.text))
        assert layouts == [False]

        await pilot.press("y", "z")
        assert widget_text(demo_app, "#note-status").startswith(count(editor.text))
        assert layouts == [False, False, False]


async def test_the_status_is_laid_out_again_only_when_its_height_changes(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts = record_status_updates(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        editor = demo_app.screen.query_one(NoteEditor)
        status = demo_app.screen.query_one(StatusLine)
        editor.clear()
        await pilot.pause()
        assert status.size.height == 1  # just the count
        layouts.clear()

        editor.insert("Hi [first name]")  # a gap: a warning line under the count
        assert "Fill in before sending: [first name]" in widget_text(demo_app, "#note-status")
        assert layouts == [True]
        await pilot.pause()
        assert status.size.height == 2
        editor.insert("x", (0, 0))  # the same two lines
        assert layouts == [True, False]


async def test_an_undo_redraws_the_count_too(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        editor = demo_app.screen.query_one(NoteEditor)
        before = editor.text
        editor.insert("abc", (0, 0))
        assert widget_text(demo_app, "#note-status").startswith(count(before + "abc"))
        editor.undo()
        assert widget_text(demo_app, "#note-status").startswith(count(before))


async def test_no_worker_writes_out_the_whole_data(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual describes a worker by the repr of its arguments unless it is given a description:
    # for the data of 10,000 interviews that took a second on the UI thread.
    reprs: list[str] = []

    def spy(self: Dataset) -> str:
        reprs.append("Dataset")
        return "Dataset"

    monkeypatch.setattr(Dataset, "__repr__", spy)
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await wait_for(pilot, lambda: demo_app.search_index is not None, "the search index")
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await pilot.press("s")  # the list's markers are worked out again in a thread
        await wait_for(pilot, lambda: "Marked sent" in notices(demo_app), "the note logged")
        await pilot.press("r")
        review = current(demo_app, ReviewScreen)
        await pilot.press("s")  # clearing an item reads the queue again in a thread
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert review.items
    assert reprs == []


def blocked_markers(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """Make every list big enough for its markers to come from a thread, and hold that thread
    until the event is set; the threads the markers were worked out in."""
    release = threading.Event()
    threads: list[str] = []
    real: Callable[..., dict[str, str]] = getattr(main_module, "due_by_interview")  # noqa: B009

    def due_by_interview(*args: Any) -> dict[str, str]:
        threads.append(threading.current_thread().name)
        assert release.wait(10), "the test never released the markers"
        return real(*args)

    monkeypatch.setattr(main_module, "DUE_AT_ONCE", 0)
    monkeypatch.setattr(main_module, "due_by_interview", due_by_interview)
    return release, threads


async def test_a_big_list_is_drawn_first_and_its_markers_follow_on_the_top_row(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, threads = blocked_markers(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        screen = current(demo_app, MainScreen)
        # Drawn without markers, newest first; nothing is due yet as far as the list knows.
        assert listing.rows and all(row.due is None for row in listing.rows)
        first_drawn = listing.rows[0].id
        release.set()
        await wait_for(pilot, lambda: any(row.due for row in listing.rows), "the markers")
        await pilot.pause()
        dues = [row.due is not None for row in listing.rows]
        assert dues == sorted(dues, reverse=True)
        # Nobody had moved: the top row is still the one selected, now the first one due, and
        # the panel and the note are for it.
        assert listing.highlighted == 0
        assert screen.interview_id == listing.rows[0].id != first_drawn
        assert screen.note_for[0] == listing.rows[0].id
    assert threads and threading.main_thread().name not in threads


async def test_moving_before_the_markers_come_keeps_the_interview_chosen(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, _ = blocked_markers(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        screen = current(demo_app, MainScreen)
        await pilot.press("down", "down")
        chosen = screen.interview_id
        assert chosen == listing.rows[2].id
        release.set()
        await wait_for(pilot, lambda: any(row.due for row in listing.rows), "the markers")
        await pilot.pause()
        assert screen.interview_id == chosen
        assert listing.highlighted_row is not None and listing.highlighted_row.id == chosen


def count_row_building(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads the list's rows are sorted in, from now on."""
    threads: list[str] = []
    real: Callable[..., Any] = getattr(main_module, "interview_rows")  # noqa: B009

    def interview_rows(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(main_module, "interview_rows", interview_rows)
    return threads


async def test_the_markers_rows_are_sorted_in_the_thread_for_the_data_as_it_is(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, _ = blocked_markers(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        threads = count_row_building(monkeypatch)
        release.set()
        await wait_for(pilot, lambda: any(row.due for row in listing.rows), "the markers")
        assert threads and threading.main_thread().name not in threads


async def test_markers_for_data_changed_meanwhile_are_sorted_again(
    demo_app: FollowupApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, asked = blocked_markers(monkeypatch)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        listing = demo_app.screen.query_one(InterviewList)
        first = listing.rows[0].interview
        await wait_for(pilot, lambda: bool(asked), "the markers' thread, its data taken")
        demo_store.put(replace(first, role="Renamed while the markers were worked out"))
        release.set()
        await wait_for(pilot, lambda: any(row.due for row in listing.rows), "the markers")
        shown = next(row for row in listing.rows if row.id == first.id)
        assert shown.interview.role == "Renamed while the markers were worked out"


async def test_the_footer_is_composed_once_with_its_keys_for_the_first_frame(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    composed: list[int] = []
    real = Footer.compose

    def compose(self: Footer) -> Any:
        keys = list(real(self))
        composed.append(len(keys))
        return iter(keys)

    monkeypatch.setattr(Footer, "compose", compose)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        # Once empty (Textual's footer waits for the bindings), once with the keys.
        assert len(composed) == 2 and composed[0] == 0 and composed[1] > 5
        assert "Commands" in {str(key.description) for key in demo_app.screen.query(FooterKey)}
        await pilot.press("down", "up")  # the same keys: nothing composed again
        await pilot.pause()
        assert len(composed) == 2
        await pilot.press("enter")  # the panel has other keys
        await wait_for(pilot, lambda: len(composed) == 3, "the panel's keys")


async def test_the_main_screen_is_the_first_on_the_stack(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)):
        assert isinstance(demo_app.screen_stack[0], MainScreen)


@pytest.mark.parametrize(("width", "expected"), [(80, "-narrow"), (109, "-narrow"), (110, "-wide")])
async def test_the_breakpoint_class_is_there_before_the_first_layout(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch, width: int, expected: str
) -> None:
    seen: list[set[str]] = []
    real = MainScreen.on_mount

    async def on_mount(self: MainScreen) -> None:
        seen.append(set(self.classes))  # mounted, not yet laid out
        await real(self)

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    async with demo_app.run_test(size=(width, 30)):
        assert expected in seen[0]
        assert expected in demo_app.screen.classes


@pytest.mark.parametrize("at_once", [True, False])
async def test_the_index_is_built_alongside_the_first_frame_only_when_that_is_quick(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch, at_once: bool
) -> None:
    monkeypatch.setattr(app_module, "INDEX_AT_ONCE", 10_000 if at_once else 0)
    started: list[bool] = []
    real = FollowupApp.on_mount

    def on_mount(self: FollowupApp) -> None:
        real(self)
        started.append(any(worker.group == "index" for worker in self.workers))

    monkeypatch.setattr(FollowupApp, "on_mount", on_mount)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        assert started == [at_once]  # with more data, nothing competes with the first frame
        await wait_for(pilot, lambda: demo_app.search_index is not None, "the search index")
