"""The followup application: it owns the store, the clock and the saving of changes."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import SystemCommand
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widgets import TextArea

from ..domain import Dataset, bindable, check_keymap
from ..store import Store
from . import collector
from .commands import COMMANDS, bindings_for
from .safe_output import DropUnsafeCharacters
from .saving import Saving

if TYPE_CHECKING:
    from ..domain import Company, Contact, Interview
    from ..search import Hit, LongWords, Numbering, SearchIndex

#: The signals that end the app politely: the window closed, a kill, an interrupt.
POLITE_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
#: Interviews up to which the search index is built from the start, alongside the first frame
#: (under 50 ms), and whole; with more, it is built once the first frame is drawn, in two steps:
#: the short fields first (names, titles, companies, roles, tags), then the long ones.
INDEX_AT_ONCE = 250
#: Seconds without a key or a click before the held full garbage collection may run (see
#: collector): a pause in the typing, not between two keys.
IDLE_BEFORE_COLLECTING = 2.0
#: Seconds between looks at whether that moment has come.
COLLECT_CHECK = 0.5


#: The app's actions on a single letter (or ?, /), which type text while an editor has focus.
_LETTER_ACTIONS = ("help", "quit", "search", "export_data", "import_data")


class FollowupApp(Saving):
    """The Textual application; one instance per run, over one open store."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"
    BINDINGS = bindings_for("app")

    def __init__(self, store: Store, *, today: date, demo: bool = False) -> None:
        super().__init__(store)
        self.today = today
        self.demo = demo
        self.sub_title = ("demo data" if demo else str(store.path)) + f" · {today:%a %d %b %Y}"
        self._sub_title = self.sub_title
        self._safe_output = DropUnsafeCharacters()
        self.search_index: SearchIndex | None = None
        """Built in the background at start-up, then kept current by the store's listener."""
        self._index_stale = False
        self._long_stale = False  # changed since the long fields' words were asked for
        self._last_input = time.monotonic()
        self._holding_collections = False
        self._settled = False

    def get_default_screen(self) -> Screen[None]:
        """The main screen, first on the stack: composed with the app, and drawn whole in the
        first frame (a screen pushed on mount is laid out inside the app's start-up batch,
        whose frame Textual drops, so the first frame drawn was only part of the screen)."""
        from .screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        """Apply the user's key remapping; index once the main screen is drawn."""
        self._apply_stored_keymap()
        self._watch_hangups(True)
        self.store.subscribe(self._store_changed)
        collector.hold_full_collections()
        self._holding_collections = True
        self.set_interval(COLLECT_CHECK, self._collect_garbage, name="collect garbage")
        if len(self.store.interviews) <= INDEX_AT_ONCE:
            # A few milliseconds' work: ready by the first frame, so a search right away
            # answers at once. The search package is loaded here, not in the thread: its first
            # import is most of the work.
            from .. import search  # noqa: F401

            self._start_index()
        else:
            # After the first frame: a thread started now would take turns with the UI thread
            # (there is one interpreter lock), and the first frame would wait for its turns.
            self.call_after_refresh(self._start_index)

    def _start_index(self) -> None:
        self._index_stale = False  # built from the data as it is now, whatever changed before
        self._build_index(self.store.dataset(), whole=len(self.store.interviews) <= INDEX_AT_ONCE)

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

    # A description, or Textual writes one from the arguments' repr: a second at 10,000 interviews.
    @work(thread=True, exclusive=True, group="index", description="build the search index")
    def _build_index(self, data: Dataset, whole: bool) -> None:
        from ..search import SearchIndex

        # From a snapshot: the store's own mappings may change on the UI thread meanwhile. Only
        # young collections run meanwhile, and the index is frozen once built (see collector).
        # Unless whole, only the short fields: searchable by name sooner (about half the work).
        with collector.building():
            index = SearchIndex.build(*_by_id(data), long=whole)
        self.call_from_thread(self._index_built, index, data)

    def _index_built(self, index: SearchIndex, data: Dataset) -> None:
        if self._index_stale:  # something changed while it was being built
            self._start_index()
            return
        self.search_index = index
        if index.names_only:  # the data is as the snapshot was: number its long fields by it
            self._long_stale = False
            # After the next frame: a search waiting for the index is answered and drawn
            # first, without the notes' thread taking turns with it.
            self.call_after_refresh(self._index_long, index, data, index.numbering())
        self._tell_search()

    @work(thread=True, exclusive=True, group="index-long", description="index the notes")
    def _index_long(self, index: SearchIndex, data: Dataset, numbers: Numbering) -> None:
        from ..search import SearchIndex

        with collector.building():
            vocab = SearchIndex.long_vocabulary(*_by_id(data), numbers)
        self.call_from_thread(self._long_indexed, index, vocab)

    def _long_indexed(self, index: SearchIndex, vocab: LongWords) -> None:
        if index is not self.search_index:
            return  # replaced meanwhile (an import): that one indexes its own
        if self._long_stale:  # an edit since the snapshot: the numbers or words may be off
            self._long_stale = False
            self._index_long(index, self.store.dataset(), index.numbering())
            return
        index.take_long(vocab)
        self._tell_search()

    def _tell_search(self) -> None:
        """A search screen that waits for the index (or for its notes) runs again at once."""
        for screen in self.screen_stack:
            changed = getattr(screen, "search_index_changed", None)
            if changed is not None:
                changed()

    def _store_changed(self, table: str, id: str, record: object | None) -> None:
        # Every write is saved, whoever made it: no screen has to remember to ask for it.
        self._schedule_save()
        index = self.search_index
        if table == "*":  # everything changed (an import): show it, and index it afresh
            self.call_later(self._show_replaced_data)
            if index is not None:
                self.search_index = None
                self._start_index()
                return
        if index is None:  # not built yet: built again once done
            self._index_stale = True
            return
        index.apply(table, id, record)
        self._long_stale = True  # (matters only while the long fields are being indexed)

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
        """Leave the signals and the garbage collector as they were."""
        self._watch_hangups(False)
        if self._holding_collections:
            self._holding_collections = False
            collector.release()

    async def on_event(self, event: events.Event) -> None:
        """Note when the user last pressed a key or used the mouse, then handle the event."""
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _collect_garbage(self) -> None:
        idle = time.monotonic() - self._last_input >= IDLE_BEFORE_COLLECTING
        if idle and not self._settled:
            self._settled = True
            collector.settle()  # once, for what the start built
        else:
            collector.collect_if_due(idle)

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


def _by_id(
    data: Dataset,
) -> tuple[dict[str, Company], dict[str, Interview], dict[str, Contact]]:
    """The snapshot's companies, interviews and contacts, each by id, as the index takes them."""
    return (
        {c.id: c for c in data.companies},
        {i.id: i for i in data.interviews},
        {c.id: c for c in data.contacts},
    )
