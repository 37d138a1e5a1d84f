"""Reading what a person would see: the screen as plain text lines."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App[object]) -> str:
    """The whole current screen as plain text, one line per terminal row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def widget_text(app: App[object], selector: str) -> str:
    """The plain text of one Static on the current screen, without wrapping or borders."""
    from textual.widgets import Static

    content = app.screen.query_one(selector, Static).content
    return getattr(content, "plain", str(content))


def notices(app: App[object]) -> str:
    """Every notification shown so far, as one text (title: message per line)."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)
