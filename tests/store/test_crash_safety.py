"""Saving survives crashes: whenever a process dies, the file holds the old state or the new one.

The crashes are real: child processes die with ``os._exit`` between the temp write and the rename,
or are killed with SIGKILL at random moments while they save in a loop.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_tui.domain import Company
from followup_tui.store.store import Store, StoreError, StoreLocked


def temp_files(folder: Path) -> list[str]:
    """Leftovers of interrupted saves in ``folder``."""
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


DIE_BEFORE_RENAME = """
import os
from followup_tui.domain import Company
from followup_tui.store import Store

store = Store.open({path!r})
store.put(Company("co_new", "Written but never renamed"))
os.replace = lambda *args, **kwargs: os._exit(1)
store.flush()
"""


def test_death_between_temp_write_and_rename_keeps_the_old_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_old", "Old"))
    before = db_path.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", DIE_BEFORE_RENAME.format(path=str(db_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 1, child.stderr
    assert db_path.read_bytes() == before
    assert len(temp_files(db_path.parent)) == 1  # the new content, orphaned
    with Store.open(db_path, read_only=True) as reader:  # a reader ignores the leftover
        assert list(reader.companies) == ["co_old"]
    with Store.open(db_path) as store:  # a writer, holding the lock, removes it
        assert list(store.companies) == ["co_old"]
        assert temp_files(db_path.parent) == []


def test_failed_rename_raises_and_keeps_changes_for_the_next_flush(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_old", "Old"))
        store.flush()
        before = db_path.read_bytes()
        store.put(Company("co_new", "New"))

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "replace", refuse)
        with pytest.raises(StoreError, match=f"cannot save {db_path}: Invalid cross-device link"):
            store.flush()
        assert db_path.read_bytes() == before
        assert temp_files(db_path.parent) == []
        assert store.dirty
        monkeypatch.undo()
    with Store.open(db_path) as store:
        assert list(store.companies) == ["co_old", "co_new"]


def test_full_disk_raises_and_leaves_no_partial_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_old", "Old"))
        store.flush()
        before = db_path.read_bytes()
        store.put(Company("co_new", "New " * 50))
        real_write = os.write

        def short_then_full(fd: int, data: bytes) -> int:
            if len(data) > 10:  # the first call gets part of the data in, the next one fails
                return real_write(fd, bytes(data[:10]))
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "write", short_then_full)
        with pytest.raises(StoreError, match="No space left on device"):
            store.flush()
        monkeypatch.undo()
        assert db_path.read_bytes() == before
        assert temp_files(db_path.parent) == []
        store.flush()
    with Store.open(db_path) as store:
        assert list(store.companies) == ["co_old", "co_new"]


def test_close_that_cannot_save_keeps_the_store_open_and_locked(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db_path)
    store.put(Company("co_1", "Acme"))

    def broken_disk(*args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "replace", broken_disk)
    with pytest.raises(StoreError, match="I/O error"):
        store.close()
    monkeypatch.undo()
    with pytest.raises(StoreLocked):
        Store.open(db_path)
    store.put(Company("co_2", "Initech"))  # still open for changes
    store.close()
    store.close()
    with Store.open(db_path) as store:
        assert list(store.companies) == ["co_1", "co_2"]


SAVE_FOREVER = """
from followup_tui.domain import Company, Contact
from followup_tui.store import Store

store = Store.open({path!r})
n = len(store.companies)
print("ready", n, flush=True)
while True:
    store.put(Company(f"co_{{n}}", f"Company {{n}}", notes="x" * 2000))
    for k in range(20):
        store.put(Contact(f"ct_{{n}}_{{k}}", f"Person {{n}} {{k}}", notes="y" * 500))
    store.flush()
    n += 1
    print(n, flush=True)
"""


def test_sigkill_at_random_moments_never_corrupts_the_file(db_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    code = SAVE_FOREVER.format(path=str(db_path))
    saved = 0
    for round_ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready == ["ready", str(saved)], (seed, round_, ready, child.stderr)
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        lines = child.stdout.read().split()
        child.stdout.close()
        child.stderr.close()  # type: ignore[union-attr]
        acknowledged = int(lines[-1]) if lines else saved
        with Store.open(db_path) as store:  # also proves the killed process left no lock
            count = len(store.companies)
            context = (seed, round_, acknowledged, count)
            # Every save that returned is on disk; at most the one in flight is also there.
            assert acknowledged <= count <= acknowledged + 1, context
            assert list(store.companies) == [f"co_{n}" for n in range(count)], context
            assert len(store.contacts) == 20 * count, context
            assert not store.dirty
            assert temp_files(db_path.parent) == []
        saved = count
    assert saved > 0, seed
