"""The architecture as tests: which package may import which, read from the source itself.

The contracts (docs/architecture.md explains why):

- the core (every package but ``tui``, and the top-level helpers) never imports Textual, Rich,
  the shell or the command line;
- ``domain`` imports no other package of followup: everything else builds on it;
- ``review`` and ``search`` never reach ``store``, and ``search`` never reaches ``review``: they
  work on model objects, whoever loaded them;
- no screen or widget imports ``tui/app.py``: screens get their services handed to them;
- a package is entered through its ``__init__``: other packages import its public names, never
  its modules.

Each contract is checked on the real import graph, and once more with one forbidden import added
by hand, to prove the check can fail.
"""

from __future__ import annotations

import ast
import functools
import pkgutil
import statistics
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import followup_tui

ROOT = Path(followup_tui.__file__).parent
PACKAGES = ("domain", "notes", "review", "search", "store", "interop", "demo")
#: Top-level modules of the core (the command line is the shell's entry, beside it).
HELPERS = ("paths", "clipboard")

Graph = Mapping[str, set[str]]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> tuple[set[str], set[str]]:
    """(modules imported, ``from`` sources as written) by one file, lazy imports included."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    modules: set[str] = set()
    sources: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            sources.add(source)
            modules.add(source)
            for alias in node.names:  # `from . import codec` imports a module
                candidate = f"{source}.{alias.name}"
                if is_module(candidate):
                    modules.add(candidate)
    return modules, sources


def is_module(name: str) -> bool:
    if not name.startswith("followup_tui."):
        return False
    path = ROOT.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def source_files() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


def import_graph() -> dict[str, set[str]]:
    """Each module and what it imports; a fresh copy (tests add imports to it)."""
    return {module: set(targets) for module, (targets, _) in _parsed().items()}


@functools.cache
def _parsed() -> dict[str, tuple[set[str], set[str]]]:
    # Parsed once per test process: every contract reads the same source.
    return {module_name(path): imports_of(path) for path in source_files()}


def reach(graph: Graph, start: str) -> set[str]:
    """Every module ``start`` imports, directly or through followup's own modules."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            # Importing a.b.c runs a/__init__ and a/b/__init__ too.
            parts = target.split(".")
            for n in range(1, len(parts) + 1):
                step = ".".join(parts[:n])
                if step not in seen:
                    seen.add(step)
                    todo.append(step)
    return seen


def under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def core_modules(graph: Graph) -> list[str]:
    roots = [f"followup_tui.{p}" for p in (*PACKAGES, *HELPERS)]
    return sorted(m for m in graph if under(m, *roots))


def forbidden(
    graph: Graph, sources: Iterable[str], banned: tuple[str, ...], *, through: bool = True
) -> list[str]:
    """ "module -> banned module" for each source that reaches a banned module."""
    out = []
    for module in sources:
        reached = reach(graph, module) if through else graph.get(module, set())
        out += [f"{module} -> {t}" for t in sorted(reached) if under(t, *banned)]
    return out


def contract_core(graph: Graph) -> list[str]:
    banned = ("textual", "rich", "followup_tui.tui", "followup_tui.cli")
    return forbidden(graph, core_modules(graph), banned)


def contract_domain_first(graph: Graph) -> list[str]:
    domain = [m for m in graph if under(m, "followup_tui.domain")]
    others = tuple(f"followup_tui.{p}" for p in PACKAGES if p != "domain")
    return forbidden(graph, domain, others)


def contract_review_search(graph: Graph) -> list[str]:
    review = [m for m in graph if under(m, "followup_tui.review")]
    search = [m for m in graph if under(m, "followup_tui.search")]
    return forbidden(graph, review + search, ("followup_tui.store",)) + forbidden(
        graph, search, ("followup_tui.review",)
    )


def contract_screens(graph: Graph) -> list[str]:
    shell = [m for m in graph if under(m, "followup_tui.tui.screens", "followup_tui.tui.widgets")]
    return forbidden(graph, shell, ("followup_tui.tui.app",), through=False)


#: name: (check, a module, an import it must not have); the last two prove the check can fail.
CONTRACTS = {
    "core": (contract_core, "review.rules", "textual.widgets"),
    "domain first": (contract_domain_first, "domain.people", "notes"),
    "review without store": (contract_review_search, "review.items", "store"),
    "search without store": (contract_review_search, "search.hits", "store"),
    "search without review": (contract_review_search, "search.query", "review"),
    "screens without app": (contract_screens, "tui.screens.help", "tui.app"),
    "widgets without app": (contract_screens, "tui.widgets.people", "tui.app"),
}


@pytest.mark.parametrize("name", CONTRACTS)
def test_contract_holds(name: str) -> None:
    check, _, _ = CONTRACTS[name]
    assert check(import_graph()) == []


@pytest.mark.parametrize("name", CONTRACTS)
def test_contract_catches_a_forbidden_import(name: str) -> None:
    check, module, target = CONTRACTS[name]
    module = f"followup_tui.{module}"
    target = target if target.startswith("textual") else f"followup_tui.{target}"
    graph = import_graph()
    assert module in graph, f"{module} is gone: point this contract at a module that exists"
    graph[module] = {*graph[module], target}
    assert f"{module} -> {target}" in check(graph)


def face_violations(sources: Mapping[str, set[str]]) -> list[str]:
    """Imports that reach into another package's modules instead of through its ``__init__``."""
    out = []
    for module, froms in sources.items():
        own = module.split(".")[:2]
        for source in sorted(froms):
            parts = source.split(".")
            inside = len(parts) > 2 and parts[0] == "followup_tui" and parts[1] in PACKAGES
            if inside and parts[:2] != own:
                out.append(f"{module} imports {source}")
    return out


def from_sources() -> dict[str, set[str]]:
    return {module: set(froms) for module, (_, froms) in _parsed().items()}


def test_packages_are_entered_through_their_init() -> None:
    assert face_violations(from_sources()) == []


def test_face_check_catches_a_reach_inside() -> None:
    sources = from_sources()
    sources["followup_tui.tui.screens.help"].add("followup_tui.review.rules")
    assert face_violations(sources) == [
        "followup_tui.tui.screens.help imports followup_tui.review.rules"
    ]


def test_the_tree_shows_the_domains() -> None:
    entries = sorted(p.name for p in ROOT.iterdir() if p.name != "__pycache__")
    assert {*PACKAGES, "tui"} <= set(entries)
    assert len(entries) <= 15, entries


def test_core_imports_no_textual_when_run() -> None:
    """The same contract, proved by importing every core module in a fresh interpreter."""
    core = sorted(
        m.name
        for m in pkgutil.walk_packages(followup_tui.__path__, "followup_tui.")
        if not under(m.name, "followup_tui.tui", "followup_tui.__main__")
    )
    assert {"followup_tui.domain.people", "followup_tui.store.store", "followup_tui.cli"} <= set(
        core
    )
    code = (
        "import sys\n"
        f"for name in {core!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core pulled in Textual or Rich: {result.stdout}"


def code_lines(path: Path) -> int:
    """Lines of code: not blank, not only a comment, not part of a docstring."""
    source = path.read_text()
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.update(range(value.lineno, (value.end_lineno or value.lineno) + 1))
    return sum(
        1
        for number, line in enumerate(source.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#") and number not in docstrings
    )


#: The most code lines one module may hold, and the most the median module may.
MODULE_MAX = 300
MEDIAN_MAX = 100


def test_modules_are_small() -> None:
    sizes = {module_name(p): code_lines(p) for p in source_files() if p.name != "__init__.py"}
    big = {name: n for name, n in sizes.items() if n > MODULE_MAX}
    assert big == {}, f"split these modules (over {MODULE_MAX} code lines): {big}"
    assert statistics.median(sizes.values()) < MEDIAN_MAX
