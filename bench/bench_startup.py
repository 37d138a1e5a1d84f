"""Whole processes, timed as a person meets them, each paired with its baseline in the same run.

For 100, 1,000 and 10,000 interviews of :mod:`shape` data, five runs each (``--runs N``):

- cold start to the first full frame, in a pseudo-terminal, against a bare Textual app with one
  Static and a footer;
- settled after start: from the start until the process has used no CPU for half a second,
  which is when the search index built in the background is ready (search usable);
- peak memory (VmHWM) once settled, loaded and indexed, against the bare app's;
- ``followup today`` and ``followup search jose``, against ``python -c "import textual"``.

Prints medians with min-max and the ratio of the medians; asserts nothing.
Run: ``python bench/bench_startup.py [--sizes 100,1000] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from shape import TODAY, write

from tests.terminal import Terminal, visible

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Static("bare app ready")
        yield Footer()
Bare().run()
"""


class Process(Terminal):
    """A :class:`tests.terminal.Terminal` that runs any Python command line."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(args=[])
        self.argv = argv

    def start(self) -> Process:
        import fcntl
        import pty
        import struct
        import termios

        pid, fd = pty.fork()
        if pid == 0:
            env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
            env.update({"TERM": "xterm-256color", "COLUMNS": "", "LINES": ""})
            os.execve(sys.executable, [sys.executable, *self.argv], env)
        self.pid, self.fd = pid, fd
        columns, rows = self.size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        return self


def first_frame(argv: list[str], *shown: str) -> tuple[float, Process]:
    """Seconds from the fork until every text in ``shown`` is on screen; the live process."""
    start = time.monotonic()
    process = Process(argv).start()
    process.wait_for(
        lambda out: all(s.encode() in visible(out) for s in shown), f"{shown}", timeout=120
    )
    return time.monotonic() - start, process


def followup_argv(db: Path, *rest: str) -> list[str]:
    return ["-m", "followup_tui", "--db", str(db), "--today", TODAY.isoformat(), *rest]


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(process: Process, quiet: float = 0.5) -> None:
    """Wait until the process has used no CPU for ``quiet`` seconds."""
    last, since = cpu_seconds(process.pid), time.monotonic()
    while time.monotonic() - since < quiet:
        process.read(0.05)
        now = cpu_seconds(process.pid)
        if now != last:
            last, since = now, time.monotonic()


def app_figures(db: Path) -> tuple[float, float, int]:
    """(first frame, settled, peak KiB) for the real app over ``db``."""
    start = time.monotonic()
    frame, process = first_frame(followup_argv(db), "Commands", "Note")
    try:
        settle(process)
        usable = time.monotonic() - start - 0.5
        memory = process.peak_memory_kb()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.close()
    return frame, usable, memory


def bare_figures() -> tuple[float, int]:
    frame, process = first_frame(["-c", BARE_APP], "bare app ready", "Quit")
    try:
        process.read(0.2)
        memory = process.peak_memory_kb()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.close()
    return frame, memory


def run_seconds(argv: list[str]) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, *argv], check=True, capture_output=True)
    return time.monotonic() - start


def spread(values: list[float], unit: Callable[[float], str]) -> str:
    return f"{unit(statistics.median(values))} ({unit(min(values))}–{unit(max(values))})"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def mb(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


def ratio(a: list[float], b: list[float]) -> str:
    return f"{statistics.median(a) / statistics.median(b):.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    print(f"{os.cpu_count()} cores; {options.runs} runs per figure; median (min–max)")
    for size in (int(s) for s in options.sizes.split(",")):
        db = write(size, folder / f"followup-{size}.json")
        print(f"\n## {size} interviews ({db.stat().st_size / 1e6:.1f} MB)")
        frame, usable, memory, bare, bare_memory = [], [], [], [], []
        today, search, imports = [], [], []
        for _ in range(options.runs):
            b, bm = bare_figures()
            f, u, m = app_figures(db)
            bare.append(b)
            bare_memory.append(bm)
            frame.append(f)
            usable.append(u)
            memory.append(m)
            imports.append(run_seconds(["-c", "import textual"]))
            today.append(run_seconds(followup_argv(db, "today")))
            search.append(run_seconds(followup_argv(db, "search", "jose")))
        rows = [
            ("first full frame", spread(frame, ms), spread(bare, ms), ratio(frame, bare)),
            ("settled: search usable", spread(usable, ms), "", ""),
            (
                "peak memory",
                spread(memory, mb),
                spread(bare_memory, mb),
                ratio(memory, bare_memory),
            ),
            ("followup today", spread(today, ms), spread(imports, ms), ratio(today, imports)),
            (
                "followup search jose",
                spread(search, ms),
                spread(imports, ms),
                ratio(search, imports),
            ),
        ]
        print("| measure | followup | baseline | ratio |\n|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
