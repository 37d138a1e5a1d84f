"""Issue 13's target table in one command: every figure at every size, each run paired with its
baseline, as median (min–max) over the runs, next to its target, met or missed.

Run: ``python bench/table.py [--sizes 100,1000,10000] [--runs 5] [--quick] [--json FILE]``
(``--quick``: sizes 100,1000 and 2 runs, to check the bench itself works). The data is
:mod:`shape`'s, generated once per size and seed into ``$TMPDIR/followup-bench-cache``; every
app session works on its own copy, through ``--db``, with private XDG folders: the user's own
data is never opened. Progress goes to stderr, the tables to stdout.

Each run, at each size, in this order (whole processes; see each module's docstring):

1. :mod:`measure_pauses`: the app started through :mod:`probe`, which watches its UI thread;
   the longest pause while indexing, idle and typing, and the search screen's work for each key;
2. :mod:`measure_startup`: the bare Textual app (one Static, a footer): first frame, peak memory;
3. one plain session of the real app in a pseudo-terminal: first full frame
   (:mod:`measure_startup`); search usable after start, then search key → repaint done once
   settled (:mod:`measure_search`); the note editor, key → repaint done
   (:mod:`measure_editor`); then its peak memory, loaded and indexed;
4. a bare TextArea app with the note's text: key → repaint done (:mod:`measure_editor`);
5. ``python -c "import textual"``, ``followup today``, ``followup search jose``
   (:mod:`measure_cli`).

Then, per size, :mod:`measure_save` saves one edit and has TinyDB's stock JSONStorage write the
same document, alternately, ``--runs`` times in one fresh process.

A key's time is from writing it to the terminal until the last frame it caused has been written
(see :func:`harness.keystroke`); a run's figure is the median of its keys (and the worst key, for
the rows that say so). The ratio is taken per run, against the baseline of the same run, and
summarised like the figures. A row is met when its median is within the target.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import traceback
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from harness import HERE, bench_env, data_file, mb, ms, scratch_copy, settle, spread, times
from measure_cli import import_textual, search, today
from measure_editor import bare_keys, note_text, open_editor, type_keys
from measure_pauses import probed_session
from measure_save import in_child
from measure_search import close, key_latencies, usable
from measure_startup import bare, launch
from rows import ROWS, Collected, Row, verdict

#: One run's figures: row key -> (followup's figure, the baseline's or NaN).
Figures = dict[str, tuple[float, float]]
NAN = math.nan
#: The sessions of a full run (``--only`` picks some; "start" is a short form of "app").
SESSIONS = ("probe", "app", "commands", "save")


def machine() -> list[str]:
    """What the figures were taken on."""
    import textual

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    commit = (
        subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        or "(not a git checkout)"
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    versions = f"Python {platform.python_version()}, Textual {textual.__version__}"
    return [
        f"- machine: {os.cpu_count()} cores, {model}; {platform.system()} {platform.release()}",
        f"- {versions}, followup at {commit}",
        f"- load average at start: {load}",
    ]


def median(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else NAN


def one_run(db: Path, folder: Path, env: dict[str, str], keys: int, only: set[str]) -> Figures:
    """The figures of one run over ``db`` from the sessions in ``only`` (see :data:`SESSIONS`);
    NaN where a session failed (said on stderr)."""
    figures: Figures = {}

    def attempt(what: str, measure: Callable[[], None]) -> None:
        try:
            measure()
        except Exception:  # one failed session must not lose the others' figures
            print(f"  {what} failed:\n{traceback.format_exc()}", file=sys.stderr)

    note = [""]

    def pauses() -> None:
        found = probed_session(scratch_copy(db, folder), env, folder, keys)
        for phase, seconds in found.longest.items():
            figures[f"pause {phase}"] = (seconds, NAN)
            figures[f"gc {phase}"] = (found.longest_gc[phase], NAN)
        figures["search work"] = (median(found.search_work), NAN)
        figures["search work worst"] = (max(found.search_work, default=NAN), NAN)
        figures["index ready"] = (found.index_ready, NAN)
        figures["names ready"] = (found.names_ready, NAN)
        note[0] = found.note

    def session(full: bool = True) -> None:
        bare_frame, bare_kib = bare(env)
        figures["start"] = (NAN, bare_frame)
        figures["memory"] = (NAN, bare_kib)
        launched = launch(scratch_copy(db, folder), env)
        process = launched.process
        try:
            figures["start"] = (launched.frame, bare_frame)
            answer = usable(process)
            figures["usable"] = (answer.seconds, NAN)
            figures["usable waited"] = (float(answer.waited), NAN)
            if not full:
                return
            settle(process)
            searched = key_latencies(process)
            figures["search repaint"] = (median([k.done for k in searched]), NAN)
            figures["search repaint worst"] = (max(k.done for k in searched), NAN)
            figures["search frames"] = (median([k.frames for k in searched]), NAN)
            close(process)
            open_editor(process)
            typed = type_keys(process, keys)
            figures["memory"] = (process.peak_memory_kb(), bare_kib)
        finally:
            process.kill()
        text = note[0] or note_text(Path("/nonexistent"))
        against = bare_keys(text, keys, env)
        for key, part in (("editor", "done"), ("editor first", "first"), ("frames", "frames")):
            figures[key] = (
                median([getattr(k, part) for k in typed]),
                median([getattr(k, part) for k in against]),
            )
        in_layout = bare_keys(text, keys, env, layout=True)
        figures["editor layout"] = (
            median([k.done for k in typed]),
            median([k.done for k in in_layout]),
        )
        figures["layout floor"] = (
            median([k.done for k in in_layout]),
            median([k.done for k in against]),
        )

    def commands() -> None:
        baseline = import_textual(env)
        figures["today"] = (today(db, env), baseline)
        figures["search cli"] = (search(db, env), baseline)

    chosen = {
        "probe": pauses,
        "app": session,
        "start": lambda: session(full=False),
        "commands": commands,
    }
    for name, measure in chosen.items():
        if name in only:
            attempt(f"the {name} session", measure)
    return figures


def measure_size(size: int, runs: int, seed: int, keys: int, only: set[str]) -> Collected:
    """Every row's (figure, baseline) per run at ``size``."""
    db = data_file(size, seed)
    collected: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as name:
        folder = Path(name)
        env = bench_env(folder)
        for run in range(runs):
            print(f"{size}: run {run + 1} of {runs}", file=sys.stderr, flush=True)
            for key, pair in one_run(db, folder, env, keys, only).items():
                collected[key].append(pair)
        if "save" not in only:
            return collected
        print(f"{size}: saving one edit, {runs} times", file=sys.stderr, flush=True)
        try:
            saves, writes = in_child(db, runs, env)
            collected["save"] = list(zip(saves, writes, strict=True))
        except subprocess.CalledProcessError as error:
            print(f"  the save bench failed:\n{error.stderr.decode()}", file=sys.stderr)
    return collected


def size_table(size: int, db: Path, collected: Collected) -> list[str]:
    """The table of one size, as Markdown lines."""
    lines = [
        f"### {size:,} interviews ({db.stat().st_size / 1e6:.1f} MB)",
        "",
        "| measure | followup | baseline | ratio | target | |",
        "|---|---|---|---|---|---|",
    ]
    for row in ROWS:
        lines.append("| " + " | ".join(cells(row, size, collected)) + " |")
    return lines


def cells(row: Row, size: int, collected: Collected) -> list[str]:
    """Name, followup's figure, the baseline's, their ratio, the target, met or missed."""
    units: dict[str, Callable[[float], str]] = {
        "ms": ms,
        "MB": mb,
        "n": lambda v: f"{v:.0f}",
        # The probes record nothing shorter than these (see probe.py).
        "pause": lambda v: "< 2 ms" if v < 0.002 else ms(v),
        "gc": lambda v: "< 0.5 ms" if v < 0.0005 else ms(v),
    }
    unit = units[row.unit]
    pairs = collected.get(row.key, [])
    ours = [a for a, _ in pairs]
    target, met = verdict(row, size, collected)
    if not row.baseline:
        return [row.name, spread(ours, unit), "", "", target, met]
    ratios = [a / b for a, b in pairs if a == a and b == b and b > 0]
    theirs = [b for _, b in pairs]
    return [row.name, spread(ours, unit), spread(theirs, unit), spread(ratios, times), target, met]


def summary(sizes: list[int], tables: dict[int, Collected]) -> list[str]:
    """One line per target, one column per size: the median and whether it is met."""
    lines = [
        "| measure | " + " | ".join(f"{s:,}" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for row in ROWS:
        if not row.targets:
            continue
        out = []
        for size in sizes:
            _, ours, _, ratio, target, met = cells(row, size, tables[size])
            kind = row.targets[size].kind if size in row.targets else ""
            figure = (ratio if row.baseline and kind != "kib" else ours).split(" (")[0]
            if figure == "—" and met.startswith("met"):
                out.append(f"{met} ({target})")  # the phase never happened
            else:
                out.append(f"{figure}: {met} ({target})" if target else figure)
        lines.append(f"| {row.name} | " + " | ".join(out) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keys", type=int, default=40, help="keys typed in the editor per run")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and 2 runs")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument(
        "--only",
        default=",".join(SESSIONS),
        help="the sessions to run, of: probe, app, commands, save (all by default), or start "
        "(the app only up to its first search: first frame and search usable)",
    )
    options = parser.parse_args()
    if options.quick:
        options.sizes, options.runs = "100,1000", 2
    sizes = [int(s) for s in options.sizes.split(",")]
    print("\n".join(machine()))
    print(f"- {options.runs} runs per size; figures are median (min–max) over the runs\n")
    tables = {}
    for size in sizes:
        only = set(options.only.split(","))
        tables[size] = measure_size(size, options.runs, options.seed, options.keys, only)
        print("\n".join(size_table(size, data_file(size, options.seed), tables[size])) + "\n")
        sys.stdout.flush()
    print("### Against the targets (medians)\n")
    print("\n".join(summary(sizes, tables)))
    if options.json:
        options.json.write_text(json.dumps({str(s): t for s, t in tables.items()}, indent=1))


if __name__ == "__main__":
    main()
