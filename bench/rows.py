"""The rows of issue 13's table: what each measures, in what unit, against what target.

A target holds at 100, 1,000 and 10,000 interviews only (the sizes the issue names); at other
sizes a row is printed without one. A row is met when the median over the runs is within the
target: the median ratio for a ratio, the median figure otherwise. "At once" (search usable at
100) is met when no run ever showed "Indexing your panels…".
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

#: Every run's (followup's figure, baseline's figure) by row key.
Collected = dict[str, list[tuple[float, float]]]


@dataclass(frozen=True)
class Target:
    """At most ``limit`` (a ratio, seconds, or KiB as ``kind`` says); ``once`` for "at once"."""

    limit: float
    kind: str  # "ratio", "seconds", "kib", "once"

    def text(self) -> str:
        if self.kind == "once":
            return "at once"
        if self.kind == "ratio":
            return f"≤ {self.limit:g}×"
        if self.kind == "kib":
            return f"≤ {self.limit / 1024:.0f} MB"
        return f"≤ {self.limit * 1000:.0f} ms" if self.limit < 1 else f"≤ {self.limit:g} s"


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    key: str
    name: str
    unit: str = "ms"  # "ms", "MB", "n" (a count), "pause" or "gc" (ms, floored by the probe)
    baseline: bool = False
    targets: dict[int, Target] = field(default_factory=dict)


def _each(target: Target) -> dict[int, Target]:
    return {100: target, 1000: target, 10000: target}


def _sizes(kind: str, small: float, middle: float, large: float) -> dict[int, Target]:
    return {100: Target(small, kind), 1000: Target(middle, kind), 10000: Target(large, kind)}


_PAUSE = _sizes("seconds", 0.016, 0.016, 0.050)
ROWS = (
    Row("editor", "editor key → repaint done", baseline=True, targets=_each(Target(1.3, "ratio"))),
    Row(
        "editor layout",
        "… the same, vs a bare TextArea in the main screen's layout (no app code)",
        baseline=True,
    ),
    Row(
        "layout floor",
        "… the layout's floor: that bare TextArea in the layout, vs the bare TextArea app",
        baseline=True,
    ),
    Row("editor first", "editor key → first frame (the typed letter shown)", baseline=True),
    Row("frames", "frames per editor key", unit="n", baseline=True),
    Row(
        "start",
        "cold start to the first full frame",
        baseline=True,
        targets=_sizes("ratio", 1.3, 1.5, 3),
    ),
    Row(
        "usable",
        "search usable after start (from the fork)",
        targets={
            100: Target(0, "once"),
            1000: Target(1.0, "seconds"),
            10000: Target(2.0, "seconds"),
        },
    ),
    Row("names ready", "search index of the names handed over (from the fork; probed session)"),
    Row("index ready", "search index whole, notes too (from the fork; probed session)"),
    Row(
        "search work",
        "search per keystroke (work), median",
        targets={10000: Target(0.005, "seconds")},
    ),
    Row(
        "search work worst",
        "search per keystroke (work), worst",
        targets={10000: Target(0.020, "seconds")},
    ),
    Row(
        "search repaint",
        "search key → repaint done, median",
        targets={10000: Target(0.025, "seconds")},
    ),
    Row("search repaint worst", "search key → repaint done, worst"),
    Row("search frames", "frames per search key", unit="n"),
    Row(
        "today",
        "`followup today` vs `import textual`",
        baseline=True,
        targets=_sizes("ratio", 1.3, 1.5, 5),
    ),
    Row(
        "search cli",
        "`followup search jose` vs `import textual`",
        baseline=True,
        targets=_sizes("ratio", 1.5, 3, 8),
    ),
    Row(
        "memory",
        "peak memory, loaded and indexed (vs the bare app)",
        unit="MB",
        baseline=True,
        targets=_sizes("kib", 50 * 1024, 80 * 1024, 250 * 1024),
    ),
    Row(
        "save",
        "save one edit, crash-safe, vs stock JSONStorage",
        baseline=True,
        targets={1000: Target(0.2, "ratio"), 10000: Target(0.2, "ratio")},
    ),
    Row("pause idle", "longest pause of the UI thread, idle", "pause", targets=_PAUSE),
    Row("pause typing", "longest pause of the UI thread, typing", "pause", targets=_PAUSE),
    Row("pause indexing", "longest pause of the UI thread, indexing", "pause", targets=_PAUSE),
    Row("gc idle", "longest GC pause, idle", "gc"),
    Row("gc typing", "longest GC pause, typing", "gc"),
    Row("gc indexing", "longest GC pause, indexing", "gc"),
)


def verdict(row: Row, size: int, collected: Collected) -> tuple[str, str]:
    """(the target as text, "met" / "missed" / "—") for ``row`` at ``size``."""
    target = row.targets.get(size)
    if target is None:
        return "", ""
    pairs = collected.get(row.key, [])
    if target.kind == "once":
        waited = [a for a, _ in collected.get("usable waited", [])]
        if not waited:
            return target.text(), "—"
        late = sum(1 for w in waited if w)
        return target.text(), "met" if not late else f"missed (waited in {late} of {len(waited)})"
    if target.kind == "ratio":
        values = [a / b for a, b in pairs if a == a and b == b and b > 0]
    else:
        values = [a for a, _ in pairs if a == a]
    if not values:
        if pairs and row.key == "pause indexing":  # every run: NaN, no such phase
            return target.text(), "met: index ready before the first frame"
        return target.text(), "—"
    return target.text(), "met" if statistics.median(values) <= target.limit else "missed"
