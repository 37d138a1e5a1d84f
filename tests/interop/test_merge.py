"""The merge of a foreign file: who is who, what is added, and nothing doubled or overwritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from followup_tui.domain import (
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Stage,
    TouchKind,
)
from followup_tui.interop import (
    Batch,
    ConnectionIn,
    InterviewIn,
    InvitationIn,
    PersonIn,
    plan_merge,
)
from followup_tui.interop.matching import profile_key

TODAY = date(2026, 12, 2)
MARCH = date(2026, 3, 4)


def stored() -> Dataset:
    company = Company(id="co_1", name="Acme")
    ann = Contact(
        id="ct_1",
        name="Ann Lee",
        title="CTO",
        company="Acme",
        email="ann@acme.test",
        linkedin="https://www.linkedin.com/in/annlee",
    )
    jose = Contact(id="ct_2", name="José Núñez", company="Acme")
    interview = Interview(
        id="iv_1", company_id="co_1", role="SRE", rounds=(MARCH,), panel=("ct_1",)
    )
    return Dataset(companies=(company,), interviews=(interview,), contacts=(ann, jose))


def row(name: str, **fields: Any) -> PersonIn:
    return PersonIn(name=name, where="line 2", **fields)


def test_a_known_interview_gains_only_the_panel_member_it_lacks() -> None:
    batch = Batch(
        "spreadsheet",
        interviews=(
            InterviewIn("ACME", "sre", MARCH, "line 2", panel=(row("ann lee"), row("Jose Nunez"))),
        ),
    )
    plan = plan_merge(stored(), batch, TODAY)
    (interview,) = plan.result.interviews
    assert interview.panel == ("ct_1", "ct_2")
    assert len(plan.result.contacts) == 2
    assert plan.counts == {"companies": 0, "interviews": 0, "people": 0}
    assert plan.merged == ["interview Acme, sre, Wed 4 Mar 2026 (line 2): added panel"]


def test_importing_the_same_batch_twice_changes_nothing_the_second_time() -> None:
    batch = Batch(
        "spreadsheet",
        interviews=(
            InterviewIn(
                "Globex",
                "Data engineer",
                date(2026, 5, 1),
                "line 3",
                stage=Stage.REJECTED,
                notes="Referral: Kim",
                panel=(row("Kim Park", title="Lead", email="kim@globex.test"),),
            ),
        ),
    )
    first = plan_merge(stored(), batch, TODAY)
    assert first.counts == {"companies": 1, "interviews": 1, "people": 1}
    again = plan_merge(first.result, batch, TODAY)
    assert not again.has_changes
    assert again.result == first.result
    assert again.unchanged == [
        "person Kim Park (line 2, matched by email): already there",
        "interview Globex, Data engineer, Fri 1 May 2026 (line 3): already there",
    ]
    assert again.skipped == []


def test_a_known_person_gains_only_what_is_empty() -> None:
    batch = Batch(
        "vCard",
        people=(
            row(
                "Ann Lee",
                title="Chief Executive",
                email="ANN@acme.test",
                phone="+1 555",
                company="Acme",
            ),
        ),
    )
    plan = plan_merge(stored(), batch, TODAY)
    ann = plan.result.contacts[0]
    assert ann.title == "CTO"  # typed by the person: kept
    assert ann.phone == "+1 555"
    assert plan.merged == ["person Ann Lee (line 2, matched by email): added phone"]


def test_people_match_by_profile_then_email_then_name_and_company() -> None:
    data = stored()
    by_profile = row("Someone Else", linkedin="http://uk.linkedin.com/in/AnnLee/?trk=1")
    by_name = row("JOSE  nunez", company="acme")
    stranger = row("José Núñez", company="Globex")
    batch = Batch("vCard", people=(by_profile, by_name, stranger))
    plan = plan_merge(data, batch, TODAY)
    names = [c.name for c in plan.result.contacts]
    assert names == ["Ann Lee", "José Núñez", "José Núñez"]
    assert plan.counts["people"] == 1


def test_a_connection_is_recorded_as_accepted_on_its_day_once() -> None:
    batch = Batch(
        "LinkedIn",
        connections=(
            ConnectionIn(row("Ann Lee", company="Acme"), date(2026, 3, 14)),
            ConnectionIn(row("Nobody Known", company="Initech"), date(2026, 3, 15)),
            ConnectionIn(row("Jose Nunez", company="Umbrella"), date(2026, 3, 16)),
        ),
    )
    plan = plan_merge(stored(), batch, TODAY)
    ann = plan.result.contacts[0]
    assert ann.status is ConnectionStatus.CONNECTED
    assert [(t.kind, t.date) for t in ann.touches] == [
        (TouchKind.INVITE_ACCEPTED, date(2026, 3, 14))
    ]
    assert len(plan.result.contacts) == 2  # a connection never creates a person
    assert plan.skipped == ["Nobody Known (line 2): not among your people"]
    assert plan.near_misses == ["Jose Nunez at Umbrella (line 2): you have José Núñez at Acme"]
    assert not plan_merge(plan.result, batch, TODAY).has_changes


def test_an_invitation_to_someone_connected_keeps_them_connected() -> None:
    invitation = InvitationIn(row("Ann Lee", company="Acme"), date(2026, 3, 1), "Hi Ann")
    connection = ConnectionIn(row("Ann Lee", company="Acme"), date(2026, 3, 14))
    batch = Batch("LinkedIn", connections=(connection,), invitations=(invitation,))
    plan = plan_merge(stored(), batch, TODAY)
    ann = plan.result.contacts[0]
    assert ann.status is ConnectionStatus.CONNECTED
    sent = ann.sent_touches()
    assert [t.kind for t in sent] == [TouchKind.INVITE, TouchKind.INVITE_ACCEPTED]
    assert sent[0].text == "Hi Ann"
    assert not plan_merge(plan.result, batch, TODAY).has_changes


def test_an_interview_without_a_stage_is_interviewed_once_its_day_has_passed() -> None:
    past = InterviewIn("Initech", "QA", date(2026, 11, 1), "line 2")
    coming = InterviewIn("Initech", "QA lead", date(2026, 12, 9), "line 3")
    undated = InterviewIn("Initech", "QA manager", None, "line 4")
    plan = plan_merge(Dataset(), Batch("spreadsheet", interviews=(past, coming, undated)), TODAY)
    stages = [i.stage for i in plan.result.interviews]
    assert stages == [Stage.INTERVIEWED, Stage.SCHEDULED, Stage.APPLIED]
    assert len(plan.result.companies) == 1


def test_the_summary_counts_and_with_detail_lists_each_decision() -> None:
    batch = Batch(
        "spreadsheet",
        interviews=(InterviewIn("Globex", "SRE", MARCH, "line 2", panel=(row("Kim"),)),),
        notices=("unknown column 'Referral': kept in the notes",),
    )
    plan = plan_merge(stored(), batch, TODAY)
    assert plan.summary() == (
        "spreadsheet: 1 company, 1 interview, 1 person added; 0 merged into what you "
        "have; 0 already there; 0 skipped\nunknown column 'Referral': kept in the notes"
    )
    assert "  added: person Kim (line 2)" in plan.summary(detail=True).splitlines()


def test_stored_notes_are_kept_and_new_ones_appended_once() -> None:
    data = stored()
    data = replace(data, interviews=(replace(data.interviews[0], notes="Went well"),))
    incoming = InterviewIn("Acme", "SRE", MARCH, "line 2", notes="Salary: 100k")
    plan = plan_merge(data, Batch("spreadsheet", interviews=(incoming,)), TODAY)
    assert plan.result.interviews[0].notes == "Went well\n\nSalary: 100k"
    assert not plan_merge(plan.result, Batch("s", interviews=(incoming,)), TODAY).has_changes


def test_profile_keys_ignore_scheme_host_case_and_tracking() -> None:
    keys = {
        profile_key(url)
        for url in (
            "https://www.linkedin.com/in/ann-lee",
            "http://linkedin.com/in/Ann-Lee/",
            "uk.linkedin.com/in/ann-lee?trk=people",
            " https://www.linkedin.com/in/ann-lee#about ",
        )
    }
    assert keys == {"https://www.linkedin.com/in/ann-lee"}


def test_a_connection_fills_an_empty_profile_so_an_invitation_finds_its_person() -> None:
    data = stored()
    jose = data.contacts[1]
    profile = "https://www.linkedin.com/in/josenunez"
    batch = Batch(
        "LinkedIn",
        connections=(
            ConnectionIn(
                PersonIn(
                    "José Núñez",
                    "Connections.csv line 5",
                    company="Acme",
                    linkedin=profile + "/",
                    title="Staff engineer",
                ),
                date(2026, 3, 14),
            ),
        ),
        invitations=(
            InvitationIn(
                PersonIn("José Núñez", "Invitations.csv line 2", linkedin=profile),
                date(2026, 3, 10),
                "Hola",
            ),
        ),
    )
    plan = plan_merge(data, batch, TODAY)
    jose = next(c for c in plan.result.contacts if c.id == jose.id)
    assert (jose.linkedin, jose.title) == (profile, "Staff engineer")
    assert [t.kind for t in jose.sent_touches()] == [TouchKind.INVITE, TouchKind.INVITE_ACCEPTED]
    assert jose.status is ConnectionStatus.CONNECTED
    assert not plan_merge(plan.result, batch, TODAY).has_changes


def test_an_invitation_naming_no_company_finds_the_one_person_of_that_name() -> None:
    invitation = InvitationIn(row("jose nunez"), date(2026, 3, 10))
    plan = plan_merge(stored(), Batch("LinkedIn", invitations=(invitation,)), TODAY)
    assert plan.merged == ["José Núñez: invited on Tue 10 Mar 2026"]


def test_a_text_cut_to_fit_is_reported_with_its_place() -> None:
    long = InterviewIn("Globex", "SRE", MARCH, "line 9", notes="x" * 60_000)
    plan = plan_merge(stored(), Batch("spreadsheet", interviews=(long,)), TODAY)
    assert plan.cut == ["line 9: notes is 60,000 characters long; followup keeps the first 50,000"]
    assert plan.cut[0] in plan.summary()


def test_a_profile_address_is_stored_in_its_one_spelling() -> None:
    person = row("Kim Park", linkedin="linkedin.com/in/KimPark/")
    interview = InterviewIn("Globex", "SRE", MARCH, "line 2", panel=(person,))
    plan = plan_merge(stored(), Batch("spreadsheet", interviews=(interview,)), TODAY)
    kim = next(c for c in plan.result.contacts if c.name == "Kim Park")
    assert kim.linkedin == "https://www.linkedin.com/in/kimpark"
