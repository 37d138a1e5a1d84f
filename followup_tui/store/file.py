"""Opening the data file: the folder, the lock, reading and checking, and upgrading old schemas.

A current file is read in one typed decode (:func:`.loaded.read_current`); any other file takes
the checked path, read through TinyDB (:mod:`.checked`, imported only then), migrated if older.

Everything here either succeeds or leaves the file exactly as it was: an unreadable file, or one
from a newer followup, is never repaired, rewritten or backed up. Only a file of an older schema
is changed: first it is copied to ``followup.json.bak-v{N}-{YYYYmmddTHHMMSS}``, then the migrated
data replaces it.

One writer per file, whatever path reaches it. The path is first resolved (:func:`locate`) to the
real file behind any symlink, and everything happens to that file: the lock is
``{real file}.lock`` beside it, and a save replaces the real file, so a symlinked data file stays
a link to it. Two paths that reach the same real file therefore meet at the same lock file; a
symlinked folder or a bind mount needs nothing more, since the lock lives in the folder itself.

A hard link cannot be covered by a lock name: the second name is just as real as the first, and
the file's identity (device and inode) changes on every save, since a save writes a new file and
renames it over the old one. That same rename would leave the other name holding the old data. So
a file with more than one name is refused for writing, with a line that says how to fix it, and
so is a read-only file (a save would bring it back writable); see
:func:`followup_tui.store.storage.check_replaceable`, which also runs before every later save.
Reading needs none of this and is always allowed.

A symlink that leads nowhere is refused too, rather than read as an empty database or created
behind the link.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import filelock

from ..domain import FormatError, paused_gc
from .loaded import Loaded, read_current
from .schema import SCHEMA_VERSION, migrate
from .storage import check_replaceable, fsync_directory, write_new_file

#: A file at least this big is frozen out of the garbage collector's sight once loaded (see
#: :func:`followup_tui.domain.paused_gc`); a small one costs the collector next to nothing, and
#: freezing in a process that opens many (the tests) would keep their garbage for good.
FREEZE_BYTES = 1 << 20


class StoreError(Exception):
    """The data file cannot be used; the message is one line naming the file and the problem."""

    def __init__(self, message: str) -> None:
        """Keep the message on one line whatever the underlying error said."""
        super().__init__(re.sub(r"\s*[\r\n]+\s*", " ", message))


class StoreLocked(StoreError):
    """Another followup has the data file open."""


def reason(error: OSError) -> str:
    """A few words a person understands for what went wrong with a file."""
    return {
        PermissionError: "permission denied",
        IsADirectoryError: "it is a directory",
        FileNotFoundError: "no such file",
        NotADirectoryError: "a parent is not a directory",
    }.get(type(error), error.strerror or str(error))


def locate(path: Path) -> tuple[Path, str]:
    """The real file behind ``path`` (an absolute path), and how to name it in messages.

    Raises :class:`StoreError` if a symlink on the way (the file's own, or a folder's) leads to
    nothing. The name is ``path`` itself, followed by the real file when they differ.
    """
    for candidate in (path, *path.parents):
        if os.path.exists(candidate):
            break
        if os.path.islink(candidate):
            it = "it" if candidate == path else str(candidate)
            raise StoreError(
                f"cannot open {path}: {it} is a link to {os.path.realpath(candidate)}, "
                "which does not exist"
            )
    real = Path(os.path.realpath(path))
    return real, str(path) if real == path else f"{path} (a link to {real})"


def make_parents(directory: Path) -> None:
    """Create ``directory`` and any missing parents, private (0700) whatever the umask.

    Each new folder is made durable (its parent is fsynced), so a crash cannot lose the folder
    of a file that was saved into it.
    """
    # Only directories created here are made private: chmod-ing an existing one (say /tmp or
    # the user's home) would be an unwelcome surprise.
    missing = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
        fsync_directory(path.parent)


def take_lock(real: Path, name: str) -> filelock.BaseFileLock:
    """Create the folder of ``real`` if needed and lock that file for this process.

    ``real`` is the resolved file (see :func:`locate`), ``name`` how messages call it. Raises
    :class:`StoreLocked` at once, rather than waiting, if another followup holds it.
    """
    try:
        make_parents(real.parent)
    except OSError as error:
        raise StoreError(f"cannot create the folder for {name}: {reason(error)}") from None
    lock_path = f"{real}.lock"
    # thread_local=False: the app may close the store from a thread other than the opener.
    lock = filelock.FileLock(lock_path, timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise StoreLocked(
            f"{name} is in use by another followup (lock file {lock_path}); close it first"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot lock {name} (lock file {lock_path}): {reason(error)}") from None
    return lock


def load(real: Path, name: str, *, read_only: bool) -> Loaded:
    """Read and check ``real``, migrating it in memory if its schema is older.

    Unless ``read_only``, refuse a file that must not be replaced (another hard link, read-only)
    once it is known to be readable: such a file could not be saved later anyway. A file of an
    older schema is backed up first, and comes back ``unsaved``, for the caller to save.
    """
    try:
        raw = real.read_bytes()
    except OSError as error:
        raise StoreError(f"cannot read {name}: {reason(error)}") from None
    if not read_only:
        try:
            check_replaceable(real)
        except OSError as error:
            raise StoreError(f"cannot open {name} for writing: {reason(error)}") from None
    if not raw.strip():
        raise StoreError(f"cannot read {name}: the file is empty")
    try:
        with paused_gc(freeze=len(raw) >= FREEZE_BYTES):
            loaded = read_current(raw)  # a current file, read fast; None for any other
            schema = SCHEMA_VERSION
            if loaded is None:
                from .checked import read_document  # TinyDB, only for a file that needs it

                data, schema = read_document(raw)
                if schema > SCHEMA_VERSION:
                    raise StoreError(
                        f"cannot read {name}: it was written by a newer followup "
                        f"(schema {schema}); this one reads up to {SCHEMA_VERSION}"
                    )
                if schema < SCHEMA_VERSION:
                    data = migrate(data, schema)
                loaded = Loaded.from_plain(data)
                del data  # before the freeze: only the model lives on
    except FormatError as error:
        raise StoreError(f"cannot read {name}: {error}") from None
    if schema < SCHEMA_VERSION and not read_only:
        # Only now that the migrated data is known to be good: keep the original.
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        backup = real.with_name(f"{real.name}.bak-v{schema}-{stamp}")
        try:
            write_new_file(backup, raw)
        except OSError as error:
            raise StoreError(
                f"cannot back up {name} before upgrading it: {reason(error)}"
            ) from None
        loaded.unsaved = True
    return loaded
