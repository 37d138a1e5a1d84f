"""The command-line contract, checked on the real ``followup`` process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.store.store import Store

TODAY = "2026-11-26"


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    umask: int | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m followup_tui`` with the arguments, capturing everything."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=60,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    """Assert the run failed with exactly one line on stderr and no traceback; return it."""
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert b"followup, version" in result.stdout


def test_demo_export_import_round_trip(tmp_path: Path) -> None:
    first = run("--demo", "--today", TODAY, "export", "--format", "json")
    assert first.returncode == 0, first.stderr
    document = json.loads(first.stdout)
    assert document["format"] == "followup"
    assert len(document["interviews"]) >= 6

    new_db = tmp_path / "new" / "followup.json"
    imported = run("--db", str(new_db), "import", "-", stdin=first.stdout)
    assert imported.returncode == 0, imported.stderr
    assert b"added" in imported.stdout

    second = run("--db", str(new_db), "export")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_demo_never_touches_the_real_database(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    result = run("--demo", "--today", TODAY, "export", env={"FOLLOWUP_DB": str(real)})
    assert result.returncode == 0, result.stderr
    assert not real.exists()
    assert "--db" in one_line_error(run("--demo", "--db", str(real), "export"))


@pytest.mark.parametrize("content", [b'{"broken', b"", b"   \n", b"[1, 2]", b'{"meta": 5}'])
@pytest.mark.parametrize("command", [["export"], ["import", "-"], ["import", "--dry-run", "-"], []])
def test_unreadable_database_is_refused_and_untouched(
    tmp_path: Path, content: bytes, command: list[str]
) -> None:
    db = tmp_path / "followup.json"
    db.write_bytes(content)
    before = db.stat().st_mtime_ns
    payload = run("--demo", "--today", TODAY, "export").stdout
    line = one_line_error(run("--db", str(db), *command, stdin=payload))
    assert str(db) in line
    assert db.read_bytes() == content
    assert db.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) in (
        ["followup.json"],
        ["followup.json", "followup.json.lock"],
    )


def test_second_writer_is_told_the_database_is_in_use(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    with Store.open(db):
        payload = run("--demo", "--today", TODAY, "export").stdout
        line = one_line_error(run("--db", str(db), "import", "-", stdin=payload))
        assert "in use" in line and str(db) in line
        # Reading still works while another followup has the file open.
        assert run("--db", str(db), "export").returncode == 0
    assert run("--db", str(db), "import", "-", stdin=payload).returncode == 0


def test_first_run_creates_private_folder_and_file(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "nested" / "followup.json"
    payload = run("--demo", "--today", TODAY, "export").stdout
    result = run("--db", str(db), "import", "-", stdin=payload, umask=0o022)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.parent.parent.stat().st_mode) == 0o700


def test_env_variable_names_the_database_and_the_flag_wins(tmp_path: Path) -> None:
    from_env, from_flag = tmp_path / "env.json", tmp_path / "flag.json"
    payload = run("--demo", "--today", TODAY, "export").stdout
    assert run("import", "-", stdin=payload, env={"FOLLOWUP_DB": str(from_env)}).returncode == 0
    assert from_env.exists()
    result = run(
        "--db", str(from_flag), "import", "-", stdin=payload, env={"FOLLOWUP_DB": str(from_env)}
    )
    assert result.returncode == 0
    assert from_flag.exists()


def test_import_bad_record_names_it_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    document = json.loads(run("--demo", "--today", TODAY, "export").stdout)
    document["interviews"][2]["rounds"] = ["2026-02-30"]
    line = one_line_error(run("--db", str(db), "import", "-", stdin=json.dumps(document).encode()))
    assert "interviews[2]" in line and "nothing was imported" in line
    with Store.open(db) as store:
        assert len(store.interviews) == 0


def test_import_dry_run_reports_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    payload = run("--demo", "--today", TODAY, "export").stdout
    result = run("--db", str(db), "import", "--dry-run", "-", stdin=payload)
    assert result.returncode == 0, result.stderr
    assert b"dry run" in result.stdout and b"added" in result.stdout
    assert not db.exists() or len(Store.open(db, read_only=True).interviews) == 0


def test_export_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    result = run("--demo", "--today", TODAY, "export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_bytes())["format"] == "followup"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--today", "2026-13-01", "export"], "not a date"),
        (["import", "/no/such/file.json"], "/no/such/file.json"),
        (["export", "--format", "xlsx"], "xlsx"),
    ],
)
def test_user_mistakes_get_a_clear_error(tmp_path: Path, args: list[str], needle: str) -> None:
    result = run("--db", str(tmp_path / "f.json"), *args)
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "Traceback" not in err and needle in err
