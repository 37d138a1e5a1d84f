"""Schema 2 to 3: an interview's feedback flag and text become dated feedback entries; the
file is backed up first and nothing else changes."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from followup_tui.domain import Feedback, FeedbackAbout
from followup_tui.store.schema import migrate
from followup_tui.store.store import SCHEMA_VERSION, Store

from .test_store import files_in

V2: dict[str, Any] = {
    "meta": {"1": {"schema": 2}},
    "settings": {"1": {"your_name": "Sam", "default_cadence_days": 45}},
    "review": {"1": {"snoozed": [{"key": "k", "until": "2024-05-01"}]}},
    "companies": {
        "1": {
            "id": "co_1",
            "name": "Acme",
            "cooling_off_months": 6,
            "cooling_off_source": "recruiter",
            "notes": "big",
        }
    },
    "interviews": {
        "1": {
            "id": "iv_1",
            "company_id": "co_1",
            "role": "Dev",
            "rounds": ["2024-03-01"],
            "panel": ["ct_1"],
            "recruiter_id": "ct_2",
            "stage": "rejected",
            "decision_date": "2024-03-10",
            "closure_received": True,
            "feedback_asked": True,
            "feedback": "More depth on databases.",
            "notes": "n",
            "tags": ["x"],
        },
        "2": {
            "id": "iv_2",
            "company_id": "co_1",
            "role": "Lead",
            "feedback_asked": True,
            "feedback": "",
        },
        "3": {"id": "iv_3", "company_id": "co_1", "role": "SRE", "feedback_asked": False},
        "4": {"id": "iv_4", "company_id": "co_1", "role": "Ops", "feedback": "Unasked."},
    },
    "contacts": {
        "1": {
            "id": "ct_1",
            "name": "Ann Lee",
            "company": "Acme",
            "past": [{"company": "Globex", "title": "SRE", "until": "2023-01-31"}],
            "status": "replied",
            "touches": [
                {"id": "t1", "date": "2024-03-02", "kind": "thank_you", "text": "Thanks"},
                {"id": "t2", "date": "2024-03-04", "kind": "reply", "text": "You're welcome"},
            ],
        },
        "2": {"id": "ct_2", "name": "Bo", "tidbits": ["cats"]},
    },
    "templates": {
        "1": {"id": "tpl_1", "name": "Mine", "kind": "other", "channel": "email", "body": "Hi"}
    },
}


def test_a_v2_file_is_backed_up_and_migrated_and_loses_nothing(db_path: Path) -> None:
    db_path.parent.mkdir()
    original = json.dumps(V2, indent=2).encode()
    db_path.write_bytes(original)
    with Store.open(db_path) as store:
        feedback = {i: store.interviews[i].feedback for i in ("iv_1", "iv_2", "iv_3", "iv_4")}
        assert store.contacts["ct_1"].touches[1].text == "You're welcome"
        assert store.settings.default_cadence_days == 45
        assert store.review.snoozed[0].until == date(2024, 5, 1)
    assert feedback == {
        "iv_1": (Feedback(FeedbackAbout.ROLE, text="More depth on databases."),),
        "iv_2": (Feedback(FeedbackAbout.ROLE),),  # asked, no answer yet: kept as a request
        "iv_3": (),
        "iv_4": (Feedback(FeedbackAbout.ROLE, text="Unasked."),),
    }
    backups = [name for name in files_in(db_path.parent) if name != db_path.name]
    assert len(backups) == 1
    assert re.fullmatch(r"followup\.json\.bak-v2-\d{8}T\d{6}", backups[0])
    assert (db_path.parent / backups[0]).read_bytes() == original
    saved = json.loads(db_path.read_bytes())
    assert saved["meta"] == {"1": {"schema": SCHEMA_VERSION}} == {"1": {"schema": 3}}
    for table in ("companies", "interviews", "contacts", "templates", "settings", "review"):
        for key, before in V2[table].items():
            after = saved[table][key]
            for name, value in before.items():
                if name in ("feedback", "feedback_asked"):
                    continue
                assert _same(after[name], value), (table, key, name)
    assert all("feedback_asked" not in r for r in saved["interviews"].values())


def _same(after: Any, before: Any) -> bool:
    """Equal, or ``before`` is a part of ``after`` (records gain their defaults when saved)."""
    if isinstance(before, dict):
        return all(_same(after.get(k), v) for k, v in before.items())
    if isinstance(before, list):
        return len(after) == len(before) and all(map(_same, after, before))
    return bool(after == before)


def test_the_migration_leaves_records_of_the_new_shape_alone() -> None:
    data = copy.deepcopy(V2)
    entry = {"about": "team", "asked_on": "2024-01-02", "received_on": None, "text": "t"}
    data["interviews"]["1"]["feedback"] = [entry]
    migrated = migrate(data, 2)
    assert migrated["interviews"]["1"]["feedback"] == [entry]
    assert migrated["meta"] == {"1": {"schema": 3}}
