"""The export file and import planning: format, round trip, merge rules, bad input."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest

from followup_tui.domain import (
    Channel,
    Cleared,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Dismissal,
    Employment,
    Feedback,
    FeedbackAbout,
    Interview,
    ReviewState,
    Settings,
    Snooze,
    Stage,
    Template,
    Touch,
    TouchKind,
    TouchStatus,
)
from followup_tui.interop import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ImportProblem,
    export_document,
    export_json,
    parse_document,
    plan_import,
)

DOC = Path(__file__).parents[2] / "docs" / "data-format.md"


def rich_dataset() -> Dataset:
    """Every enum value, dates, touches, employment history and text from many scripts."""
    companies = (
        Company("co_zeta", "Zürich Über GmbH", 6, "recruiter said so", "Café on the 3rd floor ☕"),
        Company("co_alpha", "株式会社アルファ", None, "", "面接は渋谷で"),
        Company("co_mid", "Ромашка ООО", 0, "careers page", "Привет"),
        Company("co_ar", "شركة النور", 120, "", "مرحبا"),
    )
    contacts = tuple(
        Contact(
            id=f"ct_{index}",
            name=name,
            title="Staff Engineer" if index % 2 else "Recruiter",
            company="Zürich Über GmbH",
            company_since=date(2023, 2, 28) if index % 2 else None,
            email=f"person{index}@example.com",
            linkedin=f"https://www.linkedin.com/in/p{index}",
            phone="+41 44 000 00 00",
            past=(Employment("OldCo", "Engineer", date(2020, 12, 31)), Employment("Ünïcode AG")),
            tidbits=("runs marathons 🏃", "has a cat called Μίμης"),
            cadence_days=None if index % 3 else 45,
            status=status,
            tags=("backend", "zürich", "🚀"),
            notes="First line\n\tsecond line",
            touches=tuple(
                Touch(
                    id=f"to_{index}_{number}",
                    date=date(2024, 1 + number % 12, 1 + number),
                    kind=kind,
                    channel=list(Channel)[number % len(Channel)],
                    text=f"Thanks for the chat, {name}! 🙏",
                    link="https://example.com/a",
                    status=list(TouchStatus)[number % len(TouchStatus)],
                    interview_id="iv_0" if number % 2 else None,
                )
                for number, kind in enumerate(TouchKind)
            )
            if index == 0
            else (),
        )
        for index, (name, status) in enumerate(
            zip(
                [
                    "Zoë Müller",
                    "山田 太郎",
                    "Ольга Петрова",
                    "أحمد",
                    "Siobhán Ó Briain",
                    "Chloé 😀",
                ],
                ConnectionStatus,
                strict=True,
            )
        )
    )
    interviews = tuple(
        Interview(
            id=f"iv_{index}",
            company_id=companies[index % len(companies)].id,
            role="Backend Engineer – Zürich" if index % 2 else "エンジニア",
            level="Senior",
            rounds=(date(2024, 3, 1), date(2024, 3, 15)) if index % 2 else (date(1999, 12, 31),),
            panel=("ct_1", "ct_2"),
            recruiter_id="ct_0" if index % 2 else None,
            stage=stage,
            decision_date=date(2024, 4, 1) if not stage.is_open else None,
            closure_received=bool(index % 2),
            feedback=(
                Feedback(
                    FeedbackAbout.TEAM,
                    asked_on=date(2024, 4, 2),
                    received_on=date(2024, 4, 9) if index % 2 else None,
                    text="Good system design; more tests ✅",
                ),
            ),
            notes="Ask about the on-call rota",
            tags=("dream-job",),
        )
        for index, stage in enumerate(Stage)
    )
    templates = tuple(
        Template(
            f"tp_{kind.value}_{channel.value}",
            f"{kind.label} by {channel.label}",
            kind,
            channel,
            "Hi {first_name},\n\nThank you — {company}.",
            builtin=kind is TouchKind.OTHER,
        )
        for kind in TouchKind
        for channel in Channel
    )
    settings = Settings(
        your_name="Anaïs Nin",
        signature="— Anaïs\n📧",
        default_cadence_days=21,
        linkedin_free_account=True,
        email_limit=5000,
        decision_overdue_days=7,
        invite_budget=None,
        keymap={"quit": "ctrl+q", "help": "f1"},
    )
    review = ReviewState(
        snoozed=(Snooze("keep_in_touch:ct_1:2024-05-01", date(2024, 5, 8)),),
        dismissed=(
            Dismissal("reapply_open:co_zeta:2024-10-01", "not interested 🙅", date(2024, 9, 25)),
        ),
        cleared=(
            Cleared("thank_you:iv_1:ct_1:2024-03-15", date(2024, 3, 15)),
            Cleared("decision_note:iv_3:ct_2", date(2024, 4, 2)),
        ),
    )
    return Dataset(settings, companies, interviews, contacts, templates, review)


def document(**overrides: object) -> bytes:
    """A small valid export with some keys replaced, as the bytes of a file."""
    base = export_document(
        Dataset(
            companies=(Company("co_1", "Acme"),),
            interviews=(
                Interview("iv_1", "co_1", "Engineer", rounds=(date(2024, 1, 2),), panel=("ct_1",)),
            ),
            contacts=(
                Contact(
                    "ct_1", "Ann", touches=(Touch("to_1", date(2024, 1, 3), interview_id="iv_1"),)
                ),
            ),
        )
    )
    base.update(overrides)
    return json.dumps(base).encode()


def problem(data: bytes | str, current: Dataset | None = None) -> str:
    """The message of the ImportProblem that importing ``data`` raises; it must be one line."""
    with pytest.raises(ImportProblem) as caught:
        plan_import(current or Dataset(), parse_document(data))
    message = str(caught.value)
    assert message and "\n" not in message and message.isprintable()
    return message


def test_export_document_has_header_settings_and_sorted_tables() -> None:
    exported = export_document(rich_dataset())
    assert list(exported) == [
        "format",
        "version",
        "settings",
        "companies",
        "interviews",
        "contacts",
        "templates",
        "review",
    ]
    assert list(exported["review"]) == ["snoozed", "dismissed", "cleared"]
    assert [c["key"] for c in exported["review"]["cleared"]] == [
        "decision_note:iv_3:ct_2",
        "thank_you:iv_1:ct_1:2024-03-15",
    ]
    assert (exported["format"], exported["version"]) == (FORMAT_NAME, FORMAT_VERSION)
    assert [c["id"] for c in exported["companies"]] == ["co_alpha", "co_ar", "co_mid", "co_zeta"]
    assert exported["interviews"][0]["rounds"] == ["1999-12-31"]
    assert exported["settings"]["keymap"] == {"help": "f1", "quit": "ctrl+q"}
    assert exported == json.loads(export_json(rich_dataset()))


def test_export_json_is_indented_utf8_with_a_final_newline() -> None:
    data = export_json(rich_dataset())
    assert data.startswith(b'{\n  "format": "followup",\n  "version": 2,\n')
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert "株式会社アルファ".encode() in data and "😀".encode() in data
    assert b"\\u" not in data


def test_export_does_not_depend_on_record_order() -> None:
    dataset = rich_dataset()
    shuffled = replace(
        dataset,
        companies=dataset.companies[::-1],
        contacts=dataset.contacts[::-1],
        templates=dataset.templates[::-1],
    )
    assert export_json(shuffled) == export_json(dataset) == export_json(dataset)


def test_export_parse_export_is_byte_identical() -> None:
    first = export_json(rich_dataset())
    assert export_json(parse_document(first)) == first
    assert export_json(parse_document(first.decode())) == first


def test_parse_gives_back_every_value() -> None:
    dataset = rich_dataset()
    parsed = parse_document(export_json(dataset))
    assert parsed.settings == dataset.settings
    assert parsed.review == dataset.review
    for name in ("companies", "interviews", "contacts", "templates"):
        assert getattr(parsed, name) == tuple(sorted(getattr(dataset, name), key=lambda r: r.id))


def test_missing_tables_and_settings_read_as_empty_and_default() -> None:
    assert parse_document('{"format": "followup", "version": 1}') == Dataset()


def test_byte_order_mark_is_accepted() -> None:
    data = export_json(rich_dataset())
    assert parse_document(b"\xef\xbb\xbf" + data) == parse_document(data)
    assert parse_document("\ufeff" + data.decode()) == parse_document(data)


def test_reimporting_an_export_changes_nothing() -> None:
    current = rich_dataset()
    plan = plan_import(current, parse_document(export_json(current)))
    assert plan.result == current
    assert not plan.has_changes
    assert plan.unchanged == {
        "companies": 4,
        "interviews": 9,
        "contacts": 6,
        "templates": len(current.templates),  # one per kind and channel
    }
    assert plan.settings == "same"


def test_plan_counts_added_changed_and_unchanged_and_keeps_the_rest() -> None:
    current = Dataset(companies=(Company("co_a", "A"), Company("co_b", "B"), Company("co_c", "C")))
    incoming = Dataset(
        companies=(
            Company("co_d", "D"),
            Company("co_b", "B2"),
            Company("co_a", "A"),
            Company("co_e", "E"),
        )
    )
    plan = plan_import(current, incoming)
    assert plan.added["companies"] == ["co_d", "co_e"]
    assert plan.changed["companies"] == ["co_b"]
    assert plan.unchanged["companies"] == 1
    assert [c.id for c in plan.result.companies] == ["co_a", "co_b", "co_c", "co_d", "co_e"]
    assert plan.result.companies[1].name == "B2"
    assert plan.has_changes
    assert plan.summary() == "\n".join(
        [
            "companies: 2 added, 1 changed, 1 unchanged",
            "interviews: 0 added, 0 changed, 0 unchanged",
            "contacts: 0 added, 0 changed, 0 unchanged",
            "templates: 0 added, 0 changed, 0 unchanged",
            "settings: kept (the file has only the defaults)",
        ]
    )


def test_settings_are_replaced_only_when_the_file_has_non_default_ones() -> None:
    mine = Settings(your_name="Me")
    theirs = Settings(your_name="Them")
    kept = plan_import(Dataset(settings=mine), Dataset())
    assert (kept.result.settings, kept.settings, kept.has_changes) == (mine, "defaults", False)
    replaced = plan_import(Dataset(settings=mine), Dataset(settings=theirs))
    assert (replaced.result.settings, replaced.settings) == (theirs, "replaced")
    assert replaced.summary().endswith("settings: replaced by the file's")
    same = plan_import(Dataset(settings=mine), Dataset(settings=mine))
    assert (same.settings, same.has_changes) == ("same", False)


def test_an_import_may_refer_to_stored_records() -> None:
    current = Dataset(companies=(Company("co_1", "Acme"),), contacts=(Contact("ct_1", "Ann"),))
    incoming = Dataset(interviews=(Interview("iv_1", "co_1", "Dev", panel=("ct_1",)),))
    assert plan_import(current, incoming).added["interviews"] == ["iv_1"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{not json", "not valid JSON (JSON is malformed: object keys must be strings (byte 1))"),
        (b'{"format": "followup", "version": 1,', "not valid JSON (Input data was truncated)"),
        (b"", "the file is empty"),
        (b'{"format": "\xe2\x82"}', "not valid UTF-8 text (at byte 12)"),
        ('{"format": "\ud800"}', "not valid UTF-8 text (at character 12)"),
        (b"[" * 5000, "not valid JSON: nested far too deeply"),
        (b"[]", "the file holds an array, not a followup export (an object)"),
        (b"42", "the file holds a number, not a followup export (an object)"),
        (b"{}", "not a followup export: the file has no format key, expected 'followup'"),
        (
            document(format="backup"),
            "not a followup export: the file has format 'backup', expected 'followup'",
        ),
        (
            document(version=3),
            "this file was written by a newer followup (format version 3); "
            "this one reads versions up to 2: upgrade followup to import it",
        ),
        (document(version="1"), "version: expected a whole number, got '1'"),
        (
            b'{"format": "followup"}',
            "version: missing (an export always says which format it uses)",
        ),
        (document(version=True), "version: expected a whole number, got True"),
        (document(version=0), "version: 0 is not a format version (they start at 1)"),
        (
            document(interveiws=[]),
            "unknown key 'interveiws' at the top level (expected format, "
            "version, settings, companies, interviews, contacts, templates, "
            "review)",
        ),
        (document(review=[]), "review: Expected `object`, got `array`"),
        (
            document(review={"snoozed": [{"key": "k", "until": "2024-02-30"}]}),
            "review.snoozed[0].until: '2024-02-30' is not a date (use YYYY-MM-DD)",
        ),
        (
            document(review={"dismissed": [{"key": " ", "reason": "", "on": "2024-02-01"}]}),
            "review.dismissed[0]: a dismissal needs an item key",
        ),
        (document(companies={}), "companies: expected a list of records, got an object"),
        (document(settings=None), "settings: Expected `object`, got `null`"),
        (
            document(settings={"default_cadence_days": 0}),
            "settings: default_cadence_days must be between 1 and 3650",
        ),
        (
            document(
                interviews=[
                    {
                        "id": "iv_1",
                        "company_id": "co_1",
                        "role": "Dev",
                        "rounds": ["2024-01-02", "2024-13-01"],
                    }
                ]
            ),
            "interviews[0].rounds[1]: '2024-13-01' is not a date (use YYYY-MM-DD)",
        ),
        (
            document(
                interviews=[{"id": "iv_1", "company_id": "co_1", "role": "Dev", "stage": "hired"}]
            ),
            "interviews[0].stage: 'hired' is not allowed (use one of: applied, scheduled, "
            "interviewed, awaiting_decision, rejected, offer, accepted, declined, withdrawn)",
        ),
        (
            document(contacts=[{"id": "ct_1", "name": "Ann", "status": "friends"}]),
            "contacts[0].status: 'friends' is not allowed (use one of: not_contacted, "
            "note_drafted, invite_sent, connected, replied, ignored)",
        ),
        (
            document(
                contacts=[
                    {
                        "id": "ct_1",
                        "name": "Ann",
                        "touches": [{"id": "t", "date": "2024-01-01", "status": "queued"}],
                    }
                ]
            ),
            "contacts[0].touches[0].status: 'queued' is not allowed (use one of: draft, sent)",
        ),
        (
            document(interviews=[{"id": "iv_1", "company_id": "co_1"}]),
            "interviews[0]: Object missing required field `role`",
        ),
        (
            document(interviews=[{"id": "iv_1", "company_id": "co_1", "role": " \t"}]),
            "interviews[0]: an interview needs a role",
        ),
        (
            document(
                interviews=[
                    {"id": "iv_1", "company_id": "co_1", "role": "Dev", "closure_received": "yes"}
                ]
            ),
            "interviews[0].closure_received: Expected `bool`, got `str`",
        ),
        (
            document(contacts=[{"id": "ct_1", "name": "Ann", "cadence_days": 0}]),
            "contacts[0]: cadence_days must be between 1 and 3650",
        ),
        (
            document(
                companies=[
                    {"id": "co_1", "name": "A"},
                    {"id": "co_2", "name": "B"},
                    {"id": "co_1", "name": "C"},
                ]
            ),
            "companies[2]: id co_1 is used twice (also by companies[0])",
        ),
        (
            document(
                contacts=[
                    {
                        "id": "ct_1",
                        "name": "Ann",
                        "touches": [
                            {"id": "to_1", "date": "2024-01-01"},
                            {"id": "to_1", "date": "2024-01-02"},
                        ],
                    }
                ]
            ),
            "contacts[0].touches[1]: touch id to_1 is used twice (also by touches[0])",
        ),
        (
            document(interviews=[{"id": "iv_1", "company_id": "co_9", "role": "Dev"}]),
            "interviews[0] (id iv_1): company co_9 is not among the companies",
        ),
        (
            document(
                interviews=[
                    {"id": "iv_1", "company_id": "co_1", "role": "Dev", "panel": ["ct_1", "ct_9"]}
                ]
            ),
            "interviews[0] (id iv_1): panel member ct_9 is not among the contacts",
        ),
        (
            document(
                interviews=[
                    {"id": "iv_1", "company_id": "co_1", "role": "Dev", "recruiter_id": "ct_7"}
                ]
            ),
            "interviews[0] (id iv_1): recruiter ct_7 is not among the contacts",
        ),
        (
            document(
                contacts=[
                    {
                        "id": "ct_1",
                        "name": "Ann",
                        "touches": [{"id": "to_1", "date": "2024-01-01", "interview_id": "iv_5"}],
                    }
                ]
            ),
            "contacts[0] (id ct_1): touch to_1 refers to interview iv_5, which is not among the "
            "interviews",
        ),
    ],
)
def test_bad_input_names_the_place_in_one_line(data: bytes, expected: str) -> None:
    assert problem(data) == expected


def test_quoted_values_cannot_break_the_line_or_reach_the_terminal() -> None:
    message = problem(document(format="\x1b[31mred\nline\u202e"))
    assert "\x1b" not in message and "\\x1b" in message
    message = problem(
        document(
            interviews=[
                {
                    "id": "iv_1",
                    "company_id": "co_1",
                    "role": "Dev",
                    "stage": "x" * 10_000 + "\x1b\n",
                }
            ]
        )
    )
    assert message.startswith("interviews[0].stage: 'xxx") and len(message) < 300


def test_a_broken_stored_record_is_named_as_stored() -> None:
    current = Dataset(interviews=(Interview("iv_old", "co_gone", "Dev"),))
    assert problem(document(), current) == (
        "the stored interview iv_old: company co_gone is not among the companies"
    )


def test_import_problem_is_a_value_error() -> None:
    assert issubclass(ImportProblem, ValueError)


def test_the_documented_example_is_a_canonical_export() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("## A complete example", 1)[1].split("```json\n", 1)[1].split("```")[0]
    parsed = parse_document(example)
    assert export_json(parsed).decode() == example
    assert plan_import(Dataset(), parsed).added["interviews"] == [parsed.interviews[0].id]


@pytest.mark.parametrize(
    "kind",
    [
        Settings,
        Company,
        Interview,
        Contact,
        Employment,
        Feedback,
        Touch,
        Template,
        ReviewState,
        Snooze,
        Dismissal,
        Cleared,
    ],
)
def test_the_format_document_describes_every_field(kind: type) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [f.name for f in fields(kind) if f"| `{f.name}` |" not in text]
    assert not missing


@pytest.mark.parametrize(
    "enum", [Stage, ConnectionStatus, TouchKind, Channel, TouchStatus, FeedbackAbout]
)
def test_the_format_document_lists_every_enum_value(enum: type[StrEnum]) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [value for value in enum if f"`{value}`" not in text] == []


def test_a_line_cut_at_its_limit_round_trips() -> None:
    dataset = Dataset(companies=(Company("co_1", "a" * 299 + " b"),))
    first = export_json(dataset)
    assert export_json(parse_document(first)) == first


def test_a_tag_that_grows_when_lower_cased_round_trips() -> None:
    dataset = Dataset(
        companies=(Company("co_1", "A"),),
        interviews=(Interview("iv_1", "co_1", "Dev", tags=("İ" * 60,)),),
    )
    first = export_json(dataset)
    assert export_json(parse_document(first)) == first


def test_an_export_without_review_state_imports_as_an_empty_one() -> None:
    old = json.loads(document())
    del old["review"]
    assert parse_document(json.dumps(old)).review == ReviewState()


def test_review_state_merges_by_key_and_the_file_wins() -> None:
    day = date(2024, 5, 1)
    current = Dataset(
        review=ReviewState(
            snoozed=(Snooze("a", day), Snooze("b", day)), dismissed=(Dismissal("c", "mine", day),)
        )
    )
    incoming = Dataset(
        review=ReviewState(
            snoozed=(Snooze("b", date(2024, 6, 1)), Snooze("z", day)),
            dismissed=(Dismissal("c", "mine", day),),
            cleared=(Cleared("a", day),),
        )
    )
    plan = plan_import(current, incoming)
    assert plan.result.review == ReviewState(
        snoozed=(Snooze("a", day), Snooze("b", date(2024, 6, 1)), Snooze("z", day)),
        dismissed=(Dismissal("c", "mine", day),),
        cleared=(Cleared("a", day),),
    )
    assert plan.review == (2, 1, 1)
    assert plan.has_changes
    assert plan.summary().endswith("\nreview: 2 added, 1 changed, 1 unchanged")
    again = plan_import(plan.result, incoming)
    assert again.review == (0, 0, 4) and not again.has_changes
    assert "review" not in plan_import(current, Dataset()).summary()


def test_review_state_keeps_one_entry_per_key_in_key_order() -> None:
    day = date(2024, 5, 1)
    state = ReviewState(snoozed=(Snooze("b", day), Snooze("a", day), Snooze("b", date(2024, 7, 1))))
    assert state.snoozed == (Snooze("a", day), Snooze("b", date(2024, 7, 1)))
    assert ReviewState(snoozed=state.snoozed[::-1]) == state
