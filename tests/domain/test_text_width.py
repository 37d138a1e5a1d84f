"""Cell widths: the fast ``cell_width`` and ``fit`` give what measuring one character at a time
gave, on ASCII, Latin, CJK, emoji, combining marks, zero-width and control characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain import text
from followup_tui.domain.text import cell_width, fit


def reference_width(value: str) -> int:
    """The width rule measured one character at a time, as followup measured it before."""
    width = 0
    for char in value:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def reference_fit(value: str, width: int) -> str:
    """``fit`` as it was: every character re-measured on its own."""
    if reference_width(value) <= width:
        return value
    out, used = [], 0
    for char in value:
        cells = reference_width(char)
        if used + cells > width - 1:
            break
        out.append(char)
        used += cells
    return "".join(out).rstrip() + "…"


SAMPLES = [
    "",
    " ",
    "Ann Smith",
    "trailing spaces   ",
    "\x1b[31mred\x07\t\n",
    "José Álvarez-Núñez · Łukasz Wróbel · Søren Kjær",
    "soft\xadhyphen",
    "田中陽子さん",
    "한국어 텍스트",
    "ｆｕｌｌｗｉｄｔｈ",
    "e\u0301e\u0301e\u0301 combining",
    "\u0301 leading mark",
    "zero\u200bwidth\u200djoiner\ufeff",
    "👩‍💻 emoji 🎉🎉 flags 🇫🇷",
    "bidi \u202eevil\u202c",
    "a田b中 c陽 d子",
    "田 " * 30,
]
WIDTHS = [-3, -1, 0, 1, 2, 3, 5, 8, 10, 30, 80]


@pytest.mark.parametrize("value", SAMPLES)
def test_cell_width_matches_the_reference(value: str) -> None:
    assert cell_width(value) == reference_width(value)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("value", SAMPLES)
def test_fit_matches_the_reference(value: str, width: int) -> None:
    assert fit(value, width) == reference_fit(value, width)


# Letters from every plane a person may paste: ASCII, Latin, CJK, emoji, marks, formats, controls.
_ALPHABET = st.one_of(
    st.characters(max_codepoint=0x7F),
    st.characters(min_codepoint=0x80, max_codepoint=0x024F),
    st.sampled_from("田中陽子さん한국ｆ👩💻🎉\u0301\u0308\u20dd\u200b\u200d\u00ad\ufeff\u202e "),
    st.characters(),
)


@settings(max_examples=50)
@given(st.text(_ALPHABET, max_size=60), st.integers(min_value=-2, max_value=90))
def test_fast_widths_equal_the_reference(value: str, width: int) -> None:
    assert cell_width(value) == reference_width(value)
    assert fit(value, width) == reference_fit(value, width)


def test_the_table_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its bound the table stops growing, and widths are still right."""
    table = text._Cells()
    monkeypatch.setattr(text, "_CELLS", table)
    monkeypatch.setattr(text, "_CELLS_KEPT", 3)
    value = "田中陽子さん é"
    assert cell_width(value) == reference_width(value)
    assert len(table) == 3
    assert fit(value, 7) == reference_fit(value, 7)
    assert len(table) == 3
