"""The command line: parse, resolve the database, open the store, then run the app or a command.

The command line is a contract that scripts rely on: a user's mistake, a full disk or a hostile
file ends with a non-zero exit status and one line on stderr, never a traceback. Whatever quotes a
file name or user text goes through :func:`~followup_tui.domain.terminal_safe`, so nothing printed
can act on the terminal. Textual is imported only when the app is opened, so the subcommands start
fast. :mod:`.session` holds what the global options decide, :mod:`.group` the command group,
:mod:`.data` export and import, :mod:`.reading` today and search, :mod:`.main` the entry point.
"""

from __future__ import annotations

from .group import cli
from .main import main
from .session import Session, UserError

__all__ = ["Session", "UserError", "cli", "main"]
