"""A kind of note as a noun, with the right article: "Logged an article", never "a article"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain import TouchKind
from followup_tui.notes import a_note_of, kind_noun, with_article


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("article", "an article"),
        ("thank-you", "a thank-you"),
        ("post-decision note", "a post-decision note"),
        ("personal note", "a personal note"),
        ("event", "an event"),
        ("invitation withdrawn", "an invitation withdrawn"),
        ("user", "a user"),
        ("one-off", "a one-off"),
        ("hour", "an hour"),
        ("honest reply", "an honest reply"),
        ("SMS", "an SMS"),
        ("LinkedIn message", "a LinkedIn message"),
        ("email", "an email"),
        ("Other", "an Other"),
        ("", ""),
    ],
)
def test_with_article(phrase: str, expected: str) -> None:
    assert with_article(phrase) == expected


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz- ", min_size=1, max_size=20))
def test_with_article_puts_one_article_before_the_phrase(phrase: str) -> None:
    out = with_article(phrase)
    if not phrase.strip():
        assert out == phrase
        return
    article, _, rest = out.partition(" ")
    assert article in ("a", "an")
    assert rest == phrase.strip()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (TouchKind.ARTICLE, "an article"),
        (TouchKind.PERSONAL, "a personal note"),
        (TouchKind.THANK_YOU, "a thank-you"),
        (TouchKind.DECISION_NOTE, "a post-decision note"),
        (TouchKind.EVENT, "a note about an event"),
        (TouchKind.COMPANY_NEWS, "a note about their company's news"),
        (TouchKind.INVITE, "a connection invite"),
        (TouchKind.OTHER, "a note"),
    ],
)
def test_a_note_of_every_kind_reads_right(kind: TouchKind, expected: str) -> None:
    assert a_note_of(kind) == expected


@pytest.mark.parametrize("kind", list(TouchKind))
def test_every_kind_is_a_noun_that_is_not_a_bare_adjective(kind: TouchKind) -> None:
    noun = kind_noun(kind)
    assert noun and noun not in ("personal", "other", "company news")
    assert a_note_of(kind).split(" ", 1)[0] in ("a", "an")
