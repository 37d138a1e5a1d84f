"""One writer per data file, whatever path reaches it: symlinks, hard links, dangling links, modes.

Every test uses the real store on real files in a temp folder; links are made with ``os``.
"""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest

from followup_tui.clipboard import save_note
from followup_tui.domain import Company
from followup_tui.store import file as store_file
from followup_tui.store.store import Store, StoreError, StoreLocked


def make_db(path: Path, *names: str) -> bytes:
    """Create a data file at ``path`` holding one company per name; return its bytes."""
    with Store.open(path) as store:
        for number, name in enumerate(names, 1):
            store.put(Company(f"co_{number}", name))
    return path.read_bytes()


def company_names(path: Path) -> list[str]:
    """The companies in the data file at ``path``, read without the lock."""
    with Store.open(path, read_only=True) as store:
        return [company.name for company in store.companies.values()]


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """The real data file, with one company in it."""
    path = tmp_path / "data" / "followup.json"
    make_db(path, "Acme")
    return path


@pytest.fixture
def link(tmp_path: Path, real: Path) -> Path:
    """A symlink elsewhere that leads to ``real``."""
    path = tmp_path / "elsewhere" / "link.json"
    path.parent.mkdir()
    path.symlink_to(real)
    return path


def test_a_writer_through_a_symlink_locks_out_the_real_path(real: Path, link: Path) -> None:
    with Store.open(link) as app:
        app.put(Company("co_2", "Initech"))
        with pytest.raises(StoreLocked) as caught:
            Store.open(real)
        assert "in use" in str(caught.value) and str(real) in str(caught.value)
        # The lock is the real file's, beside it; none is made beside the link.
        assert (real.parent / "followup.json.lock").exists()
        assert not (link.parent / "link.json.lock").exists()
    assert company_names(real) == ["Acme", "Initech"]


def test_a_writer_on_the_real_path_locks_out_a_symlink(real: Path, link: Path) -> None:
    with Store.open(real) as app:
        app.put(Company("co_2", "Initech"))
        with pytest.raises(StoreLocked) as caught:
            Store.open(link)
        message = str(caught.value)
        assert "in use" in message
        assert f"{link} (a link to {real})" in message
    assert company_names(link) == ["Acme", "Initech"]


def test_saving_replaces_the_real_file_and_keeps_the_link(real: Path, link: Path) -> None:
    target = os.readlink(link)
    with Store.open(link) as store:
        store.put(Company("co_2", "Initech"))
    assert link.is_symlink() and os.readlink(link) == target
    assert not real.is_symlink()
    assert company_names(real) == ["Acme", "Initech"]


def test_a_hard_link_is_refused_for_writing_by_either_name(tmp_path: Path, real: Path) -> None:
    before = real.read_bytes()
    hard = tmp_path / "hard.json"
    os.link(real, hard)
    for name in (real, hard):
        with pytest.raises(StoreError) as caught:
            Store.open(name)
        message = str(caught.value)
        assert str(name) in message and "hard link" in message and "\n" not in message
    assert real.read_bytes() == before and os.path.samefile(real, hard)
    assert company_names(hard) == ["Acme"]  # reading is fine


def test_a_hard_link_made_while_open_stops_the_save(tmp_path: Path, real: Path) -> None:
    before = real.read_bytes()
    hard = tmp_path / "hard.json"
    with Store.open(real) as app:
        os.link(real, hard)
        with pytest.raises(StoreError, match="hard link"):
            Store.open(hard)  # a second writer by the other name
        app.put(Company("co_2", "Initech"))
        with pytest.raises(StoreError, match="hard link"):
            app.flush()  # saving would leave the other name with the old data
        assert app.dirty and real.read_bytes() == before and os.path.samefile(real, hard)
        hard.unlink()
    assert company_names(real) == ["Acme", "Initech"]


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
def test_a_dangling_symlink_is_not_an_empty_database(tmp_path: Path, read_only: bool) -> None:
    gone = tmp_path / "gone" / "followup.json"
    link = tmp_path / "link.json"
    link.symlink_to(gone)
    with pytest.raises(StoreError) as caught:
        Store.open(link, read_only=read_only)
    assert str(caught.value) == f"cannot open {link}: it is a link to {gone}, which does not exist"
    assert sorted(os.listdir(tmp_path)) == ["link.json"]  # neither the target nor a lock


def test_a_dangling_symlinked_folder_is_not_created(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.symlink_to(tmp_path / "unmounted" / "data")
    with pytest.raises(StoreError) as caught:
        Store.open(folder / "followup.json")
    assert f"{folder} is a link to {tmp_path / 'unmounted' / 'data'}" in str(caught.value)
    assert sorted(os.listdir(tmp_path)) == ["data"]


def test_a_read_only_file_is_read_but_never_replaced(real: Path) -> None:
    before = real.read_bytes()
    real.chmod(0o400)
    with pytest.raises(StoreError) as caught:
        Store.open(real)
    assert str(caught.value) == (
        f"cannot open {real} for writing: the file is read-only; "
        "make it writable (chmod u+w) to change it"
    )
    assert real.read_bytes() == before and stat.S_IMODE(real.stat().st_mode) == 0o400
    assert company_names(real) == ["Acme"]


def test_a_file_made_read_only_while_open_is_not_saved(real: Path) -> None:
    before = real.read_bytes()
    with Store.open(real) as app:
        app.put(Company("co_2", "Initech"))
        real.chmod(0o400)
        with pytest.raises(StoreError, match="read-only"):
            app.flush()
        assert real.read_bytes() == before and stat.S_IMODE(real.stat().st_mode) == 0o400
        real.chmod(0o600)
    assert company_names(real) == ["Acme", "Initech"]


def test_a_symlinked_notes_folder_is_not_followed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    notes = tmp_path / "notes"
    notes.symlink_to(shared)
    with pytest.raises(OSError) as caught:
        save_note(notes, "Thanks!", "Ann Lee", date(2026, 11, 26))
    assert caught.value.strerror is not None and str(notes) in caught.value.strerror
    assert "symbolic link" in caught.value.strerror
    assert os.listdir(shared) == []
    # A dangling link is refused the same way, not mistaken for a folder to create.
    notes.unlink()
    notes.symlink_to(tmp_path / "missing")
    with pytest.raises(OSError, match="symbolic link"):
        save_note(notes, "Thanks!", "Ann Lee", date(2026, 11, 26))
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names fds through /proc")
def test_new_folders_are_made_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    store_file.make_parents(tmp_path / "a" / "b")
    assert str(tmp_path) in synced and str(tmp_path / "a") in synced
