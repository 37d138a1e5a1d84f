"""Cold start to the first full frame, and peak memory, against a bare Textual app.

The real app is started in a pseudo-terminal over a copy of the data; its first full frame is
when the footer ("Commands") and the note pane's title ("Note") have both been drawn, timed from
the fork. The bare app is a Textual app with one Static and a footer, timed the same way, to
"bare app ready" and "Quit". Peak memory is Linux's VmHWM of the process (its high-water mark of
resident memory), read before it is killed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness import Process, followup_argv, shows, wait_for

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


@dataclass
class Launched:
    """A live app and the seconds from its fork to its first full frame."""

    process: Process
    frame: float


def launch(db: Path, env: dict[str, str], argv: list[str] | None = None) -> Launched:
    """Start followup over ``db`` (or ``argv``, a wrapper of it); wait for its first frame."""
    process = Process(argv or followup_argv(db), env).start()
    try:
        shown = wait_for(process, shows("Commands", "Note"), "first frame", 300)
    except BaseException:
        process.kill()
        raise
    return Launched(process, shown - process.started)


def bare(env: dict[str, str]) -> tuple[float, int]:
    """(seconds to the first full frame, peak KiB) of the bare app."""
    process = Process(["-c", BARE_APP], env).start()
    try:
        shown = wait_for(process, shows("bare app ready", "Quit"), "bare app", 60)
        process.read(0.2)
        return shown - process.started, process.peak_memory_kb()
    finally:
        process.kill()
