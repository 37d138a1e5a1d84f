"""The checked path: a data file read through TinyDB, for every file the fast read declines.

The data file is TinyDB's layout (see :mod:`.schema`), and TinyDB is what reads it here: a file
of an older schema, one with a table this version does not know, or one with any problem at
all. :class:`Decoded` hands TinyDB the document already read and decoded, and each table's
records come from ``TinyDB.table(name)`` as its documents, under their ``doc_id``; the migrations
and the model are built from those (:func:`~.schema.migrate`, :meth:`.Loaded.from_plain`).

Only the outline is checked first (:func:`~.schema.read_schema`): an object of tables of records
under decimal keys, as TinyDB expects, so a broken file is refused with its place named rather
than failing inside TinyDB. Tables this version does not know are kept as they were decoded,
since TinyDB may not be able to read them at all. A document key is read the way TinyDB reads
it, as a number: a key written ``"01"`` is document 1, saved back as ``"1"``, and a table with
two keys for one number (``"1"`` and ``"01"``) is refused, since TinyDB cannot tell them apart.

Nothing writes through TinyDB: saves go through :mod:`.document`, crash-safely, and
:meth:`Decoded.write` refuses. The hot paths (:func:`.loaded.read_current`, and every save)
read and write the same layout directly, for speed; this module, and TinyDB with it, is
imported only when a file takes the checked path. TinyDB copies each record into a ``Document``:
at 10,000 interviews that path takes 40-80 ms longer (5-9 %) and peaks 23 MB higher than reading
the decoded document directly did, once per migration.
"""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ..domain import FormatError, codec
from .schema import TABLES, Document, read_schema

#: The tables TinyDB reads for us: any other is kept as it was decoded.
KNOWN = ("meta", "settings", "review", *TABLES)


class Decoded(Storage):
    """TinyDB's storage for a document already read and decoded: it only reads."""

    def __init__(self, document: Document) -> None:
        """Hand ``document`` (table name -> document key -> record) to TinyDB as it is."""
        self._document = document

    def read(self) -> Document:
        """The document, as decoded: no copy, and no second decode per table."""
        return self._document

    def write(self, data: Document) -> None:
        """Refuse: followup saves through store/document.py, crash-safely, never here (TinyDB
        asks only after changing the document in memory; the file is never touched)."""
        raise NotImplementedError("a file read for checking is never written through TinyDB")


def read_document(raw: bytes) -> tuple[dict[str, Any], int]:
    """The document in ``raw`` as TinyDB reads it, and its schema version.

    Raises :class:`FormatError` naming the place of the first problem of the outline.
    """
    data = codec.decode_json(raw)
    schema = read_schema(data)
    with TinyDB(storage=Decoded, document=data) as db:
        for name in KNOWN:
            if name in data:  # TinyDB's records replace the decoded table, which is let go
                data[name] = _records(db.table(name))
    return data, schema


def _records(table: Table) -> dict[str, Any]:
    # A table's documents by their TinyDB doc_id, in the file's order.
    records: dict[str, Any] = {}
    for document in table:
        key = str(document.doc_id)
        if key in records:
            raise FormatError(f"$.{table.name}: two document keys are document {key}")
        records[key] = document
    return records
