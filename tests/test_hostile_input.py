"""Hostile input never reaches the terminal raw, and the command line never shows a traceback.

File names, queries, imported records and keymaps may carry escape sequences (OSC 52 writes to
the clipboard of terminals that accept it), bidi controls or line separators. Every route that
prints them is checked here: what comes out holds no control byte but newline and tab.
"""

from __future__ import annotations

import json
import re

import pytest

from followup_tui.model import Company, Contact, Interview
from followup_tui.text import clean_line, clean_text, terminal_safe

OSC_52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
TITLE = "\x1b]0;pwned\x07"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SEPARATORS = "\u2028\u2029"
#: C0 but newline and tab, DEL, C1, the bidi controls and the line and paragraph separators.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def assert_safe(output: str | bytes) -> None:
    """Nothing a terminal would act on, or that reorders a line, is in ``output``."""
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
    found = UNSAFE.search(text)
    assert found is None, f"{found[0]!r} at {found.start()} in {text[:300]!r}"


# The helper and the model's cleaning -------------------------------------------------------------


def test_terminal_safe_escapes_what_a_terminal_acts_on() -> None:
    hostile = f"a{OSC_52}b{BIDI}c{SEPARATORS}\x7f\x85\x9b\n\td"
    one_line = terminal_safe(hostile)
    assert_safe(one_line)
    assert one_line.isprintable()
    assert "\\x1b]52;c;" in one_line and "\\u202e" in one_line and "\\n" in one_line
    lines = terminal_safe(hostile, lines=True)
    assert_safe(lines)
    assert lines.endswith("\n\td")
    assert terminal_safe("Zoë 株式会社 🙂 ليلى", lines=True) == "Zoë 株式会社 🙂 ليلى"


def test_terminal_safe_json_escapes_keep_json_valid() -> None:
    value = f"x{BIDI}{SEPARATORS}\x7f\x85y"
    text = terminal_safe(json.dumps({"v": value}, ensure_ascii=False), lines=True, json=True)
    assert_safe(text)
    assert json.loads(text) == {"v": value}


def test_single_line_fields_lose_bidi_controls_and_separators() -> None:
    assert clean_line(f"Ann{SEPARATORS[0]}Lee{BIDI}") == "Ann Lee"
    contact = Contact("ct_1", f"Bob{SEPARATORS[1]}Smith", company=f"A{BIDI}B")
    assert (contact.name, contact.company) == ("Bob Smith", "AB")
    assert Company("co_1", f"X{SEPARATORS}Y").name == "X Y"


def test_notes_keep_bidi_controls_but_separators_become_newlines() -> None:
    assert clean_text(f"a{SEPARATORS[0]}b{SEPARATORS[1]}c\u202ed") == "a\nb\nc\u202ed"
    interview = Interview("iv_1", "co_1", "Dev", notes=f"one{SEPARATORS[0]}two")
    assert interview.notes == "one\ntwo"


@pytest.mark.parametrize("value", [OSC_52, TITLE, BIDI, SEPARATORS, "\x00\x01\x02\x0e\x7f\x90"])
def test_cleaning_is_stable(value: str) -> None:
    assert clean_line(clean_line(value)) == clean_line(value)
    assert clean_text(clean_text(value)) == clean_text(value)
