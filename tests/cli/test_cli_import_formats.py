"""``followup import`` of other tools' files and ``followup export --format ics|vcf``, as a
person runs them: the summary, the refusal naming the line, and the file left as it was."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path
from tempfile import TemporaryDirectory

import icalendar
import pytest
import vobject
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.cli import cli
from followup_tui.cli.importing import _ProgressBar
from followup_tui.domain import ConnectionStatus, Stage, TouchKind
from followup_tui.store import Store

DATA = Path(__file__).parents[1] / "interop" / "data"
TODAY = "2026-12-02"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--today", TODAY, *args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_spreadsheet_imports_with_a_summary_and_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    first = run(db, "import", str(DATA / "spreadsheet_20.csv"))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Imported:\nspreadsheet: 19 companies, 20 interviews, 33 people")
    assert "Referral" in first.stdout  # the unknown column is reported
    before = digest(db)
    again = run(db, "import", str(DATA / "spreadsheet_20.csv"))
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("Nothing imported: the file adds nothing")
    assert digest(db) == before


def test_an_impossible_date_on_line_7_is_refused_and_the_file_is_unchanged(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.json"
    assert run(db, "import", str(DATA / "spreadsheet_20.csv")).exit_code == 0
    before = digest(db)
    result = run(db, "import", str(DATA / "spreadsheet_20_bad.csv"))
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "spreadsheet_20_bad.csv: line 7: " in line and "nothing was imported" in line
    assert digest(db) == before


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    sheet = tmp_path / "two.csv"
    sheet.write_text("Company,Role,Date\nAcme,SRE,2025-02-30\nGlobex,QA,2025-13-01\n")
    result = run(tmp_path / "db.json", "import", str(sheet))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": ")[2] for line in lines[:2]] == ["line 2", "line 3"]
    assert lines[-1].endswith("2 problems; nothing was imported")
    assert not (tmp_path / "db.json").exists()


def test_ambiguous_dates_stop_until_the_order_is_given(tmp_path: Path) -> None:
    sheet = tmp_path / "dates.csv"
    sheet.write_text("Company,Role,Date\nAcme,SRE,03/04/2025\n")
    db = tmp_path / "db.json"
    refused = run(db, "import", str(sheet))
    assert refused.exit_code == 1 and "--date-format" in refused.stderr
    done = run(db, "import", "--date-format", "dmy", str(sheet))
    assert done.exit_code == 0, done.output
    with Store.open(db, read_only=True) as store:
        assert [i.rounds[0].isoformat() for i in store.dataset().interviews] == ["2025-04-03"]


def test_a_dry_run_lists_each_decision_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    result = run(db, "import", "--dry-run", str(DATA / "spreadsheet_20.csv"))
    assert result.exit_code == 0, result.output
    assert "  added: person Søren Kjær (line 4)" in result.stdout
    assert not db.exists()


def test_linkedin_connections_mark_the_people_you_have_as_connected(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    assert run(db, "import", str(DATA / "spreadsheet_20.csv")).exit_code == 0
    connections = tmp_path / "Connections.csv"
    connections.write_text(
        'Notes:\n"Some emails are missing."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Soren,Kjaer,,,Fjord Analytics,Staff Engineer,14 Mar 2026\n"
        "Nadia,Stranger,,,Elsewhere,CTO,15 Mar 2026\n",
        encoding="utf-8",
    )
    result = run(db, "import", "--verbose", str(connections))
    assert result.exit_code == 0, result.output
    assert "Søren Kjær (Connections.csv line 5): connected on Sat 14 Mar 2026" in result.stdout
    assert "Nadia Stranger (Connections.csv line 6): not among your people" in result.stdout
    with Store.open(db, read_only=True) as store:
        soren = next(c for c in store.dataset().contacts if c.name == "Søren Kjær")
    assert soren.status is ConnectionStatus.CONNECTED
    assert [(t.kind, t.date.isoformat()) for t in soren.touches] == [
        (TouchKind.INVITE_ACCEPTED, "2026-03-14")
    ]
    assert run(db, "import", str(connections)).stdout.startswith("Nothing imported")


def test_the_csv_export_of_the_demo_imports_into_an_empty_database(tmp_path: Path) -> None:
    sheet = tmp_path / "demo.csv"
    exported = CliRunner().invoke(
        cli, ["--demo", "--today", TODAY, "export", "--format", "csv", "-o", str(sheet)]
    )
    assert exported.exit_code == 0, exported.output
    db = tmp_path / "db.json"
    result = run(db, "import", str(sheet))
    assert result.exit_code == 0, result.output
    demo = tmp_path / "demo.json"
    CliRunner().invoke(cli, ["--demo", "--today", TODAY, "export", "-o", str(demo)])
    with Store.open(db, read_only=True) as store:
        imported = store.dataset()
    original = run(tmp_path / "orig.json", "import", str(demo))
    assert original.exit_code == 0
    with Store.open(tmp_path / "orig.json", read_only=True) as store:
        source = store.dataset()

    # The spreadsheet has one date per interview, its last round.
    def interviews(data: object) -> set[tuple[str, str, str, Stage]]:
        names = {c.id: c.name for c in data.companies}  # type: ignore[attr-defined]
        return {
            (names[i.company_id], i.role, str(i.rounds[-1:]), i.stage)
            for i in data.interviews  # type: ignore[attr-defined]
        }

    assert interviews(imported) == interviews(source)
    panel = {c.id for i in source.interviews for c in source.contacts if c.id in i.people}
    wanted = {(c.name, c.title, c.email, c.linkedin) for c in source.contacts if c.id in panel}
    got = {(c.name, c.title, c.email, c.linkedin) for c in imported.contacts}
    assert got == wanted


def test_ics_export_holds_the_follow_ups_as_all_day_events(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--demo", "--today", TODAY, "export", "--format", "ics", "--days", "30"]
    )
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    events = list(calendar.walk("VEVENT"))
    assert events
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert (end - start).days == 1
        assert str(event["UID"]).endswith("@followup")


def test_vcf_export_to_a_directory_writes_one_private_card_per_person(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    result = CliRunner().invoke(
        cli, ["--demo", "--today", TODAY, "export", "--format", "vcf", "-o", f"{folder}/"]
    )
    assert result.exit_code == 0, result.output
    cards = sorted(folder.iterdir())
    assert f"Exported {len(cards)} cards to" in result.stderr
    names = {vobject.readOne(card.read_text(encoding="utf-8")).fn.value for card in cards}
    assert "Søren Kjær" in names
    assert {oct(card.stat().st_mode & 0o777) for card in cards} == {"0o600"}
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_only_vcf_can_go_to_a_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--demo", "export", "--format", "csv", "-o", f"{tmp_path}/"])
    assert result.exit_code == 1
    assert "is a directory; --format csv needs a file name" in result.stderr


def test_a_large_spreadsheet_merges_with_a_progress_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"Co {n // 4},Role {n % 7},2025-01-{1 + n % 28:02d},Person {n}" for n in range(2400)]
    sheet = tmp_path / "big.csv"
    sheet.write_text("Company,Role,Date,Interviewer\n" + "\n".join(rows) + "\n")
    quiet = run(tmp_path / "quiet.json", "import", str(sheet))
    assert quiet.exit_code == 0, quiet.output
    assert "2400 people added" in quiet.stdout
    assert "Merging" not in quiet.stderr  # not a terminal: no bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = _ProgressBar()
    bar.update(1200, 2400)
    bar.update(2400, 2400)
    bar.close()
    assert "Merging" in terminal.getvalue() and "100%" in terminal.getvalue()


@settings(max_examples=25)
@given(
    junk=st.one_of(
        st.binary(max_size=300),
        st.text(
            alphabet=st.sampled_from('a,;"\n\r\t=:Company Role Date BEGIN:VCARD é'), max_size=200
        ).map(lambda text: text.encode()),
    )
)
def test_junk_never_crashes_an_import_and_a_refusal_writes_nothing(junk: bytes) -> None:
    with TemporaryDirectory() as folder:
        db, source = Path(folder) / "db.json", Path(folder) / "junk"
        assert run(db, "import", str(DATA / "spreadsheet_20.csv")).exit_code == 0
        before = digest(db)
        source.write_bytes(junk)
        result = run(db, "import", str(source))
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert result.stderr.startswith("followup: ")
            assert digest(db) == before


def test_export_follows_a_link_and_never_replaces_what_it_must_not(tmp_path: Path) -> None:
    export = ["--demo", "--today", TODAY, "export", "--format", "ics", "-o"]
    real = tmp_path / "synced" / "real.ics"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    assert CliRunner().invoke(cli, [*export, str(link)]).exit_code == 0
    assert link.is_symlink() and real.read_text().startswith("BEGIN:VCALENDAR")

    kept = tmp_path / "kept.ics"
    kept.write_text("mine")
    kept.chmod(0o400)
    refused = CliRunner().invoke(cli, [*export, str(kept)])
    assert refused.exit_code == 1 and "read-only" in refused.stderr
    assert kept.read_text() == "mine"

    if Path("/dev/full").exists():
        full = CliRunner().invoke(cli, [*export, "/dev/full"])
        assert full.exit_code == 1 and "No space left on device" in full.stderr
        assert Path("/dev/full").is_char_device()
