"""The one place that touches TinyDB: model objects go in and come out, and saving is crash-safe.

A :class:`Store` holds the whole data file in memory. Changes are cheap (no disk I/O) and reach
the disk only on :meth:`Store.flush`, which the app calls from a worker thread; see
:mod:`followup_tui.store.storage` for how a save survives a crash, and
:mod:`followup_tui.store.schema` for the file's shape, versions and migrations.

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
from tinydb import Query, TinyDB

from ..domain import (
    Company,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Template,
    codec,
    paused_gc,
)
from .file import StoreError, StoreLocked, load, locate, reason, save, take_lock
from .schema import MIGRATIONS, SCHEMA_VERSION, TABLES, Loaded, document_for
from .storage import BufferedStorage, remove_stale_temps

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "StoreLocked"]

Record = Company | Interview | Contact | Template
#: Told of every change: (table name, record id, the record or None when deleted).
Listener = Callable[[str, str, object | None], None]
_TABLE_OF: dict[type[Any], str] = {kind: name for name, kind in TABLES.items()}


class Store:
    """An open data file. Open with :meth:`open`; use as a context manager or call :meth:`close`.

    Reads return frozen model objects. Mutations hold the storage lock, so :meth:`flush` may run
    on another thread at any time and always saves a consistent state.
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
        self._storage = BufferedStorage(real, loaded.data)
        self._db = TinyDB(storage=lambda: self._storage)
        # No query cache: records change under TinyDB's feet (see _set), so a cache would lie.
        self._tables = {name: self._db.table(name, cache_size=0) for name in TABLES}
        self._settings = loaded.settings
        self._review = loaded.review
        self._objects = loaded.objects
        self._doc_ids = loaded.doc_ids
        self._next_doc_id = {
            name: max(ids.values(), default=0) + 1 for name, ids in loaded.doc_ids.items()
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
                loaded = Loaded(document_for(Dataset()))
                save(real, name, codec.encode_json(loaded.data))
            else:
                loaded = load(real, name, read_only=read_only)
            store = cls(path, real, loaded, read_only=read_only, lock=lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if not read_only:
            remove_stale_temps(store._storage.target)
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
        with self._storage.lock:
            tables = {name: tuple(self._objects[name].values()) for name in TABLES}
            return Dataset(self._settings, **tables, review=self._review)

    def put(self, obj: Record) -> None:
        """Add ``obj``, or replace the record with its id (which keeps its place in the order)."""
        name = _TABLE_OF.get(type(obj))
        if name is None:
            raise TypeError(f"cannot store a {type(obj).__name__}")
        self._check_writable()
        with self._storage.lock:
            self._set(name, obj)

    def set_settings(self, settings: Settings) -> None:
        """Replace the user's preferences."""
        self._check_writable()
        with self._storage.lock:
            self._storage.set_table("settings", {"1": codec.to_builtins(settings)})
            self._settings = settings
            self._changed("settings", "1", settings)

    def set_review(self, state: ReviewState) -> None:
        """Replace the review state (snoozed, dismissed and cleared items)."""
        self._check_writable()
        with self._storage.lock:
            self._storage.set_table("review", {"1": codec.to_builtins(state)})
            self._review = state
            self._changed("review", "1", state)

    def delete_interview(self, id: str) -> None:
        """Delete an interview, and unlink the touches that pointed at it (KeyError if unknown)."""
        self._check_writable()
        with self._storage.lock:
            self._remove("interviews", id)
            linked = Query().touches.any(Query().interview_id == id)
            for doc in self._tables["contacts"].search(linked):
                contact = self._objects["contacts"][doc["id"]]
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
        with self._storage.lock:
            self._remove("contacts", id)
            query = Query()
            for doc in self._tables["interviews"].search(
                query.panel.any([id]) | (query.recruiter_id == id)
            ):
                interview = self._objects["interviews"][doc["id"]]
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
        with self._storage.lock:
            if id not in self._objects["companies"]:
                raise KeyError(id)
            interviews = [
                doc["id"] for doc in self._tables["interviews"].search(Query().company_id == id)
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
        with self._storage.lock:
            self._remove("templates", id)

    def replace_all(self, dataset: Dataset) -> None:
        """Swap in ``dataset`` as the whole content in one step (ValueError on duplicate ids)."""
        self._check_writable()
        with paused_gc():
            data = document_for(dataset)
            loaded = Loaded(data)
        with self._storage.lock:
            old = self._storage.read()
            data.update({name: table for name, table in old.items() if name not in data})
            self._storage.write(data)
            self._settings = loaded.settings
            self._review = loaded.review
            for name in TABLES:
                # Update in place: the views handed out earlier must see the new content.
                self._objects[name].clear()
                self._objects[name].update(loaded.objects[name])
                self._doc_ids[name] = loaded.doc_ids[name]
                self._next_doc_id[name] = len(loaded.doc_ids[name]) + 1
            self._changed("*", "", None)

    @property
    def dirty(self) -> bool:
        """True when there are changes that :meth:`flush` has not saved yet."""
        return self._storage.dirty

    def flush(self) -> None:
        """Save the changes, if any, crash-safely; safe to call from any thread."""
        if self._closed:
            return  # close() saved everything, and the lock is no longer ours to write under
        if self.read_only:
            if self.dirty:
                raise StoreError(f"cannot save {self.path}: it was opened read-only")
            return
        try:
            self._storage.flush()
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
        # O(1): TinyDB's Table.upsert/update rebuild the whole table dict on every call (its
        # _update_table), which costs milliseconds per edit at 40,000 contacts. Records are
        # written straight into the storage's document, where the TinyDB tables read them.
        doc_ids = self._doc_ids[name]
        doc_id = doc_ids.get(obj.id)
        if doc_id is None:
            doc_id = doc_ids[obj.id] = self._next_doc_id[name]
            self._next_doc_id[name] += 1
        self._storage.set_record(name, doc_id, codec.to_builtins(obj))
        self._objects[name][obj.id] = obj
        self._changed(name, obj.id, obj)

    def _remove(self, name: str, id: str) -> None:
        doc_id = self._doc_ids[name].pop(id)  # KeyError for an unknown id
        del self._objects[name][id]
        self._storage.remove_record(name, doc_id)
        self._changed(name, id, None)
