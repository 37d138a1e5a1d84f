"""Opening the data file: the folder, the lock, reading and checking, and upgrading old schemas.

Everything here either succeeds or leaves the file exactly as it was: an unreadable file, or one
from a newer followup, is never repaired, rewritten or backed up. Only a file of an older schema
is changed: first it is copied to ``followup.json.bak-v{N}-{YYYYmmddTHHMMSS}``, then the migrated
data replaces it.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import filelock

from . import codec
from .codec import FormatError
from .storage import atomic_write, write_new_file
from .store_schema import SCHEMA_VERSION, Loaded, migrate, paused_gc, read_schema


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


def make_parents(directory: Path) -> None:
    """Create ``directory`` and any missing parents, private (0700) whatever the umask."""
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


def take_lock(path: Path) -> filelock.BaseFileLock:
    """Create the folder of ``path`` if needed and lock ``path`` for this process.

    Raises :class:`StoreLocked` at once, rather than waiting, if another followup holds it.
    """
    try:
        make_parents(path.parent)
    except OSError as error:
        raise StoreError(f"cannot create the folder for {path}: {reason(error)}") from None
    lock_path = f"{path}.lock"
    # thread_local=False: the app may close the store from a thread other than the opener.
    lock = filelock.FileLock(lock_path, timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise StoreLocked(
            f"{path} is in use by another followup (lock file {lock_path}); close it first"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot lock {path} (lock file {lock_path}): {reason(error)}") from None
    return lock


def load(path: Path, *, read_only: bool) -> Loaded:
    """Read and check ``path``, upgrading it first if its schema is older (unless read-only)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(f"cannot read {path}: {reason(error)}") from None
    if not raw.strip():
        raise StoreError(f"cannot read {path}: the file is empty")
    try:
        with paused_gc():
            data = codec.decode_json(raw)
            schema = read_schema(data)
            if schema > SCHEMA_VERSION:
                raise StoreError(
                    f"cannot read {path}: it was written by a newer followup "
                    f"(schema {schema}); this one reads up to {SCHEMA_VERSION}"
                )
            if schema < SCHEMA_VERSION:
                data = migrate(data, schema)
            loaded = Loaded(data)
    except FormatError as error:
        raise StoreError(f"cannot read {path}: {error}") from None
    if schema < SCHEMA_VERSION and not read_only:
        # Only now that the migrated data is known to be good: keep the original, then save.
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.bak-v{schema}-{stamp}")
        try:
            write_new_file(backup, raw)
        except OSError as error:
            raise StoreError(
                f"cannot back up {path} before upgrading it: {reason(error)}"
            ) from None
        save(path, codec.encode_json(loaded.data))
    return loaded


def save(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` crash-safely, or raise :class:`StoreError`."""
    try:
        atomic_write(Path(os.path.realpath(path)), payload)
    except OSError as error:
        raise StoreError(f"cannot save {path}: {reason(error)}") from None
