"""The entry point of the ``followup`` command: every error ends as one line on stderr."""

from __future__ import annotations

import os
import sys

import click

from ..domain import terminal_safe
from .group import cli


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
