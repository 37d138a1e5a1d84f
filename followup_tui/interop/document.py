"""The export file: a versioned JSON document, and the plan for importing one.

This is the stable contract between followup and the outside world (backups, other machines, other
tools); the on-disk database is an internal layout that may change at any time. Everything here is
pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and back, and works out what an
import would do, but it never writes anything. The caller applies a plan only once it has one, so
an import happens completely or not at all. The format is described in ``docs/data-format.md``.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, TypeVar

import msgspec

from ..domain import (
    Bindable,
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Stage,
    Template,
    TouchKind,
    TouchStatus,
    codec,
    terminal_safe,
)
from .checks import cut_text, keymap_problem

FORMAT_NAME = "followup"
FORMAT_VERSION = 1

#: The record tables of a document, in the order they are written, with their record types.
TABLES: dict[str, type[Any]] = {
    "companies": Company,
    "interviews": Interview,
    "contacts": Contact,
    "templates": Template,
}
_KEYS = ("format", "version", "settings", *TABLES, "review")
#: The lists of the review state, each holding at most one entry per item key.
REVIEW_LISTS = ("snoozed", "dismissed", "cleared")

R = TypeVar("R", Company, Interview, Contact, Template)
SettingsOutcome = Literal["replaced", "same", "defaults"]

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60
_short.maxlevel = 2
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
# The UTF-8 of what terminal_safe escapes beyond ASCII starts so: DEL, C1 (U+0080-U+009F), then
# U+2028-U+202E and U+2066-U+2069. JSON encoders escape the C0 controls themselves.
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xe2\x80", b"\xe2\x81")


class ImportProblem(ValueError):
    """A document cannot be imported; the one-line message names the place and the reason."""

    def __init__(self, message: str) -> None:
        # Messages quote user data: keep them on one line with nothing a terminal would act on.
        super().__init__(terminal_safe(message))


def export_document(dataset: Dataset) -> dict[str, Any]:
    """Return ``dataset`` as the document the export file holds: plain dicts, lists and values."""
    document: dict[str, Any] = msgspec.json.decode(_encode(dataset))
    return document


def export_json(dataset: Dataset) -> bytes:
    """Return the export file: indented UTF-8 JSON, the same bytes for the same data.

    Characters a terminal acts on (bidi controls in a note, say) are written as JSON escapes,
    which read back the same, so the file can be printed as it is (``followup export``).
    """
    data = msgspec.json.format(_encode(dataset), indent=2) + b"\n"
    if any(lead in data for lead in _UNSAFE_LEADS):
        data = terminal_safe(data.decode(), lines=True, json=True).encode()
    return data


def _encode(dataset: Dataset) -> bytes:
    # Records sorted by id, and no timestamp on purpose: the same data always gives the same
    # bytes, so exporting what was just imported gives an identical file.
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": codec.to_builtins(dataset.settings),
    }
    for name in TABLES:
        document[name] = codec.to_builtins(sorted(getattr(dataset, name), key=lambda r: r.id))
    document["review"] = codec.to_builtins(dataset.review)  # its lists are sorted by key
    # Encoded in insertion order (codec's encoder sorts keys): header first, fields as declared.
    return msgspec.json.encode(document)


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
    settings = _convert(document.get("settings", {}), Settings, "settings")
    problem = keymap_problem(document.get("settings"), bindings)
    if problem:
        raise ImportProblem(problem)
    tables: dict[str, tuple[Any, ...]] = {}
    for name, kind in TABLES.items():
        records = document.get(name, [])
        if not isinstance(records, list):
            raise ImportProblem(f"{name}: expected a list of records, got {_kind(records)}")
        tables[name] = tuple(
            _convert(record, kind, f"{name}[{index}]") for index, record in enumerate(records)
        )
    review = _convert(document.get("review", {}), ReviewState, "review")
    dataset = Dataset(settings=settings, **tables, review=review)
    return ReadDocument(dataset, tuple(cut_text(document, dataset)))


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a document would do, and the data that would result."""

    #: Ids of new records, per table, in the order of the file.
    added: dict[str, list[str]]
    #: Ids of records that exist with different contents and would be replaced, per table.
    changed: dict[str, list[str]]
    #: How many records of the file are already there as they are, per table.
    unchanged: dict[str, int]
    #: "replaced" by the file's, the "same" as the file's, or kept as the file has the "defaults".
    settings: SettingsOutcome
    #: Everything followup would hold after the import.
    result: Dataset
    #: Review entries (snoozed, dismissed, cleared) of the file: (added, changed, unchanged).
    review: tuple[int, int, int] = (0, 0, 0)

    @property
    def has_changes(self) -> bool:
        """True when applying the plan would change anything at all."""
        return (
            self.settings == "replaced"
            or any(self.added.values())
            or any(self.changed.values())
            or any(self.review[:2])
        )

    def summary(self) -> str:
        """Describe the plan in a few lines, one per table, then one for the settings, and one
        for the review state if the file has any."""
        lines = [
            f"{name}: {len(self.added[name])} added, {len(self.changed[name])} changed, "
            f"{self.unchanged[name]} unchanged"
            for name in TABLES
        ]
        lines.append(
            {
                "replaced": "settings: replaced by the file's",
                "same": "settings: unchanged",
                "defaults": "settings: kept (the file has only the defaults)",
            }[self.settings]
        )
        if any(self.review):
            added, changed, unchanged = self.review
            lines.append(f"review: {added} added, {changed} changed, {unchanged} unchanged")
        return "\n".join(lines)


def plan_import(current: Dataset, incoming: Dataset) -> ImportPlan:
    """Merge ``incoming`` into ``current`` by id, or raise :class:`ImportProblem`.

    A record with a new id is added, one with a known id replaces the stored one, and records
    the file does not mention stay. The file's settings win unless they are all defaults. The
    review state is merged by item key, the file's entry winning. The result must hold together:
    every id a record refers to must be there after the merge.
    """
    added: dict[str, list[str]] = {}
    changed: dict[str, list[str]] = {}
    unchanged: dict[str, int] = {}
    tables: dict[str, tuple[Any, ...]] = {}
    for name in TABLES:
        records: tuple[Any, ...] = getattr(incoming, name)
        _check_unique(name, records)
        merged, added[name], changed[name], unchanged[name] = _merge(
            getattr(current, name), records
        )
        tables[name] = tuple(merged)
    outcome: SettingsOutcome
    if incoming.settings == Settings():
        settings, outcome = current.settings, "defaults"
    else:
        settings = incoming.settings
        outcome = "same" if settings == current.settings else "replaced"
    review, review_counts = _merge_review(current.review, incoming.review)
    result = Dataset(settings=settings, **tables, review=review)
    _check_references(result, incoming)
    return ImportPlan(added, changed, unchanged, outcome, result, review_counts)


def _merge_review(
    current: ReviewState, incoming: ReviewState
) -> tuple[ReviewState, tuple[int, int, int]]:
    """Union by item key, list by list; the file's entry wins over the stored one."""
    counts = [0, 0, 0]
    lists: dict[str, tuple[Any, ...]] = {}
    for name in REVIEW_LISTS:
        merged = {entry.key: entry for entry in getattr(current, name)}
        for entry in getattr(incoming, name):
            old = merged.get(entry.key)
            counts[0 if old is None else 2 if old == entry else 1] += 1
            merged[entry.key] = entry
        lists[name] = tuple(merged.values())
    return ReviewState(**lists), (counts[0], counts[1], counts[2])


def _merge(
    current: tuple[R, ...], incoming: tuple[R, ...]
) -> tuple[list[R], list[str], list[str], int]:
    merged = list(current)
    position: dict[str, int] = {}
    for index, record in enumerate(current):
        position.setdefault(record.id, index)
    added: list[str] = []
    changed: list[str] = []
    for record in incoming:
        if record.id not in position:
            merged.append(record)
            added.append(record.id)
        elif merged[position[record.id]] != record:
            merged[position[record.id]] = record
            changed.append(record.id)
    return merged, added, changed, len(incoming) - len(added) - len(changed)


def _check_unique(name: str, records: tuple[Any, ...]) -> None:
    first: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in first:
            raise ImportProblem(
                f"{name}[{index}]: id {record.id} is used twice "
                f"(also by {name}[{first[record.id]}])"
            )
        first[record.id] = index
        if isinstance(record, Contact):
            seen: dict[str, int] = {}
            for number, touch in enumerate(record.touches):
                if touch.id in seen:
                    raise ImportProblem(
                        f"{name}[{index}].touches[{number}]: touch id {touch.id} "
                        f"is used twice (also by touches[{seen[touch.id]}])"
                    )
                seen[touch.id] = number


def _check_references(result: Dataset, incoming: Dataset) -> None:
    companies = {company.id for company in result.companies}
    contacts = {contact.id for contact in result.contacts}
    interviews = {interview.id for interview in result.interviews}

    def place(name: str, record_id: str) -> str:
        for index, record in enumerate(getattr(incoming, name)):
            if record.id == record_id:
                return f"{name}[{index}] (id {record_id})"
        return f"the stored {TABLES[name].__name__.lower()} {record_id}"

    for interview in result.interviews:
        if interview.company_id not in companies:
            raise ImportProblem(
                f"{place('interviews', interview.id)}: company "
                f"{interview.company_id} is not among the companies"
            )
        for member in interview.panel:
            if member not in contacts:
                raise ImportProblem(
                    f"{place('interviews', interview.id)}: panel member "
                    f"{member} is not among the contacts"
                )
        if interview.recruiter_id is not None and interview.recruiter_id not in contacts:
            raise ImportProblem(
                f"{place('interviews', interview.id)}: recruiter "
                f"{interview.recruiter_id} is not among the contacts"
            )
    for contact in result.contacts:
        for touch in contact.touches:
            if touch.interview_id is not None and touch.interview_id not in interviews:
                raise ImportProblem(
                    f"{place('contacts', contact.id)}: touch {touch.id} refers to "
                    f"interview {touch.interview_id}, which is not among the "
                    "interviews"
                )


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
    unknown = [key for key in document if key not in _KEYS]
    if unknown:
        raise ImportProblem(
            f"unknown key {_short.repr(unknown[0])} at the top level (expected {', '.join(_KEYS)})"
        )


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
