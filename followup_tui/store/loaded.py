"""The data file's content as model objects: read in one pass when it is current, checked step by
step when it is not, or made from a dataset.

The file is TinyDB's layout (see :mod:`.schema`). A file followup wrote itself is decoded straight
into the model by one typed decode of that layout (:func:`read_current`), without TinyDB: no
plain copy of the data is built on the way, so opening 10,000 interviews takes 353-377 ms
rather than 694, and TinyDB's copy of every record (138 MB) is gone. Everything else takes the
checked path: TinyDB reads the file (:mod:`.checked`), an older schema is migrated, and
:meth:`Loaded.from_plain` builds the model from TinyDB's records, naming the exact place of any
problem. That is a file of an older schema, one with a table this version does not know, one
whose document keys are not written as TinyDB writes them, or one with any problem at all. The
two paths give the same result for every file the first one accepts (tests/store/test_loaded.py).

What a :class:`Loaded` holds is what :class:`~followup_tui.store.document.Document` and the store
need, and nothing more: the records of each table by id in insertion order with their document
keys, the settings and review state, and the small tables (``meta``, ``settings``, ``review``)
and any unknown ones as encoded bytes, to be written back as they are.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from ..domain import Dataset, FormatError, ReviewState, Settings, codec
from .schema import SCHEMA_VERSION, TABLES

#: Document keys as TinyDB writes them (``str(doc_id)``), joined by commas. The repeat is
#: possessive: a plain one keeps a backtracking state per key (4.4 MB for 22,000 keys).
_DOC_IDS = re.compile(r"(?:[1-9][0-9]*|0)(?:,(?:[1-9][0-9]*|0))*+")

#: Tables held whole as encoded bytes rather than record by record.
SMALL = ("meta", "settings", "review")


class Loaded:
    """Model objects and what else the file holds; built by the class methods below."""

    def __init__(self) -> None:
        """An empty file's content; the class methods fill it in."""
        self.settings = Settings()
        self.review = ReviewState()
        #: table -> id -> model object, in insertion order (document keys as numbers)
        self.objects: dict[str, dict[str, Any]] = {name: {} for name in TABLES}
        #: table -> id -> the record's document key in the file
        self.keys: dict[str, dict[str, str]] = {name: {} for name in TABLES}
        #: table -> document key -> model object, in any order
        self.records: dict[str, dict[str, Any]] = {name: {} for name in TABLES}
        #: table name -> its encoded value, for every table that is not a record table
        self.whole: dict[str, bytes] = {}
        #: True when the file does not hold this yet: a new file, or one migrated in memory
        self.unsaved = False

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> Loaded:
        """Validate a document of the current schema, as TinyDB reads it (see
        :func:`.checked.read_document`), or raise :class:`FormatError` naming the first
        problem's place.

        Of the settings and review tables only the first record is read; any others are kept
        as they are.
        """
        loaded = cls()
        for name in data:
            if name not in TABLES and name not in SMALL:
                loaded.whole[name] = codec.encode_json(data[name])  # unknown: kept as it is
        loaded.whole["meta"] = codec.encode_json(data["meta"])
        for name, kind in (("settings", Settings), ("review", ReviewState)):
            if name not in data:
                continue
            table = dict(data[name])
            if table:
                key, record = next(iter(table.items()))
                table[key] = codec.convert(record, kind, f'$.{name}["{key}"]')
                setattr(loaded, name, table[key])
            loaded.whole[name] = codec.encode_sorted(table)
        for name, kind in TABLES.items():
            table = data.get(name, {})
            records = {
                key: codec.convert(table[key], kind, f'$.{name}["{key}"]')
                for key in sorted(table, key=int)
            }
            twice = loaded._add(name, records)
            if twice:
                key, id = twice
                first = loaded.keys[name][id]
                raise FormatError(
                    f'$.{name}["{key}"].id: {id!r} is already the id of $.{name}["{first}"]'
                )
        return loaded

    @classmethod
    def of(cls, dataset: Dataset) -> Loaded:
        """The content that holds ``dataset``, with document keys in its order.

        Raises ValueError if two records of one table share an id.
        """
        loaded = cls()
        loaded.settings, loaded.review = dataset.settings, dataset.review
        loaded.whole = {
            "meta": codec.encode_json({"1": {"schema": SCHEMA_VERSION}}),
            "settings": codec.encode_sorted({"1": dataset.settings}),
            "review": codec.encode_sorted({"1": dataset.review}),
        }
        for name in TABLES:
            records = {str(n): obj for n, obj in enumerate(getattr(dataset, name), 1)}
            twice = loaded._add(name, records)
            if twice:
                raise ValueError(f"two {name} share the id {twice[1]!r}")
        return loaded

    def _add(self, name: str, records: dict[str, Any]) -> tuple[str, str] | None:
        # Adds a table's records (key -> object), in insertion order: by key as a number. Stops
        # at the first id seen twice: (its key, the id).
        objects, keys = self.objects[name], self.keys[name]
        self.records[name] = records
        for key in sorted(records, key=int):
            obj = records[key]
            if obj.id in keys:
                return key, obj.id
            objects[obj.id] = obj
            keys[obj.id] = key
        return None


#: A current file, as one typed decode reads it: an unknown table fails it.
_Current = msgspec.defstruct(
    "_Current",
    [
        ("meta", dict[str, dict[str, Any]]),
        ("settings", dict[str, Settings] | msgspec.UnsetType, msgspec.UNSET),
        ("review", dict[str, ReviewState] | msgspec.UnsetType, msgspec.UNSET),
        *(
            (name, dict[str, kind], msgspec.field(default_factory=dict))  # type: ignore[valid-type]
            for name, kind in TABLES.items()
        ),
    ],
    forbid_unknown_fields=True,
)
_decoder = msgspec.json.Decoder(_Current)


def read_current(raw: bytes) -> Loaded | None:
    """The content of a file of the current schema with only known tables and no problem, read
    in one typed decode; None for any other file, which the checked path then reads (or refuses,
    saying why)."""
    try:
        current: Any = _decoder.decode(raw)
    except (msgspec.DecodeError, RecursionError):  # a ValidationError is a DecodeError
        return None
    meta: dict[str, dict[str, Any]] = current.meta
    small = {name: getattr(current, name) for name in ("settings", "review")}
    small = {name: table for name, table in small.items() if table is not msgspec.UNSET}
    tables = [meta, *small.values(), *(getattr(current, name) for name in TABLES)]
    if not all(map(_keys_are_doc_ids, tables)) or any(len(t) > 1 for t in small.values()):
        return None  # the checked path says what is wrong, or keeps the extra records as they are
    record = next(iter(meta.values()), None)
    schema = record.get("schema") if record is not None else None
    if type(schema) is not int or schema != SCHEMA_VERSION:
        return None  # older (to migrate) or newer (to refuse), or no version at all
    loaded = Loaded()
    loaded.whole["meta"] = codec.encode_json(meta)
    for name, table in small.items():
        if table:
            setattr(loaded, name, next(iter(table.values())))
        loaded.whole[name] = codec.encode_sorted(table)
    for name in TABLES:
        if loaded._add(name, getattr(current, name)):
            return None  # two records share an id: the checked path says where
    return loaded


def _keys_are_doc_ids(table: dict[str, Any]) -> bool:
    # Every key at once is a number as TinyDB writes a doc_id: ASCII digits, no leading zero.
    # Any other key the checked path reads as TinyDB does, or refuses (schema._check_table).
    joined = ",".join(table)
    return not table or (joined.count(",") < len(table) and _DOC_IDS.fullmatch(joined) is not None)
