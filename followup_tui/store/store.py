"""The data file, open: model objects go in and come out, and saving is crash-safe.

A :class:`Store` holds the whole data file in memory, as model objects. Changes are cheap (no
disk I/O) and reach the disk only on :meth:`Store.flush`, which the app calls from a worker
thread; see :mod:`followup_tui.store.document` for how a save writes only what changed,
:mod:`followup_tui.store.storage` for how it survives a crash, and
:mod:`followup_tui.store.schema` for the file's shape (TinyDB's), versions and migrations. A
current file is read straight into the model (:mod:`followup_tui.store.loaded`); any other is read
through TinyDB (:mod:`followup_tui.store.checked`).

While a store is open for writing, a lock file (``followup.json.lock``) keeps a second followup
from opening the same file; the OS drops the lock if the process dies. The lock and every save go
to the real file behind any symlink, and a file with another hard link, or a read-only one, is
refused for writing: see :mod:`followup_tui.store.file` for why that gives one writer per file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

import filelock

from ..domain import (
    Company,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Template,
    paused_gc,
)
from .document import Document
from .file import StoreError, StoreLocked, load, locate, reason, take_lock
from .loaded import Loaded
from .schema import MIGRATIONS, SCHEMA_VERSION, TABLES
from .storage import remove_stale_temps

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "StoreLocked"]

Record = Company | Interview | Contact | Template
#: Told of every change: (table name, record id, the record or None when deleted).
Listener = Callable[[str, str, object | None], None]
_TABLE_OF: dict[type[Any], str] = {kind: name for name, kind in TABLES.items()}


class Store:
    """An open data file. Open with :meth:`open`; use as a context manager or call :meth:`close`.

    Reads return frozen model objects. Mutations hold the document's lock, so :meth:`flush` may
    run on another thread at any time and always saves a consistent state.
    """

    path: Path
    read_only: bool

    def __init__(
        self,
        path: Path,
        real: Path,
        loaded: Loaded,
        *,
        read_only: bool,
        lock: filelock.BaseFileLock | None,
    ) -> None:
        """Private: use :meth:`open`."""
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self._closed = False
        # Writes go to the real file that was locked, so saving keeps a symlink a symlink.
        self._document = Document(real, loaded)
        self._settings = loaded.settings
        self._review = loaded.review
        self._objects = loaded.objects
        #: table -> id -> document key, and the number the next new record's key gets
        self._keys = loaded.keys
        self._next_key = {
            name: max(map(int, keys.values()), default=0) + 1 for name, keys in self._keys.items()
        }
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(table, id, record)`` after every change; record is None when deleted.

        The settings and the review state are announced as tables ``"settings"`` and
        ``"review"`` (id ``"1"``, the new value as the record). After :meth:`replace_all` it is
        called once with table ``"*"``: everything changed. This is how a search index stays
        current without being rebuilt, and how the app knows there is something to save.
        """
        self._listeners.append(listener)

    def _changed(self, table: str, id: str, record: object | None) -> None:
        for listener in self._listeners:
            listener(table, id, record)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Store:
        """Open (or, unless ``read_only``, create) the data file at ``path``.

        Raises :class:`StoreLocked` if another followup has it open (by whatever path), and
        :class:`StoreError` if it cannot be read as it is (a symlink to nothing among others) or,
        unless ``read_only``, must not be written (it has another hard link, or is read-only);
        the file is then left exactly as it was.
        """
        path = Path(os.path.abspath(path))
        real, name = locate(path)
        if real.is_dir():
            raise StoreError(f"cannot open {name}: it is a directory")
        lock = None if read_only else take_lock(real, name)
        try:
            if not read_only and not real.exists():
                loaded = Loaded.of(Dataset())
                loaded.unsaved = True  # a new file, written at once
            else:
                loaded = load(real, name, read_only=read_only)
            store = cls(path, real, loaded, read_only=read_only, lock=lock)
            if loaded.unsaved:
                store._document.touch()
                try:
                    store._document.flush()
                except OSError as error:
                    raise StoreError(f"cannot save {name}: {reason(error)}") from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if not read_only:
            remove_stale_temps(real)
        return store

    @property
    def settings(self) -> Settings:
        """The user's preferences."""
        return self._settings

    @property
    def review(self) -> ReviewState:
        """What was snoozed, dismissed and cleared in the daily review."""
        return self._review

    @property
    def companies(self) -> Mapping[str, Company]:
        """Companies by id, in the order they were added (a live, read-only view)."""
        return MappingProxyType(self._objects["companies"])

    @property
    def interviews(self) -> Mapping[str, Interview]:
        """Interviews by id, in the order they were added (a live, read-only view)."""
        return MappingProxyType(self._objects["interviews"])

    @property
    def contacts(self) -> Mapping[str, Contact]:
        """Contacts by id, in the order they were added (a live, read-only view)."""
        return MappingProxyType(self._objects["contacts"])

    @property
    def templates(self) -> Mapping[str, Template]:
        """Templates by id, in the order they were added (a live, read-only view)."""
        return MappingProxyType(self._objects["templates"])

    def dataset(self) -> Dataset:
        """A snapshot of everything, consistent even while another thread flushes."""
        with self._document.lock:
            tables = {name: tuple(self._objects[name].values()) for name in TABLES}
            return Dataset(self._settings, **tables, review=self._review)

    def put(self, obj: Record) -> None:
        """Add ``obj``, or replace the record with its id (which keeps its place in the order)."""
        name = _TABLE_OF.get(type(obj))
        if name is None:
            raise TypeError(f"cannot store a {type(obj).__name__}")
        self._check_writable()
        with self._document.lock:
            self._set(name, obj)

    def set_settings(self, settings: Settings) -> None:
        """Replace the user's preferences."""
        self._check_writable()
        with self._document.lock:
            self._document.set_table("settings", {"1": settings})
            self._settings = settings
            self._changed("settings", "1", settings)

    def set_review(self, state: ReviewState) -> None:
        """Replace the review state (snoozed, dismissed and cleared items)."""
        self._check_writable()
        with self._document.lock:
            self._document.set_table("review", {"1": state})
            self._review = state
            self._changed("review", "1", state)

    def delete_interview(self, id: str) -> None:
        """Delete an interview, and unlink the touches that pointed at it (KeyError if unknown)."""
        self._check_writable()
        with self._document.lock:
            self._remove("interviews", id)
            linked = [
                contact
                for contact in self._objects["contacts"].values()
                if any(touch.interview_id == id for touch in contact.touches)
            ]
            for contact in linked:
                touches = tuple(
                    dataclasses.replace(t, interview_id=None) if t.interview_id == id else t
                    for t in contact.touches
                )
                self._set("contacts", dataclasses.replace(contact, touches=touches))

    def delete_contact(self, id: str) -> None:
        """Delete a contact, and take them off every panel and recruiter slot.

        Raises KeyError if there is no such contact.
        """
        self._check_writable()
        with self._document.lock:
            self._remove("contacts", id)
            involved = [
                interview
                for interview in self._objects["interviews"].values()
                if id in interview.panel or interview.recruiter_id == id
            ]
            for interview in involved:
                self._set(
                    "interviews",
                    dataclasses.replace(
                        interview,
                        panel=tuple(p for p in interview.panel if p != id),
                        recruiter_id=None
                        if interview.recruiter_id == id
                        else interview.recruiter_id,
                    ),
                )

    def delete_company(self, id: str, *, cascade: bool = False) -> None:
        """Delete a company; with ``cascade``, its interviews too (KeyError if unknown).

        Raises :class:`StoreError` if interviews still refer to it and ``cascade`` is false.
        """
        self._check_writable()
        with self._document.lock:
            if id not in self._objects["companies"]:
                raise KeyError(id)
            interviews = [
                interview.id
                for interview in self._objects["interviews"].values()
                if interview.company_id == id
            ]
            if interviews and not cascade:
                name = self._objects["companies"][id].name
                raise StoreError(
                    f"cannot delete {name}: {len(interviews)} interview(s) still "
                    "belong to it; delete them first, or delete it with them"
                )
            for interview_id in interviews:
                self.delete_interview(interview_id)
            self._remove("companies", id)

    def delete_template(self, id: str) -> None:
        """Delete a template (KeyError if unknown)."""
        self._check_writable()
        with self._document.lock:
            self._remove("templates", id)

    def replace_all(self, dataset: Dataset) -> None:
        """Swap in ``dataset`` as the whole content in one step (ValueError on duplicate ids)."""
        self._check_writable()
        with paused_gc():
            loaded = Loaded.of(dataset)
        with self._document.lock:
            self._document.replace(loaded)
            self._settings = loaded.settings
            self._review = loaded.review
            for name in TABLES:
                # Update in place: the views handed out earlier must see the new content.
                self._objects[name].clear()
                self._objects[name].update(loaded.objects[name])
                self._keys[name] = loaded.keys[name]
                self._next_key[name] = len(loaded.keys[name]) + 1
            self._changed("*", "", None)

    @property
    def dirty(self) -> bool:
        """True when there are changes that :meth:`flush` has not saved yet."""
        return self._document.dirty

    def flush(self) -> None:
        """Save the changes, if any, crash-safely; safe to call from any thread."""
        if self._closed:
            return  # close() saved everything, and the lock is no longer ours to write under
        if self.read_only:
            if self.dirty:
                raise StoreError(f"cannot save {self.path}: it was opened read-only")
            return
        try:
            self._document.flush()
        except OSError as error:
            raise StoreError(f"cannot save {self.path}: {reason(error)}") from error

    def close(self) -> None:
        """Save the changes and release the lock. Calling it again does nothing.

        If saving fails, the :class:`StoreError` propagates and the store stays open and locked,
        so the caller can retry (or quit, and lose only the unsaved changes).
        """
        if self._closed:
            return
        self.flush()
        self._closed = True
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Store:
        """Use the store in a ``with`` block; it is closed (and saved) on the way out."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the store, saving whatever was changed, even if the block failed."""
        self.close()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"cannot change {self.path}: it was opened read-only")
        if self._closed:
            raise StoreError(f"cannot change {self.path}: the store is closed")

    def _set(self, name: str, obj: Any) -> None:
        # O(1), and nothing is encoded until the next flush.
        keys = self._keys[name]
        key = keys.get(obj.id)
        if key is None:
            key = keys[obj.id] = str(self._next_key[name])
            self._next_key[name] += 1
        self._document.put(name, key, obj)
        self._objects[name][obj.id] = obj
        self._changed(name, obj.id, obj)

    def _remove(self, name: str, id: str) -> None:
        key = self._keys[name].pop(id)  # KeyError for an unknown id
        del self._objects[name][id]
        self._document.remove(name, key)
        self._changed(name, id, None)
