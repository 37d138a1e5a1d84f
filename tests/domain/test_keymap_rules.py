"""The keymap rules of the core: the same for the settings screen and for an import."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.binding import Binding

from followup_tui.domain.keymap import (
    RESERVED,
    Bindable,
    bindable,
    check_keymap,
    entry_problem,
    key_label,
    normal_keys,
    parse_keymap,
)
from followup_tui.tui import commands
from followup_tui.tui.commands import COMMANDS

KNOWN = bindable(COMMANDS)
OSC_52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"


def test_every_command_and_its_editor_key_can_be_bound() -> None:
    assert KNOWN["main.copy"][:4] == Bindable("main", "c", "Copy", "copy_note")[:4]
    assert {"app", "list", "people"} <= KNOWN["main.copy"].live_with
    assert KNOWN["list.down"].key == "down,j"
    assert KNOWN["main.copy.editor"].scope == "editor"
    assert KNOWN["main.copy.editor"].key == "ctrl+o"
    assert "editor.leave.editor" not in KNOWN  # the editor's own commands have no second key
    assert {c.id for c in COMMANDS} <= set(KNOWN)


@given(st.characters(exclude_categories=["Cs"]))
def test_keys_are_named_as_textual_names_them(char: str) -> None:
    if char in ", " or not char.strip():
        return  # a comma separates keys, and spaces are trimmed, in both
    expected = [b.key for b in Binding.make_bindings([Binding(f"{char},ctrl+{char}", "x")])]
    assert normal_keys(f"{char}, ctrl+{char}") == expected


@pytest.mark.parametrize(
    "key", sorted({c.key for c in COMMANDS} | {c.editor_key for c in COMMANDS} | set(RESERVED))
)
def test_keys_are_labelled_as_the_help_screen_labels_them(key: str) -> None:
    if key:
        assert key_label(key) == commands.key_label(key)


@pytest.mark.parametrize(
    ("keymap", "expected"),
    [
        ({"main.copy": "y"}, []),
        ({"main.copy": "s", "main.sent": "c"}, []),  # a swap
        ({"app.quit": "ctrl+q"}, []),  # Ctrl+Q is quit's own key
        ({"quit": "q"}, ["quit: there is no binding id “quit”"]),
        ({"main.copy": ""}, ["main.copy: give main.copy a key, such as  y  or  ctrl+y"]),
        ({"main.copy": "ctrl+"}, ["main.copy: give main.copy a key, such as  y  or  ctrl+y"]),
        ({"app.quit": "tab,j,k"}, ["app.quit: Tab is kept for moving between panes"]),
        ({"main.copy": "ctrl+c"}, ["main.copy: Ctrl+C is kept for copying selected text"]),
        ({"main.copy": "?"}, ["? would do both app.help and main.copy"]),
        (
            {"main.copy.editor": "ctrl+s"},
            ["Ctrl+S would do both main.copy.editor and main.sent.editor"],
        ),
        ({"review.copy": "s"}, ["s would do both review.copy and review.sent"]),
        ({}, []),  # the defaults share keys only where they mean to (q on templates)
        ({"list.down": "n"}, ["n would do both review.next and list.down"]),
        (
            {"main.copy": "j"},
            [
                "j would do both main.copy and list.down",
                "j would do both main.copy and people.down",
            ],
        ),
        ({"list.select": "esc"}, []),  # no Esc on the main screen
        (
            {"list.select": "escape"},
            [
                "Esc would do both review.back and list.select",
                "Esc would do both list.select and search.back",
            ],
        ),
        ({"templates.save": "n"}, ["n would do both templates.save and templates.new.letter"]),
        ({"list.down": "v", "people.down": "v"}, []),  # never both focused
        ({"form.save": "q", "dialog.cancel": "s"}, []),  # a modal hides the keys below it
        ({"panel.down": "ctrl+s"}, ["Ctrl+S would do both form.save and panel.down"]),
        ({"help.close": "escape,tab"}, ["help.close: Tab is kept for moving between panes"]),
        ({"templates.quit": "ctrl+q"}, ["templates.quit: Ctrl+Q is kept for quitting"]),
    ],
)
def test_check_keymap_names_the_entry(keymap: dict[str, str], expected: list[str]) -> None:
    assert check_keymap(keymap, KNOWN) == expected


@pytest.mark.parametrize(
    ("binding_id", "keys"),
    [
        ("main.copy", OSC_52),
        ("main.copy", "y\x00"),
        ("main.copy", "y\x7f"),
        ("main.copy", "\x9b2J"),
        ("main.copy", "\u202ey"),
        ("main.copy", "y\u2028"),
        (f"main.copy{OSC_52}", "y"),
    ],
)
def test_control_characters_are_refused_and_never_quoted_raw(binding_id: str, keys: str) -> None:
    errors = check_keymap({binding_id: keys}, KNOWN)
    assert len(errors) == 1
    assert "control character" in errors[0]
    assert errors[0].isprintable()
    assert errors[0].startswith("main.copy")


def test_entry_problem_is_empty_for_a_good_entry() -> None:
    assert entry_problem("main.copy", "y, ctrl+y", KNOWN) == ""


def test_parse_keymap_names_the_line() -> None:
    keymap, errors = parse_keymap(
        f"main.copy = y\nmain.sent = {OSC_52}\nmain.cpy = x\nmain.copy = z\nnonsense", KNOWN
    )
    assert keymap == {"main.copy": "y"}
    assert errors[0].startswith("Line 2: main.sent = \\x1b]52;c;")
    assert "control character" in errors[0]
    assert errors[1:] == [
        "Line 3: there is no binding id “main.cpy” (see the list)",
        "Line 4: main.copy is set twice",
        "Line 5: write it as  binding_id = key, such as  main.copy = y",
    ]
    assert all(error.isprintable() for error in errors)
