"""``followup export --format csv|md``: standard output by default, or a private file."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

from click.testing import CliRunner, Result

from followup_tui.cli import cli

DEMO = ("--demo", "--today", "2026-11-26", "export")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*DEMO, *args])


def test_csv_to_stdout() -> None:
    result = run("--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes[3:].decode(), newline="")))
    assert rows and {"company", "person", "next due"} <= set(rows[0])


def test_md_to_stdout() -> None:
    result = run("--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"# followup report\n")


def test_json_stays_the_default() -> None:
    assert run().stdout_bytes == run("--format", "json").stdout_bytes
    assert json.loads(run().stdout_bytes)["format"] == "followup"


def test_formats_to_a_private_file(tmp_path: Path) -> None:
    for fmt in ("csv", "md"):
        out = tmp_path / f"report.{fmt}"
        result = run("--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_bytes() == run("--format", fmt).stdout_bytes
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert "Exported to" in result.stderr


def test_unwritable_target_is_one_line(tmp_path: Path) -> None:
    result = run("--format", "csv", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot write" in result.stderr
