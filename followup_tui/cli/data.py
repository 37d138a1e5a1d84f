"""The commands that move data in and out: ``export`` and ``import``."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import click

from ..domain import Bindable, FormatError, terminal_safe
from .session import Session, fail


@click.command("export", short_help="Write everything as JSON, or a CSV or Markdown report.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "md"]),
    default="json",
    show_default=True,
    help="json: the interchange format; csv: a spreadsheet; md: a report (docs/data-format.md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.pass_obj
def export_command(session: Session, fmt: str, output: Path | None) -> None:
    """Write the whole database in the interchange format, or as a CSV or Markdown report."""
    from ..interop import export_csv, export_json, export_markdown

    writers = {"json": export_json, "csv": export_csv, "md": export_markdown}
    with session.store(read_only=True) as store:
        data = writers[fmt](store.dataset())
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from ..store import atomic_write

    try:
        atomic_write(output, data)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    click.echo(f"Exported to {terminal_safe(str(output))}", err=True)


@click.command("import", short_help="Merge an export into the database, all or nothing.")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only report what would be added or changed.")
@click.pass_obj
def import_command(session: Session, source: Path, dry_run: bool) -> None:
    """Merge an export file (or - for standard input) into the database, all or nothing."""
    from ..interop import ImportProblem, SourceError, plan_import, read_document, read_source

    name = "standard input" if str(source) == "-" else str(source)
    try:
        raw = read_source(None if str(source) == "-" else source, name)
    except SourceError as error:
        fail(str(error))
    with session.store(read_only=dry_run) as store:
        try:
            read = read_document(raw, bindings=_bindings)
            plan = plan_import(store.dataset(), read.dataset)
        except (ImportProblem, FormatError) as error:
            fail(f"{name}: {error}; nothing was imported")
        if not dry_run:
            store.replace_all(plan.result)
    for warning in read.warnings[:5]:
        click.echo(f"followup: warning: {terminal_safe(warning)}", err=True)
    if len(read.warnings) > 5:
        click.echo(f"followup: warning: and {len(read.warnings) - 5} more cut", err=True)
    prefix = "Would import (dry run, nothing written):" if dry_run else "Imported:"
    click.echo(prefix)
    click.echo(plan.summary())


def _bindings() -> Mapping[str, Bindable]:
    """The binding ids an imported keymap may name: the app's command table (needs Textual)."""
    from ..domain import bindable
    from ..tui.commands import COMMANDS

    return bindable(COMMANDS)
