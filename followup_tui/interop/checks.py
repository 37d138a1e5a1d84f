"""What an import is checked for beyond the shape of its records.

The records of an export file are validated as they are built (see :mod:`followup_tui.interop`);
these checks look at the file as written: a keymap must follow the same rules as one typed in
settings, and text longer than its field keeps is reported rather than cut without a word.
Each function returns messages; the caller decides whether they stop the import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..domain import (
    RECORD_TABLES,
    Bindable,
    Dataset,
    clashes,
    clean_line,
    entry_problem,
    has_control,
    terminal_safe,
)

#: The shortest limit of any text field (a tag): a string no longer than this is never cut.
_SHORTEST = 60


def keymap_problem(settings: object, bindings: Callable[[], Mapping[str, Bindable]] | None) -> str:
    """What is wrong with the file's ``settings.keymap``, or "" when nothing is.

    Control characters are always refused. The ids and keys are checked against ``bindings()``
    when it is given; it is only called when the file has a keymap, so that importing a file
    without one never loads the command table (which needs Textual).
    """
    keymap = settings.get("keymap") if isinstance(settings, dict) else None
    if not isinstance(keymap, dict) or not keymap:
        return ""
    known: Mapping[str, Bindable] | None = None
    for binding_id, keys in keymap.items():
        if not isinstance(binding_id, str) or not isinstance(keys, str):
            return ""  # not a keymap at all: building the settings says so
        if known is None and bindings is not None and not has_control(binding_id + keys):
            known = bindings()
        problem = entry_problem(binding_id, keys, known)
        if problem:
            return f'settings.keymap["{terminal_safe(binding_id)}"]: {problem}'
    clash = clashes(keymap, known) if known is not None else []
    return f"settings.keymap: {clash[0]}" if clash else ""


def cut_text(document: dict[str, Any], dataset: Dataset) -> list[str]:
    """Where the file holds text longer than its field keeps: the place and both lengths."""
    found: list[str] = []
    _walk_object(document.get("settings"), dataset.settings, "settings", found)
    for name in RECORD_TABLES:
        records = document.get(name)
        if isinstance(records, list):
            _walk_list(records, getattr(dataset, name), name, found)
    return found


def cut_fields(raw: object, built: object, where: str, names: Iterable[str]) -> list[str]:
    """For a record ``built`` from ``raw`` (a foreign file's entry with the same field names):
    each text of ``names`` the record keeps shorter than the file gave it, placed at ``where``."""
    found: list[str] = []
    for name in names:
        value = getattr(raw, name, None)
        if isinstance(value, str) and len(value) > _SHORTEST:
            _check(value, getattr(built, name, None), f"{where}: {name}", found)
    return found


# The walks visit every value of a large file, so they skip what cannot be cut (numbers, short
# strings) before doing anything else, and only name a place when they go into it.


def _walk_object(raw: object, built: object, where: str, found: list[str]) -> None:
    if not isinstance(raw, dict):
        return
    for key, value in raw.items():
        kind = type(value)
        if kind is str:
            if len(value) > _SHORTEST:
                _check(value, getattr(built, key, None), f"{where}.{key}", found)
        elif kind is dict:
            _walk_object(value, getattr(built, key, None), f"{where}.{key}", found)
        elif kind is list:
            _walk_list(value, getattr(built, key, None), f"{where}.{key}", found)


def _walk_list(raw: list[Any], built: object, where: str, found: list[str]) -> None:
    # Cleaning may drop items (an empty tidbit, a repeated tag): then they no longer pair up.
    if not isinstance(built, tuple) or len(built) != len(raw):
        return
    for index, value in enumerate(raw):
        kind = type(value)
        if kind is str:
            if len(value) > _SHORTEST:
                _check(value, built[index], f"{where}[{index}]", found)
        elif kind is dict:
            _walk_object(value, built[index], f"{where}[{index}]", found)


def _check(raw: str, built: object, where: str, found: list[str]) -> None:
    # Cut, rather than only cleaned: cleaning the same text with no limit keeps more. One-line
    # cleaning keeps the least of any field's cleaning, so it serves for every field.
    if (
        isinstance(built, str)
        and len(raw) > len(built)
        and len(clean_line(raw, len(raw))) > len(built)
    ):
        found.append(
            f"{where} is {len(raw):,} characters long; followup keeps the first {len(built):,}"
        )
