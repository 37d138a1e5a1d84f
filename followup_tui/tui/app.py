"""The followup application: it owns the store, the clock and the saving of changes."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from datetime import date
from functools import partial

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import TextArea

from ..store import Store, StoreError
from .commands import COMMANDS, bindings_for

#: Seconds of quiet after a change before the file is written.
SAVE_DELAY = 1.0


class FollowupApp(App[None]):
    """The Textual application; one instance per run, over one open store."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"
    BINDINGS = bindings_for("app")

    def __init__(self, store: Store, *, today: date, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.demo = demo
        self.sub_title = ("demo data" if demo else str(store.path)) + f" · {today:%a %d %b %Y}"
        self._save_timer: Timer | None = None

    def on_mount(self) -> None:
        """Apply the user's key remapping, then show the main screen."""
        from .screens.main import MainScreen

        if self.store.settings.keymap:
            self.set_keymap(self.store.settings.keymap)
        self.push_screen(MainScreen())
        self._watch_hangups(True)

    def on_unmount(self) -> None:
        """Leave the signals as they were."""
        self._watch_hangups(False)

    def _watch_hangups(self, on: bool) -> None:
        # A closed terminal window (SIGHUP) or a polite kill (SIGTERM) must not lose the note
        # being typed: save everything, then leave as if the user had pressed q.
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                if on:
                    loop.add_signal_handler(signum, self._hang_up)
                else:
                    loop.remove_signal_handler(signum)
            except (AttributeError, NotImplementedError, RuntimeError, ValueError):
                pass  # no such signal here (Windows), or not the main thread

    def _hang_up(self) -> None:
        self.save_everything()
        self.exit(return_code=1)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Show a notification; never as markup, since messages quote names, notes and paths."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # Saving -------------------------------------------------------------------------------------

    def changed(self) -> None:
        """Note that the store changed: it is written once things have been quiet a moment."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_in_background)

    def _save_in_background(self) -> None:
        self._save_timer = None
        self.run_worker(self._write_store, thread=True, group="save", exclusive=False)

    def _write_store(self) -> None:
        try:
            self.store.flush()
        except StoreError as error:
            self.call_from_thread(self.notify, str(error), title="Not saved",
                                  severity="error", timeout=10)

    def save_now(self) -> None:
        """Write pending changes at once (on quit)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            self.store.flush()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)

    # Actions ------------------------------------------------------------------------------------

    def editing_text(self) -> bool:
        """True while a text editor has focus, so single letters type rather than act."""
        return isinstance(self.focused, TextArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide single-letter app keys while the note editor has focus (they type text there)."""
        if action in ("help", "quit") and self.editing_text():
            return False
        # In a form or dialog, q must not throw away what was typed: Esc closes those.
        return not (action == "quit" and isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        """Show every key."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def save_everything(self) -> None:
        """Keep every open note as a draft and write the store."""
        for screen in self.screen_stack:
            save = getattr(screen, "save_draft_now", None)
            if save is not None:
                save()
        self.save_now()

    async def action_quit(self) -> None:
        """Save, then leave."""
        self.save_everything()
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists every action of the table that applies on this screen."""
        scope = getattr(screen, "SCOPE", None)
        for command in COMMANDS:
            if command.scope == "app" and command.id != "app.palette":
                yield SystemCommand(command.description, command.help,
                                    partial(self.run_action, command.action))
            elif command.scope == scope:
                yield SystemCommand(command.description, command.help,
                                    partial(self.run_action, f"screen.{command.action}"))
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
