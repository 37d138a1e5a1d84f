"""The demo dataset shows everything followup tracks, whatever day it is built on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from followup_tui.demo.dataset import demo_dataset
from followup_tui.domain import (
    Channel,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Stage,
    TouchKind,
    TouchStatus,
)
from followup_tui.domain.codec import convert, to_builtins
from followup_tui.domain.dates import add_months

EDGE_DAYS = (
    date(2024, 2, 29),
    date(2025, 1, 31),
    date(2025, 3, 1),
    date(2026, 12, 31),
    date(2000, 1, 1),
    date(2099, 12, 31),
    date(2025, 8, 31),
    date(2023, 3, 31),
)


def every_day(test: Callable[[date], None]) -> Callable[..., None]:
    """Run ``test(today)`` for many days from 2000 to 2099, month ends and leap days included."""
    for day in EDGE_DAYS:
        test = example(today=day)(test)
    return given(today=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))(test)


def contacts_of(data: Dataset) -> dict[str, Contact]:
    return {c.id: c for c in data.contacts}


def only(items: list[Interview]) -> Interview:
    assert items, "no interview matches"
    return items[0]


def check_thank_you_due(data: Dataset, today: date) -> None:
    people = contacts_of(data)
    interview = only(
        [
            i
            for i in data.interviews
            if i.stage is Stage.INTERVIEWED
            and i.last_round is not None
            and today - timedelta(days=2) <= i.last_round < today
        ]
    )
    assert 2 <= len(interview.panel) <= 3
    for contact_id in interview.panel:
        assert not [t for t in people[contact_id].touches if t.kind is TouchKind.THANK_YOU]


def check_decision_overdue(data: Dataset, today: date) -> None:
    overdue = today - timedelta(days=data.settings.decision_overdue_days)
    only(
        [
            i
            for i in data.interviews
            if i.stage is Stage.AWAITING_DECISION
            and i.last_round is not None
            and i.last_round < overdue
        ]
    )


def check_rejection_to_answer(data: Dataset, today: date) -> None:
    people = contacts_of(data)
    interview = only(
        [
            i
            for i in data.interviews
            if i.stage is Stage.REJECTED
            and i.decision_date is not None
            and today - timedelta(days=7) <= i.decision_date < today
        ]
    )
    assert interview.closure_received and interview.feedback
    assert interview.feedback[0].text and interview.notes
    assert interview.recruiter_id in people and interview.recruiter_id not in interview.panel
    assert interview.panel
    for contact_id in interview.panel:
        kinds = {t.kind for t in people[contact_id].touches}
        assert TouchKind.DECISION_NOTE not in kinds
        assert TouchKind.THANK_YOU in kinds  # thanked after the round, not yet after the no


def check_monthly_touches_due(data: Dataset, today: date) -> None:
    due = []
    for contact in data.contacts:
        last = contact.last_touch()
        if contact.status is ConnectionStatus.CONNECTED and last is not None:
            cadence = contact.cadence_days or data.settings.default_cadence_days
            if last.date + timedelta(days=cadence) <= today:
                due.append(contact)
    assert len(due) >= 2
    assert any(c.cadence_days is not None for c in due), "one due on a cadence of its own"
    assert any(c.cadence_days is None for c in due), "one due on the default cadence"


def check_invite_pending(data: Dataset, today: date) -> None:
    pending = [c for c in data.contacts if c.status is ConnectionStatus.INVITE_SENT]
    assert pending
    for contact in pending:
        invites = [
            t.date
            for t in contact.sent_touches()
            if t.kind is TouchKind.INVITE and t.channel is Channel.LINKEDIN_INVITE
        ]
        assert invites and today - max(invites) > timedelta(days=14)


def check_reapply_window(data: Dataset, today: date) -> None:
    found = []
    for company in data.companies:
        if company.cooling_off_months is None:
            continue
        assert company.cooling_off_source
        decided = [
            i.decision_date
            for i in data.interviews
            if i.company_id == company.id
            and i.stage is Stage.REJECTED
            and i.decision_date is not None
        ]
        assert decided
        found.append(add_months(max(decided), company.cooling_off_months))
    assert found
    for reapply_on in found:
        assert today - timedelta(days=3) <= reapply_on <= today + timedelta(days=3)


def check_dates_are_sensible(data: Dataset, today: date) -> None:
    interviews = {i.id: i for i in data.interviews}
    for interview in data.interviews:
        if interview.stage is not Stage.SCHEDULED:
            assert all(day <= today for day in interview.rounds), interview.id
        if interview.decision_date is not None:
            assert interview.last_round is not None
            assert interview.last_round <= interview.decision_date <= today
    for contact in data.contacts:
        for touch in contact.touches:
            assert touch.date <= today
            if touch.interview_id is not None:
                first_round = interviews[touch.interview_id].rounds[0]
                assert touch.date >= first_round - timedelta(days=60), touch.id
        if contact.company_since is not None:
            assert contact.company_since <= today
            assert all(
                job.until is not None and job.until <= contact.company_since for job in contact.past
            )


DATED_CHECKS = (
    check_thank_you_due,
    check_decision_overdue,
    check_rejection_to_answer,
    check_monthly_touches_due,
    check_invite_pending,
    check_reapply_window,
    check_dates_are_sensible,
)


@every_day
def test_a_panel_met_yesterday_is_waiting_for_thank_yous(today: date) -> None:
    check_thank_you_due(demo_dataset(today), today)


@every_day
def test_a_decision_is_overdue(today: date) -> None:
    check_decision_overdue(demo_dataset(today), today)


@every_day
def test_a_fresh_rejection_has_closure_and_no_post_decision_notes(today: date) -> None:
    check_rejection_to_answer(demo_dataset(today), today)


@every_day
def test_connections_are_due_for_their_monthly_touch(today: date) -> None:
    check_monthly_touches_due(demo_dataset(today), today)


@every_day
def test_an_invitation_is_pending_for_over_two_weeks(today: date) -> None:
    check_invite_pending(demo_dataset(today), today)


@every_day
def test_the_cooling_off_period_ends_within_three_days(today: date) -> None:
    check_reapply_window(demo_dataset(today), today)


@every_day
def test_dates_are_in_a_sensible_order(today: date) -> None:
    check_dates_are_sensible(demo_dataset(today), today)


def test_every_day_of_four_years_including_a_leap_year() -> None:
    day = date(2023, 1, 1)
    while day < date(2027, 1, 1):
        data = demo_dataset(day)
        for check in DATED_CHECKS:
            check(data, day)
        day += timedelta(days=1)


@every_day
def test_referentially_sound_and_round_trips(today: date) -> None:
    data = demo_dataset(today)
    companies = {c.id for c in data.companies}
    interviews = {i.id for i in data.interviews}
    people = contacts_of(data)
    touch_ids = [t.id for c in data.contacts for t in c.touches]
    assert len(companies) == len(data.companies)
    assert len(interviews) == len(data.interviews)
    assert len(people) == len(data.contacts)
    assert len(set(touch_ids)) == len(touch_ids)
    assert all(t.startswith("tc_") for t in touch_ids)
    for interview in data.interviews:
        assert interview.company_id in companies
        assert all(person in people for person in interview.people)
    for contact in data.contacts:
        assert all(t.interview_id in interviews for t in contact.touches if t.interview_id)
    assert convert(to_builtins(data), Dataset) == data


@every_day
def test_deterministic(today: date) -> None:
    assert demo_dataset(today) == demo_dataset(today)
    assert to_builtins(demo_dataset(today)) == to_builtins(demo_dataset(today))


def test_the_dates_follow_the_day() -> None:
    one, other = demo_dataset(date(2025, 5, 10)), demo_dataset(date(2025, 5, 11))
    assert one != other
    assert [i.rounds for i in other.interviews] == [
        tuple(day + timedelta(days=1) for day in i.rounds) for i in one.interviews
    ]


def test_stages_cover_the_whole_journey() -> None:
    stages = [i.stage for i in demo_dataset(date(2025, 6, 15)).interviews]
    for stage in (
        Stage.APPLIED,
        Stage.SCHEDULED,
        Stage.INTERVIEWED,
        Stage.AWAITING_DECISION,
        Stage.OFFER,
    ):
        assert stage in stages
    assert stages.count(Stage.REJECTED) >= 2
    assert Stage.DECLINED in stages or Stage.WITHDRAWN in stages


def test_every_kind_channel_status_and_one_draft() -> None:
    data = demo_dataset(date(2025, 6, 15))
    touches = [t for c in data.contacts for t in c.touches]
    assert {t.kind for t in touches} == set(TouchKind)
    assert {t.channel for t in touches} == set(Channel)
    assert {t.status for t in touches} == set(TouchStatus)
    assert {c.status for c in data.contacts} == set(ConnectionStatus)
    assert [t.status for t in touches].count(TouchStatus.DRAFT) == 1
    assert any(t.link for t in touches)
    assert all(t.link.startswith("https://example.com/") for t in touches if t.link)
    assert all(t.text for t in touches)


def test_one_person_sat_on_two_panels_after_moving() -> None:
    data = demo_dataset(date(2025, 6, 15))
    names = {c.id: c.name for c in data.companies}
    seen: dict[str, set[str]] = {}
    for interview in data.interviews:
        for person in interview.panel:
            seen.setdefault(person, set()).add(names[interview.company_id])
    twice = [person for person, companies in seen.items() if len(companies) >= 2]
    assert len(twice) == 1
    mover = contacts_of(data)[twice[0]]
    assert mover.company in seen[mover.id] and mover.company_since is not None
    assert {job.company for job in mover.past} == seen[mover.id] - {mover.company}


def test_names_in_many_scripts() -> None:
    names = [c.name for c in demo_dataset(date(2025, 6, 15)).contacts]
    scripts = {unicodedata.name(ch).split()[0] for name in names for ch in name if ch.isalpha()}
    assert {"LATIN", "CJK", "CYRILLIC"} <= scripts
    assert scripts & {"ARABIC", "HEBREW"}
    accented = [
        n
        for n in names
        if not n.isascii()
        and all(unicodedata.name(ch).startswith("LATIN") for ch in n if ch.isalpha())
    ]
    assert len(accented) >= 4
    for expected in ("José Álvarez-Núñez", "Zoë Müller", "Łukasz Wróbel"):
        assert expected in names
    assert any(n.startswith("Søren") for n in names)


def test_rich_enough_to_show_every_screen() -> None:
    data = demo_dataset(date(2025, 6, 15))
    assert 6 <= len(data.companies) <= 8
    assert len(data.interviews) >= 8
    assert 12 <= len(data.contacts) <= 16
    assert sum(bool(c.tidbits) for c in data.contacts) >= 7
    assert any(c.tags for c in data.contacts) and any(i.tags for i in data.interviews)
    assert all(i.notes for i in data.interviews)
    assert {"Senior", "Staff"} <= {i.level for i in data.interviews}
    assert data.settings.your_name == "Sam Rivera" and data.settings.signature
    tidbits = " ".join(t for c in data.contacts for t in c.tidbits).lower()
    for topic in ("microbrewery", "football", "marathon", "meetup", "book", "dad", "relocating"):
        assert topic in tidbits
