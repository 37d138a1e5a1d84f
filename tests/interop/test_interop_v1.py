"""Format version 2 carries feedback entries, the day a cooling-off period was learned and the
new touch kinds; a version 1 file still imports, its feedback carried over."""

from __future__ import annotations

import json
from datetime import date

from followup_tui.domain import (
    Company,
    Contact,
    Dataset,
    Feedback,
    FeedbackAbout,
    Interview,
    accepted,
    reply_received,
)
from followup_tui.interop import export_json, parse_document

DAY = date(2026, 2, 3)


def test_a_version_1_file_imports_with_its_feedback_carried_over() -> None:
    old = {
        "format": "followup",
        "version": 1,
        "companies": [{"id": "co_1", "name": "Acme"}],
        "interviews": [
            {"id": "iv_1", "company_id": "co_1", "role": "Dev", "feedback_asked": True},
            {"id": "iv_2", "company_id": "co_1", "role": "Ops", "feedback": "Too junior."},
            {"id": "iv_3", "company_id": "co_1", "role": "SRE"},
        ],
    }
    read = parse_document(json.dumps(old))
    assert [i.feedback for i in read.interviews] == [
        (Feedback(FeedbackAbout.ROLE),),
        (Feedback(FeedbackAbout.ROLE, text="Too junior."),),
        (),
    ]


def test_the_new_fields_go_out_and_come_back() -> None:
    ann = reply_received(accepted(Contact("ct_1", "Ann"), DAY), DAY, "Sure!")
    data = Dataset(
        companies=(Company("co_1", "Acme", 6, "recruiter", cooling_off_learned_on=DAY),),
        interviews=(
            Interview(
                "iv_1",
                "co_1",
                "Dev",
                feedback=(Feedback(FeedbackAbout.COMPANY, DAY, DAY, "No details given."),),
            ),
        ),
        contacts=(ann,),
    )
    exported = export_json(data)
    document = json.loads(exported)
    assert document["version"] == 2
    assert document["companies"][0]["cooling_off_learned_on"] == "2026-02-03"
    assert document["interviews"][0]["feedback"] == [
        {
            "about": "company",
            "asked_on": "2026-02-03",
            "received_on": "2026-02-03",
            "text": "No details given.",
        }
    ]
    assert [t["kind"] for t in document["contacts"][0]["touches"]] == ["invite_accepted", "reply"]
    assert parse_document(exported) == data
