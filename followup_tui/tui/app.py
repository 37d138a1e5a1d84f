"""The followup application: it owns the store, the clock and the saving of changes."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable
from datetime import date
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import TextArea

from ..model import Dataset
from ..search import Hit, SearchIndex
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
        self.search_index: SearchIndex | None = None
        """Built in the background at start-up, then kept current by the store's listener."""
        self._index_stale = False

    def on_mount(self) -> None:
        """Apply the user's key remapping, then show the main screen."""
        from .screens.main import MainScreen

        if self.store.settings.keymap:
            self.set_keymap(self.store.settings.keymap)
        self.push_screen(MainScreen())
        self._watch_hangups(True)
        self.store.subscribe(self._store_changed)
        self._build_index(self.store.dataset())

    # Search index -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, data: Dataset) -> None:
        # From a snapshot: the store's own mappings may change on the UI thread meanwhile.
        index = SearchIndex.build(
            {c.id: c for c in data.companies},
            {i.id: i for i in data.interviews},
            {c.id: c for c in data.contacts},
        )
        self.call_from_thread(self._index_built, index)

    def _index_built(self, index: SearchIndex) -> None:
        self.search_index = index
        # The records and the index live as long as the app: keep the garbage collector from
        # walking them again on every full collection (a 0.3-0.5 s stall at 50,000 records).
        gc.freeze()
        if self._index_stale:  # something changed while it was being built
            self._index_stale = False
            self.search_index = None
            self._build_index(self.store.dataset())

    def _store_changed(self, table: str, id: str, record: object | None) -> None:
        index = self.search_index
        if index is None or table == "*":
            # Not built yet (it will be rebuilt when done), or everything changed (an import).
            self._index_stale = True
            if table == "*" and index is not None:
                self.search_index = None
                self._build_index(self.store.dataset())
            return
        index.apply(table, id, record)

    def action_search(self) -> None:
        """Open the search; Enter there jumps to the person or interview on the main screen."""
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                self._go_to(hit)

        self.push_screen(SearchScreen(), chosen)

    def _go_to(self, hit: Hit) -> None:
        from .screens.main import MainScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()
        main = self.screen
        if not isinstance(main, MainScreen):
            return
        if hit.kind == "interview":
            main.select(hit.id, None)
            return
        panels = [i for i in self.store.interviews.values() if hit.id in i.people]
        panels.sort(key=lambda i: i.last_round or date.min)
        main.select(panels[-1].id if panels else None, hit.id)

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

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
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
            self.call_from_thread(
                self.notify, str(error), title="Not saved", severity="error", timeout=10
            )

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
        if action in ("help", "quit", "search") and self.editing_text():
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
                yield SystemCommand(
                    command.description, command.help, partial(self.run_action, command.action)
                )
            elif command.scope == scope:
                yield SystemCommand(
                    command.description,
                    command.help,
                    partial(self.run_action, f"screen.{command.action}"),
                )
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
