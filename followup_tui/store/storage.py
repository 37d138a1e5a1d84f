"""Crash-safe writes: the data file, its backups, and exports.

TinyDB's stock ``JSONStorage`` rewrites its file in place on every change, so a crash or a full
disk mid-write leaves a truncated file. Every save of the data file instead goes through
:func:`atomic_write`: a private temp file in the same directory, fsync, ``os.replace``, fsync of
the directory. At every instant the file on disk is either the old document or the new one,
never a mix. What is written may be given in :class:`Pieces`, some of them copied from the file
being replaced, so a save need not hold the whole file in memory.

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
from collections.abc import Callable, Iterable
from pathlib import Path

#: How a file is known to be the one written: device, inode, size, modified and changed times.
Identity = tuple[int, int, int, int, int]

_TEMP = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")


def _temp_path(target: Path) -> Path:
    # Hidden, unique and in the same directory: os.replace is only atomic within one filesystem.
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


class Pieces:
    """A file's content in pieces, in order: bytes written as they are, and ``(start, end)``
    ranges copied from the open file ``source`` (by the kernel, without a round trip through
    memory, where it can). An iterator will do, so each piece is made only when its turn comes.
    ``check``, if given, runs once everything is on disk, before the new file replaces the old:
    raising there abandons the write. Once written, ``written`` is the new file's identity."""

    def __init__(
        self,
        parts: Iterable[bytes | memoryview | tuple[int, int]],
        source: int | None = None,
        check: Callable[[], None] | None = None,
    ) -> None:
        """Hold ``parts`` to write, copying ranges from ``source``."""
        self.parts = parts
        self.source = source
        self.check = check
        self.written: Identity | None = None


def identity(info: os.stat_result) -> Identity:
    """What tells one state of a file from another: a file changed in place has another
    modification (and change) time; a file put in its place has another inode."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def atomic_write(target: Path, data: bytes | Pieces) -> None:
    """Replace ``target`` with ``data`` so that a crash leaves either the old or the new file.

    The new file is private (0600) whatever the umask. On failure the temp file is removed, the
    old file is left as it was, and the ``OSError`` propagates.
    """
    temp = _temp_path(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.fchmod(fd, 0o600)  # the mode given to os.open is filtered by the umask
            if isinstance(data, Pieces):
                _write_pieces(fd, data)
            else:
                _write_all(fd, data)
            os.fsync(fd)  # the bytes must be on disk before a rename makes them the file
            if isinstance(data, Pieces) and data.check is not None:
                data.check()
            os.replace(temp, target)
            if isinstance(data, Pieces):
                data.written = identity(os.fstat(fd))
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(target.parent)


#: Bytes gathered into one write: few system calls, little memory.
_BLOCK = 1 << 20
#: Why copy_file_range may refuse where reading and writing would do.
_CANNOT_COPY = {errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}


def _write_pieces(fd: int, pieces: Pieces) -> None:
    block: list[bytes | memoryview] = []
    size = 0
    for part in pieces.parts:
        if not isinstance(part, tuple):
            block.append(part)
            size += len(part)
            if size < _BLOCK:
                continue
        if block:
            _write_all(fd, b"".join(block))
            block, size = [], 0
        if isinstance(part, tuple):
            if pieces.source is None:
                raise ValueError("a range to copy, but no file to copy it from")
            _copy_range(pieces.source, fd, *part)
    if block:
        _write_all(fd, b"".join(block))


def _copy_range(source: int, fd: int, start: int, end: int) -> None:
    while start < end:
        try:
            copied = os.copy_file_range(source, fd, end - start, start)
        except (AttributeError, OSError) as error:  # AttributeError: not on this system
            if isinstance(error, OSError) and error.errno not in _CANNOT_COPY:
                raise
            copied = _write_all(fd, os.pread(source, min(end - start, _BLOCK), start))
        if not copied:
            raise OSError(errno.EIO, "the file to copy from ended early")
        start += copied


def _write_all(fd: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    return len(data)


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


def replace_file(target: Path, data: bytes | Pieces) -> None:
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
            _write_all(fd, data)
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
