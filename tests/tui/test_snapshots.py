"""A handful of snapshots that guard the layout at fixed sizes on a fixed day.

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after an intended
change, and look at the report before committing.
"""

from __future__ import annotations

from typing import Any

from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp

from .conftest import TODAY


def test_main_screen_120x35(snap_compare: Any, demo_app: FollowupApp) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 35))


def test_main_screen_80x24(snap_compare: Any, demo_app: FollowupApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24))


def test_main_screen_200x60_on_the_rejected_panel(snap_compare: Any, demo_app: FollowupApp) -> None:
    assert snap_compare(demo_app, terminal_size=(200, 60), press=["down", "down", "enter", "down"])


def test_help_screen(snap_compare: Any, demo_app: FollowupApp) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 40), press=["question_mark"])


def test_welcome_on_first_run(snap_compare: Any, empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=(80, 24))
