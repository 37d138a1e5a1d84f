"""VirtualList against DataTable and OptionList on big lists: prints figures, tests nothing.

Each figure is the best of a few runs in a headless app (80x40): the process CPU time from the call
to the moment the screen has been repainted. CPU time, not wall time, because the Pilot waits for
the app to go idle by sleeping in steps of several milliseconds, which would swamp the key figures.

- mount + first paint: mount the widget with its rows and wait for the first frame;
- replace rows: give the widget a different list of the same size (the search-as-you-type case);
- 100 x down: press `down` 100 times, each followed by its repaint (`Pilot.press` waits for it).

Run with `python bench/bench_list.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static

from followup_tui.tui.widgets.virtual_list import VirtualList

Row = tuple[int, str, str, str]
SIZE = (80, 40)


def make_rows(count: int, salt: str = "") -> list[Row]:
    """Interview-like rows: id, company, role, date."""
    return [
        (i, f"Company {i % 977}{salt}", f"Role {i % 31}", f"2025-{i % 12 + 1:02}-{i % 28 + 1:02}")
        for i in range(count)
    ]


def render_row(row: Row, index: int) -> Content:
    _, company, role, day = row
    return Content(f"{company:<24} {role:<12} {day}")


class Fill:
    """How to build one kind of widget and how to replace its rows."""

    def __init__(
        self, build: Callable[[list[Row]], Widget], replace: Callable[[Any, list[Row]], None]
    ) -> None:
        self.build = build
        self.replace = replace


def build_virtual(rows: list[Row]) -> Widget:
    widget: VirtualList[Row] = VirtualList(render_row)
    widget.set_rows(rows)
    return widget


def build_table(rows: list[Row]) -> Widget:
    table: DataTable[str] = DataTable(cursor_type="row")
    table.add_columns("Company", "Role", "Date")
    table.add_rows(row[1:] for row in rows)
    return table


def replace_table(table: DataTable[str], rows: list[Row]) -> None:
    table.clear()
    table.add_rows(row[1:] for row in rows)


def build_options(rows: list[Row]) -> Widget:
    return OptionList(*(render_row(row, i) for i, row in enumerate(rows)))


def replace_options(options: OptionList, rows: list[Row]) -> None:
    options.clear_options()
    options.add_options(render_row(row, i) for i, row in enumerate(rows))


KINDS = {
    "(no list)": Fill(lambda rows: Static("nothing to see"), lambda widget, rows: None),
    "VirtualList": Fill(build_virtual, lambda widget, rows: widget.set_rows(rows)),
    "DataTable": Fill(build_table, replace_table),
    "OptionList": Fill(build_options, replace_options),
}


async def timed(step: Callable[[], Awaitable[None]], pilot: Pilot[None]) -> float:
    """CPU seconds from calling `step` until the screen is repainted."""
    start = time.process_time()
    await step()
    await pilot.pause()
    return time.process_time() - start


async def measure(kind: str, count: int) -> tuple[float, float, float]:
    """(mount + first paint, replace rows, 100 x down) for one widget kind and size."""
    fill = KINDS[kind]
    rows, other = make_rows(count), make_rows(count, salt="b")
    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget: Widget | None = None

        async def mount() -> None:
            nonlocal widget
            widget = fill.build(rows)
            await app.mount(widget)

        first = await timed(mount, pilot)
        assert widget is not None
        widget.focus()
        await pilot.pause()

        async def replace() -> None:
            fill.replace(widget, other)

        swap = await timed(replace, pilot)

        async def down() -> None:
            await pilot.press(*["down"] * 100)

        keys = await timed(down, pilot)
    return first, swap, keys


async def main(repeat: int) -> None:
    plan = [
        ("(no list)", 0),
        ("VirtualList", 10_000),
        ("VirtualList", 100_000),
        ("DataTable", 10_000),
        ("OptionList", 10_000),
    ]
    print("CPU time, best of", repeat)
    print(f"{'widget':<12} {'rows':>8} {'mount+paint':>12} {'replace':>10} {'100 x down':>11}")
    for kind, count in plan:
        runs = [await measure(kind, count) for _ in range(repeat)]
        first, swap, keys = (min(column) for column in zip(*runs, strict=True))
        print(
            f"{kind:<12} {count:>8,} {first * 1000:>10.0f}ms {swap * 1000:>8.0f}ms "
            f"{keys * 1000:>9.0f}ms"
        )

    print("\n(no list): what the Pilot and an empty screen cost; subtract it from the keys column.")
    rows = make_rows(100_000)
    widget: VirtualList[Row] = VirtualList(render_row)
    widget.set_rows(rows)
    reordered = list(reversed(rows))
    start = time.process_time()
    widget.set_rows(reordered, keep=lambda row: row[0] == -1)
    print(f"set_rows(keep=...) that finds nothing in 100,000 rows: {_ms(start)}")


def _ms(start: float) -> str:
    return f"{(time.process_time() - start) * 1000:.1f}ms"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best is shown)")
    asyncio.run(main(parser.parse_args().repeat))
