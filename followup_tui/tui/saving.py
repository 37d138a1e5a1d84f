"""Saving what the store announces: after a moment of quiet, in a worker thread, retried after a
failure, at once on quit; and the way out when the file cannot be written.

No screen asks for a save: the store tells its listeners about every change, and the app's
listener calls :meth:`Saving._schedule_save` (see ``FollowupApp._store_changed``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.timer import Timer

from ..store import Store, StoreError

#: Seconds of quiet after a change before the file is written. With the note's draft pause
#: (note_screen.DRAFT_DELAY) this bounds what a crash can lose to the last ~0.6 s of typing.
SAVE_DELAY = 0.3
#: Seconds between attempts to save again after a save failed (full disk, folder gone, ...).
RETRY_DELAY = 5.0


class Saving(App[None]):
    """The app's saving of its one store; :class:`~followup_tui.tui.app.FollowupApp` is one."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._sub_title = ""
        self.save_problem: str | None = None
        """Why the last save failed, while changes are kept only in memory; else None."""

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

    def save_everything(self) -> None:
        """Keep every open note as a draft and write the store."""
        for screen in self.screen_stack:
            save = getattr(screen, "save_draft_now", None)
            if save is not None:
                save()
        self.save_now()
