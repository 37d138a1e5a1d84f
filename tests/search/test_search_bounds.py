"""Search does bounded work whatever is pasted: the query is cut, and so is its typo work.

A 60,000-letter paste once froze the app for seconds and took 3.4 GB: every query word made
all its one-deletion variants, and a word of n letters has n of them, n - 1 letters long. These
tests count that work (the variants made, the words read) rather than time it, and each spy
fails before doing the work, so a guard taken out makes a test fail, not hang.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.cli import cli
from followup_tui.demo.dataset import demo_dataset
from followup_tui.domain import Contact
from followup_tui.search import CUT_HINT, MAX_QUERY, MAX_WORDS, SearchIndex, parse_query
from followup_tui.search import vocab as search_vocab
from followup_tui.search.query import WORDS_HINT
from followup_tui.search.text import deletions, folded_words
from followup_tui.search.vocab import FUZZY_MAX

from .test_search import TODAY, index_of

MILLION = 1_000_000
#: A pasted page: many distinct words, each short enough to be matched with a typo.
PAGE = " ".join(f"word{n:06d}" for n in range(MILLION // 11))[:MILLION]


@pytest.fixture(scope="module")
def demo() -> SearchIndex:
    return index_of(demo_dataset(TODAY))


class Variants:
    """A spy on the one-deletion variants made: how many, and of which words."""

    def __init__(self, longest: int, calls: int) -> None:
        self.longest, self.calls = longest, calls
        self.words: list[str] = []
        self.made = 0

    def __call__(self, word: str) -> set[str]:
        # Checked before the variants are made: without the guard this fails at once.
        assert len(word) <= self.longest, f"variants of a {len(word)}-letter word"
        assert len(self.words) < self.calls, f"more than {self.calls} words made variants"
        self.words.append(word)
        found = deletions(word)
        self.made += len(found)
        return found


def spy(monkeypatch: pytest.MonkeyPatch, longest: int, calls: int = MILLION) -> Variants:
    variants = Variants(longest, calls)
    monkeypatch.setattr(search_vocab, "deletions", variants)
    return variants


def test_a_million_letters_are_cut_to_the_limit_with_a_hint() -> None:
    query = parse_query("a" * MILLION)
    assert query.words == ("a" * MAX_QUERY,)
    assert query.hints == (CUT_HINT,)
    assert CUT_HINT.endswith(f" {MAX_QUERY} characters")


def test_a_pasted_page_keeps_its_first_words_and_says_so() -> None:
    query = parse_query(PAGE)
    assert query.words == tuple(f"word{n:06d}" for n in range(MAX_WORDS))
    assert query.hints == (CUT_HINT, WORDS_HINT)


PASTES = {
    "one word": "a" * MILLION,
    "two letters": "ab" * (MILLION // 2),
    "a page": PAGE,
    "one letter a word": "e " * (MILLION // 2),
}


@pytest.mark.parametrize("pasted", PASTES.values(), ids=PASTES.keys())
def test_a_pasted_million_characters_make_a_bounded_number_of_variants(
    demo: SearchIndex, monkeypatch: pytest.MonkeyPatch, pasted: str
) -> None:
    variants = spy(monkeypatch, longest=FUZZY_MAX, calls=MAX_WORDS)
    result = demo.search(pasted, limit=50)
    assert result.hints[0] == CUT_HINT
    assert variants.made <= MAX_WORDS * (FUZZY_MAX + 1)


def test_a_query_word_past_the_typo_limit_makes_no_variants(
    demo: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    variants = spy(monkeypatch, longest=FUZZY_MAX)
    assert demo.search("muller" + "x" * 100).hits == []
    assert variants.words == []


def test_typos_are_matched_up_to_the_longest_fuzzy_word() -> None:
    name = ("abcdefghij" * 4)[: FUZZY_MAX + 1]  # one word, the longest a query can reach
    index = SearchIndex.build({}, {}, {"c1": Contact("c1", name)})
    assert [h.id for h in index.search(name[1:]).hits] == ["c1"]  # its first letter missing
    assert [h.id for h in index.search("x" + name[1:-1]).hits] == []  # two typos
    assert index.search("x" + name[1:]).hits == []  # one typo, but past FUZZY_MAX letters
    assert [h.id for h in index.search(name[:10]).hits] == ["c1"]  # a prefix, as ever


def test_a_stored_word_too_long_for_any_typo_makes_no_variants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    variants = spy(monkeypatch, longest=FUZZY_MAX + 1)
    giant = Contact("c1", "Ann " + "b" * MILLION)
    index = SearchIndex.build({}, {}, {"c1": giant})
    assert variants.words == ["ann"]
    assert [h.id for h in index.search("bbbb").hits] == ["c1"]
    index.update_contact(Contact("c1", "Ann " + "c" * MILLION))
    index.remove_contact("c1")
    assert set(variants.words) == {"ann", "bbbb"}  # the query's "bbbb" too; never the giant
    assert index.search("ann").hits == []


def test_the_command_line_cuts_a_long_query_and_says_so_on_stderr() -> None:
    result = CliRunner().invoke(
        cli, ["--demo", "--today", TODAY.isoformat(), "search", "a" * MILLION]
    )
    assert result.exit_code == 0
    assert result.stderr.strip() == f"followup: {CUT_HINT}"
    assert result.stdout.strip() == "No matches."


#: Query-like text, often past the limit: words, filters, quotes, accents, anything.
PIECES = ["a", "b", " ", "é", "ß", ":", "-", "_", '"', "\t", "tag:", "stage:", "\u0301"]
texts = st.lists(
    st.sampled_from(PIECES) | st.characters(), min_size=MAX_QUERY // 2, max_size=2 * MAX_QUERY
).map("".join)


@given(texts)
def test_a_long_query_reads_as_its_first_characters_plus_a_hint(text: str) -> None:
    query, head = parse_query(text), parse_query(text[:MAX_QUERY])
    if len(text) > MAX_QUERY:
        assert query.hints == tuple(dict.fromkeys((CUT_HINT, *head.hints)))
    else:
        assert query.hints == head.hints
    assert query.words == head.words
    assert (query.company, query.stage, query.tags) == (head.company, head.stage, head.tags)
    assert (query.before, query.after) == (head.before, head.after)


@given(st.lists(st.text(alphabet="abcdé", min_size=1, max_size=6), max_size=3 * MAX_WORDS))
def test_at_most_the_first_words_are_searched_and_a_cut_is_said(words: list[str]) -> None:
    query = parse_query(" ".join(words))
    distinct = list(dict.fromkeys(w for word in words for w in folded_words(word)))
    assert query.words == tuple(distinct[:MAX_WORDS])
    assert (WORDS_HINT in query.hints) is (len(distinct) > MAX_WORDS)
