"""A screen's breakpoint class set before its first layout, not after it.

Textual gives a screen the class of its width (``HORIZONTAL_BREAKPOINTS``) on the first resize,
which comes after a first layout: the class then restyles the whole screen and lays it out
again, and the first frame shows a layout that is gone a moment later (30 ms more at start).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def preset_breakpoints(screen: Screen[Any]) -> None:
    """Give ``screen`` the breakpoint class of the terminal's width now (call it in compose)."""
    points = screen.HORIZONTAL_BREAKPOINTS or screen.app.HORIZONTAL_BREAKPOINTS or []
    width = screen.app.size.width
    chosen = next((name for at, name in sorted(points, reverse=True) if width >= at), None)
    for _, name in points:
        screen.set_class(name == chosen, name)
