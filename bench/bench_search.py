"""How fast search is built and answers, over data shaped like a real search (bench/shape.py).

Run ``python bench/bench_search.py [--sizes 100,1000,10000] [--runs 3] [--no-cli]``. For each
size it prints:

- the index build (what the app's worker does once the data is loaded): median and min-max of
  ``--runs`` builds, wall and CPU seconds;
- the index's memory: what tracemalloc sees allocated by a build and still held, and the peak
  during it, and the process's resident set before and after (``ru_maxrss`` delta);
- each keystroke of the queries below, typed one letter at a time on a freshly built index with
  the app's limit of 100 hits a kind: median, p95 and worst, and the worst query prefix;
- clearing the box (every record), pasted queries of 200 characters to a million (cut to the
  query limits, issue 9), and one incremental update of an interview and a contact;
- ``followup search jose`` against ``python -c "import textual"``, whole processes over a data
  file written through the real store, each run 5 times alternating: medians and the ratio.

Issue 13's targets at 10,000 interviews: build <= 2 s; keystroke median <= 5 ms, worst <= 20 ms;
``followup search`` <= 8x ``import textual`` (3x at 1,000, 1.5x at 100); the app loaded and
indexed <= 250 MB in all. The machine is shared, so compare figures taken back to back.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from shape import dataset, write

from followup_tui.domain import Company, Contact, Interview
from followup_tui.search import SearchIndex

LIMIT = 100  # the search screen's
QUERIES = [
    "jose",
    "eng man",
    "microbrew",
    "company:acme eng",
    "stage:rejected",
    "muler",
    "alvarez",
    "sam smith",
    "platform",
    "e",
]
NOTES = [
    "Great conversation about distributed systems and on-call.",
    "Asked about the team's roadmap; promised to share a paper on consensus.",
    "Follow up after the offsite.",
]
Maps = tuple[dict[str, Company], dict[str, Interview], dict[str, Contact]]


def make(size: int) -> Maps:
    """The data for ``size`` interviews, as the store's mappings."""
    data = dataset(size)
    return (
        {c.id: c for c in data.companies},
        {i.id: i for i in data.interviews},
        {c.id: c for c in data.contacts},
    )


def pastes(rng: random.Random) -> dict[str, str]:
    """Pasted queries: the worst that fits the limits, then far past them."""
    page = " ".join(rng.choice(NOTES) for _ in range(20_000))
    return {
        "'a o' (typed, for comparison)": "a o",
        "200 characters of notes": page[:200],
        "8 one-letter words": "a n c k p t l r",
        "a 1,000,000-letter word": "abcdefghij" * 100_000,
        "1,000,000 characters of notes": page[:1_000_000],
        "1,000,000 characters of 'e '": "e " * 500_000,
    }


def ms(seconds: float) -> str:
    return f"{1000 * seconds:7.2f} ms"


def spread(values: list[float], unit: Callable[[float], str]) -> str:
    return f"median {unit(statistics.median(values))}  ({unit(min(values))} - {unit(max(values))})"


def seconds(value: float) -> str:
    return f"{value:.3f} s"


def build(maps: Maps) -> SearchIndex:
    """Build as the app does: full collections held meanwhile, the result frozen after."""
    first, second, third = gc.get_threshold()
    gc.set_threshold(first, second, 1_000_000_000)
    try:
        return SearchIndex.build(*maps)
    finally:
        gc.freeze()
        gc.set_threshold(first, second, third)


def bench_build(maps: Maps, runs: int) -> None:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        build(maps)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        gc.unfreeze()
        gc.collect()
    print(f"  build       wall {spread(walls, seconds)}   cpu {spread(cpus, seconds)}")


def bench_memory(maps: Maps) -> None:
    gc.collect()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    index = build(maps)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    print(
        f"  memory      index holds {held / 1e6:.1f} MB (peak while building {peak / 1e6:.1f} MB);"
        f" peak RSS grew {grown / 1024:.0f} MB (under tracemalloc)"
    )
    del index
    gc.unfreeze()
    gc.collect()


def bench_keys(maps: Maps, runs: int) -> SearchIndex:
    times: list[float] = []
    worst: dict[str, float] = {}
    index = build(maps)
    for run in range(runs):
        if run:
            index = build(maps)  # every pass from a fresh index: first keystrokes are cold
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                began = time.perf_counter()
                index.search(query[:end], limit=LIMIT)
                took = time.perf_counter() - began
                times.append(took)
                worst[query[:end]] = max(worst.get(query[:end], 0.0), took)
    times.sort()
    slowest = sorted(worst.items(), key=lambda item: -item[1])[:3]
    print(
        f"  keystroke   {len(times)} keys: median {ms(statistics.median(times))}  "
        f"p95 {ms(times[int(0.95 * (len(times) - 1))])}  worst {ms(times[-1])}  "
        f"(slowest: {', '.join(f'{q!r} {1000 * t:.1f}' for q, t in slowest)})"
    )
    return index


def bench_rest(index: SearchIndex, maps: Maps) -> None:
    clears = []
    for _ in range(20):
        began = time.perf_counter()
        index.search("", limit=LIMIT)
        clears.append(time.perf_counter() - began)
    print(f"  clear       {spread(clears, ms)}")
    for name, pasted in pastes(random.Random(2)).items():
        took = []
        for _ in range(5):
            began = time.perf_counter()
            index.search(pasted, limit=LIMIT)
            took.append(time.perf_counter() - began)
        print(f"  pasted {name:<32} {spread(took, ms)}")
    _, interviews, contacts = maps
    updates, renames = [], []
    for interview in list(interviews.values())[:100]:
        began = time.perf_counter()
        index.update_interview(replace(interview, notes=interview.notes + " edited"))
        updates.append(time.perf_counter() - began)
    for contact in list(contacts.values())[:100]:
        began = time.perf_counter()
        index.update_contact(replace(contact, name=contact.name + " Jr"))
        renames.append(time.perf_counter() - began)
    print(f"  edit an interview's notes  {spread(updates, ms)}")
    print(f"  rename a contact           {spread(renames, ms)}")


def bench_cli(size: int, folder: Path) -> None:
    """``followup search jose`` against ``import textual``, 5 runs each, alternating."""
    db = write(size, folder / f"followup-{size}.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS"))}
    commands = {
        "import textual": [sys.executable, "-c", "import textual"],
        "followup search jose": [
            sys.executable,
            "-m",
            "followup_tui",
            "--db",
            str(db),
            "search",
            "jose",
        ],
    }
    took: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(5):
        for name, argv in commands.items():
            began = time.perf_counter()
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, cwd=folder)
            took[name].append(time.perf_counter() - began)
    base, cli = (statistics.median(took[name]) for name in commands)
    print(
        f"  cli         followup search jose {spread(took['followup search jose'], seconds)}; "
        f"import textual {spread(took['import textual'], seconds)}; ratio {cli / base:.1f}x"
    )


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000", help="interviews, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="builds and typing passes")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as name:
        for size in map(int, args.sizes.split(",")):
            maps = make(size)
            print(
                f"{size:,} interviews ({len(maps[2]):,} people), "
                f"load average {os.getloadavg()[0]:.2f}"
            )
            gc.collect()
            gc.freeze()  # the loaded data, as the app freezes it
            bench_build(maps, args.runs)
            bench_memory(maps)
            index = bench_keys(maps, args.runs)
            bench_rest(index, maps)
            if not args.no_cli:
                bench_cli(size, Path(name))
            del index, maps
            gc.unfreeze()
            gc.collect()


if __name__ == "__main__":
    main()
