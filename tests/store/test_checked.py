"""The checked path reads the file through TinyDB; the fast path never needs it.

A file the fast read declines (an older schema, an unknown table, any problem) is handed to
TinyDB as decoded, and its records come from TinyDB's tables under their ``doc_id``. Nothing is
ever written through TinyDB: saves go through store/document.py.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB
from tinydb.table import Document

from followup_tui.domain import Company, FormatError
from followup_tui.store import SCHEMA_VERSION, Store, StoreError
from followup_tui.store.checked import Decoded, read_document
from followup_tui.store.loaded import read_current

V2: dict[str, Any] = {
    "meta": {"1": {"schema": 2}},
    "companies": {"2": {"id": "co_2", "name": "Initech"}, "1": {"id": "co_1", "name": "Acme"}},
    "interviews": {"1": {"id": "iv_1", "company_id": "co_1", "role": "Dev", "feedback": "Ok."}},
    "extra": [1, "kept as it is"],
}


def test_the_records_are_tinydbs_documents_under_their_doc_ids() -> None:
    document, schema = read_document(json.dumps(V2).encode())
    assert schema == 2
    companies = document["companies"]
    assert list(companies) == ["2", "1"]  # the file's order; the model sorts by doc_id
    assert all(isinstance(record, Document) for record in companies.values())
    assert [record.doc_id for record in companies.values()] == [2, 1]
    assert companies["1"] == {"id": "co_1", "name": "Acme"}
    assert document["extra"] == [1, "kept as it is"]  # not a table TinyDB could read


def test_the_storage_hands_tinydb_the_decoded_document_and_refuses_writes() -> None:
    data = json.loads(json.dumps(V2))
    with TinyDB(storage=Decoded, document=data) as db:
        assert db.storage.read() is data  # no copy
        assert db.tables() == {"meta", "companies", "interviews", "extra"}
        assert db.table("companies").get(doc_id=1) == {"id": "co_1", "name": "Acme"}
        with pytest.raises(NotImplementedError, match="never written through TinyDB"):
            db.table("companies").insert({"id": "co_3", "name": "Globex"})


def test_a_file_stock_tinydb_wrote_in_an_older_schema_is_migrated(db_path: Path) -> None:
    db_path.parent.mkdir()
    with TinyDB(db_path) as db:
        db.table("meta").insert({"schema": 1})
        db.table("companies").insert({"id": "co_1", "name": "Acme"})
        db.table("interviews").insert(
            {"id": "iv_1", "company_id": "co_1", "role": "Dev", "date": "2024-03-01"}
        )
        db.table("contacts").insert({"id": "ct_1", "name": "Ann", "tidbits": "chess\ncats"})
    with Store.open(db_path) as store:
        assert store.interviews["iv_1"].rounds == (date(2024, 3, 1),)
        assert store.contacts["ct_1"].tidbits == ("chess", "cats")
    with TinyDB(db_path, access_mode="r") as db:
        assert db.table("meta").all() == [{"schema": SCHEMA_VERSION}]


def test_a_key_is_read_as_tinydb_reads_it(db_path: Path) -> None:
    db_path.parent.mkdir()
    content: dict[str, Any] = {"meta": {"1": {"schema": SCHEMA_VERSION}}}
    content["companies"] = {"01": {"id": "co_1", "name": "Acme"}}
    raw = json.dumps(content).encode()
    assert read_current(raw) is None  # not a key TinyDB writes: the checked path reads it
    db_path.write_bytes(raw)
    with Store.open(db_path) as store:
        store.put(Company("co_2", "Initech"))
    assert list(json.loads(db_path.read_bytes())["companies"]) == ["1", "2"]


@pytest.mark.parametrize(
    ("keys", "fast"),
    [
        (["1", "10", "2"], True),
        (["0"], True),
        (["01"], False),
        (["1", ""], False),
        (["1,2"], False),
        (["2", "1 "], False),
        (["\u0661"], False),  # an Arabic-Indic digit one
    ],
)
def test_only_keys_as_tinydb_writes_them_are_read_fast(keys: list[str], fast: bool) -> None:
    companies = {key: {"id": f"co_{n}", "name": "A"} for n, key in enumerate(keys)}
    raw = json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION}}, "companies": companies})
    assert (read_current(raw.encode()) is not None) is fast


def test_two_keys_for_one_document_are_refused(db_path: Path) -> None:
    content = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "companies": {"1": {"id": "co_1", "name": "A"}, "01": {"id": "co_2", "name": "B"}},
    }
    raw = json.dumps(content).encode()
    with pytest.raises(FormatError, match=r"\$\.companies: two document keys are document 1"):
        read_document(raw)
    db_path.parent.mkdir()
    db_path.write_bytes(raw)
    with pytest.raises(StoreError, match="two document keys"):
        Store.open(db_path)
    assert db_path.read_bytes() == raw


def test_a_current_file_never_needs_tinydb(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_1", "Acme"))
    monkeypatch.setitem(sys.modules, "followup_tui.store.checked", None)  # importing it fails
    with Store.open(db_path) as store:
        store.put(Company("co_2", "Initech"))
    db_path.write_text(json.dumps(V2))  # an older file does need it: the block is real
    with pytest.raises(ImportError):
        Store.open(db_path)
