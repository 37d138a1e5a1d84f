"""The core never imports Textual: proved in a fresh interpreter, module by module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import followup_tui

CORE = sorted(
    f"followup_tui.{m.name}"
    for m in pkgutil.iter_modules(followup_tui.__path__)
    if m.name not in {"tui", "__main__"}
)


def test_core_modules_are_found() -> None:
    assert {"followup_tui.model", "followup_tui.store", "followup_tui.cli"} <= set(CORE)


def test_core_imports_no_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core pulled in Textual: {result.stdout}"
