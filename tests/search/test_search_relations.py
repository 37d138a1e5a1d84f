"""Search over what issue 11 added: feedback entries, and the people who used to work at a
company found with ``company:`` alongside those there now."""

from __future__ import annotations

from datetime import date

from followup_tui.domain import (
    Company,
    Contact,
    Dataset,
    Feedback,
    FeedbackAbout,
    Interview,
    moved,
)
from followup_tui.search import SearchIndex

DAY = date(2026, 5, 4)


def index_of(dataset: Dataset) -> SearchIndex:
    return SearchIndex.build(
        {c.id: c for c in dataset.companies},
        {i.id: i for i in dataset.interviews},
        {c.id: c for c in dataset.contacts},
    )


def test_every_feedback_entry_is_searched() -> None:
    feedback = (
        Feedback(FeedbackAbout.TEAM, text="needs on-call experience"),
        Feedback(FeedbackAbout.ROLE, DAY, DAY, text="strong kubernetes depth"),
    )
    data = Dataset(
        companies=(Company("co1", "Northwind"),),
        interviews=(Interview("iv1", "co1", "SRE", feedback=feedback),),
    )
    hits = index_of(data).search("kubernetes").hits
    assert [(h.id, h.field) for h in hits] == [("iv1", "feedback")]
    assert [h.id for h in index_of(data).search("on-call").hits] == ["iv1"]


def test_company_filter_finds_people_there_now_and_those_who_moved_on() -> None:
    liam = Contact("c1", "Liam Park", title="SRE", company="Northwind")
    data = Dataset(
        companies=(Company("co1", "Northwind"), Company("co2", "Contoso")),
        contacts=(
            moved(liam, "Contoso", "Staff SRE", DAY),
            Contact("c2", "Ada Quist", company="Northwind"),
            Contact("c3", "Bea Ruiz", company="Contoso"),
        ),
    )
    index = index_of(data)
    assert {h.id for h in index.search("company:northwind").hits} == {"c1", "c2"}
    assert {h.id for h in index.search("company:contoso").hits} == {"c1", "c3"}
    hit = next(h for h in index.search("northwind").hits if h.id == "c1")
    assert hit.field == "past company"
