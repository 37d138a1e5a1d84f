"""The commands that only read: ``today`` (the daily review) and ``search``.

Neither imports Textual, so they start fast and run where there is no terminal for the app.
"""

from __future__ import annotations

import json

import click

from ..domain import terminal_safe
from .session import Session


@click.command("today", short_help="List everything due today (the daily review).")
@click.option("--json", "as_json", is_flag=True, help="Print the items as a JSON list.")
@click.pass_obj
def today_command(session: Session, as_json: bool) -> None:
    """List everything due today: the daily review, as the app's r screen shows it."""
    from ..review import render_today, today_json

    with session.store(read_only=True) as store:
        dataset = store.dataset()
    if as_json:
        _echo_json(today_json(dataset, session.today))
    else:
        click.echo(render_today(dataset, session.today))


@click.command("search", short_help="Find people and interviews across every panel.")
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
    from ..search import render_search, search_json, search_once

    with session.store(read_only=True) as store:
        dataset = store.dataset()
    result = search_once(  # one query: no index of everything
        {c.id: c for c in dataset.companies},
        {i.id: i for i in dataset.interviews},
        {c.id: c for c in dataset.contacts},
        " ".join(query),
        limit=limit,
    )
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
