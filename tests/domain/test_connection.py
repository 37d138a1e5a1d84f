"""The connection as dated actions, moves, and the questions that join the tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Employment,
    Interview,
    Settings,
    Stage,
    Touch,
    TouchKind,
    accepted,
    clock,
    declined,
    ignored,
    moved,
    next_due,
    panels_of,
    people_at,
    reapply_date,
    reply_received,
    status_set,
)

DAY = date(2026, 3, 10)
S = ConnectionStatus
INVITED = Contact(
    "ct_1",
    "Ann Lee",
    status=S.INVITE_SENT,
    touches=(Touch("t0", DAY - timedelta(days=20), TouchKind.INVITE, Channel.LINKEDIN_INVITE),),
)


def test_accepted_connects_with_a_dated_entry_that_leaves_the_clock_alone() -> None:
    after = accepted(INVITED, DAY)
    assert after.status is S.CONNECTED
    entry = after.touches[-1]
    assert (entry.kind, entry.date) == (TouchKind.INVITE_ACCEPTED, DAY)
    assert clock(after) == INVITED.touches[0]  # no words exchanged: the clock runs on


def test_a_reply_is_logged_with_its_text_and_restarts_the_clock() -> None:
    after = reply_received(accepted(INVITED, DAY), DAY + timedelta(days=2), "Happy to!")
    assert after.status is S.REPLIED
    assert after.touches[-1].kind is TouchKind.REPLY
    assert after.touches[-1].text == "Happy to!"
    assert next_due(after, Settings(default_cadence_days=30)) == DAY + timedelta(days=32)


def test_an_acceptance_logged_late_does_not_undo_a_reply() -> None:
    after = accepted(reply_received(INVITED, DAY), DAY - timedelta(days=1))
    assert after.status is S.REPLIED


@pytest.mark.parametrize(
    ("action", "kind"), [(declined, "invite_declined"), (ignored, "invite_ignored")]
)
def test_declined_and_ignored_close_the_connection(
    action: Callable[[Contact, date], Contact], kind: str
) -> None:
    after = action(INVITED, DAY)
    assert after.status is S.IGNORED
    assert after.touches[-1].kind == kind
    assert clock(after) == INVITED.touches[0]


def test_a_status_set_by_hand_logs_the_entry_that_stands_for_it() -> None:
    after = status_set(INVITED, S.REPLIED, DAY)
    assert after.status is S.REPLIED
    assert (after.touches[-1].kind, after.touches[-1].date) == (TouchKind.REPLY, DAY)
    assert status_set(after, S.REPLIED, DAY) is after
    back = status_set(after, S.NOT_CONTACTED, DAY)
    assert back.status is S.NOT_CONTACTED and back.touches == after.touches


@given(st.lists(st.sampled_from([accepted, reply_received, declined, ignored]), max_size=6))
def test_the_history_grows_by_one_dated_entry_per_action(
    actions: list[Callable[[Contact, date], Contact]],
) -> None:
    contact = INVITED
    for step, action in enumerate(actions, 1):
        contact = action(contact, DAY + timedelta(days=step))
        assert len(contact.touches) == step + 1
        assert contact.touches[-1].date == DAY + timedelta(days=step)


def test_a_move_keeps_the_old_employer_until_that_day() -> None:
    liam = Contact("ct_2", "Liam", title="SRE", company="Northwind", company_since=date(2020, 1, 1))
    after = moved(liam, "Contoso", "Staff SRE", DAY)
    assert (after.company, after.title, after.company_since) == ("Contoso", "Staff SRE", DAY)
    assert after.past == (Employment("Northwind", "SRE", until=DAY),)
    assert moved(liam, "Contoso", None, DAY).title == "SRE"
    assert moved(Contact("c", "Nobody"), "Acme", "", DAY).past == ()


ACME = Company("co_a", "Acme", cooling_off_months=6)


def interview(key: str, stage: Stage, **more: object) -> Interview:
    return Interview(key, "co_a", "Dev", stage=stage, **more)  # type: ignore[arg-type]


def test_reapply_date_is_the_last_no_plus_the_period() -> None:
    interviews = [
        interview("i1", Stage.REJECTED, decision_date=date(2025, 8, 31)),
        interview("i2", Stage.REJECTED, rounds=(date(2025, 2, 1),)),
        interview("i3", Stage.OFFER, decision_date=date(2026, 1, 1)),
        Interview("i4", "co_b", "Dev", stage=Stage.REJECTED, decision_date=date(2026, 1, 1)),
    ]
    assert reapply_date(ACME, interviews) == date(2026, 2, 28)
    assert reapply_date(Company("co_a", "Acme"), interviews) is None
    assert reapply_date(ACME, interviews[2:]) is None


def test_panels_of_a_person_newest_first() -> None:
    interviews = [
        interview("i1", Stage.REJECTED, rounds=(date(2024, 1, 5), date(2024, 1, 9)), panel=("p",)),
        interview("i2", Stage.APPLIED, panel=("p", "q")),
        interview("i3", Stage.OFFER, rounds=(date(2025, 1, 5),), panel=("p",)),
        interview("i4", Stage.OFFER, rounds=(date(2025, 6, 5),), panel=("q",)),
    ]
    panels = panels_of("p", interviews)
    assert [(p.interview_id, p.on) for p in panels] == [
        ("i3", date(2025, 1, 5)),
        ("i1", date(2024, 1, 5)),
        ("i2", None),
    ]


def test_people_at_a_company_now_and_before() -> None:
    people = people_at(
        "ACME",
        [
            Contact("1", "Zed", company="Acme"),
            Contact("2", "Amy", company="acme"),
            Contact("3", "Bo", company="Other", past=(Employment("Acme"),)),
            Contact("4", "Cy", company="Other"),
        ],
    )
    assert [c.name for c in people.now] == ["Amy", "Zed"]
    assert [c.name for c in people.before] == ["Bo"]
