"""Running the real `followup` in a pseudo-terminal, as a person's terminal would.

Used by the tests that scan what reaches the terminal, and by the benchmarks that time a whole
process. Linux and macOS only (the ``pty`` module).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from followup_tui.domain.text import UNSAFE_OUTPUT

#: Keys as a terminal sends them.
CTRL_Q = b"\x11"
ESC = b"\x1b"
ENTER = b"\r"
TAB = b"\t"


def bracketed_paste(text: str) -> bytes:
    """What a terminal sends when ``text`` is pasted (the app turns bracketed paste on)."""
    return b"\x1b[200~" + text.encode("utf-8") + b"\x1b[201~"


@dataclass
class Terminal:
    """One `followup` process on a pseudo-terminal of ``size`` (columns, rows)."""

    args: list[str]
    size: tuple[int, int] = (120, 35)
    env: dict[str, str] = field(default_factory=dict)
    output: bytearray = field(default_factory=bytearray)
    pid: int = 0
    fd: int = -1
    status: int | None = None
    """The exit status (as from os.waitpid), once the process has ended."""

    def start(self) -> Terminal:
        """Fork the process onto a new pseudo-terminal."""
        pid, fd = pty.fork()
        if pid == 0:  # the child: become followup
            env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
            env.update({"TERM": "xterm-256color", "COLUMNS": "", "LINES": ""}, **self.env)
            os.execve(sys.executable, [sys.executable, "-m", "followup_tui", *self.args], env)
        self.pid, self.fd = pid, fd
        columns, rows = self.size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        return self

    def read(self, seconds: float) -> None:
        """Collect what the process writes for up to ``seconds``."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.status is None:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready and not self._read_once():
                self._reap()

    def _read_once(self) -> bool:
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # the process is gone and the terminal closed
            return False
        self.output += chunk
        return bool(chunk)

    def _reap(self) -> None:
        _, self.status = os.waitpid(self.pid, 0)

    def wait_for(
        self, condition: Callable[[bytes], bool], what: str, timeout: float = 20.0
    ) -> float:
        """Read until ``condition(output)`` holds; return the seconds it took, or fail."""
        start = time.monotonic()
        while not condition(bytes(self.output)):
            if time.monotonic() - start > timeout or self.status is not None:
                raise AssertionError(f"no {what} after {time.monotonic() - start:.1f} s")
            self.read(0.05)
        return time.monotonic() - start

    def shows(self, text: str, timeout: float = 20.0) -> float:
        """Wait until ``text`` has been drawn (plain, as the app writes it between styles)."""
        return self.wait_for(lambda out: text.encode("utf-8") in visible(out), repr(text), timeout)

    def send(self, data: bytes, settle: float = 0.3) -> None:
        """Type or paste ``data``, then let the app draw for ``settle`` seconds.

        A big paste goes in pieces, reading the app's output between them: a terminal whose
        output nobody reads stops the app, which then stops reading its input.
        """
        view = memoryview(data)
        while view and self.status is None:
            readable, writable, _ = select.select([self.fd], [self.fd], [], 0.05)
            if readable and not self._read_once():
                self._reap()
            if writable:
                view = view[os.write(self.fd, view[:4096]) :]
        self.read(settle)

    def end(self, timeout: float = 20.0) -> float:
        """Wait for the process to end by itself; return the seconds it took."""
        start = time.monotonic()
        while self.status is None:
            if time.monotonic() - start > timeout:
                os.kill(self.pid, signal.SIGKILL)
                self._reap()
                raise AssertionError(f"followup did not end within {timeout} s")
            self.read(0.05)
        return time.monotonic() - start

    def peak_memory_kb(self) -> int:
        """The process's peak resident memory so far, in KiB (Linux's VmHWM).

        Not the rusage of the ended child: a child forked from a big test process counts the
        parent's pages until it execs, and that would be measured instead of followup.
        """
        status = Path(f"/proc/{self.pid}/status").read_text(encoding="ascii")
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        assert match is not None, "no VmHWM in /proc: not Linux?"
        return int(match.group(1))

    def close(self) -> None:
        """Make sure nothing is left running."""
        if self.status is None and self.pid:
            os.kill(self.pid, signal.SIGKILL)
            self._reap()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


_SGR = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def visible(output: bytes) -> bytes:
    """The output without its colour and cursor sequences, for finding drawn text."""
    return _SGR.sub(b"", output)


#: Escape sequences the app itself writes that are not CSI: OSC 22 (the mouse pointer's shape).
OWN_OSC = (b"\x1b]22;",)


def foreign_controls(output: bytes) -> list[str]:
    """Every control sequence or character in ``output`` that the app does not write itself.

    CSI sequences (colours, cursor moves, modes) are the app's drawing; anything else that
    starts with ESC, any other C0 or C1 control, bidi controls and line or paragraph separators
    can only have come from user text.
    """
    found: list[str] = []
    rest = _SGR.sub(b"", output)
    for match in re.finditer(rb"\x1b[^\[]", rest):
        start = match.start()
        if not any(rest.startswith(own, start) for own in OWN_OSC):
            found.append(repr(rest[start : start + 20]))
    text = rest.decode("utf-8", "replace")
    # ESC was checked above; CR, BEL (the end of OSC 22) and BS are the app's own drawing.
    found += [f"U+{ord(c):04X}" for c in UNSAFE_OUTPUT.findall(text) if c not in "\x1b\r\x07\x08"]
    return found


def demo_database(folder: Path) -> Path:
    """A database file holding the demo data, made the way a user would (export, import)."""
    import subprocess

    db = folder / "followup.json"
    export = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--demo", "--today", "2026-11-26", "export"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), "import", "-"],
        input=export,
        capture_output=True,
        check=True,
    )
    return db
