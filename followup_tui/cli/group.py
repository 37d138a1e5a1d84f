"""The ``followup`` command group: the global options, the app when no command is given."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from ..paths import DB_ENV, resolve_db_path
from .data import export_command
from .importing import import_command
from .reading import search_command, today_command
from .session import DateType, Session, fail, make_demo_db


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
@click.version_option(None, "--version", package_name="followup-tui", prog_name="followup")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, demo: bool, today: date | None) -> None:
    """followup: turn job interviews into lasting professional connections.

    With no command, opens the app.
    """
    day = today or date.today()
    if demo:
        if ctx.get_parameter_source("db") is click.core.ParameterSource.COMMANDLINE:
            fail("--demo uses its own temporary data; leave out --db")
        path = make_demo_db(day)
    else:
        path = resolve_db_path(db, os.environ)
    ctx.obj = Session(db_path=path, today=day, demo=demo)
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj)


def _run_app(session: Session) -> None:
    from ..store import StoreError

    with session.store() as store:
        from ..tui.collector import freeze_loaded

        # Before anything else allocates: the first collections would walk all the loaded data.
        freeze_loaded()
        from ..tui.app import FollowupApp

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


for command in (export_command, import_command, today_command, search_command):
    cli.add_command(command)
