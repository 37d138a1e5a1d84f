"""The compact index finds what the simple reading of the rules finds, however it got there.

The index keeps no text of its own, splits ASCII text into words in one C call, highlights ASCII
text with one regex, and takes edits one record at a time; ``followup search`` indexes only the
records that can match. Each shortcut is checked here against the plain way: the words of a text
against :func:`folded_words`, the highlights against a word-by-word reading, an index edited
many times against one built afresh, and a one-off search against the whole index.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from followup_tui.domain import Company, Contact, Employment, Feedback, Interview, Stage, Touch
from followup_tui.search import SearchIndex, search_once
from followup_tui.search.hits import snippet
from followup_tui.search.marker import Marker, match_spans
from followup_tui.search.text import folded_words, prefix_end, word_set, words, words_starting

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAY = date(2026, 5, 4)

#: Pieces of text that make words hard to find: accents (composed and not), letters that fold to
#: two, case, apostrophes, underscores, hyphens, digits, punctuation, line breaks.
PIECES = [
    "jose", "José", "JOSÉ", "Müller", "muller", "Straße", "strasse", "Łukasz", "e\u0301cole",
    "O'Brien", "O’Brien", "snake_case", "__x", "co-op", "a1b2", "Æon", "IJ", "½", "ﷺ", "ǅ",
    "platform", "plat", "engineer", "eng", "man", "manager", "microbrewery", ".", ",", "!", "⑴",
    "(1)",
    " ", " ", " ", "\n", "\t", "-", "'", "_", "x", "é", "ß", "e", " · ", "’", "–", "\u00a0",
    "\u20dd", "İ", "ŉ", "ǅ", "ĳ", "×", "ſ",
]  # fmt: skip
text = st.lists(st.sampled_from(PIECES) | st.characters(), max_size=14).map("".join)
ascii_text = st.text(alphabet=st.characters(codec="ascii"), max_size=60)
#: Names and titles: a few words of a small alphabet, so records share words and typos.
LETTERS = "aeiouéüøłßnrstm"
word = st.text(alphabet=LETTERS, min_size=1, max_size=6)
phrase = st.lists(word, min_size=1, max_size=3).map(" ".join)
short = phrase | text


@given(text)
def test_the_words_of_a_text_are_its_folded_words(value: str) -> None:
    assert word_set(value) == set(folded_words(value))


@given(st.lists(text | ascii_text, max_size=4))
def test_the_words_of_several_texts_are_all_their_words(values: list[str]) -> None:
    assert word_set(*values) == {w for value in values for w in folded_words(value)}


@given(
    st.lists(text | ascii_text, max_size=4), st.lists(word | st.sampled_from(PIECES), max_size=3)
)
def test_the_words_that_start_with_some_are_those_of_all_the_words(
    values: list[str], starts: list[str]
) -> None:
    folded = tuple(w for s in starts for w in folded_words(s))
    expected = {w for w in word_set(*values) if w.startswith(folded)}
    assert words_starting(folded, *values) == expected


def spans_word_by_word(
    value: str, terms: tuple[str, ...], fuzzy: dict[str, frozenset[str]]
) -> tuple[int, list[tuple[int, int]]]:
    """The highlights as first written: every word of the text read and folded in turn."""
    matched: set[str] = set()
    spans: list[tuple[int, int]] = []
    for start, end, folded in words(value):
        best = 0
        for term in terms:
            if folded.startswith(term):
                matched.add(term)
                best = max(best, prefix_end(value, start, end, len(term)))
            elif folded in fuzzy.get(term, ()):
                matched.add(term)
                best = end
        if best:
            spans.append((start, best))
    return len(matched), spans


@given(
    text | ascii_text,
    st.lists(word | st.sampled_from(["jose", "mul", "plat", "e", "1", "é", "⑴", "½"]), max_size=3),
    st.lists(word, max_size=2),
)
@example("see (1) here", ["⑴"], [])  # a query word of punctuation, found in ASCII text
@example("Straße strasse STRASSE", ["straß", "sse"], ["strase"])
def test_highlights_are_those_of_reading_word_by_word(
    value: str, terms: list[str], near: list[str]
) -> None:
    query = tuple(dict.fromkeys(w for t in terms for w in folded_words(t)))
    fuzzy = {t: frozenset(near) for t in query[:1]}
    count, spans = spans_word_by_word(value, query, fuzzy)
    assert match_spans(value, query, fuzzy) == (count, spans)
    marker = Marker(query, fuzzy)
    for short in (True, False):
        if not short:  # a long field: no typos
            count, spans = spans_word_by_word(value, query, {})
        assert marker.count(value, short) == count
        # Only what a snippet can show is collected, and the snippet is the same.
        assert snippet(value, marker.spans(value, short, cut=True)) == snippet(value, spans)


def companies_of(names: list[str]) -> list[Company]:
    return [company(f"co{i}", name) for i, name in enumerate(names)]


def company(id: str, name: str) -> Company:
    try:
        return Company(id, name)
    except ValueError:  # nothing left of the name once cleaned
        return Company(id, "Acme")


contacts = st.lists(
    st.builds(
        lambda i, name, title, company, past, tidbits, notes, touch, tags: Contact(
            f"c{i}",
            name,
            title=title,
            company=company,
            past=tuple(Employment(p) for p in past),
            tidbits=tuple(tidbits),
            notes=notes,
            touches=(Touch(f"t{i}", DAY, text=touch),) if touch.strip() else (),
            tags=tuple(tags),
        ),
        st.integers(0, 20),
        phrase,
        short,
        phrase,
        st.lists(phrase, max_size=1),
        st.lists(text, max_size=2),
        text,
        text,
        st.lists(st.sampled_from(["remote", "rem", "onsite", "x_y"]), max_size=2, unique=True),
    ),
    max_size=10,
    unique_by=lambda c: c.id,
)
interviews = st.lists(
    st.builds(
        lambda i, co, role, level, notes, feedback, panel, recruiter, stage, days, tags: Interview(
            f"i{i}",
            f"co{co}",
            role,
            level=level,
            notes=notes,
            feedback=tuple(Feedback(text=f) for f in feedback),
            panel=tuple(dict.fromkeys(f"c{p}" for p in panel)),
            recruiter_id=None if recruiter is None else f"c{recruiter}",
            stage=stage,
            rounds=tuple(DAY - timedelta(days=d) for d in days),
            tags=tuple(tags),
        ),
        st.integers(0, 20),
        st.integers(0, 3),
        phrase,
        st.sampled_from(["", "Senior", "Staff"]),
        text,
        st.lists(text, max_size=2),
        st.lists(st.integers(0, 20), max_size=3),
        st.none() | st.integers(0, 20),
        st.sampled_from(list(Stage)),
        st.lists(st.integers(0, 900), max_size=2),
        st.lists(st.sampled_from(["remote", "platform"]), max_size=2, unique=True),
    ),
    max_size=8,
    unique_by=lambda i: i.id,
)
companies = st.lists(phrase | text, min_size=4, max_size=4).map(companies_of)

FIXED_QUERIES = [
    "",
    "e",
    "m",
    "jose",
    "mul",
    "muller",
    "mulller",
    "plat",
    "eng man",
    "strasse",
    "obrien",
    "brien",
    "snake",
    "case",
    "a1",
    "x",
    "ʼ",
    "company:a",
    "tag:rem",
    "stage:rejected",
    "before:2025-06-01",
    "after:2025 e",
    "company:e tag:remote",
]


def queries_for(data: st.DataObject, every: list[str]) -> list[str]:
    """The fixed queries, and some made of the data's own words: prefixes and typos."""
    found = list(FIXED_QUERIES)
    if every:
        for _ in range(4):
            w = data.draw(st.sampled_from(every))
            cut = data.draw(st.integers(1, len(w)))
            found.append(w[:cut])
            if len(w) >= 4:
                at = data.draw(st.integers(0, len(w) - 1))
                found.append(w[:at] + w[at + 1 :])  # a letter missing
                found.append(w[:at] + "z" + w[at + 1 :])  # a letter wrong
        found.append(" ".join(data.draw(st.lists(st.sampled_from(every), max_size=3))))
    return found


def words_of(cos: list[Company], ivs: list[Interview], cts: list[Contact]) -> list[str]:
    texts = [c.name for c in cos] + [i.role for i in ivs] + [i.notes for i in ivs]
    texts += [t for c in cts for t in (c.name, c.title, c.notes, *c.tidbits)]
    return sorted({w for t in texts for w in folded_words(t) if w})


def build(cos: list[Company], ivs: list[Interview], cts: list[Contact]) -> SearchIndex:
    return SearchIndex.build({c.id: c for c in cos}, {i.id: i for i in ivs}, {c.id: c for c in cts})


@FAST
@given(companies, interviews, contacts, st.data())
def test_one_query_without_the_whole_index_finds_the_same(
    cos: list[Company], ivs: list[Interview], cts: list[Contact], data: st.DataObject
) -> None:
    index = build(cos, ivs, cts)
    maps = ({c.id: c for c in cos}, {i.id: i for i in ivs}, {c.id: c for c in cts})
    for query in queries_for(data, words_of(cos, ivs, cts)):
        for limit in (None, 2):
            assert search_once(*maps, query, limit) == index.search(query, limit), query


edits = st.lists(
    st.tuples(st.sampled_from(["contact", "interview", "company", "rename"]), st.integers(0, 99)),
    min_size=1,
    max_size=8,
)


@FAST
@given(companies, interviews, contacts, contacts, interviews, edits, st.data())
def test_edits_taken_one_at_a_time_give_what_a_fresh_index_gives(
    cos: list[Company],
    ivs: list[Interview],
    cts: list[Contact],
    new_cts: list[Contact],
    new_ivs: list[Interview],
    steps: list[tuple[str, int]],
    data: st.DataObject,
) -> None:
    """Contacts and interviews added, replaced and removed, companies renamed and removed, as
    the store announces them: after each step the index answers as if built afresh."""
    index = build(cos, ivs, cts)
    state: dict[str, dict[str, Company | Interview | Contact]] = {
        "companies": {c.id: c for c in cos},
        "interviews": {i.id: i for i in ivs},
        "contacts": {c.id: c for c in cts},
    }
    for kind, pick in steps:
        pool: list[Company] | list[Interview] | list[Contact]
        if kind == "contact":
            table, pool = "contacts", new_cts
        elif kind == "interview":
            table, pool = "interviews", new_ivs
        else:
            table, pool = "companies", companies_of([f"renamed {pick} é"] * 4)
        present = list(state[table])
        if pool and (pick % 3 or not present):  # add or replace
            record = pool[pick % len(pool)]
            state[table][record.id] = record
            index.apply(table, record.id, record)
        elif present:  # remove
            gone = present[pick % len(present)]
            del state[table][gone]
            index.apply(table, gone, None)
        now_cos = [c for c in state["companies"].values() if isinstance(c, Company)]
        now_ivs = [i for i in state["interviews"].values() if isinstance(i, Interview)]
        now_cts = [c for c in state["contacts"].values() if isinstance(c, Contact)]
        fresh = build(now_cos, now_ivs, now_cts)
        for query in queries_for(data, words_of(now_cos, now_ivs, now_cts)):
            assert index.search(query) == fresh.search(query), (kind, pick, query)


def test_a_word_only_in_a_long_note_is_found_and_marked() -> None:
    note = "Long chat about on-call rotations. " * 40 + "She mentioned Quetzalcoatl once."
    index = build([], [], [Contact("c1", "Ann Lee", touches=(Touch("t1", DAY, text=note),))])
    hit = index.search("quetzal").hits[0]
    assert (hit.id, hit.field) == ("c1", "touch")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["Quetzal"]
    assert index.search("quetzalcoatl zzz").hits == []
    assert index.search("quetzalcoatk").hits == []  # no typo in long text


def test_a_typo_in_a_name_is_found_after_an_edit_too() -> None:
    index = build([], [], [Contact("c1", "Zoë Müller")])
    assert [h.id for h in index.search("mulelr").hits] == ["c1"]
    index.update_contact(Contact("c1", "Zoë Schmidt"))
    assert index.search("mulelr").hits == [] and index.search("muller").hits == []
    assert [h.id for h in index.search("schmdit").hits] == ["c1"]


def test_an_index_of_some_records_takes_no_edits() -> None:
    index = SearchIndex._build({}, {}, {"c1": Contact("c1", "Ann")}, {("contact", "c1")}, ("ann",))
    assert [h.id for h in index.search("ann").hits] == ["c1"]
    try:
        index.update_contact(Contact("c1", "Bob"))
    except AssertionError:
        return
    raise AssertionError("an index of some records took an edit")
