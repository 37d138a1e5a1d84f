"""Saving from the app: a failed save keeps the changes, says so, retries, and asks before quit.

The disk is made "full" by replacing the storage's one write path (``atomic_write``), so the
store file, the lock and everything around them are the real ones.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox

from followup_tui.domain import Company
from followup_tui.store import storage
from followup_tui.store.store import Store
from followup_tui.tui import saving as saving_module
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens import note_screen
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.services import Services

from .screen_text import notices, screen_text, wait_for
from .test_main_screen import add_to_note, go_to_interview, go_to_person


class FullDisk:
    """Stands in for ``storage.atomic_write``: the database's disk is full while ``full``."""

    def __init__(self) -> None:
        self.full = True
        self.real = storage.atomic_write

    def __call__(self, target: Path, data: bytes) -> None:
        if self.full and target.name == "followup.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        self.real(target, data)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FullDisk]:
    disk = FullDisk()
    monkeypatch.setattr(storage, "atomic_write", disk)
    monkeypatch.setattr(saving_module, "RETRY_DELAY", 0.2)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    yield disk
    disk.full = False  # room again, so the store fixture can close


async def log_a_note(pilot: Pilot[None]) -> None:
    """A change to save: log the note to Søren as sent."""
    await go_to_interview(pilot, "Fjord Analytics")
    await go_to_person(pilot, "Søren Kjær")
    await pilot.press("s")


def sent_in_file(store: Store) -> int:
    """How many sent notes to Søren the file on disk holds."""
    reread = Store.open(store.path, read_only=True)
    try:
        return len(reread.contacts["ct_soren"].sent_touches())
    finally:
        reread.close()


async def test_a_failed_save_keeps_the_changes_says_so_and_retries(
    demo_app: FollowupApp, demo_store: Store, full_disk: FullDisk
) -> None:
    before = sent_in_file(demo_store)
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await log_a_note(pilot)
        await wait_for(pilot, lambda: "Not saved" in notices(demo_app), "the failure")
        assert "NOT SAVED" in screen_text(demo_app)
        assert "No space left on device" in demo_app.sub_title
        assert demo_store.dirty
        assert sent_in_file(demo_store) == before

        full_disk.full = False  # space again: the next retry writes everything
        await wait_for(pilot, lambda: not demo_store.dirty, "the retry")
        await wait_for(pilot, lambda: "Everything is saved again" in notices(demo_app), "news")
        assert "NOT SAVED" not in screen_text(demo_app)
        assert sent_in_file(demo_store) == before + 1


async def test_a_write_nobody_announces_is_saved(demo_app: FollowupApp, demo_store: Store) -> None:
    """The app saves what the store says changed: no screen has to ask for a save."""

    def on_disk() -> Store:
        return Store.open(demo_store.path, read_only=True)

    services: Services = demo_app  # mypy checks the app provides what screens may use
    async with demo_app.run_test(size=(120, 35)) as pilot:
        services.store.put(Company(id="co_quiet", name="Written Quietly"))
        settings = dataclasses.replace(demo_app.store.settings, your_name="Quiet Writer")
        demo_app.store.set_settings(settings)

        def saved() -> bool:
            reread = on_disk()
            try:
                return "co_quiet" in reread.companies and reread.settings == settings
            finally:
                reread.close()

        await wait_for(pilot, saved, "the unannounced writes on disk")
        assert not demo_store.dirty


async def test_quit_with_unsaved_changes_asks_and_exports_them(
    demo_app: FollowupApp, demo_store: Store, full_disk: FullDisk, tmp_path: Path
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await log_a_note(pilot)
        await pilot.press("escape", "ctrl+q")
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert "Quit without saving your latest changes?" in screen_text(demo_app)
        await pilot.press("n")  # stay: nothing is lost
        assert demo_app.is_running and demo_store.dirty

        await pilot.press("ctrl+q", "y")
        await wait_for(pilot, lambda: not demo_app.is_running, "the app to leave")
    assert demo_app.return_code == 1
    [export] = (tmp_path / "home").glob("followup-unsaved-*.json")
    document = json.loads(export.read_text(encoding="utf-8"))
    [soren] = [c for c in document["contacts"] if c["id"] == "ct_soren"]
    assert len([t for t in soren["touches"] if t.get("status", "sent") == "sent"]) == len(
        demo_store.contacts["ct_soren"].sent_touches()
    )
    assert os.stat(export).st_mode & 0o777 == 0o600


async def test_quit_without_the_export_leaves_no_file(
    demo_app: FollowupApp, full_disk: FullDisk, tmp_path: Path
) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await log_a_note(pilot)
        await pilot.press("escape", "ctrl+q")
        dialog = demo_app.screen
        assert isinstance(dialog, ConfirmDialog)
        dialog.query_one("#confirm-option", Checkbox).value = False
        await pilot.press("y")
        await wait_for(pilot, lambda: not demo_app.is_running, "the app to leave")
    assert demo_app.return_code == 1
    assert list((tmp_path / "home").iterdir()) == []


async def test_an_interrupt_keeps_the_note_typed_a_moment_before(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    """SIGINT from outside (kill -INT) saves like SIGTERM and SIGHUP do."""
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Søren Kjær")
        await add_to_note(pilot, " Interrupted mid-word")
        os.kill(os.getpid(), signal.SIGINT)
        await wait_for(pilot, lambda: not demo_app.is_running, "the app to leave")
    assert demo_app.return_code == 128 + signal.SIGINT
    reread = Store.open(demo_store.path, read_only=True)
    try:
        texts = [t.text for t in reread.contacts["ct_soren"].touches]
    finally:
        reread.close()
    assert any(text.endswith("Interrupted mid-word") for text in texts)


def test_a_crash_loses_at_most_the_last_few_tenths_of_a_second_of_typing() -> None:
    # The draft is kept after DRAFT_DELAY of quiet and written SAVE_DELAY after that.
    assert note_screen.DRAFT_DELAY + saving_module.SAVE_DELAY <= 0.6
