"""``followup today``: the daily review on the command line, as text and as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from followup_tui.cli import cli
from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Settings,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.domain.text import cell_width, fit
from followup_tui.review.queue import ItemKind
from followup_tui.store.store import Store

TODAY = "2026-11-26"
EDGE_DAYS = (date(2024, 2, 29), date(2025, 1, 31), date(2025, 3, 1), date(2026, 12, 31))
FIELDS = {
    "key",
    "kind",
    "due",
    "overdue",
    "since",
    "company",
    "role",
    "contact",
    "contact_id",
    "interview_id",
    "company_id",
    "summary",
    "suggestion",
    "touch_kind",
}
SOME = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def today(*args: str) -> Result:
    """Run ``followup <args>`` in process, as the command line would."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def demo_json(day: date) -> list[dict[str, object]]:
    result = today("--demo", "--today", day.isoformat(), "today", "--json")
    assert result.exit_code == 0, result.output
    items: list[dict[str, object]] = json.loads(result.output)
    return items


def with_edge_days(test: Callable[[date], None]) -> Callable[..., None]:
    """Run ``test(day)`` on the edge days and on many others from 2000 to 2099."""
    for day in EDGE_DAYS:
        test = example(day=day)(test)
    return SOME(given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))(test))


@with_edge_days
def test_the_demo_lists_every_kind_on_any_day(day: date) -> None:
    items = demo_json(day)
    assert {item["kind"] for item in items} == {kind.value for kind in ItemKind}
    assert len({item["key"] for item in items}) == len(items)
    for item in items:
        assert set(item) == FIELDS
        assert date.fromisoformat(str(item["due"])) and item["summary"]
        assert item["overdue"] is (date.fromisoformat(str(item["due"])) < day)
        assert (item["contact"] is None) is (item["kind"] == "reapply_open")


@with_edge_days
def test_plain_lines_fit_80_columns(day: date) -> None:
    result = today("--demo", "--today", day.isoformat(), "today")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Today, {day:%a} {day.day} {day:%b %Y}: ")
    assert [line for line in lines if cell_len(line) > 80] == []
    for kind in ItemKind:
        assert any(line.startswith(f"{kind.label} (") for line in lines)


def test_the_plain_text_reads_as_documented() -> None:
    lines = today("--demo", "--today", TODAY, "today").output.splitlines()
    assert lines[0] == "Today, Thu 26 Nov 2026: 11 due (10 overdue) · invitations this month 3/5"
    assert lines[1:4] == [
        "",
        "Thank-you notes (3)",
        "  ! Kestrel Robo… · Backend Engi… · José Álvarez… · round yesterday, not thanked",
    ]
    assert (
        "    Acme Cloud · Platform Engineer · cooling-off ends Fri 27 Nov (tomorrow); po…" in lines
    )


def test_one_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_tui",
            "--demo",
            "--today",
            "2025-01-31",
            "today",
            "--json",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert {item["kind"] for item in items} == {kind.value for kind in ItemKind}
    assert result.stderr == b""


def test_today_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "from followup_tui.cli import main\n"
        "sys.argv = ['followup', '--demo', '--today', '2026-11-26', 'today']\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print('EXIT', code, 'TEXTUAL', ','.join(bad) or '-', file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert "EXIT 0 TEXTUAL -" in result.stderr, result.stderr
    assert "Thank-you notes" in result.stdout


def test_nothing_due_exits_0_and_says_when_next(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    result = today("--db", str(missing), "--today", TODAY, "today")
    assert (result.exit_code, result.output) == (
        0,
        "Nothing due today.\nNothing else falls due in the next 60 days.\n",
    )
    assert not missing.exists()
    assert json.loads(today("--db", str(missing), "--today", TODAY, "today", "--json").output) == []

    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.replace_all(
            Dataset(
                contacts=(
                    Contact(
                        "ct_1",
                        "Ann Lee",
                        status=ConnectionStatus.CONNECTED,
                        company="Acme",
                        touches=(Touch("t1", date(2026, 11, 16)),),
                    ),
                )
            )
        )
    result = today("--db", str(db), "--today", TODAY, "today")
    assert result.exit_code == 0
    assert result.output == (
        "Nothing due today.\nNext due: Wed 16 Dec (in 20 days) · Keep in touch · Acme · Ann Lee\n"
    )


def test_past_the_invitation_budget_the_header_says_so(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    day = date(2026, 11, 26)
    invited = tuple(
        Contact(
            f"ct_{n}",
            f"P {n}",
            status=ConnectionStatus.INVITE_SENT,
            touches=(
                Touch(
                    f"t{n}",
                    day - timedelta(days=20),
                    TouchKind.INVITE,
                    Channel.LINKEDIN_INVITE,
                    "Hi, glad we met",
                ),
            ),
        )
        for n in range(2)
    )
    with Store.open(db) as store:
        store.replace_all(Dataset(settings=Settings(invite_budget=2), contacts=invited))
    lines = today("--db", str(db), "--today", TODAY, "today").output.splitlines()
    assert lines[:2] == [
        "Today, Thu 26 Nov 2026: 2 due (2 overdue) · invitations this month 2/2",
        "Invitation budget used (2/2): send without a note or wait until 1 Dec",
    ]


def test_hostile_and_wide_text_still_fits(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    day = date(2026, 11, 26)
    wide = "株式会社アルファ" * 10
    with Store.open(db) as store:
        store.replace_all(
            Dataset(
                companies=(
                    Company("co_1", wide, cooling_off_months=1, cooling_off_source="e\u0301" * 200),
                ),
                interviews=(
                    Interview("iv_1", "co_1", "R" * 290, rounds=(day,), panel=("ct_1",)),
                    Interview(
                        "iv_2",
                        "co_1",
                        "Dev",
                        rounds=(day - timedelta(days=40),),
                        stage=Stage.REJECTED,
                        decision_date=day - timedelta(days=32),
                    ),
                ),
                contacts=(Contact("ct_1", "\x1b[31mZ\u200b" + "👩‍💻" * 50),),
            )
        )
    result = today("--db", str(db), "--today", TODAY, "today")
    lines = result.output.splitlines()
    assert result.exit_code == 0 and len(lines) > 4
    assert all(cell_len(line) <= 80 and cell_width(line) <= 80 for line in lines), lines
    assert "\x1b" not in result.output


def test_fit_counts_cells_and_marks_the_cut() -> None:
    assert fit("short", 10) == "short"
    assert fit("abcdefghij", 5) == "abcd…"
    assert fit("田中陽子さん", 7) == "田中陽…"
    assert cell_width(fit("田中陽子さん", 8)) <= 8
    assert cell_width("e\u0301") == 1


def test_a_broken_database_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "followup.json"
    db.write_bytes(b"{broken")
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), "today"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and str(db) in result.stderr
