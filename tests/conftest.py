"""Fixtures shared by every test: a clean environment and a private database path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's terminal settings and real data out of every test."""
    for name in list(os.environ):
        if name.startswith("TEXTUAL_SNAPSHOT"):
            continue  # pytest-textual-snapshot's own bookkeeping
        if name.startswith("TEXTUAL_") or name in {"NO_COLOR", "COLUMNS", "LINES", "FOLLOWUP_DB"}:
            monkeypatch.delenv(name, raising=False)
    # Point the user data directory somewhere private so nothing can touch the real database.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path in a folder that does not exist yet."""
    return tmp_path / "data" / "followup.json"
