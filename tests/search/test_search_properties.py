"""Search properties: every hit really matches, and edits reach the index at once."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.domain import Company, Contact, Interview
from followup_tui.search import SearchIndex, fold
from followup_tui.search.text import folded_words

SHORT = {"name", "title", "company", "role", "recruiter", "panel", "tag"}
LETTERS = "aeiouéüøłßnrst"
word = st.text(alphabet=LETTERS, min_size=1, max_size=7)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)


def typo(a: str, b: str) -> bool:
    """Damerau distance at most one, written the slow, obvious way."""
    if abs(len(a) - len(b)) > 1:
        return False
    edits = {a[:i] + a[i + 1 :] for i in range(len(a))}
    edits |= {a[:i] + c + a[i + 1 :] for i in range(len(a)) for c in set(b)}
    edits |= {a[:i] + c + a[i:] for i in range(len(a) + 1) for c in set(b)}
    edits |= {a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)}
    return b == a or b in edits


contacts = st.lists(
    st.builds(
        lambda i, name, title, tidbit: Contact(f"c{i}", name, title=title, tidbits=(tidbit,)),
        st.integers(0, 30),
        phrase,
        phrase,
        phrase,
    ),
    max_size=12,
    unique_by=lambda c: c.id,
)
interviews = st.lists(
    st.builds(
        lambda i, role, notes, co, panel: Interview(
            f"i{i}", f"co{co}", role, notes=notes, panel=tuple(f"c{p}" for p in panel)
        ),
        st.integers(0, 30),
        phrase,
        phrase,
        st.integers(0, 2),
        st.lists(st.integers(0, 30), max_size=3),
    ),
    max_size=8,
    unique_by=lambda i: i.id,
)
companies = st.lists(phrase, min_size=3, max_size=3).map(
    lambda names: [Company(f"co{i}", n) for i, n in enumerate(names)]
)
FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build(cos: list[Company], ivs: list[Interview], cts: list[Contact]) -> SearchIndex:
    return SearchIndex.build({c.id: c for c in cos}, {i.id: i for i in ivs}, {c.id: c for c in cts})


def texts(index: SearchIndex, kind: str, id: str) -> list[tuple[bool, str]]:
    # The record's fields as indexed; the index's private view is the one fair witness here.
    record = index._describe(kind, id)  # type: ignore[arg-type]
    assert record is not None
    return [(f.short, f.text) for f in record.fields]


@FAST
@given(companies, interviews, contacts, st.lists(word, min_size=1, max_size=2))
def test_every_hit_contains_every_query_word(
    cos: list[Company], ivs: list[Interview], cts: list[Contact], query: list[str]
) -> None:
    index = build(cos, ivs, cts)
    for hit in index.search(" ".join(query)).hits:
        fields = texts(index, hit.kind, hit.id)
        for q in {fold(w) for w in query}:
            assert any(
                w.startswith(q) or (short and len(q) >= 4 and typo(q, w))
                for short, text in fields
                for w in folded_words(text)
            ), (q, fields)
        for a, b in hit.spans:
            assert 0 <= a < b <= len(hit.snippet)


@FAST
@given(companies, interviews, contacts, phrase, st.data())
def test_edits_are_findable_at_once_and_match_a_fresh_build(
    cos: list[Company], ivs: list[Interview], cts: list[Contact], role: str, data: st.DataObject
) -> None:
    index = build(cos, ivs, cts)
    new = Interview("i_new", "co1", role + " zqxj", panel=tuple(c.id for c in cts[:2]))
    index.update_interview(new)
    assert "i_new" in {h.id for h in index.search("zqxj").hits}
    ivs = [*ivs, new]
    if cts:
        renamed = Contact(cts[0].id, "Wxyzt Renamed", title="boss")
        index.update_contact(renamed)
        cts = [renamed, *cts[1:]]
    if ivs:
        gone = data.draw(st.sampled_from(ivs))
        index.remove_interview(gone.id)
        ivs = [i for i in ivs if i.id != gone.id]
        assert gone.id not in {h.id for h in index.search("").hits}
    index.update_company(Company("co0", "Renamed Co"))
    cos = [Company("co0", "Renamed Co"), *cos[1:]]
    fresh = build(cos, ivs, cts)
    for query in [
        "",
        "w",
        "wxyzt",
        "zqxj",
        "renamed",
        "company:ren",
        "a e",
        "boss",
        role.split()[0],
    ]:
        assert index.search(query) == fresh.search(query), query


def by_id(
    cos: list[Company], ivs: list[Interview], cts: list[Contact]
) -> tuple[dict[str, Company], dict[str, Interview], dict[str, Contact]]:
    return {c.id: c for c in cos}, {i.id: i for i in ivs}, {c.id: c for c in cts}


@FAST
@given(companies, interviews, contacts, st.lists(word, min_size=1, max_size=2), phrase)
def test_names_first_then_the_long_fields_answer_as_a_whole_build(
    cos: list[Company], ivs: list[Interview], cts: list[Contact], query: list[str], note: str
) -> None:
    ivs = [*ivs, Interview("i_note", "co0", "role", notes="vvqk in the notes only")]
    whole = build(cos, ivs, cts)
    first = SearchIndex.build(*by_id(cos, ivs, cts), long=False)
    assert first.names_only
    q = " ".join(query)
    # Names first: what it finds, the whole index finds too; words in the notes, not yet.
    assert {(h.kind, h.id) for h in first.search(q).hits} <= {
        (h.kind, h.id) for h in whole.search(q).hits
    }
    assert first.search("vvqk").hits == []
    assert [h.id for h in whole.search("vvqk").hits] == ["i_note"]
    # An edit meanwhile is indexed whole, long fields too.
    edited = Interview("i_edit", "co0", "role", notes=note + " qqzv")
    first.update_interview(edited)
    assert "i_edit" in {h.id for h in first.search("qqzv").hits}
    # The long fields, built from the data as it is now, numbered as the index numbers it.
    ivs = [*ivs, edited]
    first.take_long(SearchIndex.long_vocabulary(*by_id(cos, ivs, cts), first.numbering()))
    assert not first.names_only
    fresh = build(cos, ivs, cts)
    for query_text in ["", q, "qqzv", "vvqk", note.split()[0], "a e"]:
        assert first.search(query_text) == fresh.search(query_text), query_text
