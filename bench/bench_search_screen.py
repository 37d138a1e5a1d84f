"""How soon typed search results reach the screen, over data shaped like a real search.

Runs the real app headless over a real store file, opens the search, and for each keystroke
measures (a) the screen's own work (the index query and handing the rows to the list) and (b)
the time until the app is idle again with the new rows painted. Then it pastes queries of 200 to
1,000,000 characters into the box (cut to the query limit, issue 9) and measures the same.
Prints figures; asserts nothing.
Run: python bench/bench_search_screen.py [INTERVIEWS, default 10000]
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_search import make, pastes
from textual.widgets import Input

from followup_tui.domain import Dataset
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.search import SearchScreen

QUERIES = ["jose", "eng man", "microbrew", "company:acme eng", "stage:rejected", "muler"]


async def run() -> None:
    companies, interviews, contacts = make(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "followup.json")
    store.replace_all(
        Dataset(
            companies=tuple(companies.values()),
            interviews=tuple(interviews.values()),
            contacts=tuple(contacts.values()),
        )
    )
    app = FollowupApp(store, today=date(2026, 11, 26))
    work: list[float] = []
    painted: list[float] = []
    idle: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        while app.search_index is None:
            await pilot.pause(0.1)
        print(f"index ready {time.perf_counter() - started:.1f} s after start (in a worker)")
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                text = query[:end]
                t0 = time.perf_counter()
                screen.run_search(text)
                t1 = time.perf_counter()
                await pilot.pause()
                t2 = time.perf_counter()
                work.append(t1 - t0)
                painted.append(t2 - t0)
            screen.run_search("")
        searches: list[float] = []
        search = screen.run_search

        def timed(text: str) -> None:
            began = time.perf_counter()
            search(text)
            searches.append(time.perf_counter() - began)

        screen.run_search = timed  # type: ignore[method-assign]
        box = screen.query_one(Input)
        for name, pasted in pastes(random.Random(2)).items():
            for how in ("paste", "set the value"):
                box.value = ""
                await pilot.pause()
                searches.clear()
                t0 = time.perf_counter()
                if how == "paste":
                    box.insert_text_at_cursor(pasted)  # what the Paste event does
                else:
                    box.value = pasted
                t1 = time.perf_counter()
                await pilot.pause()
                await pilot.pause()  # the Changed, then the Cut
                t2 = time.perf_counter()
                print(
                    f"{how:<13} {name:<32} box {1000 * (t1 - t0):6.1f} ms   "
                    f"each search {', '.join(f'{1000 * s:.1f}' for s in searches)} ms   "
                    f"until idle {1000 * (t2 - t0):6.1f} ms   kept {len(box.value)}"
                )
        for _ in range(30):  # the test driver's own cost of waiting for idle, for comparison
            t0 = time.perf_counter()
            await pilot.pause()
            idle.append(time.perf_counter() - t0)
    store.close()

    def show(name: str, values: list[float]) -> None:
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        print(
            f"{name:<34} median {1000 * statistics.median(values):6.1f} ms   "
            f"p95 {1000 * p95:6.1f} ms   max {1000 * max(values):6.1f} ms"
        )

    print(f"{len(work)} keystrokes")
    show("screen work (query + rows)", work)
    show("until painted and idle", painted)
    show("driver's wait when nothing changed", idle)


if __name__ == "__main__":
    asyncio.run(run())
