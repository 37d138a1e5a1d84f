"""Whole processes, timed as a person meets them, each paired with its baseline in the same run.

The start-up rows of ``bench/table.py`` alone, quicker to run while working on start-up. For
100, 1,000 and 10,000 interviews of :mod:`shape` data, five runs each (``--runs N``):

- cold start to the first full frame, in a pseudo-terminal, against a bare Textual app with one
  Static and a footer (:mod:`measure_startup`);
- settled after start: from the start until the process has used no CPU for half a second,
  which is when the search index built in the background is ready;
- peak memory (VmHWM) once settled, loaded and indexed, against the bare app's;
- ``followup today`` and ``followup search jose``, against ``python -c "import textual"``
  (:mod:`measure_cli`).

Prints medians with min-max and the ratio of the medians; asserts nothing.
Run: ``python bench/bench_startup.py [--sizes 100,1000] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from harness import bench_env, data_file, mb, ms, scratch_copy, settle, spread
from measure_cli import import_textual, search, today
from measure_startup import bare, launch


def ratio(a: list[float], b: list[float]) -> str:
    return f"{statistics.median(a) / statistics.median(b):.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as name:
        run(options.sizes, options.runs, Path(name))


def run(sizes: str, runs: int, folder: Path) -> None:
    """Print the start-up table of each size, with the runs' sessions kept in ``folder``."""
    env = bench_env(folder)
    print(f"{os.cpu_count()} cores; {runs} runs per figure; median (min–max)")
    for size in (int(s) for s in sizes.split(",")):
        db = data_file(size)
        print(f"\n## {size} interviews ({db.stat().st_size / 1e6:.1f} MB)")
        frame: list[float] = []
        usable: list[float] = []
        memory: list[float] = []
        bare_frame: list[float] = []
        bare_memory: list[float] = []
        commands: dict[str, list[float]] = {"today": [], "search": [], "import": []}
        for _ in range(runs):
            b, bm = bare(env)
            launched = launch(scratch_copy(db, folder), env)
            try:
                settled = settle(launched.process)
                usable.append(settled - launched.process.started)
                memory.append(launched.process.peak_memory_kb())
            finally:
                launched.process.kill()
            frame.append(launched.frame)
            bare_frame.append(b)
            bare_memory.append(bm)
            commands["import"].append(import_textual(env))
            commands["today"].append(today(db, env))
            commands["search"].append(search(db, env))
        imports = commands["import"]
        pairs: list[tuple[str, list[float], list[float], Callable[[float], str]]] = [
            ("first full frame", frame, bare_frame, ms),
            ("peak memory", memory, bare_memory, mb),
            ("followup today", commands["today"], imports, ms),
            ("followup search jose", commands["search"], imports, ms),
        ]
        rows = [(name, spread(a, unit), spread(b, unit), ratio(a, b)) for name, a, b, unit in pairs]
        rows.insert(1, ("settled: search usable", spread(usable, ms), "", ""))
        print("| measure | followup | baseline | ratio |\n|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
