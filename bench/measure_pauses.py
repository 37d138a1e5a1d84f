"""Longest pause of the UI thread while indexing, idle and typing; search work per keystroke.

One session of the real app in a pseudo-terminal, started through :mod:`probe`, which records
every late wake-up of a 5 ms timer on the app's event loop, every garbage collection, and the
time of each search the screen runs. The bench drives the app through phases and marks each
phase's window on the clock the probe shares:

- indexing: from the first full frame until the search index is whole in the app, names and
  notes (empty when the index was ready before the first frame);
- idle: two seconds starting one second after the index was ready, nothing pressed;
- searching: ``/``, then the queries of :mod:`measure_search` typed at 8 keys a second, Ctrl+U
  between them; every search run in this window is one keystroke's work;
- typing: the note editor opened (Enter, Enter), then 40 keys at 10 a second, and 1.5 s after
  the last one, which covers the draft pause (0.3 s), the save that follows (0.3 s later, in a
  worker thread) and any collection they cause.

A pause is a wake-up's lateness past its 5 ms: a lower bound on how long the thread was held,
at most 5 ms short. The probe's own cost (200 wake-ups a second) is why this session is not
the one whose keys and frames are timed.
"""

from __future__ import annotations

import json
import math
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness import HERE, TODAY, Process, shows, stuck, wait_for
from measure_editor import SENTENCE, warm_up
from measure_search import CLEAR, QUERIES
from measure_startup import launch

PHASES = ("indexing", "idle", "typing")


@dataclass
class Pauses:
    """What one probed session saw. Pauses are seconds, NaN for a phase that did not happen."""

    longest: dict[str, float] = field(default_factory=dict)
    """The longest late wake-up of the loop probe, per phase."""
    longest_gc: dict[str, float] = field(default_factory=dict)
    """The longest garbage collection, per phase."""
    search_work: list[float] = field(default_factory=list)
    """Seconds of the search screen's work for each keystroke."""
    index_ready: float = math.nan
    """Seconds from the fork until the index was whole (names and notes) in the app."""
    names_ready: float = math.nan
    """Seconds from the fork until the first index was handed to the app (names only, for a
    large file; the same as ``index_ready`` for a small one)."""
    note: str = ""
    """The note editor's text as it was before the bench typed in it."""


def probed_session(db: Path, env: dict[str, str], folder: Path, keys: int = 40) -> Pauses:
    """Run the phases above over ``db``; the probe's findings, phase by phase."""
    out = folder / f"probe-{os.getpid()}-{time.monotonic_ns()}.json"
    marker = out.with_suffix(".index")
    argv = [str(HERE / "probe.py"), str(out), "--", "--db", str(db), "--today", TODAY.isoformat()]
    launched = launch(db, env, argv)
    process = launched.process
    windows: dict[str, tuple[float, float]] = {}
    try:
        frame_at = process.started + launched.frame
        while not marker.exists():
            if process.status is not None:
                raise RuntimeError(f"no index built: {stuck(process, 0)}")
            process.read(0.05)
        index_at = float(marker.read_text())
        windows["indexing"] = (frame_at, index_at)
        process.read(max(0.0, index_at + 1.0 - time.monotonic()))
        windows["idle"] = (time.monotonic(), time.monotonic() + 2.0)
        process.read(2.0)
        windows["searching"] = _search(process)
        windows["typing"] = _type(process, keys)
        process.read(0.3)
        os.kill(process.pid, signal.SIGTERM)
        process.end(timeout=120)
    finally:
        process.kill()
    found = json.loads(out.read_text())
    typed = (SENTENCE * (keys // len(SENTENCE) + 1))[:keys]
    note = found["note"]
    return Pauses(
        longest={name: _longest(found["lags"], windows[name], 1) for name in PHASES},
        longest_gc={name: _longest(found["gcs"], windows[name], 1) for name in PHASES},
        search_work=[s for t, s in found["searches"] if _within(t, windows["searching"])],
        index_ready=(found["index"] or math.nan) - process.started,
        names_ready=(found.get("names") or math.nan) - process.started,
        note=note[len(typed) :] if note.startswith(typed) else note,
    )


def _search(process: Process) -> tuple[float, float]:
    os.write(process.fd, b"/")
    wait_for(process, shows("a name, a company"), "search box", 60)
    process.read(0.5)
    start = time.monotonic()
    for query in QUERIES:
        for key in [CLEAR, *(ch.encode() for ch in query)]:
            os.write(process.fd, key)
            process.read(0.125)
    end = time.monotonic() + 0.5
    process.read(0.5)
    os.write(process.fd, b"\x1b")
    process.read(0.5)
    return start, end


def _type(process: Process, keys: int) -> tuple[float, float]:
    for _ in range(2):
        os.write(process.fd, b"\r")
        process.read(0.4)
    warm_up(process)
    start = time.monotonic()
    for ch in (SENTENCE * (keys // len(SENTENCE) + 1))[:keys]:
        os.write(process.fd, ch.encode())
        process.read(0.1)
    process.read(1.5)
    return start, time.monotonic()


def _within(moment: float, window: tuple[float, float]) -> bool:
    return window[0] <= moment <= window[1]


def _longest(events: list[list[float]], window: tuple[float, float], column: int) -> float:
    """The largest ``column`` of the events that began within ``window``, less its last 10 ms (a
    wake-up due after that may be late for what the bench did next); NaN if the window is
    empty, 0 if nothing was recorded in it."""
    start, end = window
    if end <= start:
        return math.nan
    return max((e[column] for e in events if start <= e[0] <= end - 0.01), default=0.0)
