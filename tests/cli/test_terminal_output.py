"""What reaches a real terminal: the app in a pseudo-terminal, fed hostile text by every route.

Control sequences in a name, a pasted note or a pasted query must be shown as text, never
written to the terminal, where they could set the clipboard (OSC 52), the window title (OSC 0)
or reorder what is shown (bidi controls). A huge paste must not freeze the app.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..terminal import (
    CTRL_Q,
    ENTER,
    ESC,
    Terminal,
    bracketed_paste,
    demo_database,
    foreign_controls,
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="needs a pseudo-terminal and /proc"
)

#: OSC 52 (set the clipboard) and OSC 0 (set the title), as a file name or a paste may carry them.
OSC = "\x1b]52;c;cHduZWQ=\x07 \x1b]0;pwned\x07"
#: A C1 CSI, bidi overrides and isolates, and a line separator.
REORDER = "\x9b31m \u202eevil\u202c \u2066x\u2069 a\u2028b"
HOSTILE = f"Eve {OSC} {REORDER} Lee"


def hostile_database(folder: Path) -> Path:
    """The demo data, with a company and a person renamed to ``HOSTILE`` through an import."""
    db = demo_database(folder)
    document = json.loads(
        subprocess.run(
            [sys.executable, "-m", "followup_tui", "--db", str(db), "export"],
            capture_output=True,
            check=True,
        ).stdout
    )
    document["companies"][0]["name"] = HOSTILE
    for contact in document["contacts"]:
        contact["name"] = HOSTILE + contact["name"]
        contact["tidbits"] = [*contact.get("tidbits", []), HOSTILE]
    changed = folder / "hostile.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), "import", str(changed)],
        capture_output=True,
        check=True,
    )
    return db


def test_hostile_names_and_pastes_put_no_control_on_the_terminal(tmp_path: Path) -> None:
    db = hostile_database(tmp_path)
    term = Terminal(["--db", str(db), "--today", "2026-11-26"]).start()
    try:
        term.shows("Interviews")
        term.send(ENTER)  # into the panel: names, titles, tidbits
        term.send(ENTER)  # into the note
        term.send(bracketed_paste(HOSTILE))
        term.send(ESC)
        term.send(b"/")  # the search box
        term.send(bracketed_paste(HOSTILE))
        term.send(ESC)
        term.send(CTRL_Q)
        term.end()
    finally:
        term.close()
    assert b"Lee" in term.output  # the text itself is shown
    assert foreign_controls(bytes(term.output)) == []


def test_a_million_character_paste_into_search_leaves_the_app_answering(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    term = Terminal(["--db", str(db), "--today", "2026-11-26"]).start()
    try:
        term.shows("Interviews")
        term.send(b"/")
        term.send(bracketed_paste("a" * 1_000_000), settle=0)
        term.shows("query cut to 200 characters", timeout=60)  # it froze for minutes
        peak = term.peak_memory_kb()
        term.send(CTRL_Q, settle=0)
        term.end(timeout=60)
    finally:
        term.close()
    assert peak < 200 * 1024, f"peak memory {peak // 1024} MB"
