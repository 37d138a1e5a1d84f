"""The review's rules, kind by kind, on crafted data with fixed dates and their boundary days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Settings,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.domain.dates import add_months
from followup_tui.domain.history import facts, next_due
from followup_tui.domain.touches import mark_sent, next_status
from followup_tui.review.queue import ItemKind, due_items, suggest_kind, upcoming

from .review_data import ACME, TODAY, ago, dataset, interview, keys, person, touch

S = ConnectionStatus
K = TouchKind


def only(data: object, kind: ItemKind, today: date = TODAY):  # type: ignore[no-untyped-def]
    """The one item of ``kind`` in the queue."""
    items = [item for item in due_items(data, today) if item.kind is kind]  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


# thank_you


@pytest.mark.parametrize(
    ("days", "due"), [(0, True), (1, True), (2, True), (3, False), (-1, False)]
)
def test_thank_you_for_a_round_in_the_last_two_days(days: int, due: bool) -> None:
    data = dataset(
        interview(rounds=(ago(days),), panel=("ann",)),
        contacts=(person("ann", status=S.NOT_CONTACTED),),
    )
    assert keys(data) == ([f"thank_you:iv:ct_ann:{ago(days)}"] if due else [])


def test_thank_you_item_says_what_and_when() -> None:
    data = dataset(interview(rounds=(ago(1),), panel=("ann",)), contacts=(person("ann"),))
    item = only(data, ItemKind.THANK_YOU)
    assert (item.due, item.overdue, item.since) == (ago(1), True, ago(1))
    assert (item.company, item.role, item.contact, item.contact_id) == (
        "Acme",
        "Role iv",
        "Ann",
        "ct_ann",
    )
    assert (item.interview_id, item.company_id, item.touch_kind) == ("iv", "co_acme", K.THANK_YOU)
    assert item.summary == "round yesterday, not thanked"
    today = only(
        dataset(interview(rounds=(TODAY,), panel=("ann",)), contacts=(person("ann"),)),
        ItemKind.THANK_YOU,
    )
    assert not today.overdue


def test_only_panel_members_not_thanked_since_the_round_are_listed() -> None:
    data = dataset(
        interview(rounds=(ago(20), ago(1)), panel=("ann", "bob", "cat", "dan"), recruiter="rec"),
        interview("other", rounds=(ago(1),)),
        contacts=(
            person("ann", touch(ago(1), K.THANK_YOU, interview="iv")),
            person("bob", touch(ago(19), K.THANK_YOU, interview="iv")),  # last round's
            person("cat", touch(ago(1), K.THANK_YOU, interview="other")),
            person("dan", touch(TODAY, K.THANK_YOU, interview="iv", draft=True)),
            person("rec"),
        ),
    )
    assert keys(data) == [f"thank_you:iv:ct_{p}:{ago(1)}" for p in ("bob", "cat", "dan")]


def test_logging_the_thank_you_clears_it() -> None:
    ann = person("ann", status=S.NOT_CONTACTED)
    data = dataset(interview(rounds=(ago(1),), panel=("ann",)), contacts=(ann,))
    item = only(data, ItemKind.THANK_YOU)
    sent, _ = mark_sent(
        ann, item.interview_id, "Thanks!", kind=item.touch_kind, channel=Channel.EMAIL, today=TODAY
    )
    assert keys(dataset(interview(rounds=(ago(1),), panel=("ann",)), contacts=(sent,))) == []


def test_a_coming_round_is_upcoming_not_due() -> None:
    data = dataset(interview(rounds=(ago(-3),), panel=("ann",)), contacts=(person("ann"),))
    assert keys(data) == []
    nxt = upcoming(data, TODAY)
    assert nxt is not None and nxt.kind is ItemKind.THANK_YOU and nxt.since == ago(-3)


# decision_note


@pytest.mark.parametrize(
    ("stage", "closure", "due"),
    [
        (Stage.REJECTED, True, True),
        (Stage.DECLINED, True, True),
        (Stage.REJECTED, False, False),
        (Stage.OFFER, True, False),
        (Stage.ACCEPTED, True, False),
        (Stage.WITHDRAWN, True, False),
    ],
)
def test_decision_note_once_a_no_or_a_declined_offer_is_closed(
    stage: Stage, closure: bool, due: bool
) -> None:
    data = dataset(
        interview(
            rounds=(ago(20),),
            panel=("ann",),
            recruiter="rec",
            stage=stage,
            decision_date=ago(3),
            closure_received=closure,
        ),
        contacts=(person("ann"), person("rec")),
    )
    expected = ["decision_note:iv:ct_ann", "decision_note:iv:ct_rec"] if due else []
    assert keys(data, kind=ItemKind.DECISION_NOTE) == expected


def test_decision_note_goes_to_the_recruiter_too_and_not_to_the_ignored() -> None:
    data = dataset(
        interview(
            rounds=(ago(20),),
            panel=("ann", "oli"),
            recruiter="rec",
            stage=Stage.REJECTED,
            decision_date=ago(3),
            closure_received=True,
        ),
        contacts=(
            person("ann", touch(ago(2), K.DECISION_NOTE, interview="iv")),
            person("oli", status=S.IGNORED),
            person("rec"),
        ),
    )
    item = only(data, ItemKind.DECISION_NOTE)
    assert item.contact_id == "ct_rec" and item.summary == "recruiter; not selected 3 days ago"
    assert (item.due, item.overdue, item.touch_kind) == (ago(3), True, K.DECISION_NOTE)


# keep_in_touch


@pytest.mark.parametrize(
    ("days", "due", "overdue"), [(29, False, False), (30, True, False), (31, True, True)]
)
def test_keep_in_touch_after_a_30_day_cadence(days: int, due: bool, overdue: bool) -> None:
    data = dataset(contacts=(person("ann", touch(ago(days), K.ARTICLE)),))
    items = due_items(data, TODAY)
    assert [item.key for item in items] == (
        [f"keep_in_touch:ct_ann:{ago(days - 30)}"] if due else []
    )
    if due:
        assert items[0].overdue is overdue


def test_keep_in_touch_uses_the_contacts_cadence_then_the_settings() -> None:
    own = person("ann", touch(ago(45), K.ARTICLE), cadence_days=45)
    default = person("bob", touch(ago(20), K.ARTICLE))
    data = dataset(contacts=(own, default), settings=Settings(default_cadence_days=20))
    assert keys(data) == [f"keep_in_touch:ct_ann:{TODAY}", f"keep_in_touch:ct_bob:{TODAY}"]
    assert keys(data, ago(1)) == []


@pytest.mark.parametrize(
    ("status", "due"),
    [
        (S.CONNECTED, True),
        (S.REPLIED, True),
        (S.INVITE_SENT, True),
        (S.NOT_CONTACTED, False),
        (S.NOTE_DRAFTED, False),
        (S.IGNORED, False),
    ],
)
def test_keep_in_touch_for_the_connected_and_the_invited(
    status: ConnectionStatus, due: bool
) -> None:
    data = dataset(contacts=(person("ann", touch(ago(40), K.EVENT), status=status),))
    assert bool(keys(data, kind=ItemKind.KEEP_IN_TOUCH)) is due


@pytest.mark.parametrize("kind", [K.REPLY, K.ARTICLE, K.OTHER, K.THANK_YOU, K.INVITE])
def test_any_logged_touch_resets_the_clock_a_reply_received_too(kind: TouchKind) -> None:
    ann = person("ann", touch(ago(40), K.ARTICLE), touch(ago(10), kind))
    assert keys(dataset(contacts=(ann,))) == []
    assert next_due(ann, Settings()) == ago(-20)


def test_drafts_and_withdrawn_invitations_do_not_reset_the_clock() -> None:
    ann = person(
        "ann",
        touch(ago(40), K.ARTICLE),
        touch(ago(5), K.ARTICLE, draft=True),
        touch(ago(3), K.INVITE_WITHDRAWN, channel=Channel.LINKEDIN_INVITE, text=""),
    )
    assert facts(ann).clock == ann.touches[0]
    assert keys(dataset(contacts=(ann,))) == [f"keep_in_touch:ct_ann:{ago(10)}"]


@pytest.mark.parametrize(
    ("sent", "tidbits", "expected"),
    [
        ((), (), K.ARTICLE),
        ((K.ARTICLE,), (), K.EVENT),
        ((K.EVENT,), (), K.COMPANY_NEWS),
        ((K.COMPANY_NEWS,), ("runs",), K.PERSONAL),
        ((K.COMPANY_NEWS,), (), K.ARTICLE),
        ((K.PERSONAL,), ("runs",), K.ARTICLE),
        ((K.ARTICLE, K.REPLY, K.THANK_YOU), (), K.EVENT),
        ((K.EVENT, K.ARTICLE), (), K.EVENT),
    ],
)
def test_suggestions_rotate_and_skip_personal_without_tidbits(
    sent: tuple[TouchKind, ...], tidbits: tuple[str, ...], expected: TouchKind
) -> None:
    ann = person(
        "ann", *(touch(ago(90 - 10 * n), kind) for n, kind in enumerate(sent)), tidbits=tidbits
    )
    assert suggest_kind(ann) is expected


def test_keep_in_touch_item_suggests_and_says_what_was_sent_last() -> None:
    ann = person(
        "ann",
        touch(ago(50), K.ARTICLE),
        touch(ago(35), K.REPLY),
        tidbits=("Training for the Berlin marathon",),
    )
    item = only(dataset(contacts=(ann,)), ItemKind.KEEP_IN_TOUCH)
    assert item.touch_kind is K.EVENT
    assert item.summary == "last touch 35 days ago (reply received), every 30 days"
    assert item.suggestion == (
        "send an event or conference to meet at; last time: article, 50 days ago"
    )
    assert (item.interview_id, item.company, item.role) == (None, "Acme", "Engineer")
    bob = person("bob", touch(ago(50), K.COMPANY_NEWS), tidbits=("Training for the marathon",))
    bob_item = only(dataset(contacts=(bob,)), ItemKind.KEEP_IN_TOUCH)
    assert bob_item.touch_kind is K.PERSONAL
    assert "something personal (Training for the marathon)" in bob_item.suggestion


def test_keep_in_touch_waits_while_another_note_to_that_person_is_due() -> None:
    ann = person("ann", touch(ago(40), K.ARTICLE))
    data = dataset(interview(rounds=(ago(1),), panel=("ann",)), contacts=(ann,))
    assert [item.kind for item in due_items(data, TODAY)] == [ItemKind.THANK_YOU]


def test_a_new_touch_makes_a_new_keep_in_touch_occurrence() -> None:
    ann = person("ann", touch(ago(70), K.ARTICLE))
    first = keys(dataset(contacts=(ann,)))
    later = person("ann", touch(ago(70), K.ARTICLE), touch(ago(35), K.EVENT))
    assert first != keys(dataset(contacts=(later,))) == [f"keep_in_touch:ct_ann:{ago(5)}"]


# invite_pending


def invited(
    days: int, *more: Touch, status: ConnectionStatus = S.INVITE_SENT, kind: TouchKind = K.INVITE
) -> Contact:
    return person(
        "zoe", touch(ago(days), kind, channel=Channel.LINKEDIN_INVITE), *more, status=status
    )


@pytest.mark.parametrize(("days", "due"), [(14, False), (15, True), (40, True)])
def test_invitation_pending_after_more_than_14_days(days: int, due: bool) -> None:
    items = [
        i
        for i in due_items(dataset(contacts=(invited(days),)), TODAY)
        if i.kind is ItemKind.INVITE_PENDING
    ]
    assert [i.key for i in items] == ([f"invite_pending:ct_zoe:{ago(days)}"] if due else [])
    if due:
        assert items[0].due == ago(days - 15) and items[0].overdue is (days > 15)
        assert items[0].summary == f"invited {days} days ago, not accepted"


def test_a_post_decision_note_sent_as_an_invitation_is_an_invitation() -> None:
    zoe = invited(20, kind=K.DECISION_NOTE)
    assert keys(dataset(contacts=(zoe,)), kind=ItemKind.INVITE_PENDING) == [
        f"invite_pending:ct_zoe:{ago(20)}"
    ]


@pytest.mark.parametrize("status", [S.CONNECTED, S.REPLIED, S.IGNORED, S.NOT_CONTACTED])
def test_no_pending_invitation_once_accepted_or_given_up(status: ConnectionStatus) -> None:
    assert keys(dataset(contacts=(invited(20, status=status),)), kind=ItemKind.INVITE_PENDING) == []


def test_a_withdrawn_invitation_is_not_pending_and_a_nudge_waits_14_more_days() -> None:
    withdrawn = invited(30, touch(ago(2), K.INVITE_WITHDRAWN, channel=Channel.LINKEDIN_INVITE))
    assert keys(dataset(contacts=(withdrawn,)), kind=ItemKind.INVITE_PENDING) == []
    nudged = invited(30, touch(ago(14), K.OTHER, channel=Channel.EMAIL))
    assert keys(dataset(contacts=(nudged,)), kind=ItemKind.INVITE_PENDING) == []
    later = invited(30, touch(ago(15), K.OTHER, channel=Channel.EMAIL))
    item = only(dataset(contacts=(later,)), ItemKind.INVITE_PENDING)
    assert item.summary == "invited 30 days ago, not accepted; last nudge 15 days ago"


def test_withdrawing_takes_invite_sent_back_to_not_contacted() -> None:
    assert (
        next_status(S.INVITE_SENT, K.INVITE_WITHDRAWN, Channel.LINKEDIN_INVITE) is S.NOT_CONTACTED
    )
    assert next_status(S.CONNECTED, K.INVITE_WITHDRAWN, Channel.LINKEDIN_INVITE) is S.CONNECTED


# decision_overdue


@pytest.mark.parametrize(("days", "due"), [(10, False), (11, True), (30, True)])
def test_decision_overdue_after_more_than_n_days(days: int, due: bool) -> None:
    data = dataset(
        interview(rounds=(ago(days),), recruiter="rec", stage=Stage.AWAITING_DECISION),
        contacts=(person("rec"),),
    )
    expected = [f"decision_overdue:iv:{ago(days)}"] if due else []
    assert keys(data, kind=ItemKind.DECISION_OVERDUE) == expected


@pytest.mark.parametrize(("wait", "due"), [(4, True), (5, False)])
def test_decision_overdue_follows_the_settings(wait: int, due: bool) -> None:
    data = dataset(
        interview(rounds=(ago(5),), stage=Stage.INTERVIEWED),
        settings=Settings(decision_overdue_days=wait),
    )
    assert bool(keys(data, kind=ItemKind.DECISION_OVERDUE)) is due


@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.SCHEDULED, Stage.REJECTED, Stage.OFFER])
def test_decision_overdue_only_while_waiting(stage: Stage) -> None:
    assert keys(dataset(interview(rounds=(ago(30),), stage=stage))) == []


def test_decision_overdue_asks_the_recruiter_and_a_nudge_clears_it() -> None:
    rec = person("rec")
    data = dataset(
        interview(rounds=(ago(12),), panel=("ann",), recruiter="rec"),
        contacts=(person("ann", touch(ago(11), K.THANK_YOU, interview="iv")), rec),
    )
    item = only(data, ItemKind.DECISION_OVERDUE)  # a thank-you is no news of the decision
    assert (item.contact_id, item.touch_kind, item.due) == ("ct_rec", K.OTHER, ago(1))
    assert item.summary == "last round 12 days ago (you wait 10 days)"
    assert item.suggestion == "ask Rec for an update"
    nudged, _ = mark_sent(
        rec,
        item.interview_id,
        "Any news?",
        kind=item.touch_kind,
        channel=Channel.EMAIL,
        today=TODAY,
    )
    after = dataset(
        interview(rounds=(ago(12),), panel=("ann",), recruiter="rec"),
        contacts=(person("ann"), nudged),
    )
    assert keys(after) == []
    assert keys(after, TODAY + timedelta(days=11)) == [f"decision_overdue:iv:{ago(12)}"]


def test_decision_overdue_without_a_recruiter_asks_whoever_last_wrote() -> None:
    data = dataset(
        interview(rounds=(ago(20),), panel=("ann", "bob")),
        contacts=(person("ann"), person("bob", touch(ago(15), K.REPLY, interview="iv"))),
    )
    item = only(data, ItemKind.DECISION_OVERDUE)
    assert item.contact_id == "ct_bob" and item.due == ago(4)
    assert item.summary == "last word 15 days ago (you wait 10 days)"
    alone = only(
        dataset(interview(rounds=(ago(20),), panel=("ann",)), contacts=(person("ann"),)),
        ItemKind.DECISION_OVERDUE,
    )
    assert alone.contact_id == "ct_ann"
    nobody = only(dataset(interview(rounds=(ago(20),))), ItemKind.DECISION_OVERDUE)
    assert (nobody.contact, nobody.touch_kind) == (None, None)
    assert nobody.suggestion == "no one to ask: snooze it or dismiss it"


# reapply_open

POLICY = Company("co_acme", "Acme", cooling_off_months=6, cooling_off_source="careers page")


def reapply(today: date, decided: date = date(2026, 5, 31)) -> list[str]:
    data = dataset(
        interview(
            "iv1",
            rounds=(decided - timedelta(days=9),),
            stage=Stage.REJECTED,
            decision_date=decided,
        ),
        interview(
            "iv2", rounds=(date(2025, 1, 5),), stage=Stage.REJECTED, decision_date=date(2025, 1, 9)
        ),
        companies=(POLICY,),
    )
    return keys(data, today, ItemKind.REAPPLY_OPEN)


def test_reapply_from_a_week_before_the_cooling_off_ends() -> None:
    end = add_months(date(2026, 5, 31), 6)
    assert end == date(2026, 11, 30)
    key = [f"reapply_open:co_acme:{end}"]
    assert reapply(end - timedelta(days=8)) == []
    assert reapply(end - timedelta(days=7)) == key
    assert reapply(end) == key
    assert reapply(end + timedelta(days=100)) == key  # open until dismissed or snoozed


def test_reapply_item_shows_the_date_the_policy_and_the_roles() -> None:
    end = date(2026, 11, 30)
    data = dataset(
        interview(
            "iv1",
            rounds=(date(2026, 5, 20),),
            stage=Stage.REJECTED,
            decision_date=date(2026, 5, 31),
        ),
        interview("iv2", stage=Stage.REJECTED, decision_date=date(2025, 1, 9)),
        companies=(POLICY,),
    )
    item = only(data, ItemKind.REAPPLY_OPEN, end - timedelta(days=4))
    assert (item.due, item.since, item.overdue) == (end, end - timedelta(days=7), False)
    assert (item.company, item.role, item.contact, item.touch_kind) == (
        "Acme",
        "Role iv1, Role iv2",
        None,
        None,
    )
    assert item.summary == "cooling-off ends Mon 30 Nov (in 4 days); policy: careers page"
    late = only(data, ItemKind.REAPPLY_OPEN, end + timedelta(days=1))
    assert late.overdue and late.summary.startswith("cooling-off ended Mon 30 Nov (yesterday)")


def test_reapply_only_after_a_no_at_a_company_with_a_policy() -> None:
    decided = date(2026, 5, 31)
    no_policy = dataset(interview(stage=Stage.REJECTED, decision_date=decided))
    declined = dataset(interview(stage=Stage.DECLINED, decision_date=decided), companies=(POLICY,))
    assert keys(no_policy, date(2026, 12, 1)) == keys(declined, date(2026, 12, 1)) == []
    assert ACME.cooling_off_months is None
