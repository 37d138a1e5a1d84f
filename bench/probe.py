"""Run the real followup with probes on its UI thread; write what they saw to a JSON file at exit.

Usage: ``python bench/probe.py OUT.json -- --db FILE --today DAY`` (followup's own options).
The app is the one the ``followup`` command runs, in the same terminal, with four additions:

- a loop-lag probe: an asyncio task on the app's event loop that sleeps 5 ms and records how
  late it woke whenever that was over 2 ms: (the time it went to sleep, the lateness). A late
  wake-up means the UI thread was busy (or waiting for the GIL) for at least that long;
- ``gc.callbacks`` timing every garbage collection over 0.5 ms, in whichever thread ran it (a
  collection stops every thread): (start, seconds, generation);
- each call of the search screen's ``run_search`` while the index is ready (the work of one
  keystroke: the query and handing its rows to the list): (start, seconds);
- each save of the store (``Store.flush``, usually in a worker thread): (start, seconds);
- the moment the search index was handed to the app whole (for a large file the names come
  first, ``names``, and the notes' words after), also written at once to ``OUT.index`` so the
  bench knows when to go on.

At exit (the bench ends the app with SIGTERM, which followup handles by saving and quitting) it
writes ``{"lags", "gcs", "searches", "saves", "index", "names", "note"}``, ``note`` being the note
editor's text.
Times are :func:`time.monotonic` seconds, which the bench's own clock shares.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))

OUT = Path(sys.argv[1])
FOLLOWUP_ARGS = sys.argv[sys.argv.index("--") + 1 :]
TICK = 0.005

found: dict[str, Any] = {
    "lags": [],
    "gcs": [],
    "searches": [],
    "saves": [],
    "index": None,
    "names": None,
    "note": "",
}
_gc_start = [0.0]


def _gc_timer(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_start[0] = time.monotonic()
        return
    seconds = time.monotonic() - _gc_start[0]
    if seconds > 0.0005:
        found["gcs"].append((_gc_start[0], seconds, info["generation"]))


async def _loop_lag() -> None:
    while True:
        start = time.monotonic()
        await asyncio.sleep(TICK)
        late = time.monotonic() - start - TICK
        if late > 0.002:
            found["lags"].append((start, late))


def _install() -> None:
    from textual.widgets import TextArea

    from followup_tui.store import Store
    from followup_tui.tui.app import FollowupApp
    from followup_tui.tui.screens.search import SearchScreen

    mounted = FollowupApp.on_mount
    built = FollowupApp._index_built
    long_built = FollowupApp._long_indexed
    hang_up = FollowupApp._hang_up
    run_search = SearchScreen.run_search
    flush = Store.flush
    tasks: list[asyncio.Task[None]] = []

    def on_mount(self: FollowupApp) -> None:
        mounted(self)
        tasks.append(asyncio.get_running_loop().create_task(_loop_lag()))

    def index_built(self: FollowupApp, *args: Any) -> None:
        built(self, *args)
        note_index(self)

    def note_index(self: FollowupApp) -> None:
        if found["names"] is None and self.search_index is not None:
            found["names"] = time.monotonic()
        whole = self.search_index is not None and not self.search_index.names_only
        if whole and found["index"] is None:
            found["index"] = time.monotonic()
            OUT.with_suffix(".index").write_text(str(found["index"]))

    def hanging_up(self: FollowupApp, signum: int) -> None:
        with contextlib.suppress(Exception):  # no editor on this screen: no note to report
            found["note"] = self.screen.query_one("#note-editor", TextArea).text
        hang_up(self, signum)

    def timed_search(self: SearchScreen, text: str) -> None:
        ready = self.services.search_index is not None
        start = time.monotonic()
        run_search(self, text)
        if ready:
            found["searches"].append((start, time.monotonic() - start))

    def timed_flush(self: Store) -> None:
        start = time.monotonic()
        flush(self)
        found["saves"].append((start, time.monotonic() - start))

    Store.flush = timed_flush  # type: ignore[method-assign]
    FollowupApp.on_mount = on_mount  # type: ignore[method-assign]
    FollowupApp._index_built = index_built  # type: ignore[method-assign]

    def long_indexed(self: FollowupApp, *args: Any) -> None:
        long_built(self, *args)
        note_index(self)

    FollowupApp._long_indexed = long_indexed  # type: ignore[method-assign]
    FollowupApp._hang_up = hanging_up  # type: ignore[method-assign]
    SearchScreen.run_search = timed_search  # type: ignore[method-assign]


def _write() -> None:
    OUT.write_text(json.dumps(found))


if __name__ == "__main__":
    gc.callbacks.append(_gc_timer)
    _install()
    atexit.register(_write)
    from followup_tui.cli.main import main

    sys.argv = ["followup", *FOLLOWUP_ARGS]
    main()
