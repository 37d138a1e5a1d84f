"""The garbage collector's policy while the app runs (tui/collector.py): full collections held
while someone types and run when they pause, what lives as long as the app frozen."""

from __future__ import annotations

import gc
import sys

import pytest

from followup_tui.domain import paused_gc
from followup_tui.tui import app as app_module
from followup_tui.tui import collector
from followup_tui.tui.app import FollowupApp

from .screen_text import wait_for


def churn_until_full_collection_due() -> None:
    """Allocate containers until the middle generation was collected FULL_EVERY times."""
    keep: list[list[list[int]]] = []
    while gc.get_count()[2] < collector.FULL_EVERY:
        keep.append([[] for _ in range(100)])
        if len(keep) > 10_000:
            keep.clear()


def test_holds_nest_and_the_last_release_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    collector.hold_full_collections()
    collector.hold_full_collections()
    assert gc.get_threshold() == (before[0], before[1], collector.HELD)
    collector.release()
    assert gc.get_threshold()[2] == collector.HELD
    collector.release()
    assert gc.get_threshold() == before


def test_what_is_built_is_frozen_and_the_thresholds_come_back() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    switch = sys.getswitchinterval()
    with collector.building():
        assert gc.get_threshold()[2] == collector.HELD
        assert sys.getswitchinterval() == collector.BUILD_SWITCH
        with collector.building():  # two builds at once: the second ends first
            pass
        assert sys.getswitchinterval() == collector.BUILD_SWITCH
        built = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(built)
    assert gc.get_threshold() == before
    assert sys.getswitchinterval() == switch


def test_a_pause_ends_with_what_was_made_frozen_not_walked() -> None:
    frozen = gc.get_freeze_count()
    with collector.paused_then_frozen():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]
        with paused_gc():  # the review's rules pause it too: they must not enable it early
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)
    assert gc.get_count()[0] == 0  # nothing young left to walk


def test_settling_frees_young_garbage_and_freezes_what_lives() -> None:
    frozen = gc.get_freeze_count()
    alive = [[i] for i in range(1000)]
    cycle: list[object] = []
    cycle.append(cycle)  # garbage, in a cycle: a young collection frees it first
    del cycle
    collector.settle()
    assert gc.get_freeze_count() >= frozen + len(alive)
    assert gc.get_count()[:2] == (0, 0)


def test_a_held_full_collection_waits_for_an_idle_moment() -> None:
    suite = gc.get_threshold()  # tests/conftest.py makes young collections rare: not here
    gc.set_threshold(700, 10, suite[2])
    collector.hold_full_collections()
    try:
        gc.collect()
        churn_until_full_collection_due()
        assert not collector.collect_if_due(idle=False)
        assert gc.get_count()[2] >= collector.FULL_EVERY  # still held
        assert collector.collect_if_due(idle=True)
        assert gc.get_count()[2] == 0
        assert not collector.collect_if_due(idle=True)  # nothing due any more
    finally:
        collector.release()
        gc.set_threshold(*suite)


async def test_the_app_holds_full_collections_runs_them_when_idle_and_lets_go(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "COLLECT_CHECK", 0.01)
    monkeypatch.setattr(app_module, "IDLE_BEFORE_COLLECTING", 0.0)
    asked: list[bool] = []
    real = collector.collect_if_due

    def collect_if_due(idle: bool) -> bool:
        asked.append(idle)
        return real(idle)

    monkeypatch.setattr(collector, "collect_if_due", collect_if_due)
    before = gc.get_threshold()
    async with demo_app.run_test(size=(120, 35)) as pilot:
        assert gc.get_threshold()[2] == collector.HELD
        await wait_for(pilot, lambda: True in asked, "a look at the collector while idle")
    assert gc.get_threshold() == before
