"""``followup today`` and ``followup search QUERY`` as whole processes, against
``python -c "import textual"``: what a shell user waits for, start to exit.

Each command reads a copy of the data (read-only: neither takes the lock nor writes) and prints
to a pipe, which the bench discards.
"""

from __future__ import annotations

from pathlib import Path

from harness import followup_argv, run_seconds

QUERY = "jose"


def today(db: Path, env: dict[str, str]) -> float:
    """Seconds for ``followup today`` over ``db``."""
    return run_seconds(followup_argv(db, "today"), env)


def search(db: Path, env: dict[str, str], query: str = QUERY) -> float:
    """Seconds for ``followup search QUERY`` over ``db``."""
    return run_seconds(followup_argv(db, "search", query), env)


def import_textual(env: dict[str, str]) -> float:
    """Seconds for ``python -c "import textual"``, the baseline of both."""
    return run_seconds(["-c", "import textual"], env)
