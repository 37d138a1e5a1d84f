"""The shape of the data file, its schema versions, and the migrations between them.

The file is a TinyDB document: table name -> document id (a decimal string) -> record::

    {"meta":       {"1": {"schema": 3}},
     "settings":   {"1": {...Settings...}},
     "companies":  {"1": {...Company...}, "2": {...}},
     "interviews": {...}, "contacts": {...}, "templates": {...},
     "review":     {"1": {...ReviewState...}}}

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

Each entry of :data:`MIGRATIONS` takes a document of schema N to N + 1, on plain data, before
validation; they are written defensively, since validation afterwards names whatever is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..domain import (
    RECORD_TABLES,
    Company,
    Contact,
    Dataset,
    FormatError,
    Interview,
    ReviewState,
    Settings,
    Template,
    codec,
    feedback_from_flags,
)

#: The version this code writes, and the newest it reads.
SCHEMA_VERSION = 3

#: The record tables and the model class each one holds (the domain's, under the store's name).
TABLES = RECORD_TABLES

Record = Company | Interview | Contact | Template
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


class Loaded:
    """A checked document and the model objects built from it."""

    def __init__(self, data: Document) -> None:
        """Validate every record of ``data`` (current schema), or raise :class:`FormatError`.

        Tables are re-ordered by document id, which is insertion order; the encoder sorts keys
        as strings ("10" before "2"), so the order read back from the file cannot be trusted.
        """
        self.data = data
        settings = data.get("settings") or {}
        self.settings = Settings()
        if settings:
            key, record = next(iter(settings.items()))
            self.settings = codec.convert(record, Settings, f'$.settings["{key}"]')
        review = data.get("review") or {}
        self.review = ReviewState()
        if review:
            key, record = next(iter(review.items()))
            self.review = codec.convert(record, ReviewState, f'$.review["{key}"]')
        #: table -> id -> model object, in insertion order
        self.objects: dict[str, dict[str, Any]] = {}
        #: table -> id -> TinyDB document id
        self.doc_ids: dict[str, dict[str, int]] = {}
        for name, kind in TABLES.items():
            table = dict(sorted(data.get(name, {}).items(), key=lambda item: int(item[0])))
            data[name] = table
            self.objects[name], self.doc_ids[name] = _build(name, kind, table)


def _build(
    name: str, kind: type[Any], table: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, int]]:
    # One convert per record costs no more than one per table (measured), and names the place.
    objects: dict[str, Any] = {}
    doc_ids: dict[str, int] = {}
    for key, record in table.items():
        obj = codec.convert(record, kind, f'$.{name}["{key}"]')
        if obj.id in objects:
            raise FormatError(
                f'$.{name}["{key}"].id: {obj.id!r} is already the id of '
                f'$.{name}["{doc_ids[obj.id]}"]'
            )
        objects[obj.id] = obj
        doc_ids[obj.id] = int(key)
    return objects, doc_ids


def document_for(dataset: Dataset) -> Document:
    """The document that holds ``dataset``, with document ids in the dataset's order.

    Raises ValueError if two records of one table share an id.
    """
    data: Document = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "settings": {"1": codec.to_builtins(dataset.settings)},
        "review": {"1": codec.to_builtins(dataset.review)},
    }
    for name in TABLES:
        records: Iterable[Record] = getattr(dataset, name)
        table: dict[str, Any] = {}
        seen: set[str] = set()
        for doc_id, obj in enumerate(records, 1):
            if obj.id in seen:
                raise ValueError(f"two {name} share the id {obj.id!r}")
            seen.add(obj.id)
            table[str(doc_id)] = codec.to_builtins(obj)
        data[name] = table
    return data
