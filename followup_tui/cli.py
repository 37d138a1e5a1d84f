"""The command line: parse, resolve the database, open the store, then run the app or a command.

The command line is a contract that scripts rely on: a user's mistake, a full disk or a hostile
file ends with a non-zero exit status and one line on stderr, never a traceback. Whatever quotes a
file name or user text goes through :func:`~followup_tui.domain.terminal_safe`, so nothing printed
can act on the terminal. Textual is imported only when the app is opened, so the subcommands start
fast.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .domain import Bindable, Dataset, FormatError, parse_date, terminal_safe
from .paths import DB_ENV, resolve_db_path


class UserError(click.ClickException):
    """A problem the user can fix, shown as ``followup: <message>`` on one line."""

    def __init__(self, message: str) -> None:
        # Messages quote file names and user text: one line, nothing a terminal would act on.
        super().__init__(terminal_safe(message))

    def show(self, file: Any = None) -> None:
        """Print the one-line message to stderr."""
        click.echo(f"followup: {self.format_message()}", err=True)


def fail(message: str) -> NoReturn:
    """Stop the command with a one-line error."""
    raise UserError(message)


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A ``YYYY-MM-DD`` option value."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse the value, or report which option got a bad date."""
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


@dataclass
class Session:
    """What the global options decided: which database, and what day it is."""

    db_path: Path
    today: date
    demo: bool

    @contextmanager
    def store(self, *, read_only: bool = False) -> Iterator[Any]:
        """Open the store, turning every storage problem into a one-line error."""
        from .store import Store, StoreError

        if read_only and not os.path.lexists(self.db_path):
            # Nothing has been saved yet: reading it is reading an empty database. (A link
            # that leads nowhere is not "nothing yet": the store says where it points.)
            yield _NoDatabase()
            return
        try:
            store = Store.open(self.db_path, read_only=read_only)
        except StoreError as error:
            fail(str(error))
        saved = False
        try:
            yield store
            store.flush()
            saved = True
        except StoreError as error:
            fail(str(error))
        finally:
            # Closing saves again. After a failure that would only fail the same way, and its
            # error must not replace the one already on its way out.
            try:
                store.close()
            except StoreError as error:
                if saved:
                    fail(str(error))


class _NoDatabase:
    """Stands in for a database that does not exist yet, for commands that only read."""

    def dataset(self) -> Dataset:
        """Everything in it: nothing."""
        return Dataset()


def _make_demo_db(today: date) -> Path:
    """Write the demo data into a fresh private temporary directory and return the file."""
    from .demo import demo_dataset
    from .store import Store, StoreError

    try:
        folder = Path(tempfile.mkdtemp(prefix="followup-demo-"))
    except OSError as error:
        fail(f"cannot make a folder for the demo data: {error.strerror or error}")
    click.get_current_context().call_on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
    path = folder / "followup.json"
    try:
        with Store.open(path) as store:
            store.replace_all(demo_dataset(today))
    except StoreError as error:
        fail(str(error))
    return path


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    show_envvar=True,
    help="The database file (default: in your user data directory).",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Use a fresh temporary copy of the built-in demo data; your database is not opened.",
)
@click.option(
    "--today",
    type=DateType(),
    default=None,
    help="Pretend today is this day (for demos and tests).",
)
@click.version_option(__version__, "--version", prog_name="followup")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, demo: bool, today: date | None) -> None:
    """followup: turn job interviews into lasting professional connections.

    With no command, opens the app.
    """
    day = today or date.today()
    if demo:
        if ctx.get_parameter_source("db") is click.core.ParameterSource.COMMANDLINE:
            fail("--demo uses its own temporary data; leave out --db")
        path = _make_demo_db(day)
    else:
        path = resolve_db_path(db, os.environ)
    ctx.obj = Session(db_path=path, today=day, demo=demo)
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj)


def _run_app(session: Session) -> None:
    from .store import StoreError

    with session.store() as store:
        from .tui.app import FollowupApp

        app = FollowupApp(store, today=session.today, demo=session.demo)
        try:
            app.run()
        finally:
            try:
                store.flush()
            except StoreError as error:
                fail(str(error))
    if app.return_code:
        sys.exit(app.return_code)


@cli.command("export", short_help="Write everything as JSON (the interchange format).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="The interchange format (see docs/data-format.md).",
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
    """Write the whole database in the documented interchange format."""
    from .interop import export_json

    with session.store(read_only=True) as store:
        data = export_json(store.dataset())
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .store import atomic_write

    try:
        atomic_write(output, data)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    click.echo(f"Exported to {terminal_safe(str(output))}", err=True)


@cli.command("import", short_help="Merge an export into the database, all or nothing.")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only report what would be added or changed.")
@click.pass_obj
def import_command(session: Session, source: Path, dry_run: bool) -> None:
    """Merge an export file (or - for standard input) into the database, all or nothing."""
    from .interop import ImportProblem, SourceError, plan_import, read_document, read_source

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
    from .domain import bindable
    from .tui.commands import COMMANDS

    return bindable(COMMANDS)


@cli.command("today", short_help="List everything due today (the daily review).")
@click.option("--json", "as_json", is_flag=True, help="Print the items as a JSON list.")
@click.pass_obj
def today_command(session: Session, as_json: bool) -> None:
    """List everything due today: the daily review, as the app's r screen shows it."""
    from .review import render_today, today_json

    with session.store(read_only=True) as store:
        dataset = store.dataset()
    if as_json:
        _echo_json(today_json(dataset, session.today))
    else:
        click.echo(render_today(dataset, session.today))


@cli.command("search", short_help="Find people and interviews across every panel.")
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON list.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Show at most this many people and this many interviews.",
)
@click.pass_obj
def search_command(session: Session, query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Find people and interviews: words match the start of any word, accents and case aside.

    QUERY may be several words (quoting them is optional); no words lists everything.

    Filters: company:NAME stage:STAGE tag:TAG before:YYYY-MM-DD after:YYYY-MM-DD.
    """
    from .search import SearchIndex, render_search, search_json

    with session.store(read_only=True) as store:
        dataset = store.dataset()
    index = SearchIndex.build(
        {c.id: c for c in dataset.companies},
        {i.id: i for i in dataset.interviews},
        {c.id: c for c in dataset.contacts},
    )
    result = index.search(" ".join(query), limit=limit)
    for hint in result.hints:
        click.echo(f"followup: {terminal_safe(hint)}", err=True)
    if as_json:
        _echo_json(search_json(result, dataset))
    else:
        click.echo(render_search(result))


def _echo_json(value: object) -> None:
    """Print ``value`` as indented JSON, with the characters a terminal acts on escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    click.echo(terminal_safe(text, lines=True, json=True))


def main() -> None:
    """Entry point of the ``followup`` command; every error is one line on stderr."""
    try:
        code = cli.main(prog_name="followup", standalone_mode=False)
        sys.stdout.flush()  # here, where a full disk is caught, rather than at exit
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "followup"
        message = terminal_safe(error.format_message())
        click.echo(f"followup: {message} (see '{terminal_safe(command)} --help')", err=True)
        code = error.exit_code
    except click.ClickException as error:
        click.echo(f"followup: {terminal_safe(error.format_message())}", err=True)
        code = error.exit_code
    except click.exceptions.Abort:
        click.echo("followup: interrupted", err=True)
        code = 130
    except BrokenPipeError:
        # The reader went away (``followup export | head``): leave quietly.
        _drop_stdout()
        code = 1
    except OSError as error:
        # Most likely writing the output failed (``followup export > /dev/full``).
        _drop_stdout()
        where = f"{terminal_safe(str(error.filename))}: " if error.filename else ""
        click.echo(f"followup: {where}{terminal_safe(error.strerror or str(error))}", err=True)
        code = 1
    except MemoryError:
        click.echo("followup: out of memory", err=True)
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


def _drop_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
