"""What the global options decide (the database, the day) and the one-line error for a user.

A user's mistake, a full disk or a hostile file ends with one line on stderr, never a traceback,
and whatever quotes a file name or user text goes through
:func:`~followup_tui.domain.terminal_safe`, so nothing printed can act on the terminal.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from ..domain import Dataset, parse_date, terminal_safe


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
        from ..store import Store, StoreError

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


def make_demo_db(today: date) -> Path:
    """Write the demo data into a fresh private temporary directory and return the file."""
    from ..demo import demo_dataset
    from ..store import Store, StoreError

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
