"""Fixtures for driving the real app over a real store file."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from followup_tui.demo.dataset import demo_dataset
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _thaw() -> Iterator[None]:
    """The app freezes what it builds out of the garbage collector's sight (tui/collector.py):
    thawed after each test, so what the test left behind can be collected."""
    yield
    gc.unfreeze()


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """A store on a temp file, holding the demo data for ``TODAY``."""
    store = Store.open(tmp_path / "data" / "followup.json")
    store.replace_all(demo_dataset(TODAY))
    store.flush()
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A store on a fresh temp file with nothing in it."""
    store = Store.open(tmp_path / "data" / "followup.json")
    yield store
    store.close()


@pytest.fixture
def demo_app(demo_store: Store) -> FollowupApp:
    """The app over the demo store, on ``TODAY``."""
    return FollowupApp(demo_store, today=TODAY, demo=True)


@pytest.fixture
def store(demo_store: Store) -> Store:
    """The demo store, by the shorter name the form and screen tests use."""
    return demo_store
