"""Search in the real app, in a pseudo-terminal: how soon it answers after start, and how soon
a keystroke's results are on screen.

Search usable after start: right after the first full frame, ``/`` opens the search and
``jose`` is typed; the figure is from the fork until "N matches" is drawn. While the index is
still being built the screen says "Indexing your panels…" and tries again every 0.2 s; "at once"
means that message never appeared.

Search key → repaint done: once the app has settled (no CPU for 0.5 s), the queries below are
typed one key at a time, each key timed as in :mod:`measure_editor` (from writing it to the
terminal to the end of the last frame it caused), with Ctrl+U clearing the box between queries
(not timed).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

from harness import Keystroke, Process, keystroke, shows, stuck, visible, wait_for

#: The queries of bench_search_screen.py: a name, two words, a tidbit word, filters, a typo.
QUERIES = ("jose", "eng man", "microbrew", "company:acme eng", "stage:rejected", "muler")
CLEAR = b"\x15"  # Ctrl+U: delete everything left of the cursor
INDEXING = b"Indexing your panels"
#: The count of an answer, "12 matches"; not the empty list's "No matches", shown while indexing.
ANSWERED = re.compile(rb"[0-9] match")


@dataclass(frozen=True)
class Usable:
    """Seconds from the fork until the first query was answered; whether it had to wait."""

    seconds: float
    waited: bool


def usable(process: Process, query: str = "jose", timeout: float = 300.0) -> Usable:
    """Open the search at once and type ``query``; time until its matches are drawn."""
    os.write(process.fd, b"/")
    wait_for(process, shows("a name, a company"), "search box", 60)
    offset = len(process.output)
    os.write(process.fd, query.encode())
    answered = wait_for_after(process, offset, ANSWERED, timeout)
    waited = INDEXING in visible(bytes(process.output[offset:]))
    return Usable(answered - process.started, waited)


def wait_for_after(
    process: Process, offset: int, pattern: re.Pattern[bytes], timeout: float
) -> float:
    """Arrival time of the output (past ``offset``) in which ``pattern`` was first drawn."""
    end = time.monotonic() + timeout
    while not pattern.search(visible(bytes(process.output[offset:]))):
        if time.monotonic() > end or process.status is not None:
            raise RuntimeError(f"no {pattern.pattern!r}: {stuck(process, timeout)}")
        process.read(0.01)
    return process.chunks[-1][0]


def key_latencies(process: Process) -> list[Keystroke]:
    """Type :data:`QUERIES` in the open search box, one timed key at a time."""
    timed: list[Keystroke] = []
    for query in QUERIES:
        keystroke(process, CLEAR, quiet=0.15)
        timed.extend(keystroke(process, ch.encode()) for ch in query)
    keystroke(process, CLEAR, quiet=0.15)
    return timed


def close(process: Process) -> None:
    """Leave the search (Esc) and let the main screen redraw."""
    keystroke(process, b"\x1b", quiet=0.2)
