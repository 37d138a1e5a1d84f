"""Fixtures shared by every test: a clean environment and a private database path."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests share two cores with up to three other workers: how fast examples are drawn
# says more about the machine's load than about the code, so the timing checks are off for
# every property test (each still sets its own number of examples).
settings.register_profile("followup", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("followup")


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often: each app test makes and drops ~100,000 small objects.

    With the default thresholds the collector runs hundreds of times per test and costs about
    a fifth of the suite's CPU time; what it finds is the same either way. A young collection
    every million objects and an old one every 200 million keep it to about 1 % of the CPU,
    for about 150 MB more memory per worker (measured on three app test files).
    """
    gc.set_threshold(1_000_000, 20, 10)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per core for ``-n auto``.

    A test that drives the app spends about half its wall time waiting for the app to go idle
    (Pilot sleeps between keys), so one worker per core leaves the cores half used.
    """
    return 2 * (os.cpu_count() or 1)


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
