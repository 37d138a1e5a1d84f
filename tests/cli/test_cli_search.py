"""``followup search``: the command line finds what the app finds, as text or JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner, Result
from rich.cells import cell_len

from followup_tui.cli import cli

DEMO = ("--demo", "--today", "2026-11-26", "search")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*DEMO, *args], catch_exceptions=False)


def test_stage_filter_lists_exactly_the_rejected_interviews() -> None:
    result = run("stage:rejected", "--json")
    items = json.loads(result.output)
    assert result.exit_code == 0
    assert {(i["kind"], i["id"]) for i in items} == {
        ("interview", "iv_fjord_platform"),
        ("interview", "iv_acme_platform"),
    }
    assert all(i["stage"] == "rejected" for i in items)
    assert set(items[0]) >= {"kind", "id", "company", "role", "field", "snippet", "spans"}


def test_three_letters_of_a_surname_without_accents() -> None:
    for query, name in (("mul", "Zoë Müller"), ("alv", "José Álvarez-Núñez")):
        items = json.loads(run(query, "--json").output)
        assert items[0]["kind"] == "contact" and items[0]["name"] == name
        assert items[0]["field"] == "name"
        a, b = items[0]["spans"][0]
        assert items[0]["snippet"][a:b] in ("Mül", "Álv")


def test_a_tidbit_word_finds_its_person() -> None:
    items = json.loads(run("microbrew", "--json").output)
    assert [(i["name"], i["field"]) for i in items] == [("Søren Kjær", "tidbit")]


def test_plain_text_is_grouped_and_fits_80_columns() -> None:
    out = run("e").output
    assert out.index("People (") < out.index("Interviews (")
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    assert run("--limit", "2", "e").output.count("\n  ") <= 4
    assert run("zzzzqqq").output.strip() == "No matches."


def test_a_hint_goes_to_stderr_and_the_exit_is_zero() -> None:
    result = CliRunner().invoke(cli, [*DEMO, "foo:bar", "acme"])
    assert result.exit_code == 0
    assert result.stderr.strip() == (
        'followup: unknown filter "foo:" — try company:, stage:, tag:, before:, after:'
    )
    assert "Acme Cloud" in result.stdout


def test_a_real_process_finds_people_and_never_imports_textual() -> None:
    code = (
        "import sys; from followup_tui.cli import main; sys.argv = ['followup', '--demo', "
        "'search', 'mul', '--json']\ntry: main()\nexcept SystemExit: pass\n"
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) "
        "else 'CLEAN')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().endswith("CLEAN")
    assert json.loads(result.stdout.strip().rsplit("\n", 1)[0])[0]["name"] == "Zoë Müller"
