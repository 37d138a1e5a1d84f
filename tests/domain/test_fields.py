"""Field cleaning leaves a clean value alone, and cleans every other exactly as the cleaners do.

``clean_fields`` skips the cleaner for a value its fast check finds clean (most of a file being
loaded); these tests hold that check to the cleaners themselves, on text made of what they act
on: controls, escape sequences, line and paragraph separators, bidi controls, spaces at the
ends, and lengths at the limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.fields import clean_fields
from followup_tui.domain.text import LINE_MAX, TEXT_MAX, URL_MAX, clean_line, clean_text

TRICKY = (
    "\x00\x07\t\n\x0b\r\x1b\x7f\x80\x9b\x9f\xa0\xad \u200b\u200d\u2028\u2029\u202a\u202e"
    "\u2066\u2069\ufeff[31m;]é"
)
pieces = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=8)
#: Text of every kind, now and then padded to just under, at or just over a limit.
values = st.builds(
    lambda text, pad: text + "a" * pad,
    pieces,
    st.sampled_from([0, 0, 0, LINE_MAX - 4, LINE_MAX, URL_MAX - 2, TEXT_MAX - 3, TEXT_MAX]),
)


@dataclass(frozen=True, slots=True)
class Fields:
    """A record with one field of each kind."""

    line: str
    url: str
    text: str

    def __post_init__(self) -> None:
        clean_fields(self, lines=("line",), urls=("url",), texts=("text",))


@settings(max_examples=50)
@given(values, values, values)
def test_clean_fields_cleans_as_the_cleaners_do(line: str, url: str, text: str) -> None:
    record = Fields(line, url, text)
    assert record.line == clean_line(line)
    assert record.url == clean_line(url, URL_MAX)
    assert record.text == clean_text(text)


@settings(max_examples=50)
@given(values)
def test_a_clean_value_is_kept_as_the_same_object(value: str) -> None:
    clean = clean_text(clean_line(value))
    record = Fields(clean, clean_line(value, URL_MAX), clean)
    assert record.line is clean and record.text is clean
