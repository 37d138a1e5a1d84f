"""``followup import``: followup's own export merged by id, or another tool's file merged by
who and what it describes; all or nothing, and a dry run that says what would happen."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..domain import Bindable, terminal_safe
from .session import Session, fail

if TYPE_CHECKING:
    from ..interop import ImportProblem

#: Entries above which the merge shows a progress bar (on a terminal).
PROGRESS_FROM = 2000
#: Problems printed before "and N more".
SHOWN_PROBLEMS = 20


@click.command("import", short_help="Merge a file into the database, all or nothing.")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "json", "csv", "linkedin", "vcf"]),
    default="auto",
    show_default=True,
    help="json: a followup export; csv: a spreadsheet; linkedin: LinkedIn's data export "
    "(the ZIP, Connections.csv or Invitations.csv); vcf: vCards. auto tells them apart.",
)
@click.option(
    "--date-format",
    type=click.Choice(["dmy", "mdy"]),
    default=None,
    help="csv: read 03/04/2025 as day/month (dmy) or month/day (mdy) when the file does not "
    "settle it.",
)
@click.option("--dry-run", is_flag=True, help="Only report what would be added, merged, skipped.")
@click.option("-v", "--verbose", is_flag=True, help="List every decision, not only the totals.")
@click.pass_obj
def import_command(
    session: Session,
    source: Path,
    fmt: str,
    date_format: Any,
    dry_run: bool,
    verbose: bool,
) -> None:
    """Merge SOURCE (or - for standard input) into the database, all or nothing: a followup
    export, a spreadsheet, LinkedIn's data export or vCards (docs/data-format.md)."""
    from ..interop import ImportProblem, SourceError, plan_read, read_file, read_source

    if str(source) in ("", "."):
        fail("give the file to import (or - for standard input)")
    name = "standard input" if str(source) == "-" else str(source)
    try:
        raw = read_source(None if str(source) == "-" else source, name)
        read = read_file(raw, name=name, fmt=fmt, date_order=date_format, bindings=_bindings)
    except SourceError as error:
        fail(str(error))
    except ImportProblem as problem:
        _refuse(name, problem)
    with session.store(read_only=dry_run) as store, _ProgressBar() as bar:
        try:
            plan = plan_read(store.dataset(), read, session.today, bar.update)
        except ImportProblem as problem:
            bar.close()
            _refuse(name, problem)
        if not dry_run and plan.has_changes:
            store.replace_all(plan.result)
    for warning in plan.warnings[:5]:
        click.echo(f"followup: warning: {terminal_safe(warning)}", err=True)
    if len(plan.warnings) > 5:
        click.echo(f"followup: warning: and {len(plan.warnings) - 5} more cut", err=True)
    if dry_run:
        click.echo("Would import (dry run, nothing written):")
    elif plan.has_changes or plan.format == "json":
        click.echo("Imported:")
    else:
        click.echo("Nothing imported: the file adds nothing to what you have.")
    click.echo(terminal_safe(plan.detail if dry_run or verbose else plan.summary, lines=True))


class _ProgressBar:
    """A progress bar on stderr, shown once a merge turns out to have many entries."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._done = 0

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def update(self, done: int, total: int) -> None:
        """The merge has done ``done`` entries of ``total``."""
        if self._bar is None:
            if total < PROGRESS_FROM or not sys.stderr.isatty():
                return
            self._bar = click.progressbar(length=total, label="Merging", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        """Finish the bar's line, if one was shown."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _refuse(name: str, problem: ImportProblem) -> NoReturn:
    """Stop with the file's problem on one line; with several, one line for each first (the
    first :data:`SHOWN_PROBLEMS` of them), then the count. Nothing was imported."""
    where = terminal_safe(name)
    if problem.total == 1:
        fail(f"{where}: {problem.problems[0]}; nothing was imported")
    shown = problem.listed[:SHOWN_PROBLEMS]
    for line in shown:
        click.echo(f"followup: {where}: {line}", err=True)
    if problem.total > len(shown):
        click.echo(f"followup: {where}: and {problem.total - len(shown)} more", err=True)
    fail(f"{where}: {problem.total} problems; nothing was imported")


def _bindings() -> Mapping[str, Bindable]:
    """The binding ids an imported keymap may name: the app's command table (needs Textual)."""
    from ..domain import bindable
    from ..tui.commands import COMMANDS

    return bindable(COMMANDS)
