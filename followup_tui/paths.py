"""Where followup keeps its files. Functions only: nothing is created when this is imported."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "followup"
DB_FILENAME = "followup.json"
#: Environment variable naming the database file; the ``--db`` flag wins over it.
DB_ENV = "FOLLOWUP_DB"


def data_dir() -> Path:
    """The per-user data directory, such as ``~/.local/share/followup`` on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``FOLLOWUP_DB`` names one."""
    return data_dir() / DB_FILENAME


def resolve_db_path(flag: str | Path | None, env: Mapping[str, str]) -> Path:
    """The database to open: the flag, else the environment variable, else the default."""
    if flag:
        return Path(flag).expanduser()
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    return default_db_path()


def notes_dir(db_path: Path) -> Path:
    """Where copied notes are saved as files, beside the database they belong to."""
    return db_path.parent / "notes"
