"""Reading what a person would see, and waiting for it: the screen as plain text lines."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen


def screen_text(app: App[Any]) -> str:
    """The whole current screen as plain text, one line per terminal row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def widget_text(app: App[Any], selector: str) -> str:
    """The plain text of one Static on the current screen, without wrapping or borders."""
    from textual.widgets import Static

    content = app.screen.query_one(selector, Static).content
    return getattr(content, "plain", str(content))


def notices(app: App[Any]) -> str:
    """Every notification shown so far, as one text (title: message per line)."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, timeout: float = 10.0
) -> None:
    """Let the app run until ``condition()`` is true; fail naming ``what`` after ``timeout`` s.

    Timers, workers and other threads finish when they finish: a test waits for what it needs
    to see, never for a guessed number of seconds.
    """
    deadline = monotonic() + timeout
    while not condition():
        if monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await pilot.pause()


S = TypeVar("S", bound=Screen[Any])


def current(app: App[Any], kind: type[S]) -> S:
    """The current screen, checked to be a ``kind`` (and typed as one)."""
    screen = app.screen
    assert isinstance(screen, kind), f"expected {kind.__name__}, got {type(screen).__name__}"
    return screen
