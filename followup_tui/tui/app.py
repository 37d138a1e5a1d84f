"""The followup application: it owns the store, the clock and the saving of changes."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import TextArea

from ..domain import Dataset, bindable, check_keymap
from ..search import Hit, SearchIndex
from ..store import Store, StoreError
from .commands import COMMANDS, bindings_for
from .safe_output import DropUnsafeCharacters

#: Seconds of quiet after a change before the file is written. With the note's draft pause
#: (note_screen.DRAFT_DELAY) this bounds what a crash can lose to the last ~0.6 s of typing.
SAVE_DELAY = 0.3
#: Seconds between attempts to save again after a save failed (full disk, folder gone, ...).
RETRY_DELAY = 5.0
#: The signals that end the app politely: the window closed, a kill, an interrupt.
POLITE_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


#: The app's actions on a single letter (or ?, /), which type text while an editor has focus.
_LETTER_ACTIONS = ("help", "quit", "search", "export_data", "import_data")


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
        self._retry_timer: Timer | None = None
        self.save_problem: str | None = None
        """Why the last save failed, while changes are kept only in memory; else None."""
        self._sub_title = self.sub_title
        self._safe_output = DropUnsafeCharacters()
        self.search_index: SearchIndex | None = None
        """Built in the background at start-up, then kept current by the store's listener."""
        self._index_stale = False

    def on_mount(self) -> None:
        """Apply the user's key remapping, then show the main screen."""
        from .screens.main import MainScreen

        self._apply_stored_keymap()
        self.push_screen(MainScreen())
        self._watch_hangups(True)
        self.store.subscribe(self._store_changed)
        self._build_index(self.store.dataset())

    def _apply_stored_keymap(self) -> None:
        # A keymap saved by an older followup (or edited by hand) may break a rule the settings
        # screen and import now enforce, such as Tab bound to quit: such a keymap is not applied.
        keymap = self.store.settings.keymap
        if not keymap:
            return
        problems = check_keymap(keymap, bindable(COMMANDS))
        if problems:
            self.notify(
                f"{problems[0]}. Your key remapping was not applied; fix it in the settings (,).",
                title="Keys not remapped",
                severity="warning",
                timeout=15,
            )
            return
        self.set_keymap(keymap)

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
        # Every write is saved, whoever made it: no screen has to remember to ask for it.
        self._schedule_save()
        index = self.search_index
        if index is None or table == "*":
            # Not built yet (it will be rebuilt when done), or everything changed (an import).
            self._index_stale = True
            if table == "*" and index is not None:
                self.search_index = None
                self._build_index(self.store.dataset())
            if table == "*":
                self.call_later(self._show_replaced_data)
            return
        index.apply(table, id, record)

    def _show_replaced_data(self) -> None:
        """Everything changed at once (an import): the main screen shows it afresh."""
        from .screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.reload(afresh=True)

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
        # A closed terminal window (SIGHUP), a polite kill (SIGTERM) or an interrupt sent from
        # elsewhere (SIGINT; Ctrl+C in the app is a key, not a signal) must not lose the note
        # being typed: save everything, then leave as if the user had pressed q.
        loop = asyncio.get_running_loop()
        for signum in POLITE_SIGNALS:
            try:
                if on:
                    loop.add_signal_handler(signum, self._hang_up, signum)
                else:
                    loop.remove_signal_handler(signum)
            except (AttributeError, NotImplementedError, RuntimeError, ValueError):
                pass  # no such signal here (Windows), or not the main thread

    def _hang_up(self, signum: int) -> None:
        self.save_everything()
        if self.store.dirty:
            # Nobody is there to ask: keep the changes in a file beside the user's home.
            self.export_unsaved()
        self.exit(return_code=128 + signum)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the guard that keeps user text from acting on the terminal."""
        return [*super().get_line_filters(), self._safe_output]

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

    def _schedule_save(self) -> None:
        # Called for every change the store announces: it is written once things have been
        # quiet a moment, so a burst of changes (typing, a cascade of deletes) is one save.
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
            self.call_from_thread(self._save_failed, str(error))
        else:
            # Only news after a failure; most saves need no call back (and one that ends as the
            # app closes must not leave a callback for a loop that is gone).
            if self.save_problem is not None:
                self.call_from_thread(self._save_worked)

    def save_now(self) -> bool:
        """Write pending changes at once (on quit); False, after saying why, if that failed."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            self.store.flush()
        except StoreError as error:
            self._save_failed(str(error))
            return False
        self._save_worked()
        return True

    def _save_failed(self, problem: str) -> None:
        # The changes stay in memory (the store keeps them dirty); say so where the eye is, in
        # the header and in a toast, and try again in a while.
        first = self.save_problem is None
        self.save_problem = problem
        self.sub_title = f"NOT SAVED: {problem}"
        if first:
            self.notify(
                f"{problem}. Your changes are kept in memory; followup tries again every "
                f"{RETRY_DELAY:.0f} s, and asks before you quit.",
                title="Not saved",
                severity="error",
                timeout=10,
            )
        if self._retry_timer is None:
            self._retry_timer = self.set_timer(RETRY_DELAY, self._retry_save)

    def _retry_save(self) -> None:
        self._retry_timer = None
        self._save_in_background()

    def _save_worked(self) -> None:
        if self.save_problem is None:
            return
        self.save_problem = None
        self.sub_title = self._sub_title
        self.notify("Everything is saved again.", title="Saved")

    def export_unsaved(self) -> Path | None:
        """Write everything to a private file in the home folder; its path, or None on failure.

        The way out when the database cannot be written: the file is the usual export, which
        ``followup import`` reads back.
        """
        from ..interop import export_json
        from ..store import atomic_write

        path = Path.home() / f"followup-unsaved-{datetime.now():%Y%m%d-%H%M%S}.json"
        try:
            atomic_write(path, export_json(self.store.dataset()))
        except OSError:
            return None
        return path

    # Actions ------------------------------------------------------------------------------------

    def editing_text(self) -> bool:
        """True while a text editor has focus, so single letters type rather than act."""
        return isinstance(self.focused, TextArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide single-letter app keys while the note editor has focus (they type text there)."""
        if action in _LETTER_ACTIONS and self.editing_text():
            return False
        # In a form or dialog, q must not throw away what was typed: Esc closes those. A modal
        # screen that holds nothing of the user's (the search) says so with QUIT_IS_SAFE.
        screen = self.screen
        return not (
            action == "quit"
            and isinstance(screen, ModalScreen)
            and not getattr(screen, "QUIT_IS_SAFE", False)
        )

    def action_export_data(self) -> None:
        """Export the data to a file, saying where it wrote."""
        from .screens.transfer import ExportDialog

        self.push_screen(ExportDialog(), self._transferred)

    def action_import_data(self) -> None:
        """Import a file after showing what it would do."""
        from .screens.transfer import ImportDialog

        self.push_screen(ImportDialog(), self._transferred)

    def _transferred(self, done: str | None) -> None:
        if done:
            self.notify(done, title="Done", timeout=8)

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
        """Save, then leave; if saving fails, ask before leaving the changes behind."""
        self.save_everything()
        if not self.store.dirty:
            self.exit()
            return
        from textual.content import Content

        from .screens.confirm import ConfirmDialog

        if isinstance(self.screen, ConfirmDialog):
            return  # already asking
        dialog = ConfirmDialog(
            "Quit without saving your latest changes?",
            Content(
                f"{self.save_problem or 'The database could not be written'}. "
                "They are only in memory: quitting now loses them unless you export them."
            ),
            confirm_label="Quit",
            option=f"First export everything to a file in {Path.home()}",
            option_value=True,
        )

        def answered(quit_anyway: bool | None) -> None:
            if not quit_anyway:
                return
            if dialog.option_checked:
                path = self.export_unsaved()
                if path is None:
                    self.notify(
                        f"Could not write the export to {Path.home()} either; still here, "
                        "with your changes in memory.",
                        title="Not exported",
                        severity="error",
                    )
                    return
                self.exit(
                    return_code=1,
                    message=Text(f"followup: your unsaved changes were exported to {path}"),
                )
                return
            self.exit(return_code=1)

        self.push_screen(dialog, answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists every action of the table that applies on this screen (a screen
        names its scope in ``SCOPE``); where the screen has its own Quit, that one, not the app's.
        """
        scope = getattr(screen, "SCOPE", None)
        own = [c for c in COMMANDS if c.scope == scope and c.palette]
        taken = {c.description for c in own}
        for command in COMMANDS:
            if command.scope == "app" and command.palette and command.description not in taken:
                yield SystemCommand(
                    command.description, command.help, partial(self.run_action, command.action)
                )
        for command in own:
            yield SystemCommand(
                command.description,
                command.help,
                partial(self.run_action, f"screen.{command.action}"),
            )
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
