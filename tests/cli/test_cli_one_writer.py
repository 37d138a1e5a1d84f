"""One writer per data file on the command line: the real ``followup`` process meets the app.

The app is stood in for by a store opened in this process, as in ``tests/test_cli.py``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from followup_tui.domain import Company
from followup_tui.store.store import Store

from .test_cli import TODAY, one_line_error, run


@pytest.fixture(scope="module")
def payload() -> bytes:
    """An export of the demo data, to import."""
    result = run("--demo", "--today", TODAY, "export")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """The real data file, with one company in it."""
    path = tmp_path / "followup.json"
    with Store.open(path) as store:
        store.put(Company("co_mine", "Mine"))
    return path


@pytest.fixture
def link(tmp_path: Path, real: Path) -> Path:
    """A symlink in another folder that leads to ``real``."""
    path = tmp_path / "elsewhere" / "link.json"
    path.parent.mkdir()
    path.symlink_to(real)
    return path


def names(path: Path) -> set[str]:
    """The company names in the data file."""
    with Store.open(path, read_only=True) as store:
        return {company.name for company in store.companies.values()}


@pytest.mark.parametrize("app_opens", ["link", "real"])
def test_import_by_another_path_is_told_the_database_is_in_use(
    real: Path, link: Path, payload: bytes, app_opens: str
) -> None:
    app_path, cli_path = (link, real) if app_opens == "link" else (real, link)
    with Store.open(app_path) as app:
        line = one_line_error(run("--db", str(cli_path), "import", "-", stdin=payload))
        assert "in use" in line and str(cli_path) in line
        app.put(Company("co_later", "Later"))  # the app's next autosave loses nothing
    assert names(real) == {"Mine", "Later"}
    assert link.is_symlink()
    assert run("--db", str(cli_path), "import", "-", stdin=payload).returncode == 0
    assert {"Mine", "Later"} < names(real)


def test_a_hard_linked_database_is_refused_for_writing(
    tmp_path: Path, real: Path, payload: bytes
) -> None:
    hard = tmp_path / "hard.json"
    os.link(real, hard)
    before = real.read_bytes()
    line = one_line_error(run("--db", str(hard), "import", "-", stdin=payload))
    assert str(hard) in line and "hard link" in line
    assert real.read_bytes() == before and os.path.samefile(real, hard)
    assert run("--db", str(hard), "export").returncode == 0  # reading still works


def test_a_dangling_symlink_is_refused_for_writing(tmp_path: Path, payload: bytes) -> None:
    gone = tmp_path / "gone.json"
    link = tmp_path / "link.json"
    link.symlink_to(gone)
    line = one_line_error(run("--db", str(link), "import", "-", stdin=payload))
    assert line == f"followup: cannot open {link}: it is a link to {gone}, which does not exist"
    assert sorted(os.listdir(tmp_path)) == ["link.json"]


def test_a_dangling_symlink_is_not_exported_as_empty(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "gone.json")
    assert "which does not exist" in one_line_error(run("--db", str(link), "export"))


def test_a_read_only_database_is_read_but_not_replaced(real: Path, payload: bytes) -> None:
    real.chmod(0o400)
    before = real.read_bytes()
    line = one_line_error(run("--db", str(real), "import", "-", stdin=payload))
    assert str(real) in line and "read-only" in line
    assert real.read_bytes() == before and stat.S_IMODE(real.stat().st_mode) == 0o400
    exported = run("--db", str(real), "export")
    assert exported.returncode == 0 and b"Mine" in exported.stdout
