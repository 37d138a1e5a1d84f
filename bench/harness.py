"""What every benchmark shares: processes in a pseudo-terminal, keystrokes timed to their last
frame, cached data files, and figures summarised as median (min–max).

A :class:`Process` runs any Python command line on a pseudo-terminal of 120×35 and records when
each chunk of output arrived. It answers Textual's question whether the terminal supports
synchronized output (DECRQM 2026) with yes, as kitty, WezTerm, iTerm2, foot and recent VTE do:
Textual then wraps every frame in ``ESC[?2026h`` … ``ESC[?2026l``, so the bench can count the
frames a key caused and see when the last one was fully written. Every process started here gets
its own XDG folders under the bench's temp dir, so nothing reaches the user's files.
"""

from __future__ import annotations

import functools
import hashlib
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from shape import TODAY as TODAY  # noqa: E402  (re-exported for the measures)
from shape import write  # noqa: E402

from tests.terminal import Terminal  # noqa: E402
from tests.terminal import visible as visible  # noqa: E402

#: Where generated data files are kept between runs, keyed by size, seed and shape.py itself.
CACHE = Path(tempfile.gettempdir()) / "followup-bench-cache"
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_YES = b"\x1b[?2026;2$y"
FRAME_END = b"\x1b[?2026l"


@functools.cache
def compile_followup() -> None:
    """Compile followup's modules to bytecode, as pip does when it installs the wheel.

    The bench runs followup from its source tree, where nothing may have compiled it yet; and
    where ``PYTHONDONTWRITEBYTECODE`` is set (it is on the machines this was written on), no
    start ever writes the bytecode, so every start would compile every module again (about
    60 ms of a cold start) while Textual's modules, installed by pip, are compiled once.
    Done once per bench process (every process it starts runs the same tree).
    """
    import compileall

    compileall.compile_dir(HERE.parent / "followup_tui", quiet=1)


def bench_env(folder: Path) -> dict[str, str]:
    """The environment of every process the bench starts: private XDG folders, no FOLLOWUP_DB,
    and followup's modules compiled (:func:`compile_followup`)."""
    compile_followup()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "FOLLOWUP", "XDG_"))}
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        path = folder / "xdg" / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(path)
    env.update({"TERM": "xterm-256color", "COLUMNS": "", "LINES": ""})
    return env


class Process(Terminal):
    """A :class:`tests.terminal.Terminal` that runs any Python command line and times its output.

    ``chunks`` holds (arrival time, end offset in ``output``) for every read, in
    :func:`time.monotonic` seconds, which are comparable across processes on one machine.
    """

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        super().__init__(args=[])
        self.argv = argv
        self.env = env
        self.chunks: list[tuple[float, int]] = []
        self.started = 0.0

    def start(self) -> Process:
        import fcntl
        import pty
        import struct
        import termios

        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(sys.executable, [sys.executable, *self.argv], self.env)
        self.pid, self.fd = pid, fd
        columns, rows = self.size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        return self

    def _read_once(self) -> bool:
        before = len(self.output)
        if not super()._read_once():
            return False
        self.chunks.append((time.monotonic(), len(self.output)))
        # The query may straddle two reads: look a little behind the new chunk.
        if SYNC_QUERY in self.output[max(0, before - len(SYNC_QUERY)) :]:
            os.write(self.fd, SYNC_YES)
        return True

    def quiet_for(self, seconds: float, timeout: float = 30.0) -> None:
        """Read until nothing has arrived for ``seconds`` (or ``timeout`` passed)."""
        end = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < end and self.status is None:
            left = seconds - (time.monotonic() - last)
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                if not self._read_once():
                    self._reap()
                last = time.monotonic()

    def kill(self) -> None:
        """End the process at once, whatever it is doing."""
        if self.status is None and self.pid:
            os.kill(self.pid, signal.SIGKILL)
        self.close()


@dataclass(frozen=True)
class Keystroke:
    """One key and what it drew: seconds to the end of the first frame and of the last one
    before the output went quiet, and how many frames that was."""

    first: float
    done: float
    frames: int


def keystroke(process: Process, key: bytes, quiet: float = 0.1, timeout: float = 10.0) -> Keystroke:
    """Write ``key`` and time the frames it causes, until no output for ``quiet`` seconds.

    The screen is drained first (no output for ``quiet``), so what follows is the key's doing.
    ``done`` is the arrival of the last chunk, not the end of the quiet wait.
    """
    process.quiet_for(quiet)
    start_offset = len(process.output)
    start_chunk = len(process.chunks)
    sent = time.monotonic()
    os.write(process.fd, key)
    process.quiet_for(quiet, timeout)
    new = process.chunks[start_chunk:]
    if not new:
        return Keystroke(float("nan"), float("nan"), 0)
    first = done = new[-1][0]
    frames = 0
    seen = start_offset
    for arrived, end in new:
        count = process.output.count(FRAME_END, max(start_offset, seen - len(FRAME_END) + 1), end)
        if count and not frames:
            first = arrived
        frames += count
        seen = end
    return Keystroke(first - sent, done - sent, frames)


def wait_for(
    process: Process, condition: Callable[[bytes], bool], what: str, timeout: float
) -> float:
    """Monotonic time at which ``condition(visible output)`` first held; fail after ``timeout``."""
    end = time.monotonic() + timeout
    while not condition(visible(bytes(process.output))):
        if time.monotonic() > end or process.status is not None:
            raise RuntimeError(f"no {what}: {stuck(process, timeout)}")
        process.read(0.01)
    return process.chunks[-1][0] if process.chunks else time.monotonic()


def stuck(process: Process, timeout: float) -> str:
    """Why a wait failed: the process ended, or the time ran out; and the end of what it drew."""
    text = visible(bytes(process.output[-4000:])).decode(errors="replace")
    drawn = " ".join(text.split())[-300:]
    if process.status is not None:
        return f"the process ended (status {process.status}); its last words: {drawn}"
    return f"nothing after {timeout:.0f} s; last drawn: {drawn}"


def shows(*texts: str) -> Callable[[bytes], bool]:
    """A condition: every text in ``texts`` has been drawn."""
    return lambda out: all(t.encode() in out for t in texts)


def followup_argv(db: Path, *rest: str) -> list[str]:
    """``python -m followup_tui`` over ``db``, on the data's own day."""
    return ["-m", "followup_tui", "--db", str(db), "--today", TODAY.isoformat(), *rest]


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(process: Process, quiet: float = 0.5, timeout: float = 300.0) -> float:
    """Wait until the process has used no CPU for ``quiet`` seconds; the time it last did."""
    last, since = cpu_seconds(process.pid), time.monotonic()
    end = time.monotonic() + timeout
    while time.monotonic() - since < quiet and time.monotonic() < end:
        process.read(0.05)
        now = cpu_seconds(process.pid)
        if now != last:
            last, since = now, time.monotonic()
    return since


def run_seconds(argv: Sequence[str], env: dict[str, str]) -> float:
    """Wall time of a whole ``python argv`` process, which must succeed."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, *argv], capture_output=True, env=env)
    if done.returncode:
        said = done.stderr.decode(errors="replace").strip().splitlines() or ["(nothing)"]
        raise RuntimeError(f"{' '.join(argv)} ended with {done.returncode}: {said[-1]}")
    return time.monotonic() - start


def data_file(size: int, seed: int = 7, backlog: bool = False) -> Path:
    """The :mod:`shape` data for ``size`` interviews, generated once and kept in :data:`CACHE`.

    The key includes a hash of shape.py, so a changed generator makes new files. Never open the
    cached file itself with the app (it saves into its file): use :func:`scratch_copy`.
    """
    digest = hashlib.sha256((HERE / "shape.py").read_bytes()).hexdigest()[:8]
    name = f"shape-{size}-seed{seed}{'-backlog' if backlog else ''}-{digest}.json"
    path = CACHE / name
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = CACHE / f".{name}.{os.getpid()}"
        write(size, partial, seed=seed, backlog=backlog)
        partial.replace(path)
        for leftover in CACHE.glob(f".{name}.{os.getpid()}*"):
            leftover.unlink()  # the lock file the store left beside the partial file
    return path


def scratch_copy(db: Path, folder: Path) -> Path:
    """A fresh copy of ``db`` in its own folder under ``folder``, for one session to change."""
    target = Path(tempfile.mkdtemp(dir=folder)) / "followup.json"
    shutil.copyfile(db, target)
    return target


def spread(values: Sequence[float], unit: Callable[[float], str]) -> str:
    """``median (min–max)`` in ``unit``; one value alone; a dash for none."""
    values = [v for v in values if v == v]  # NaN: a figure that could not be taken
    if not values:
        return "—"
    if len(values) == 1:
        return unit(values[0])
    return f"{unit(statistics.median(values))} ({unit(min(values))}–{unit(max(values))})"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def mb(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


def times(value: float) -> str:
    return f"{value:.2f}×" if value < 10 else f"{value:.1f}×"
