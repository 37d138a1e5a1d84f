"""The TinyDB storage under the store: the whole document in memory, saved crash-safely on flush.

TinyDB's stock ``JSONStorage`` rewrites its file in place on every change, so a crash or a full
disk mid-write leaves a truncated file, and every small edit costs a full write. This storage
instead keeps the document in memory and writes it only when asked (:meth:`BufferedStorage.flush`),
through :func:`atomic_write`: a private temp file in the same directory, fsync, ``os.replace``,
fsync of the directory. At every instant the file on disk is either the old document or the new
one, never a mix.

A crash can leave a temp file behind (``.followup.json.1a2b3c4d.tmp``). It is never read; the
store removes such leftovers with :func:`remove_stale_temps` once it holds the lock on the file.

The store's file is only replaced when replacing it loses nothing (:func:`replace_file`): not when
it has another hard link, which would keep the old data under the other name and let a second
followup write there, and not when it is read-only, which would silently make it writable.

Nothing here knows about the model or raises store errors: failures surface as ``OSError`` and
the store words them for people.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ..domain import codec

#: The raw document, in TinyDB's shape: table name -> str(doc_id) -> record.
Document = dict[str, dict[str, Any]]

_TEMP = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")


def _temp_path(target: Path) -> Path:
    # Hidden, unique and in the same directory: os.replace is only atomic within one filesystem.
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def atomic_write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so that a crash leaves either the old or the new file.

    The new file is private (0600) whatever the umask. On failure the temp file is removed, the
    old file is left as it was, and the ``OSError`` propagates.
    """
    temp = _temp_path(target)
    _write_private(temp, data)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(target.parent)


def write_output(target: Path, data: bytes) -> None:
    """Write an export to ``target`` the way a person means it: a new or ordinary file is
    replaced crash-safely (:func:`replace_file`: never a read-only file or one with other hard
    links); a symbolic link is followed, so the file it points to gets the data; a device or a
    pipe (``/dev/stdout``, ``/dev/full``, a FIFO) is written through, never replaced. An
    ``OSError`` propagates."""
    path = Path(os.path.realpath(target))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        atomic_write(path, data)
        return
    if stat.S_ISREG(mode):
        replace_file(path, data)
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a directory; give a file name", str(target))
    with open(path, "wb") as stream:
        stream.write(data)


def write_directory(directory: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write each ``(name, data)`` into ``directory`` with :func:`write_output`, making the
    directory (private, 0700) if it is missing; other files in it are left alone. Returns how
    many were written; an ``OSError`` propagates, naming the file it stopped at."""
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a directory", str(directory))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    count = 0
    for name, data in files:
        write_output(directory / name, data)
        count += 1
    return count


class NotReplaceable(OSError):
    """Replacing the file would lose something; ``strerror`` says what, and how to fix it."""

    def __init__(self, message: str) -> None:
        """Carry ``message`` as the error's ``strerror``."""
        super().__init__(errno.EPERM, message)


def check_replaceable(target: Path) -> None:
    """Raise :class:`NotReplaceable` if ``target`` exists and must not be replaced.

    A save replaces the file with a new one (:func:`atomic_write`), so another hard link would go
    on holding the old data, and a read-only file would come back writable. Write permission is
    judged from the mode as well as ``os.access``, which says yes to root whatever the mode.
    """
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    if info.st_nlink > 1:
        others = (
            "another name (a hard link) points"
            if info.st_nlink == 2
            else f"{info.st_nlink - 1} other names (hard links) point"
        )
        raise NotReplaceable(
            f"{others} at the same file, and saving would leave the old data there; "
            "delete the other names, or make them symbolic links (ln -s)"
        )
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        target, os.W_OK
    ):
        raise NotReplaceable("the file is read-only; make it writable (chmod u+w) to change it")


def replace_file(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` like :func:`atomic_write`, if it may be replaced at all."""
    check_replaceable(target)
    atomic_write(target, data)


def write_new_file(target: Path, data: bytes) -> None:
    """Create ``target`` (0600) with ``data``, refusing to overwrite anything; used for backups."""
    _write_private(target, data)
    fsync_directory(target.parent)


def _write_private(path: Path, data: bytes) -> None:
    # Creates a new 0600 file, writes and fsyncs it; removes it again if anything fails.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.fchmod(fd, 0o600)  # the mode given to os.open is filtered by the umask
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)  # the bytes must be on disk before a rename makes them the file
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def fsync_directory(directory: Path) -> None:
    """Make the latest changes to ``directory``'s entries (a rename, a new file) durable."""
    # Some filesystems cannot fsync a directory; the new entry is in place by now, so failing
    # the whole save over that would only mislead the caller.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temp files that an interrupted save of ``target`` left behind; return them.

    Only call this while holding the lock on ``target``: then no other save can be in flight.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        match = _TEMP.fullmatch(name)
        if match and match["name"] == target.name:
            path = target.parent / name
            try:
                path.unlink()
            except OSError:
                continue  # harmless: it is never read, and the next open tries again
            removed.append(path)
    return removed


class BufferedStorage(Storage):
    """A TinyDB storage that holds the document in memory and saves it only on :meth:`flush`.

    ``lock`` guards the document: hold it for every change, and for any change that must look
    atomic to a concurrent flush (the store holds it across a whole cascade). A flush encodes the
    document under ``lock``, then writes the bytes without it, so the UI thread is never blocked
    on the disk. Flushes are serialised, so an older snapshot can never overwrite a newer one.
    """

    def __init__(self, target: Path, data: Document) -> None:
        """Wrap ``data`` (already loaded and checked) that is saved to ``target`` on flush."""
        super().__init__()
        self.target = target
        self.lock = threading.RLock()
        self._flush_lock = threading.Lock()
        self._data = data
        # Every change bumps the generation; a flush records the generation it saved. Counting
        # rather than a boolean keeps a change made during a slow write from being lost.
        self._generation = 0
        self._saved = 0

    def read(self) -> Document:
        """Return the document itself, not a copy: TinyDB only reads it, and a copy of 50,000
        records per query would dominate every search."""
        return self._data

    def write(self, data: Document) -> None:
        """Take TinyDB's new document; it reaches the disk on the next :meth:`flush`."""
        with self.lock:
            self._data = data
            self._generation += 1

    def set_record(self, table: str, doc_id: int, record: dict[str, Any]) -> None:
        """Insert or replace one record in O(1), bypassing TinyDB's whole-table rewrite."""
        with self.lock:
            self._data.setdefault(table, {})[str(doc_id)] = record
            self._generation += 1

    def set_table(self, table: str, records: dict[str, Any]) -> None:
        """Replace a whole table (a small one, such as settings)."""
        with self.lock:
            self._data[table] = records
            self._generation += 1

    def remove_record(self, table: str, doc_id: int) -> None:
        """Remove one record in O(1)."""
        with self.lock:
            del self._data[table][str(doc_id)]
            self._generation += 1

    @property
    def dirty(self) -> bool:
        """True when the document has changes that are not on disk yet."""
        with self.lock:
            return self._generation != self._saved

    def flush(self) -> None:
        """Save the document if it changed; raise ``OSError`` if that fails (it stays dirty)."""
        with self._flush_lock:
            with self.lock:
                if self._generation == self._saved:
                    return
                generation = self._generation
                payload = codec.encode_json(self._data)
            replace_file(self.target, payload)
            with self.lock:
                self._saved = generation
