"""Search: folding, prefixes, typos, filters, hints, order, snippets and spans."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.demo.dataset import demo_dataset
from followup_tui.domain import Company, Contact, Dataset, Employment, Interview, Stage, Touch
from followup_tui.search import Hit, SearchIndex, fold, hit_keys, parse_query

TODAY = date(2026, 11, 26)


def index_of(dataset: Dataset) -> SearchIndex:
    return SearchIndex.build(
        {c.id: c for c in dataset.companies},
        {i.id: i for i in dataset.interviews},
        {c.id: c for c in dataset.contacts},
    )


@pytest.fixture(scope="module")
def demo() -> SearchIndex:
    return index_of(demo_dataset(TODAY))


def titles(index: SearchIndex, query: str, kind: str | None = None) -> list[str]:
    return [h.title for h in index.search(query).hits if kind is None or h.kind == kind]


def marked(hit: Hit) -> list[str]:
    return [hit.snippet[a:b] for a, b in hit.spans]


def test_fold_drops_case_and_accents_including_letters_nfkd_keeps() -> None:
    assert fold("José Álvarez-Núñez") == "jose alvarez-nunez"
    assert fold("Zoë MÜLLER") == "zoe muller"
    assert (
        fold("Łukasz Wróbel, Søren Kjær, Straße, Đorđe")
        == "lukasz wrobel, soren kjaer, strasse, dorde"
    )
    assert fold("e\u0301cole") == "ecole"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("jose", "José Álvarez-Núñez"),
        ("alv", "José Álvarez-Núñez"),
        ("nun", "José Álvarez-Núñez"),
        ("mul", "Zoë Müller"),
        ("MÜL", "Zoë Müller"),
        ("luk", "Łukasz Wróbel"),
        ("soren kjaer", "Søren Kjær"),
        ("wrob", "Łukasz Wróbel"),
    ],
)
def test_names_are_found_without_accents_from_a_prefix(
    demo: SearchIndex, query: str, name: str
) -> None:
    assert titles(demo, query, "contact")[0] == name


def test_every_word_must_prefix_some_word(demo: SearchIndex) -> None:
    found = titles(demo, "eng man", "contact")
    assert {"José Álvarez-Núñez", "Zoë Müller"} <= set(found)
    assert all(
        "Engineering" in t or "Manager" in t
        for t in (h.subtitle for h in demo.search("eng man").hits if h.kind == "contact")
    )
    assert titles(demo, "eng zzzz") == []
    assert titles(demo, "gineering") == []  # a prefix, not any substring


def test_a_tidbit_word_finds_its_person(demo: SearchIndex) -> None:
    hit = demo.search("microbrew").hits[0]
    assert (hit.title, hit.field) == ("Søren Kjær", "tidbit")
    assert marked(hit) == ["microbrew"]


def test_one_typo_in_a_name_but_not_in_long_text(demo: SearchIndex) -> None:
    assert titles(demo, "muler", "contact") == ["Zoë Müller"]
    assert titles(demo, "mulelr", "contact") == ["Zoë Müller"]  # two letters swapped
    assert titles(demo, "microbrewerx") == []  # a tidbit is long text: no typo allowed
    assert titles(demo, "mlr") == []  # under four letters: no typo either


def test_typo_hits_rank_below_exact_ones() -> None:
    index = index_of(Dataset(contacts=(Contact("c1", "Anna Berg"), Contact("c2", "Anne Borg"))))
    assert titles(index, "anna") == ["Anna Berg", "Anne Borg"]
    assert marked(index.search("anna").hits[1]) == ["Anne"]


def test_filters_alone_and_combined(demo: SearchIndex) -> None:
    rejected = demo.search("stage:rejected").hits
    assert {h.id for h in rejected} == {"iv_fjord_platform", "iv_acme_platform"}
    assert demo.search("stage:rej platform").total == 2
    assert {h.id for h in demo.search("company:acme").hits} == {
        "ct_daniel",
        "ct_lukasz",
        "ct_oliver",
        "iv_acme_platform",
    }
    assert [h.id for h in demo.search("company:acme eng").hits if h.kind == "interview"] == [
        "iv_acme_platform"
    ]
    assert {h.id for h in demo.search("tag:platform").hits} >= {
        "iv_fjord_platform",
        "iv_acme_platform",
    }
    before = {h.id for h in demo.search("before:2026-11-01").hits}
    assert before == {"iv_acme_platform", "iv_tessellate_lead"}
    after = {h.id for h in demo.search("after:2026-11-01").hits}
    assert not before & after and "iv_kestrel_fleet" in after
    assert demo.search("stage:rejected company:fjord").hits[0].id == "iv_fjord_platform"
    assert demo.search('company:"acme cloud" stage:rejected').total == 1


def test_unknown_filters_and_bad_dates_are_hints_not_errors(demo: SearchIndex) -> None:
    result = demo.search("foo:bar jose")
    assert result.hints == ('unknown filter "foo:" — try company:, stage:, tag:, before:, after:',)
    assert result.hits[0].title == "José Álvarez-Núñez"
    assert parse_query("before:2025-13-40").hints == (
        'before: "2025-13-40" is not a date — use YYYY-MM-DD, YYYY-MM or YYYY',
    )
    assert parse_query("after:2025-02").after == date(2025, 2, 1)
    assert parse_query("stage:a").hints[0].startswith('no stage "a" — try applied')
    assert parse_query("company:").hints == ()  # still being typed


def test_empty_query_lists_everything_people_then_newest_interview(demo: SearchIndex) -> None:
    data = demo_dataset(TODAY)
    result = demo.search("")
    assert result.total == len(data.contacts) + len(data.interviews) == len(result.hits)
    kinds = [h.kind for h in result.hits]
    assert kinds == sorted(kinds)  # contact < interview
    assert all(h.spans == () and h.field == "" for h in result.hits)
    interviews = [h for h in result.hits if h.kind == "interview"]
    assert interviews[0].id == "iv_orchard_devex"  # its round is in three days
    assert len(demo.search("", limit=3).hits) == 6  # the limit is per group


def test_people_come_before_interviews(demo: SearchIndex) -> None:
    kinds = [h.kind for h in demo.search("acme").hits]
    assert kinds == sorted(kinds) and {"contact", "interview"} == set(kinds)


def test_spans_point_at_the_match_in_a_snippet_of_long_text() -> None:
    notes = "word " * 60 + "we talked about Straßenbahn timetables " + "more " * 60
    index = index_of(Dataset(contacts=(Contact("c1", "Ann", notes=notes),)))
    hit = index.search("strassenb").hits[0]
    assert hit.field == "note" and len(hit.snippet) <= 80
    assert marked(hit) == ["Straßenb"]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


def test_markup_looking_text_stays_text() -> None:
    index = index_of(
        Dataset(
            contacts=(Contact("c1", "[bold]Eve[/bold] <b>", tidbits=("Likes [red]spicy[/] food",)),)
        )
    )
    hit = index.search("spicy").hits[0]
    assert hit.snippet == "Likes [red]spicy[/] food" and marked(hit) == ["spicy"]
    assert index.search("bold").hits[0].title == "[bold]Eve[/bold] <b>"


def test_past_employers_and_panels_find_people() -> None:
    data = Dataset(
        companies=(Company("co1", "Acme"), Company("co2", "Zenith")),
        interviews=(Interview("iv1", "co1", "Dev", panel=("c1",), recruiter_id="c2"),),
        contacts=(
            Contact("c1", "Ann", company="Zenith"),
            Contact("c2", "Bob", company="Other"),
            Contact("c3", "Cy", past=(Employment("Acme Labs"),)),
            Contact("c4", "Di", touches=(Touch("t1", TODAY, text="acme news"),)),
        ),
    )
    index = index_of(data)
    assert {h.id for h in index.search("company:acme").hits} == {"iv1", "c1", "c2", "c3"}
    assert index.search("bob").hits[1].field == "recruiter"
    assert {h.id for h in index.search("acme").hits} == {"iv1", "c1", "c2", "c3", "c4"}


def test_store_listener_keeps_the_index_current(tmp_path: object) -> None:
    from pathlib import Path

    from followup_tui.store.store import Store

    assert isinstance(tmp_path, Path)
    with Store.open(tmp_path / "f.json") as store:
        store.replace_all(demo_dataset(TODAY))
        index = SearchIndex.follow(store)
        store.put(Contact("ct_new", "Renée Faßbender", tidbits=("homebrewing",)))
        assert titles(index, "fass") == ["Renée Faßbender"]
        store.delete_contact("ct_zoe")
        assert titles(index, "muller") == []
        store.put(Company("co_acme", "Apex Cloud"))
        assert "Apex Cloud · Platform Engineer" in titles(index, "apex")
        store.put(Interview("iv_x", "co_lumen", "Quantum Gardener", stage=Stage.REJECTED))
        assert "iv_x" in {h.id for h in index.search("stage:rejected").hits}
        store.replace_all(Dataset())
        assert index.search("").total == 0


def test_cached_prefixes_stay_current_through_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    from followup_tui.search import vocab as search_vocab

    monkeypatch.setattr(search_vocab, "CACHED_SIZE", 1)  # cache longer prefixes too
    companies = {"co1": Company("co1", "Zenith"), "co2": Company("co2", "Acme")}
    interviews = {"iv1": Interview("iv1", "co1", "Zoologist", panel=("c1",), recruiter_id="c2")}
    contacts = {
        "c1": Contact("c1", "Zoë Zeller", title="Engineer"),
        "c2": Contact("c2", "Zack Acme", title="Recruiter"),
        "c3": Contact("c3", "Zora Zen", tidbits=("zen garden",)),
    }
    index = SearchIndex.build(companies, interviews, contacts)
    queries = ["z", "ze", "zo", "zen", "zo ze", "e", "en", "a", "ac", "acm", "r", "re", "rec"]

    def same_as_fresh() -> None:
        fresh = SearchIndex.build(companies, interviews, contacts)
        for query in queries:
            assert index.search(query) == fresh.search(query), query

    same_as_fresh()  # and every short prefix above is now cached
    contacts["c1"] = Contact("c1", "Ann Rowe", title="Accountant")
    index.update_contact(contacts["c1"])
    same_as_fresh()
    del contacts["c3"]
    index.remove_contact("c3")
    same_as_fresh()
    interviews["iv1"] = Interview("iv1", "co2", "Recruiting lead", panel=("c2",))
    index.update_interview(interviews["iv1"])
    same_as_fresh()
    contacts["c4"] = Contact("c4", "Zed Acre", title="Engineer")
    index.update_contact(contacts["c4"])
    same_as_fresh()


def test_hits_are_worked_out_when_read_and_as_the_records_were_when_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = index_of(demo_dataset(TODAY))
    made: list[str] = []
    real = SearchIndex._hit

    def hit(self: SearchIndex, *args: object) -> Hit:
        found = real(self, *args)  # type: ignore[arg-type]
        made.append(found.id)
        return found

    monkeypatch.setattr(SearchIndex, "_hit", hit)
    result = index.search("e")
    assert len(result.hits) > 10 and made == []  # found, none worked out yet
    first = result.hits[0]
    assert made == [first.id] and result.hits[0] is first  # once, then kept
    assert hit_keys(result.hits)[3] == (result.hits[3].kind, result.hits[3].id)
    assert len(made) == 2
    # An edit after the search changes nothing of its hits, even one not read yet.
    kind, id = hit_keys(result.hits)[-1]
    if kind == "contact":
        index.remove_contact(id)
    else:
        index.remove_interview(id)
    assert result.hits[-1].id == id
    assert result.hits == list(result.hits) and result.hits != list(result.hits)[1:]
