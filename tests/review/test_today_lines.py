"""``followup today``'s lines: the quick way of cutting an item's line gives what the careful
one gave, and from ``MIN_WIDTH`` on a line needs no second escaping or cutting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.domain import short_date, terminal_safe
from followup_tui.review import (
    ItemKind,
    ReviewItem,
    by_kind,
    due_items,
    invite_advice,
    invites_used,
)
from followup_tui.review.text import (
    _FIELD_MIN,
    _INDENT,
    _MARK,
    _SEP,
    MIN_WIDTH,
    SUMMARY_ROOM,
    _narrowed,
    _printable,
    item_line,
    render_today,
)

from ..domain.test_text_width import reference_fit, reference_width
from .review_data import TODAY

SOME = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_line(item: ReviewItem, width: int) -> str:
    """An item's line cut the way it was, measuring every character on its own."""
    lead = _INDENT + (_MARK if item.overdue else " " * len(_MARK))
    room = width - reference_width(lead)
    fields = [terminal_safe(f, lines=True) for f in (item.company, item.role, item.contact) if f]
    summary = terminal_safe(item.summary, lines=True)
    widths = [reference_width(f) for f in fields]
    budget = (
        room - reference_width(_SEP) * len(fields) - min(reference_width(summary), SUMMARY_ROOM)
    )
    while sum(widths) > budget and max(widths, default=0) > _FIELD_MIN:
        widths[widths.index(max(widths))] -= 1
    cut = [reference_fit(f, w) for f, w in zip(fields, widths, strict=True)]
    return lead + reference_fit(_SEP.join((*cut, summary)), room)


def reference_printable(line: str, width: int) -> str:
    return reference_fit(terminal_safe(line, lines=True), width)


_TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from("éøŁ田中陽子さん👩💻\u0301\u200b\u202e\u2028\x1b\x9b\t\n·…"),
    ),
    max_size=40,
)


@st.composite
def items(draw: st.DrawFn) -> ReviewItem:
    day = date(2026, 11, 26)
    return ReviewItem(
        "key",
        draw(st.sampled_from(ItemKind)),
        day,
        draw(_TEXT),
        draw(_TEXT),
        None,
        draw(st.none() | _TEXT),
        None,
        None,
        draw(_TEXT.filter(bool)),
        "",
        None,
        draw(st.booleans()),
        day,
    )


@SOME
@given(items(), st.integers(min_value=-2, max_value=120))
def test_an_items_line_is_cut_as_before(item: ReviewItem, width: int) -> None:
    line = item_line(item, width)
    assert line == reference_line(item, width)
    if width >= MIN_WIDTH:
        assert reference_printable(line, width) == line


@pytest.mark.parametrize("budget", [None, 0])
def test_the_whole_text_is_as_before_at_every_width(budget: int | None) -> None:
    demo = demo_dataset(TODAY)
    data = replace(demo, settings=replace(demo.settings, invite_budget=budget))
    queue = due_items(data, TODAY)
    for width in (1, 3, MIN_WIDTH - 1, MIN_WIDTH, 20, 40, 80, 200):
        head = (
            f"Today, {short_date(TODAY, year=True)}: {len(queue)} due "
            f"({sum(i.overdue for i in queue)} overdue) · invitations this month "
            f"{invites_used(data, TODAY)}" + ("" if budget is None else f"/{budget}")
        )
        lines = [head]
        advice = invite_advice(data, TODAY)
        if advice:
            lines.append(advice[0].upper() + advice[1:])
        for kind, group in by_kind(queue).items():
            if group:
                lines += ["", f"{kind.label} ({len(group)})"]
                lines += [reference_line(item, width) for item in group]
        expected = "\n".join(reference_printable(line, width) for line in lines)
        assert render_today(data, TODAY, width) == expected
        assert all(_printable(line, width) == line for line in expected.splitlines())


def reference_narrowed(widths: list[int], excess: int) -> list[int]:
    cut = widths.copy()
    while excess > 0 and max(cut, default=0) > _FIELD_MIN:
        cut[cut.index(max(cut))] -= 1
        excess -= 1
    return cut


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=3), st.integers(1, 200))
def test_fields_narrow_as_one_cell_at_a_time(widths: list[int], excess: int) -> None:
    assert _narrowed(widths, excess) == reference_narrowed(widths, excess)


@pytest.mark.parametrize(
    ("widths", "excess"),
    [([20, 20, 20], 7), ([30, 9, 30], 45), ([5, 40], 100), ([12, 12], 3), ([], 5), ([9], 1)],
)
def test_fields_narrow_as_one_cell_at_a_time_in_a_table(widths: list[int], excess: int) -> None:
    assert _narrowed(widths, excess) == reference_narrowed(widths, excess)
