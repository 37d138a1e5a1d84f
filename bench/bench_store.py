"""The store with a big file: opening it, its memory, and saving one edit against stock TinyDB.

Run ``python bench/bench_store.py [--sizes 1000,10000] [--runs 5] [--code DIR]``; it prints
figures and asserts nothing. The data is :mod:`shape`'s (see :func:`harness.data_file`), and
every figure is taken in a fresh interpreter, so the runs do not share memory or a warm
collector. ``--code DIR`` runs the children against another checkout of followup (say, the
commit before a change), for a before/after on the same machine, back to back.

Per size and run, in order:

- **bare**: the interpreter with the store imported, nothing opened: peak resident memory.
- **decode**: the file's bytes decoded to plain JSON values, nothing more: the floor of a load.
- **open**: ``Store.open`` (read-only): its time, the peak resident memory of the process (Linux
  ``VmHWM``), and how long one full garbage collection takes right after (what the first full
  collection of a session would stop every thread for).
- **save**: in one process, over a copy of the file: the first save after opening (put plus
  flush of one edited contact), then ``--runs`` saves of one edit each (ours: crash-safe, temp
  file, fsync, rename, fsync of the folder) alternating with TinyDB's stock ``JSONStorage``
  writing the same document (``json.dumps``, write in place, fsync: not crash-safe), and the
  floor: writing the file's bytes, already in memory, the same crash-safe way. Each save of
  ours runs in a thread, as the app's worker does, while the main thread ticks every
  millisecond: the longest gap between its ticks is how long a save kept the UI thread from
  running (the GIL, or the store's lock).

Every figure is the median of the runs, with min–max.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _memory(field: str) -> int:
    """A line of /proc/self/status, in KiB (VmHWM: peak resident memory; VmRSS: current)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child_bare(path: Path) -> dict[str, float]:
    from followup_tui.store import Store  # noqa: F401  (what every other child imports)

    return {"peak_kib": _memory("VmHWM")}


def child_decode(path: Path) -> dict[str, float]:
    import msgspec

    raw = path.read_bytes()
    gc.disable()
    start = time.perf_counter()
    msgspec.json.decode(raw)
    return {"seconds": time.perf_counter() - start}


def child_open(path: Path) -> dict[str, float]:
    from followup_tui.store import Store

    start = time.perf_counter()
    store = Store.open(path, read_only=True)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    gc.collect()
    collected = time.perf_counter() - start
    return {
        "seconds": opened,
        "peak_kib": _memory("VmHWM"),
        "rss_kib": _memory("VmRSS"),
        "gc_seconds": collected,
        "records": sum(len(t) for t in (store.companies, store.interviews, store.contacts)),
    }


def child_save(path: Path, runs: int) -> dict[str, Any]:
    from tinydb import TinyDB

    from followup_tui.store import Store, atomic_write

    folder = Path(tempfile.mkdtemp(prefix="followup-bench-store-"))
    ours, stock_path, floor_path = (folder / n for n in ("followup.json", "stock.json", "f.json"))
    shutil.copyfile(path, ours)
    saves: list[float] = []
    stocks: list[float] = []
    floors: list[float] = []
    stalls: list[float] = []
    with Store.open(ours) as store, TinyDB(stock_path) as stock:
        contacts = list(store.contacts.values())

        def save_one(run: int) -> tuple[float, float]:
            contact = contacts[(run * 7919) % len(contacts)]
            edited = dataclasses.replace(contact, notes=f"{contact.notes} (edit {run})".strip())
            took: list[float] = []

            def save() -> None:
                start = time.perf_counter()
                store.flush()
                took.append(time.perf_counter() - start)

            store.put(edited)
            worker = threading.Thread(target=save)
            last = time.perf_counter()
            longest = 0.0
            worker.start()
            while worker.is_alive():
                time.sleep(0.001)
                now = time.perf_counter()
                longest, last = max(longest, now - last), now
            worker.join()
            return took[0], longest

        first, first_stall = save_one(0)
        for run in range(1, runs + 1):
            took, stall = save_one(run)
            saves.append(took)
            stalls.append(stall)
            content = ours.read_bytes()
            document = json.loads(content)
            start = time.perf_counter()
            stock.storage.write(document)
            stocks.append(time.perf_counter() - start)
            del document
            start = time.perf_counter()
            atomic_write(floor_path, content)
            floors.append(time.perf_counter() - start)
            del content
    shutil.rmtree(folder)
    return {
        "first": first,
        "first_stall": first_stall,
        "saves": saves,
        "stalls": stalls,
        "stocks": stocks,
        "floors": floors,
    }


def run_child(kind: str, path: Path, runs: int, code: Path | None) -> dict[str, Any]:
    """One measure in a fresh interpreter; its figures."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(code or HERE.parent), env.get("PYTHONPATH")])
    )
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(path), str(runs)],
        check=True,
        capture_output=True,
        env=env,
        cwd=tempfile.gettempdir(),  # so the checkout on PYTHONPATH is the one imported
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def spread(values: list[float], scale: float = 1000, unit: str = "ms") -> str:
    """median (min–max)."""
    values = [v * scale for v in values]
    return f"{statistics.median(values):.0f} {unit} ({min(values):.0f}–{max(values):.0f})"


def ratios(ours: list[float], theirs: list[float]) -> str:
    """Per run, ours over theirs; median (min–max)."""
    pairs = [a / b for a, b in zip(ours, theirs, strict=True)]
    return f"{statistics.median(pairs):.2f}× ({min(pairs):.2f}–{max(pairs):.2f})"


def main() -> None:
    """Print the figures for every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, help="a checkout of followup to measure instead")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from harness import data_file

    code = args.code.resolve() if args.code else None
    print(f"code: {code or HERE.parent}; median (min–max) of {args.runs} runs")
    for size in (int(s) for s in args.sizes.split(",")):
        path = data_file(size)
        print(f"\n{size} interviews, {path.stat().st_size / 1e6:.1f} MB")
        bare = [run_child("bare", path, 1, code)["peak_kib"] for _ in range(args.runs)]
        decode = [run_child("decode", path, 1, code)["seconds"] for _ in range(args.runs)]
        opened = [run_child("open", path, 1, code) for _ in range(args.runs)]
        saved = run_child("save", path, args.runs, code)
        peak = [o["peak_kib"] for o in opened]
        share = [p - b for p, b in zip(peak, bare, strict=True)]
        rows = [
            ("decode alone (floor)", spread(decode)),
            ("Store.open", spread([o["seconds"] for o in opened])),
            ("peak memory, bare", spread(bare, 1 / 1024, "MB")),
            ("peak memory, opened", spread(peak, 1 / 1024, "MB")),
            ("  the store's share", spread(share, 1 / 1024, "MB")),
            ("resident after opening", spread([o["rss_kib"] for o in opened], 1 / 1024, "MB")),
            ("first full gc.collect()", spread([o["gc_seconds"] for o in opened])),
            ("first save after opening", f"{saved['first'] * 1000:.0f} ms"),
            ("save one edit (crash-safe)", spread(saved["saves"])),
            ("stock JSONStorage write", spread(saved["stocks"])),
            ("floor: crash-safe write of bytes", spread(saved["floors"])),
            ("save one edit / stock", ratios(saved["saves"], saved["stocks"])),
            ("  longest stall of the UI thread", spread(saved["stalls"])),
            ("first save / stock", f"{saved['first'] / statistics.median(saved['stocks']):.2f}×"),
            ("  longest stall of the UI thread", f"{saved['first_stall'] * 1000:.0f} ms"),
        ]
        for label, figure in rows:
            print(f"  {label:<34} {figure}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind, target, count = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
        if kind == "save":
            figures: dict[str, Any] = child_save(target, count)
        else:
            figures = {"bare": child_bare, "decode": child_decode, "open": child_open}[kind](target)
        print(json.dumps(figures))
    else:
        main()
