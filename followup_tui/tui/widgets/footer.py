"""Textual's footer, composed again only when the keys it shows have changed.

The footer builds a widget per key each time the screen's bindings may have changed: when the
focus moves, when a screen is shown, when a keymap is set. At start that is three times, each a
layout of the whole screen; and moving between widgets with the same keys changes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """A footer that keeps its keys while what they would show is the same."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._ready = False
        self._shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The bindings may have changed: compose again if what is shown would change."""
        self._ready = True
        super().bindings_changed(screen)

    async def show_keys(self) -> None:
        """Compose the keys now, from the screen's ``on_mount`` once the focus is set: Textual's
        footer waits for a first change of the bindings, so the screen's first frame would be
        drawn without them, and composing before the focus would be done twice."""
        done = asyncio.Event()

        async def compose() -> None:  # in the footer's own context, as composing must be
            try:
                self.bindings_changed(self.screen)
                await self.recompose()
            finally:
                done.set()

        self.call_next(compose)
        await done.wait()

    def _keys(self) -> Hashable:
        """What the footer would show now."""
        if not self._ready:
            return None
        return tuple(
            (key, binding.description, binding.action, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        """The keys as Textual's footer shows them, remembered."""
        self._shown = self._keys()
        yield from super().compose()

    async def recompose(self) -> None:
        """Compose again, unless the keys shown would be the same."""
        if not self.is_attached or (self._shown is not None and self._keys() == self._shown):
            return
        await super().recompose()
