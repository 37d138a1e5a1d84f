"""The shape of the data file, its schema versions, and the migrations between them.

The file is a TinyDB database, in TinyDB's own layout: table name -> document id (``doc_id``, a
decimal string) -> record::

    {"meta":       {"1": {"schema": 3}},
     "settings":   {"1": {...Settings...}},
     "companies":  {"1": {...Company...}, "2": {...}},
     "interviews": {...}, "contacts": {...}, "templates": {...},
     "review":     {"1": {...ReviewState...}}}

Stock TinyDB opens the file as it is (``TinyDB(path).table("contacts").all()``), and so does
followup's checked path, which reads every file the fast read declines through TinyDB
(:mod:`.checked`); the fast read (:func:`.loaded.read_current`) and every save
(:mod:`.document`) read and write this same layout directly, for speed.

Records are model objects as :func:`codec.to_builtins` gives them (dates as ISO strings). A
record is known by its own ``"id"``; document ids only keep the order in which records were first
added. Missing tables read as empty, a missing settings record as the default settings and a
missing review record as an empty review state, but ``meta`` is required: without it there is no
telling which shape the file has. Tables this version does not know are kept as they are.

The ``review`` table (snoozed, dismissed and cleared review items) came later within schema 2:
it is optional, so adding it needed no new version, and a followup that predates it keeps it as an
unknown table.

Schema 1, the earliest draft, had the same tables, except that:

- an interview had a single ``"date"`` (an ISO date string, or null) where schema 2 has
  ``"rounds"``, a list of dates;
- a contact's ``"tidbits"`` was one string, a tidbit per line, where schema 2 has a list.

Schema 2 differed from schema 3 only in an interview's feedback: a ``"feedback_asked"`` flag and
one ``"feedback"`` text, where schema 3 has a list of feedback entries, each with its subject and
dates (see :func:`~followup_tui.domain.feedback_from_flags` for how the old values carry over).
The fields schema 3 added elsewhere (a company's ``cooling_off_learned_on``, new touch kinds) are
optional, so they need no migration.

Each entry of :data:`MIGRATIONS` takes a document of schema N to N + 1, on the records TinyDB
read, before validation; they are written defensively, since validation afterwards names
whatever is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain import RECORD_TABLES, FormatError, feedback_from_flags

#: The version this code writes, and the newest it reads.
SCHEMA_VERSION = 3

#: The record tables and the model class each one holds (the domain's, under the store's name).
TABLES = RECORD_TABLES

Document = dict[str, dict[str, Any]]


def _v1_to_v2(data: Document) -> Document:
    for record in data.get("interviews", {}).values():
        if isinstance(record, dict) and "date" in record:
            day = record.pop("date")
            record.setdefault("rounds", [] if day is None else [day])
    for record in data.get("contacts", {}).values():
        if isinstance(record, dict) and isinstance(record.get("tidbits"), str):
            record["tidbits"] = [
                line.strip() for line in record["tidbits"].splitlines() if line.strip()
            ]
    return data


def _v2_to_v3(data: Document) -> Document:
    for record in data.get("interviews", {}).values():
        if isinstance(record, dict):
            feedback_from_flags(record)
    return data


#: schema N -> the function that turns a schema-N document into a schema-(N + 1) one.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2, 2: _v2_to_v3}


def _kind(value: object) -> str:
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def read_schema(data: object) -> int:
    """Check the outline of a decoded file and return its schema version."""
    if not isinstance(data, dict):
        raise FormatError(f"$: expected an object, got {_kind(data)}")
    if "meta" not in data:
        raise FormatError("$.meta: missing, so this is not a followup data file")
    for name in ("meta", "settings", "review", *TABLES):
        _check_table(data, name)
    meta = data["meta"]
    record = next(iter(meta.values()), None)
    schema = record.get("schema") if isinstance(record, dict) else None
    if type(schema) is not int or schema < 1:
        raise FormatError("$.meta: no valid schema version")
    return schema


def _check_table(data: dict[str, Any], name: str) -> None:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise FormatError(f"$.{name}: expected an object, got {_kind(table)}")
    for key, record in table.items():
        if not (key.isascii() and key.isdecimal()):
            raise FormatError(f"$.{name}: document key {key!r} is not a number")
        if not isinstance(record, dict):
            raise FormatError(f'$.{name}["{key}"]: expected an object, got {_kind(record)}')


def migrate(data: Document, schema: int) -> Document:
    """Bring a document of an older ``schema`` up to :data:`SCHEMA_VERSION`."""
    while schema < SCHEMA_VERSION:
        data = MIGRATIONS[schema](data)
        schema += 1
    data["meta"] = {"1": {"schema": SCHEMA_VERSION}}
    return data
