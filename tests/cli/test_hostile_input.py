"""Hostile input never reaches the terminal raw, and the command line never shows a traceback.

File names, queries, imported records and keymaps may carry escape sequences (OSC 52 writes to
the clipboard of terminals that accept it), bidi controls or line separators. Every route that
prints them is checked here: what comes out holds no control byte but newline and tab.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from followup_tui.cli import Session, UserError, cli
from followup_tui.domain import (
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Settings,
    Stage,
    Touch,
)
from followup_tui.domain.text import clean_line, clean_text, terminal_safe
from followup_tui.interop import source as import_source
from followup_tui.review.text import render_today
from followup_tui.store.store import Store

Completed = subprocess.CompletedProcess[bytes]
DAY = date(2026, 11, 26)

OSC_52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
TITLE = "\x1b]0;pwned\x07"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SEPARATORS = "\u2028\u2029"
#: C0 but newline and tab, DEL, C1, the bidi controls and the line and paragraph separators.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def assert_safe(output: str | bytes) -> None:
    """Nothing a terminal would act on, or that reorders a line, is in ``output``."""
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
    found = UNSAFE.search(text)
    assert found is None, f"{found[0]!r} at {found.start()} in {text[:300]!r}"


# The helper and the model's cleaning -------------------------------------------------------------


def test_terminal_safe_escapes_what_a_terminal_acts_on() -> None:
    hostile = f"a{OSC_52}b{BIDI}c{SEPARATORS}\x7f\x85\x9b\n\td"
    one_line = terminal_safe(hostile)
    assert_safe(one_line)
    assert one_line.isprintable()
    assert "\\x1b]52;c;" in one_line and "\\u202e" in one_line and "\\n" in one_line
    lines = terminal_safe(hostile, lines=True)
    assert_safe(lines)
    assert lines.endswith("\n\td")
    assert terminal_safe("Zoë 株式会社 🙂 ليلى", lines=True) == "Zoë 株式会社 🙂 ليلى"


def test_terminal_safe_json_escapes_keep_json_valid() -> None:
    value = f"x{BIDI}{SEPARATORS}\x7f\x85y"
    text = terminal_safe(json.dumps({"v": value}, ensure_ascii=False), lines=True, json=True)
    assert_safe(text)
    assert json.loads(text) == {"v": value}


def test_single_line_fields_lose_bidi_controls_and_separators() -> None:
    assert clean_line(f"Ann{SEPARATORS[0]}Lee{BIDI}") == "Ann Lee"
    contact = Contact("ct_1", f"Bob{SEPARATORS[1]}Smith", company=f"A{BIDI}B")
    assert (contact.name, contact.company) == ("Bob Smith", "AB")
    assert Company("co_1", f"X{SEPARATORS}Y").name == "X Y"


def test_notes_keep_bidi_controls_but_separators_become_newlines() -> None:
    assert clean_text(f"a{SEPARATORS[0]}b{SEPARATORS[1]}c\u202ed") == "a\nb\nc\u202ed"
    interview = Interview("iv_1", "co_1", "Dev", notes=f"one{SEPARATORS[0]}two")
    assert interview.notes == "one\ntwo"


def test_a_keymap_loses_control_characters_however_it_is_built() -> None:
    settings = Settings(keymap={"main.copy": OSC_52, "main.sent": "ctrl+y\x00", f"x{BIDI}": "z"})
    assert settings.keymap == {"main.sent": "ctrl+y", "x": "z"}


@pytest.mark.parametrize("value", [OSC_52, TITLE, BIDI, SEPARATORS, "\x00\x01\x02\x0e\x7f\x90"])
def test_cleaning_is_stable(value: str) -> None:
    assert clean_line(clean_line(value)) == clean_line(value)
    assert clean_text(clean_text(value)) == clean_text(value)


# The command line ------------------------------------------------------------------------------


def run(*args: str, stdin: bytes | None = None, stdout: Any = subprocess.PIPE) -> Completed:
    """Run the real ``followup`` process (``python -m followup_tui``), capturing what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
    )


def invoke(*args: str, stdin: bytes | None = None) -> Result:
    """Run ``followup <args>`` in this process; an exception that escapes fails the test."""
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def one_line_error(stdout: bytes | str | None, stderr: bytes | str, code: int | None) -> str:
    """Assert a failure with one safe line on stderr and no traceback; return that line."""
    assert code not in (0, None)
    assert_safe((stdout or b"") if isinstance(stdout, bytes | None) else stdout)
    assert_safe(stderr)
    err = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("followup: ")
    return lines[0]


def export_doc(**tables: Any) -> bytes:
    """An export file holding ``tables`` (and whatever else is given, such as settings)."""
    return json.dumps({"format": "followup", "version": 1, **tables}).encode()


SAMPLE = {
    "companies": [{"id": "co_1", "name": "Acme"}],
    "interviews": [{"id": "iv_1", "company_id": "co_1", "role": "Engineer", "notes": "Went well"}],
}


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["import", f"missing{OSC_52}.json"], id="import-missing"),
        pytest.param(["import", f"nothere/{TITLE}.json"], id="import-missing-folder"),
        pytest.param(["export", "-o", f"nothere/{OSC_52}/out.json"], id="export-bad-path"),
        pytest.param([f"nonsense{TITLE}"], id="unknown-command"),
        pytest.param(["today", f"extra{TITLE}"], id="extra-argument"),
        pytest.param(["--today", f"2026{OSC_52}", "today"], id="bad-date-option"),
        pytest.param(["--db", f"{TITLE}\u202e/", "today"], id="db-is-a-folder"),
    ],
)
def test_file_names_and_arguments_are_quoted_safely(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / f"{TITLE}\u202e").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(tmp_path / "db.json"), *args],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    line = one_line_error(result.stdout, result.stderr, result.returncode)
    assert "\\x1b" in line or "\\u202e" in line  # the name is there, as escapes


def test_a_bad_file_quotes_its_name_safely(tmp_path: Path) -> None:
    source = tmp_path / f"export{OSC_52}.json"
    source.write_bytes(b"{not json")
    result = invoke("--db", str(tmp_path / "db.json"), "import", str(source))
    assert "\\x1b]52;c;" in one_line_error(result.stdout, result.stderr, result.exit_code)


def test_the_search_hint_for_a_bad_date_is_quoted_safely(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "db.json"), "search", f"before:{TITLE}")
    assert result.returncode == 0
    assert_safe(result.stdout + result.stderr)
    assert b'before: "\\x1b]0;pwned\\x07" is not a date' in result.stderr


def test_exported_to_names_the_file_safely(tmp_path: Path) -> None:
    target = tmp_path / f"out{TITLE}.json"
    result = invoke("--demo", "--today", "2026-11-26", "export", "-o", str(target))
    assert result.exit_code == 0 and target.exists()
    assert_safe(result.stderr)
    assert "Exported to" in result.stderr and "\\x1b]0;pwned" in result.stderr


# Bounded, honest imports -----------------------------------------------------------------------


def test_import_refuses_a_device(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "db.json"), "import", "/dev/zero")
    line = one_line_error(result.stdout, result.stderr, result.returncode)
    assert line == "followup: cannot read /dev/zero: it is not a file"
    assert not (tmp_path / "db.json").exists()


@pytest.mark.parametrize("from_stdin", [False, True])
def test_import_refuses_a_file_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, from_stdin: bool
) -> None:
    monkeypatch.setattr(import_source, "IMPORT_MAX_MB", 1)
    data = export_doc(**SAMPLE).replace(b"Went well", b"x" * 1_100_000)
    source = tmp_path / "big.json"
    source.write_bytes(data)
    db = tmp_path / "db.json"
    if from_stdin:
        result = invoke("--db", str(db), "import", "-", stdin=data)
    else:
        result = invoke("--db", str(db), "import", str(source))
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert "is larger than 1 MB" in line and "nothing was imported" in line
    assert not db.exists()


def test_the_import_limit_leaves_room_for_a_large_export() -> None:
    assert import_source.IMPORT_MAX_MB * 1024 * 1024 > 2 * 57_000_000


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\xff\xfe" + '{"format": "followup"}'.encode("utf-16-le"), "this file is UTF-16"),
        ('{"format": "followup"}'.encode("utf-16-be"), "this file is UTF-16"),
        ('{"format": "followup"}'.encode("utf-32"), "this file is UTF-32"),
        (b"\xef\xbb\xbf\xef\xbb\xbf{}", "byte-order mark (BOM)"),
    ],
)
def test_a_file_in_another_encoding_is_named(tmp_path: Path, data: bytes, needle: str) -> None:
    result = invoke("--db", str(tmp_path / "db.json"), "import", "-", stdin=data)
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert needle in line and "byte 0" not in line


def test_a_key_given_twice_is_refused_naming_the_place(tmp_path: Path) -> None:
    data = export_doc(**SAMPLE).replace(b'"role": "Engineer"', b'"role": "A", "role": "B"')
    result = invoke("--db", str(tmp_path / "db.json"), "import", "-", stdin=data)
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert line.startswith("followup: standard input: interviews[0].role: the key is given twice")


def test_text_cut_to_fit_its_field_is_reported(tmp_path: Path) -> None:
    data = export_doc(**SAMPLE).replace(b"Went well", b"y" * 60_000)
    result = invoke("--db", str(tmp_path / "db.json"), "import", "-", stdin=data)
    assert result.exit_code == 0
    assert result.stderr == (
        "followup: warning: interviews[0].notes is 60,000 characters long; "
        "followup keeps the first 50,000\n"
    )
    assert "interviews: 1 added" in result.stdout


# An imported keymap --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keymap", "needle"),
    [
        ({"main.copy": OSC_52}, 'settings.keymap["main.copy"]: main.copy = \\x1b]52;c;'),
        ({f"main.copy{OSC_52}": "y"}, 'settings.keymap["main.copy\\x1b]52;c;'),
        ({"app.quit": "tab,j,k,l"}, 'settings.keymap["app.quit"]: Tab is kept for moving'),
        ({"quit": "q"}, 'settings.keymap["quit"]: there is no binding id “quit”'),
        ({"main.copy": "s"}, "settings.keymap: s would do both main.copy and main.sent"),
    ],
)
def test_an_imported_keymap_follows_the_settings_rules(
    tmp_path: Path, keymap: dict[str, str], needle: str
) -> None:
    db = tmp_path / "db.json"
    data = export_doc(settings={"keymap": keymap}, **SAMPLE)
    result = invoke("--db", str(db), "import", "-", stdin=data)
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert needle in line and line.endswith("; nothing was imported")
    assert not db.exists() or Store.open(db, read_only=True).dataset().interviews == ()


def test_a_good_imported_keymap_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    data = export_doc(settings={"keymap": {"main.copy": "y", "app.quit": "ctrl+q"}}, **SAMPLE)
    assert invoke("--db", str(db), "import", "-", stdin=data).exit_code == 0
    assert Store.open(db, read_only=True).settings.keymap == {
        "main.copy": "y",
        "app.quit": "ctrl+q",
    }


# Bidi controls and separators in the data never reach the terminal raw ---------------------------


def test_bidi_controls_in_notes_are_escaped_in_search_and_export(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    notes = f"zebra{BIDI}crossing{SEPARATORS}stripes"
    tables = {
        "companies": [{"id": "co_1", "name": f"Zebra{BIDI} Co"}],
        "interviews": [{"id": "iv_1", "company_id": "co_1", "role": "Eng", "notes": notes}],
        "contacts": [{"id": "ct_1", "name": f"Zed{SEPARATORS}Zane", "tidbits": [f"zebra {BIDI}"]}],
    }
    assert invoke("--db", str(db), "import", "-", stdin=export_doc(**tables)).exit_code == 0
    for args in (["search", "zebra"], ["search", "--json", "zebra"], ["export"], ["today"]):
        result = invoke("--db", str(db), "--today", "2026-11-26", *args)
        assert result.exit_code == 0, result.stderr
        assert_safe(result.stdout + result.stderr)
    searched = invoke("--db", str(db), "search", "zebra")
    assert "\\u202e" in searched.stdout  # the note's bidi controls, as escapes
    exported = invoke("--db", str(db), "export").stdout.encode()
    assert json.loads(exported)["interviews"][0]["notes"] == notes.replace(SEPARATORS, "\n\n")
    found = json.loads(invoke("--db", str(db), "search", "--json", "zebra").stdout)
    assert any(BIDI in hit["snippet"] for hit in found)


def test_today_escapes_bidi_controls_that_reach_it() -> None:
    # The model keeps them out of names today; a line printed must not depend on that.
    company = Company("co_1", "Acme")
    object.__setattr__(company, "name", f"Acme{BIDI}{OSC_52}")
    interview = Interview(
        "iv_1",
        "co_1",
        "Eng",
        rounds=(date(2026, 11, 25),),
        panel=("ct_1",),
        stage=Stage.INTERVIEWED,
    )
    contact = Contact("ct_1", "Ann")
    object.__setattr__(contact, "name", f"Ann{SEPARATORS}\x85")
    dataset = Dataset(companies=(company,), interviews=(interview,), contacts=(contact,))
    text = render_today(dataset, DAY)
    assert "Acme" in text and "Ann" in text
    assert_safe(text)
    # Nothing due: the line naming what comes next quotes a name too.
    later = Contact(
        "ct_2", "Bo", cadence_days=30, status=ConnectionStatus.CONNECTED, touches=(Touch("t", DAY),)
    )
    object.__setattr__(later, "name", f"Bo{BIDI}")
    text = render_today(Dataset(contacts=(later,)), DAY + timedelta(days=20))
    assert "Next due" in text and "Bo\\u202a" in text
    assert_safe(text)


# No traceback when the disk fails ------------------------------------------------------------


def no_space(fd: int) -> None:
    """``os.fsync`` on a full disk: the bytes written never reach it."""
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save fails as on a full disk (this machine runs as root: permissions cannot)."""
    monkeypatch.setattr(os, "fsync", no_space)


def folder_listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.usefixtures("full_disk")
def test_import_on_a_full_disk_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data" / "db.json"
    result = invoke("--db", str(db), "import", "-", stdin=export_doc(**SAMPLE))
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert "No space left on device" in line
    assert (
        not db.parent.exists() or folder_listing(db.parent) == {}
    )  # a new database: nothing at all, not even a temp


def test_import_into_a_database_on_a_full_disk_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    assert invoke("--db", str(db), "import", "-", stdin=export_doc(**SAMPLE)).exit_code == 0
    before = folder_listing(tmp_path)
    monkeypatch.setattr(os, "fsync", no_space)
    more = {"companies": [{"id": "co_2", "name": "Beta"}]}
    result = invoke("--db", str(db), "import", "-", stdin=export_doc(**more))
    line = one_line_error(result.stdout, result.stderr, result.exit_code)
    assert "No space left on device" in line
    assert folder_listing(tmp_path) == before  # the old file, and no temp file beside it


@pytest.mark.usefixtures("full_disk")
def test_the_demo_on_a_full_disk_is_one_line() -> None:
    result = invoke("--demo", "today")
    assert "No space left on device" in one_line_error(
        result.stdout, result.stderr, result.exit_code
    )


def test_a_failed_save_then_a_failed_close_raise_one_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A store whose close fails stays locked until the process ends: one database each.
    first, second = (Session(tmp_path / f"{n}.json", DAY, False) for n in "ab")
    for session in (first, second):
        Store.open(session.db_path).close()
    monkeypatch.setattr(os, "fsync", no_space)  # the databases exist: now the disk is full
    with pytest.raises(UserError, match="No space left on device"), first.store() as store:
        store.put(Company("co_1", "Acme"))
    with pytest.raises(UserError, match="something else"), second.store() as store:
        store.put(Company("co_1", "Acme"))
        raise UserError("something else")  # closing fails too; this error is the one shown


def test_output_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run("--demo", "--today", "2026-11-26", "export", stdout=full)
    line = one_line_error(None, result.stderr, result.returncode)
    assert "No space left on device" in line
