"""The rules a user's keymap must follow, wherever it comes from: the settings screen or an import.

A keymap maps a binding id (``main.copy``) to one key or several (``y,ctrl+y``). The ids, their
scopes and default keys come from the app's command table, which needs Textual, so the caller
passes them in as :class:`Bindable` entries (see :func:`bindable`). The checks here are pure: an
unknown id, a key that is not a key, a control character, one of Textual's own keys, or two
commands on one key are each refused with one line naming the entry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from .text import has_control, terminal_safe

#: Keys Textual itself answers to everywhere (what for, and the one action that may have them):
#: any other command moved onto one would never run.
RESERVED: dict[str, tuple[str, str]] = {
    "ctrl+q": ("quitting", "quit"),
    "ctrl+c": ("copying selected text", ""),
    "tab": ("moving between panes", ""),
    "shift+tab": ("moving between panes", ""),
}
#: The scopes the keymap rules know by name: the app's, and the note editor's, where the other
#: scopes' commands have their own ids (``<id>.editor``) for their editor keys.
APP_SCOPE = "app"
EDITOR_SCOPE = "editor"
# How Textual names a one-character key that is not a letter or digit (textual.keys).
_RENAMED = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_LABELS = {
    "question_mark": "?",
    "slash": "/",
    "comma": ",",
    "escape": "Esc",
    "enter": "Enter",
    "pageup": "PageUp",
    "pagedown": "PageDown",
}


class Command(Protocol):
    """What :func:`bindable` reads from a command of the app's command table."""

    # Properties, so that a frozen dataclass (read-only fields) matches.
    @property
    def id(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def editor_key(self) -> str: ...
    @property
    def live_with(self) -> frozenset[str]: ...


class Bindable(NamedTuple):
    """One binding id a keymap may name: where it applies, its default key, what it does, and
    the scopes whose keys are live at the same time as its own (where a clash would matter)."""

    scope: str
    key: str
    description: str
    action: str
    live_with: frozenset[str] = frozenset()


def bindable(commands: Iterable[Command]) -> dict[str, Bindable]:
    """Every id a keymap may name, from the command table: each command's id, and for a command
    with an editor key, ``<id>.editor`` for that key."""
    ids: dict[str, Bindable] = {}
    for command in commands:
        ids[command.id] = Bindable(
            command.scope, command.key, command.description, command.action, command.live_with
        )
        if command.editor_key and command.scope != EDITOR_SCOPE:
            ids[f"{command.id}.editor"] = Bindable(
                EDITOR_SCOPE,
                command.editor_key,
                f"{command.description}, in the note editor",
                command.action,
                frozenset((EDITOR_SCOPE, APP_SCOPE)),
            )
    return ids


def normal_keys(keys: str) -> list[str]:
    """The keys of ``y, ?`` as Textual names them (``["y", "question_mark"]``), so that a clash
    is found however the key is written."""
    return [_normal(key.strip()) for key in keys.split(",")]


def _normal(key: str) -> str:
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = "tab" if key == "\t" else key
    return _RENAMED.get(name, name)


def key_label(key: str) -> str:
    """Keys as the docs and the help screen write them: ``ctrl+o`` -> ``Ctrl+O``, ``down,j`` ->
    ``Down, j``."""
    return ", ".join(_label(one.strip()) for one in key.split(","))


def _label(key: str) -> str:
    *mods, last = key.split("+")
    last = _LABELS.get(last, last if len(last) == 1 else last.capitalize())
    if len(last) == 1 and mods:
        last = last.upper()
    return "+".join([*(m.capitalize() for m in mods), last])


def _good_key(key: str) -> bool:
    return len(key) == 1 or (
        bool(key) and not any(c.isspace() for c in key) and all(key.split("+"))
    )


def entry_problem(binding_id: str, keys: str, known: Mapping[str, Bindable] | None) -> str:
    """What is wrong with binding ``binding_id`` to ``keys``, or "" when nothing is.

    With ``known`` None only the characters are checked. The message is one line and does not
    say where the entry is; the caller adds that.
    """
    if has_control(binding_id + keys):
        return (
            f"{terminal_safe(binding_id)} = {terminal_safe(keys)} holds a control character; "
            "a keymap holds only binding ids and key names"
        )
    if known is None:
        return ""
    if binding_id not in known:
        return f"there is no binding id “{binding_id}”"
    if not all(_good_key(key.strip()) for key in keys.split(",")):
        return f"give {binding_id} a key, such as  y  or  ctrl+y"
    for key in normal_keys(keys):
        reserved = RESERVED.get(key)
        if reserved is not None and reserved[1] != known[binding_id].action:
            return f"{key_label(key)} is kept for {reserved[0]}"
    return ""


def clashes(keymap: Mapping[str, str], known: Mapping[str, Bindable]) -> list[str]:
    """Two commands that would share a key where both are live (see :attr:`Bindable.live_with`):
    the app's with a screen's, a screen's with a list's on it, the note editor's among themselves.
    Two default keys that share a key do so on purpose (a screen's own Quit shadows the app's), and
    so do two ids of one action (a command and its editor key), so only a clash a remapped key
    makes between two actions is one. ``keymap`` must hold only entries that passed
    :func:`entry_problem`."""
    owners: dict[str, list[str]] = {}
    for binding_id, entry in known.items():
        for key in dict.fromkeys(normal_keys(keymap.get(binding_id, entry.key))):
            owners.setdefault(key, []).append(binding_id)
    errors: list[str] = []
    for key, ids in owners.items():
        for n, first in enumerate(ids):
            for second in ids[n + 1 :]:
                a, b = known[first], known[second]
                together = a.scope == b.scope or b.scope in a.live_with or a.scope in b.live_with
                on_purpose = a.action == b.action or (
                    key in normal_keys(a.key) and key in normal_keys(b.key)
                )
                if together and not on_purpose:
                    errors.append(f"{key_label(key)} would do both {first} and {second}")
    return errors


def check_keymap(keymap: Mapping[str, str], known: Mapping[str, Bindable]) -> list[str]:
    """Every problem of a whole keymap, one line each; an entry's line starts with its id."""
    errors = []
    for binding_id, keys in keymap.items():
        problem = entry_problem(binding_id, keys, known)
        if problem:
            errors.append(f"{terminal_safe(binding_id)}: {problem}")
    return errors or clashes(keymap, known)


def parse_keymap(text: str, known: Mapping[str, Bindable]) -> tuple[dict[str, str], list[str]]:
    """Read ``binding_id = key`` lines (``#`` starts a comment); return the keymap and errors,
    each naming its line."""
    keymap: dict[str, str] = {}
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        binding_id, equals, keys = (part.strip() for part in line.partition("="))
        if not equals or not binding_id:
            errors.append(f"Line {number}: write it as  binding_id = key, such as  main.copy = y")
        elif problem := entry_problem(binding_id, keys, known):
            hint = " (see the list)" if binding_id not in known and line.isprintable() else ""
            errors.append(f"Line {number}: {problem}{hint}")
        elif binding_id in keymap:
            errors.append(f"Line {number}: {binding_id} is set twice")
        else:
            keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    return keymap, errors or clashes(keymap, known)
