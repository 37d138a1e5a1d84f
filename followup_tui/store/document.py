"""The data file in memory: its records as model objects, and how a save writes them.

The file is one JSON document in TinyDB's layout (see :mod:`.schema`), compact, with table names
and document keys sorted as strings: stock TinyDB reads what a save writes. A save writes that
layout directly, not through TinyDB, whose storages re-encode the whole document on every change
(saving one edit at 10,000 interviews went from 0.37x the time of TinyDB's stock ``JSONStorage``
to 0.16-0.22x). In memory each record is the model object itself under its document key, with no
plain copy of the data beside it; the small tables, and any this version does not know, are kept
as their encoded bytes (see :class:`.loaded.Loaded`).

A save writes the file in that order in one pass, the records of each table in blocks of
:data:`BLOCK` encoded at once, and notes where each block landed. The next save encodes again
only the blocks with a record changed, added or removed since, and copies the others straight
from the file it wrote last (see :class:`.storage.Pieces`): saving one edit costs little more
than writing the file, and the document is never held in memory as bytes. The last file is
copied from only while it is exactly as it was written (the same inode, size, modification and
change times, checked before and after copying); otherwise, and on the first save after opening,
every block is encoded afresh. Either way the bytes are those of encoding the whole document at
once, as tests/store/test_document.py checks over random edits.

Every change holds :attr:`Document.lock`. A flush takes a snapshot under it, then encodes and
writes without it, so the UI thread never waits for the encoder or the disk. Flushes are
serialised, so an older snapshot can never overwrite a newer one.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ..domain import codec
from .loaded import SMALL, Loaded
from .storage import Identity, Pieces, identity, replace_file

#: table -> where its records lie in the file last written, a block of them at a time
Blocks = dict[str, list["_Block"]]
#: Bytes to write, or where to copy them from in the file last written.
Part = bytes | memoryview | tuple[int, int]
#: Records per block: a save encodes the blocks that changed, and copies the others.
BLOCK = 128


class _Changed(Exception):
    """The file last written changed while it was being copied from."""


class _Snapshot:
    """What one save writes, taken under the lock and written without it."""

    def __init__(self, document: Document) -> None:
        self.generation = document._generation
        self.records = {name: dict(records) for name, records in document._records.items()}
        self.order = {name: list(keys) for name, keys in document._order.items()}
        self.changed = document._changed
        self.fresh = document._fresh
        self.whole = dict(document._whole)


class Document:
    """The records and tables of one data file, saved crash-safely on :meth:`flush`."""

    def __init__(self, target: Path, loaded: Loaded) -> None:
        """Hold ``loaded`` (already read and checked), to be saved to ``target``."""
        self.target = target
        #: Held for every change, and across any that must look atomic to a concurrent flush.
        self.lock = threading.RLock()
        self._flush_lock = threading.Lock()
        self._records: dict[str, dict[str, Any]] = {}
        self._order: dict[str, list[str]] = {}
        self._whole = dict(loaded.whole)
        self._changed: dict[str, set[str]] = {}
        self._fresh = True  # nothing of the last file is any good: encode every record
        self._hold(loaded)
        self._blocks: Blocks = {}
        self._written: Identity | None = None
        # Every change bumps the generation; a flush records the generation it saved. Counting
        # rather than a boolean keeps a change made during a slow write from being lost.
        self._generation = 0
        self._saved = 0

    def _hold(self, loaded: Loaded) -> None:
        self._records = loaded.records  # no copy: what was loaded is the document's now
        self._order = {name: sorted(records) for name, records in self._records.items()}
        self._changed = {name: set() for name in self._records}
        self._fresh = True

    def put(self, table: str, key: str, obj: object) -> None:
        """Add or replace the record under ``key``."""
        with self.lock:
            records = self._records[table]
            if key not in records:
                insort(self._order[table], key)
            records[key] = obj
            self._changed[table].add(key)
            self._generation += 1

    def remove(self, table: str, key: str) -> None:
        """Remove the record under ``key`` (KeyError if there is none)."""
        with self.lock:
            del self._records[table][key]
            order = self._order[table]
            del order[bisect_left(order, key)]
            self._changed[table].add(key)  # its block is laid out again, without it
            self._generation += 1

    def set_table(self, name: str, value: object) -> None:
        """Replace a small table (``settings``, ``review``) with ``value``, encoded now."""
        with self.lock:
            self._whole[name] = codec.encode_sorted(value)
            self._generation += 1

    def replace(self, loaded: Loaded) -> None:
        """Hold ``loaded`` instead: every table it has; tables it does not know stay."""
        with self.lock:
            unknown = {k: v for k, v in self._whole.items() if k not in SMALL}
            self._whole = unknown | loaded.whole
            self._hold(loaded)
            self._generation += 1

    def touch(self) -> None:
        """Count the document as changed, so the next flush writes it (a new file, say)."""
        with self.lock:
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
                snapshot = _Snapshot(self)
                self._changed = {name: set() for name in self._records}
                self._fresh = False
            try:
                self._write(snapshot)
            except BaseException:
                with self.lock:  # the next flush writes these again
                    for name, keys in snapshot.changed.items():
                        self._changed[name] |= keys
                    self._fresh = self._fresh or snapshot.fresh
                raise
            with self.lock:
                self._saved = snapshot.generation

    def _write(self, snapshot: _Snapshot) -> None:
        source = None if snapshot.fresh else self._open_last()
        try:
            self._write_from(snapshot, source)
        except _Changed:
            self._write_from(snapshot, None)
        finally:
            if source is not None:
                os.close(source)

    def _write_from(self, snapshot: _Snapshot, source: int | None) -> None:
        layout = Layout(snapshot, self._blocks if source is not None else {})
        check = None if source is None else partial(self._check_unchanged, source)
        pieces = Pieces(layout.parts(), source, check)
        replace_file(self.target, pieces)
        self._blocks, self._written = layout.blocks, pieces.written

    def _open_last(self) -> int | None:
        # The file last written, open for copying from, if it is still exactly as written.
        if self._written is None:
            return None
        try:
            fd = os.open(self.target, os.O_RDONLY)
        except OSError:
            return None
        try:
            if identity(os.fstat(fd)) == self._written:
                return fd
        except OSError:
            pass
        os.close(fd)
        return None

    def _check_unchanged(self, source: int) -> None:
        if identity(os.fstat(source)) != self._written:
            raise _Changed


class _Block:
    """A run of records in key order, as the last file holds them: ``bound`` is the lowest key
    the block may hold (the first block's is ""), ``start`` and ``end`` where their bytes lie."""

    __slots__ = ("bound", "end", "start")

    def __init__(self, bound: str, start: int, end: int) -> None:
        self.bound, self.start, self.end = bound, start, end


class Layout:
    """The file that holds a snapshot, in parts made as they are written, and where its blocks
    land in it.

    The records of a table are encoded a block at a time, :data:`BLOCK` of them in one call,
    and only when the writer reaches them, so a save holds at most one block's bytes. A block in
    which no record changed (nor was added or removed) is copied whole from the last file, and
    next blocks in one copy; a block with a change is encoded again, and cut again if it grew.
    """

    def __init__(self, snapshot: _Snapshot, before: Blocks) -> None:
        """Lay out ``snapshot``, copying from the last file, whose blocks are ``before``."""
        self.snapshot = snapshot
        self.before = {} if snapshot.fresh else before
        #: The blocks of the new file, complete once :meth:`parts` is exhausted.
        self.blocks: Blocks = {}
        self._position = 0
        self._copy: tuple[int, int] | None = None  # a copy being extended while it can be

    def parts(self) -> Iterator[Part]:
        """The bytes to write, and the ranges of the last file to copy, in order."""
        snapshot = self.snapshot
        yield from self._emit(b"{")
        for n, name in enumerate(sorted([*snapshot.order, *snapshot.whole])):
            yield from self._emit(b"%s%s:" % (b"," if n else b"", codec.encode_json(name)))
            whole = snapshot.whole.get(name)
            if whole is not None:
                yield from self._emit(whole)
                continue
            yield from self._emit(b"{")
            blocks = self.blocks[name] = []
            yield from self._table(name, blocks)
            if blocks:
                blocks[0].bound = ""  # so that any key below the others falls in it
            yield from self._emit(b"}")
        yield from self._emit(b"}")

    def _table(self, name: str, blocks: list[_Block]) -> Iterator[Part]:
        order, before = self.snapshot.order[name], self.before.get(name, [])
        if not before:
            yield from self._encode(name, order, "", blocks)
            return
        bounds = [block.bound for block in before]
        dirty = {bisect_right(bounds, key) - 1 for key in self.snapshot.changed[name]}
        for n, block in enumerate(before):
            if n not in dirty:
                yield from self._copy_block(block, blocks)
                continue
            low = bisect_left(order, block.bound) if n else 0
            high = bisect_left(order, bounds[n + 1]) if n + 1 < len(before) else len(order)
            yield from self._encode(name, order[low:high], block.bound, blocks)

    def _encode(
        self, name: str, keys: list[str], bound: str, blocks: list[_Block]
    ) -> Iterator[Part]:
        records = self.snapshot.records[name]
        for n in range(0, len(keys), BLOCK):
            chunk = keys[n : n + BLOCK]
            if blocks:
                yield from self._emit(b",")
            # {"k1":{...},"k2":{...}} without its braces: the records as the file holds them
            body = memoryview(codec.encode_sorted({key: records[key] for key in chunk}))[1:-1]
            start = self._position
            yield from self._emit(body)
            blocks.append(_Block(bound if n == 0 else chunk[0], start, self._position))

    def _copy_block(self, block: _Block, blocks: list[_Block]) -> Iterator[Part]:
        copy = self._copy
        if copy is not None and copy[1] + 1 == block.start:
            # Next to the last copy in the last file too: one copy takes both, and the comma.
            self._copy = (copy[0], block.end)
            start = self._position + 1
        else:
            if blocks:
                yield from self._emit(b",")
            yield from self._emit(None)  # any copy still pending goes first
            self._copy = (block.start, block.end)
            start = self._position
        self._position = start + block.end - block.start
        blocks.append(_Block(block.bound, start, self._position))

    def _emit(self, data: bytes | memoryview | None) -> Iterator[Part]:
        if self._copy is not None:
            yield self._copy
            self._copy = None
        if data is not None:
            yield data
            self._position += len(data)
