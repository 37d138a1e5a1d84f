"""Reading an export file: decoded, its header checked, every record validated, or one clear
:class:`~.format.ImportProblem` naming the place and the reason."""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..domain import (
    RECORD_TABLES,
    Bindable,
    Channel,
    ConnectionStatus,
    Dataset,
    ReviewState,
    Settings,
    Stage,
    TouchKind,
    TouchStatus,
    codec,
    feedback_from_flags,
)
from .checks import cut_text, keymap_problem
from .format import FORMAT_NAME, FORMAT_VERSION, KEYS, ImportProblem

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60
_short.maxlevel = 2
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")

#: Where an import looks up the binding ids a keymap may name (see :func:`read_document`).
Bindings = Callable[[], Mapping[str, Bindable]]


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """An export file, read and validated: its data, and what was cut to fit the fields."""

    dataset: Dataset
    #: One line per text longer than its field keeps, naming the place and both lengths.
    warnings: tuple[str, ...] = ()


def parse_document(data: bytes | str, *, bindings: Bindings | None = None) -> Dataset:
    """Read an export file and validate every record, or raise :class:`ImportProblem`.

    Missing tables are read as empty and missing settings as the defaults. References between
    records are checked later, by :func:`plan_import`, against what the import would produce.
    """
    return read_document(data, bindings=bindings).dataset


def read_document(data: bytes | str, *, bindings: Bindings | None = None) -> ReadDocument:
    """:func:`parse_document`, with warnings for text cut to fit its field.

    A key given twice in one object is refused, and so is a keymap with control characters;
    with ``bindings``, which gives the binding ids of the app's commands, the keymap must also
    follow the rules the settings screen applies.
    """
    document = _decode(data)
    if not isinstance(document, dict):
        raise ImportProblem(f"the file holds {_kind(document)}, not a followup export (an object)")
    _check_header(document)
    if document["version"] == 1:
        _from_version_1(document)
    settings = _convert(document.get("settings", {}), Settings, "settings")
    problem = keymap_problem(document.get("settings"), bindings)
    if problem:
        raise ImportProblem(problem)
    tables: dict[str, tuple[Any, ...]] = {}
    for name, kind in RECORD_TABLES.items():
        records = document.get(name, [])
        if not isinstance(records, list):
            raise ImportProblem(f"{name}: expected a list of records, got {_kind(records)}")
        tables[name] = tuple(
            _convert(record, kind, f"{name}[{index}]") for index, record in enumerate(records)
        )
    review = _convert(document.get("review", {}), ReviewState, "review")
    dataset = Dataset(settings=settings, **tables, review=review)
    return ReadDocument(dataset, tuple(cut_text(document, dataset)))


def _decode(data: bytes | str) -> Any:
    # A byte-order mark is what some Windows editors put first; it is not part of the JSON.
    if isinstance(data, str):
        data = data.removeprefix("\ufeff")
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
    if not data.strip():
        raise ImportProblem("the file is empty")
    try:
        document = codec.decode_json(data)
    except codec.FormatError as error:
        raise ImportProblem(str(error)) from None
    # A decoder keeps the last of two equal keys; the person must learn that one was dropped.
    place = codec.find_duplicate_key(data)
    if place is not None:
        raise ImportProblem(
            f"{place.removeprefix('$.')}: the key is given twice in one object, and only the "
            "last would be kept; remove one of them"
        )
    return document


def _check_header(document: dict[str, Any]) -> None:
    name = document.get("format")
    if name != FORMAT_NAME:
        found = (
            "has no format key" if "format" not in document else f"has format {_short.repr(name)}"
        )
        raise ImportProblem(f"not a followup export: the file {found}, expected {FORMAT_NAME!r}")
    version = document.get("version")
    if "version" not in document:
        raise ImportProblem("version: missing (an export always says which format it uses)")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportProblem(f"version: expected a whole number, got {_short.repr(version)}")
    if version > FORMAT_VERSION:
        raise ImportProblem(
            f"this file was written by a newer followup (format version "
            f"{_short.repr(version)}); this one reads versions up to "
            f"{FORMAT_VERSION}: upgrade followup to import it"
        )
    if version < 1:
        raise ImportProblem(f"version: {version} is not a format version (they start at 1)")
    unknown = [key for key in document if key not in KEYS]
    if unknown:
        raise ImportProblem(
            f"unknown key {_short.repr(unknown[0])} at the top level (expected {', '.join(KEYS)})"
        )


def _from_version_1(document: dict[str, Any]) -> None:
    """Bring a version 1 document's interviews to version 2, in place: their feedback flag and
    text become a list of feedback entries, as the store's migration does."""
    interviews = document.get("interviews")
    for record in interviews if isinstance(interviews, list) else ():
        if isinstance(record, dict):
            feedback_from_flags(record)


def _convert(data: object, kind: type[Any], where: str) -> Any:
    try:
        return codec.convert(data, kind, where)
    except codec.FormatError as error:
        raise ImportProblem(_explain(str(error), data, where)) from None


def _explain(message: str, data: object, where: str) -> str:
    """Say what was wrong with a value in words a person can act on, quoting the value."""
    place, _, text = message.partition(": ")
    path = place[len(where) :]
    if text == "Invalid RFC3339 encoded date":
        return f"{place}: {_short.repr(_value_at(data, path))} is not a date (use YYYY-MM-DD)"
    if text.startswith("Invalid enum value"):
        field = path.rpartition(".")[2]
        enum: type[StrEnum] | None = {"stage": Stage, "kind": TouchKind, "channel": Channel}.get(
            field
        )
        if field == "status":
            enum = TouchStatus if ".touches[" in path else ConnectionStatus
        allowed = f" (use one of: {', '.join(enum)})" if enum else ""
        return f"{place}: {_short.repr(_value_at(data, path))} is not allowed{allowed}"
    return message


def _value_at(data: Any, path: str) -> Any:
    for name, index in _STEP.findall(path):
        try:
            data = data[name] if name else data[int(index)]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _kind(value: object) -> str:
    """Name a decoded JSON value's type the way JSON does."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    names: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}
    return names.get(type(value), "a number")
