"""``followup export``: the data as JSON, a spreadsheet, a report, a calendar or an address book."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..domain import Dataset, terminal_safe
from .session import Session, fail

#: The formats ``followup export --format`` writes, with what each is for (the help says so).
EXPORT_FORMATS = {
    "json": "the interchange format, read back by followup import",
    "csv": "a spreadsheet, one row per interview and person",
    "md": "a readable report per company and interview",
    "ics": "a calendar of the follow-ups due in the next --days days",
    "vcf": "an address book of the people (-o DIR/ for one card per file)",
}


@click.command("export", short_help="Write the data as JSON, CSV, Markdown, a calendar or vCards.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default="json",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in EXPORT_FORMATS.items()) + ".",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Write to this file instead of standard output (vcf: a directory ending in / too).",
)
@click.option(
    "--days",
    type=click.IntRange(0, 3650),
    default=90,
    show_default=True,
    help="ics: how many days ahead to include.",
)
@click.pass_obj
def export_command(session: Session, fmt: str, output: str | None, days: int) -> None:
    """Write the whole database in the interchange format, or as a report, a calendar of the
    follow-ups coming up, or an address book (docs/data-format.md)."""
    if output == "":
        fail("-o needs a file name (or a directory ending in / for vcf)")
    with session.store(read_only=True) as store:
        dataset = store.dataset()
    if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        if fmt != "vcf":
            what = (
                "is a directory" if Path(output).is_dir() else "ends in /, which names a directory"
            )
            fail(f"{terminal_safe(output)} {what}; --format {fmt} needs a file name")
        _write_cards(dataset, Path(output))
        return
    from ..interop import export_bytes

    data = export_bytes(fmt, dataset, session.today, days)
    if output is None:
        if fmt != "json" and sys.stdout.isatty():
            # Shown on a terminal, not saved: what it would act on (bidi controls in a note)
            # is shown as an escape. Redirected to a file, the bytes stay exactly as exported.
            text = data.decode("utf-8").replace("\r\n", "\n")
            data = terminal_safe(text, lines=True).encode("utf-8")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from ..store import write_output

    try:
        write_output(Path(output), data)
    except OSError as error:
        fail(f"cannot write {terminal_safe(output)}: {error.strerror or error}")
    click.echo(f"Exported to {terminal_safe(output)}", err=True)


def _write_cards(dataset: Dataset, directory: Path) -> None:
    """One vCard per person in ``directory`` (made private if new), as khard and vdirsyncer
    read an address book; cards already there for other people are left alone."""
    from ..interop import vcard_files
    from ..store import write_directory

    where = terminal_safe(str(directory))
    try:
        count = write_directory(directory, vcard_files(dataset))
    except OSError as error:
        fail(f"cannot write to {where}: {error.strerror or error}")
    click.echo(f"Exported {count} cards to {where}", err=True)
