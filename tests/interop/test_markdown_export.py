"""The Markdown report: every company and person of the demo, and user text kept literal."""

from __future__ import annotations

from datetime import date

from followup_tui.demo import demo_dataset
from followup_tui.domain import (
    Company,
    Contact,
    Dataset,
    Feedback,
    Interview,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.interop import export_markdown
from followup_tui.interop.markdown_export import escape

TODAY = date(2026, 11, 26)


def test_demo_report_names_every_company_and_person() -> None:
    dataset = demo_dataset(TODAY)
    report = export_markdown(dataset).decode("utf-8")
    for company in dataset.companies:
        assert f"## {escape(company.name)}\n" in report
    for person in dataset.contacts:
        assert f"## {escape(person.name)}\n" in report
    for interview in dataset.interviews:
        assert escape(interview.role) in report
    assert "you may apply again from" in report
    assert report.endswith("\n")


def test_hostile_names_print_literally() -> None:
    hostile = "[Ann](http://x) *bold* _it_ `code` <b>|#"
    person = Contact(
        id="ct_1",
        name=hostile,
        title="# Head",
        touches=(Touch(id="tc_1", date=TODAY, kind=TouchKind.THANK_YOU, text="**hi**\nmore"),),
    )
    company = Company(id="co_1", name="# Evil | Co", cooling_off_months=6)
    interview = Interview(
        id="iv_1",
        company_id="co_1",
        role="<script>",
        rounds=(TODAY,),
        panel=("ct_1",),
        stage=Stage.REJECTED,
        decision_date=TODAY,
        feedback=(Feedback(text="[link](x)"),),
    )
    report = export_markdown(
        Dataset(companies=(company,), interviews=(interview,), contacts=(person,))
    ).decode()
    escaped = r"\[Ann\](http://x) \*bold\* \_it\_ \`code\` \<b\>\|\#"
    assert f"## {escaped}\n" in report
    assert f"  - {escaped}, \\# Head\n" in report
    assert "## \\# Evil \\| Co\n" in report
    assert "### \\<script\\>\n" in report
    assert "\\[link\\](x)" in report
    assert "\\*\\*hi\\*\\*" in report and "more" not in report
    assert "you may apply again from 2027-05-26" in report
    for raw in ("[Ann]", "*bold*", "<b>", "<script>", "[link]"):
        assert raw not in report


def test_a_name_that_starts_like_a_list_item_stays_text() -> None:
    from markdown_it import MarkdownIt

    for name in ("- Dash", "+ Plus Co", "1) Num", "12. Twelve", "= Equals"):
        tokens = MarkdownIt("commonmark").parse(f"- Panel:\n  - {escape(name)}, CTO\n")
        kinds = [token.type for token in tokens]
        assert kinds.count("bullet_list_open") == 2, name  # the list and the panel's, no more
        assert "ordered_list_open" not in kinds, name
        assert name in "".join(t.content for t in tokens if t.type == "inline").replace("\\", "")
