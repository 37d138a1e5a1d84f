"""The fast read of a current file gives what the checked plain read gives, or declines.

``read_current`` decodes a file straight into the model; the checked path reads it through
TinyDB (``read_document``) and ``Loaded.from_plain`` checks its records step by step, naming the
place of any problem. For every file the fast read accepts, the two must agree on everything the
store keeps; every file it declines goes the checked way.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain import Dataset, FormatError, codec, paused_gc
from followup_tui.store import SCHEMA_VERSION, Store
from followup_tui.store import file as store_file
from followup_tui.store.checked import read_document
from followup_tui.store.loaded import Loaded, read_current
from followup_tui.store.schema import TABLES
from tests.interop.test_interop_properties import datasets, json_values

FEW = settings(max_examples=40, deadline=None)


def content(loaded: Loaded) -> tuple[Any, ...]:
    """Everything a :class:`Loaded` holds, comparable."""
    return (
        loaded.settings,
        loaded.review,
        {name: list(objects.items()) for name, objects in loaded.objects.items()},
        loaded.keys,
        loaded.records,
        loaded.whole,
    )


def plain(raw: bytes) -> Loaded:
    """The checked read through TinyDB, as the store does it for a file of the current schema."""
    data, schema = read_document(raw)
    assert schema == SCHEMA_VERSION
    return Loaded.from_plain(data)


def document_of(data: Dataset) -> dict[str, Any]:
    """``data`` as the plain document a store writes, with keys in insertion order."""
    document = {name: json.loads(value) for name, value in Loaded.of(data).whole.items()}
    for name in TABLES:
        records = enumerate(getattr(data, name), 1)
        document[name] = {str(n): json.loads(codec.encode_sorted(r)) for n, r in records}
    return document


@FEW
@given(datasets())
def test_a_file_the_store_wrote_reads_the_same_both_ways(data: Dataset) -> None:
    raw = codec.encode_json(document_of(data))
    fast = read_current(raw)
    assert fast is not None
    assert content(fast) == content(plain(raw)) == content(Loaded.of(data))


VALUES = json_values | st.sampled_from(["\x1b[31mX ", " ", "İ", "A\u202e", "B", ["b", "B"]])


@st.composite
def changed(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with a value somewhere in it replaced, added or removed."""
    target: Any = document
    while isinstance(target, dict) and target and draw(st.integers(0, 3)):
        target = target[draw(st.sampled_from(sorted(target)))]
    if not isinstance(target, dict):
        return document
    key = draw(st.sampled_from([*sorted(target), "01", "x", "", "extra"]))
    if key in target and draw(st.booleans()):
        del target[key]
    else:
        target[key] = draw(VALUES)
    return document


@FEW
@given(st.data(), datasets())
def test_any_file_reads_the_same_both_ways_or_goes_the_plain_way(
    draw: st.DataObject, data: Dataset
) -> None:
    document = document_of(data)
    for _ in range(draw.draw(st.integers(1, 3))):
        document = draw.draw(changed(document))
    raw = json.dumps(document).encode()
    fast = read_current(raw)
    try:
        expected = plain(raw)
    except (FormatError, AssertionError):
        assert fast is None  # a broken file, or not the current schema: the plain path says so
        return
    if fast is not None:
        assert content(fast) == content(expected)


@pytest.mark.parametrize(
    "change",
    [
        {"extra": {"1": {}}},  # a table this version does not know
        {"meta": {"1": {"schema": 2}}},  # an older schema, to migrate
        {"settings": {"1": {}, "2": {}}},  # a second settings record, kept as it is
        {"companies": {"1": {"id": "c", "name": "A"}, "2": {"id": "c", "name": "B"}}},
    ],
    ids=["unknown table", "older schema", "two settings", "same id twice"],
)
def test_files_the_fast_read_leaves_to_the_plain_one(change: dict[str, Any]) -> None:
    raw = json.dumps(document_of(Dataset()) | change).encode()
    assert read_current(raw) is None


@pytest.fixture
def unfreeze() -> Iterator[None]:
    """Give the objects a test froze back to the collector."""
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfreeze")
def test_a_big_file_is_frozen_out_of_the_collectors_sight_once_loaded(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.replace_all(Dataset())
    before = gc.get_freeze_count()
    with Store.open(db_path, read_only=True):
        assert gc.get_freeze_count() == before  # small: left alone
    monkeypatch.setattr(store_file, "FREEZE_BYTES", 0)
    with Store.open(db_path, read_only=True) as store:
        assert gc.get_freeze_count() > before
        assert gc.isenabled()
        assert gc.get_count()[0] < 1000  # the objects just built are not waiting to be scanned
    with paused_gc(freeze=True):  # once more: harmless
        pass
    assert gc.isenabled()


def test_a_refused_file_freezes_nothing(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_file, "FREEZE_BYTES", 0)
    db_path.parent.mkdir()
    db_path.write_bytes(b'{"meta": {"1": {"schema": 3}}, "companies": {"1": {"id": "c"}}}')
    before = gc.get_freeze_count()
    with pytest.raises(store_file.StoreError):
        Store.open(db_path)
    assert gc.get_freeze_count() == before and gc.isenabled()
