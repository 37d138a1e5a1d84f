"""docs/architecture.md maps the code as it is: every package and module has its line there."""

from __future__ import annotations

import re
from pathlib import Path

import followup_tui

ROOT = Path(followup_tui.__file__).parent
DOC = ROOT.parent / "docs" / "architecture.md"


def source_paths() -> list[str]:
    """Every module and package as the map writes it: ``review/rules.py``, ``review/``."""
    paths = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py":
            relative = relative.removesuffix("__init__.py")
            if not relative:
                continue
        paths.append(relative)
    return paths


def mapped(doc: str) -> set[str]:
    """The paths the map names in its code spans, each as ``package/module.py`` or ``package/``."""
    return set(re.findall(r"`([\w/]+(?:\.py|/))`", doc))


def test_every_module_is_on_the_map() -> None:
    missing = sorted(set(source_paths()) - mapped(DOC.read_text()))
    assert missing == [], f"docs/architecture.md does not mention: {missing}"


def test_the_map_names_no_module_that_is_gone() -> None:
    project = ROOT.parent
    gone = sorted(
        p
        for p in mapped(DOC.read_text())
        if p.endswith(".py") and not (ROOT / p).exists() and not (project / p).exists()
    )
    assert gone == [], f"docs/architecture.md names modules that no longer exist: {gone}"


def test_the_check_catches_a_missing_module() -> None:
    doc = DOC.read_text()
    assert "review/" in mapped(doc)
    assert "review/" not in mapped(doc.replace("`review/`", "review"))
