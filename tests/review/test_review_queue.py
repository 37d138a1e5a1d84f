"""The review queue: snoozes, dismissals, progress, order, the invitation budget, withdrawals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from followup_tui.demo.dataset import demo_dataset
from followup_tui.domain import (
    Channel,
    Cleared,
    Company,
    ConnectionStatus,
    Dataset,
    Dismissal,
    ReviewState,
    Settings,
    Snooze,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.domain.dates import days_from, short_date
from followup_tui.review.queue import (
    ItemKind,
    by_kind,
    dismiss,
    due_items,
    invite_advice,
    invites_used,
    mark_cleared,
    progress,
    snooze,
    upcoming,
    withdrawn_until,
)

from .review_data import TODAY, ago, dataset, interview, keys, person, touch

S = ConnectionStatus
K = TouchKind
INVITE = Channel.LINKEDIN_INVITE


def two_due() -> Dataset:
    """Ann owed a thank-you (round yesterday), Bob a keep-in-touch note (due today)."""
    return dataset(
        interview(rounds=(ago(1),), panel=("ann",)),
        contacts=(person("ann"), person("bob", touch(ago(30), K.ARTICLE))),
    )


THANKS = f"thank_you:iv:ct_ann:{ago(1)}"
KEEP = f"keep_in_touch:ct_bob:{TODAY}"


def test_snoozed_items_come_back_on_their_day() -> None:
    data = two_due()
    state = snooze(data.review, KEEP, TODAY + timedelta(days=3))
    snoozed = replace(data, review=state)
    assert keys(snoozed) == [THANKS]
    assert KEEP not in keys(snoozed, TODAY + timedelta(days=2))
    back = [i for i in due_items(snoozed, TODAY + timedelta(days=3)) if i.key == KEEP]
    assert len(back) == 1
    assert back[0].since == TODAY + timedelta(days=3) and back[0].overdue and back[0].due == TODAY


def test_a_later_snooze_replaces_the_earlier_and_a_past_one_does_nothing() -> None:
    state = snooze(
        snooze(ReviewState(), KEEP, TODAY + timedelta(days=9)), KEEP, TODAY + timedelta(days=1)
    )
    assert state.snoozed == (Snooze(KEEP, TODAY + timedelta(days=1)),)
    assert keys(replace(two_due(), review=snooze(ReviewState(), KEEP, ago(3)))) == [THANKS, KEEP]


def test_a_thank_you_snoozed_past_its_last_day_does_not_come_back() -> None:
    data = replace(two_due(), review=snooze(ReviewState(), THANKS, TODAY + timedelta(days=5)))
    assert THANKS not in keys(data, TODAY + timedelta(days=5))


def test_dismissed_items_stay_gone_with_their_reason() -> None:
    data = two_due()
    state = dismiss(
        snooze(data.review, THANKS, TODAY + timedelta(days=1)),
        THANKS,
        "thanked them in person",
        TODAY,
    )
    assert state.dismissed == (Dismissal(THANKS, "thanked them in person", TODAY),)
    assert state.snoozed == ()
    gone = replace(data, review=state)
    for day in range(0, 3):
        assert THANKS not in keys(gone, TODAY + timedelta(days=day))
    assert keys(gone) == [KEEP]


def test_dismissing_one_keep_in_touch_occurrence_leaves_the_next() -> None:
    bob = person("bob", touch(ago(30), K.ARTICLE))
    state = dismiss(ReviewState(), KEEP, "met at a conference", TODAY)
    assert keys(dataset(contacts=(bob,), review=state)) == []
    touched = person("bob", touch(ago(30), K.ARTICLE), touch(TODAY, K.OTHER))
    assert keys(dataset(contacts=(touched,), review=state), TODAY + timedelta(days=30)) == [
        f"keep_in_touch:ct_bob:{TODAY + timedelta(days=30)}"
    ]


def test_progress_counts_what_was_cleared_today_and_what_is_left() -> None:
    data = two_due()
    assert progress(data, TODAY) == (0, 2)
    state = mark_cleared(dismiss(data.review, KEEP, "done", TODAY), KEEP, TODAY)
    state = mark_cleared(state, "keep_in_touch:ct_old:2020-01-01", ago(1))  # another day
    assert state.cleared == (
        Cleared(KEEP, TODAY),  # sorted by key
        Cleared("keep_in_touch:ct_old:2020-01-01", ago(1)),
    )
    assert progress(replace(data, review=state), TODAY) == (1, 2)
    # Marked cleared but still due (the note was not logged): not done.
    assert progress(replace(data, review=mark_cleared(data.review, THANKS, TODAY)), TODAY) == (0, 2)


def test_order_overdue_first_then_kind_then_oldest() -> None:
    data = dataset(
        interview("fresh", rounds=(TODAY,), panel=("ann",)),
        interview("old", rounds=(ago(2),), panel=("bob",)),
        interview("late", rounds=(ago(30),), stage=Stage.AWAITING_DECISION),
        contacts=(
            person("ann", status=S.NOT_CONTACTED),
            person("bob", status=S.NOT_CONTACTED),
            person("cat", touch(ago(31), K.ARTICLE)),
            person("dan", touch(ago(30), K.EVENT)),
            person("eve", touch(ago(40), K.EVENT)),
        ),
    )
    assert [(i.kind, i.key.split(":")[1], i.overdue) for i in due_items(data, TODAY)] == [
        (ItemKind.THANK_YOU, "old", True),
        (ItemKind.KEEP_IN_TOUCH, "ct_eve", True),
        (ItemKind.KEEP_IN_TOUCH, "ct_cat", True),
        (ItemKind.DECISION_OVERDUE, "late", True),
        (ItemKind.THANK_YOU, "fresh", False),
        (ItemKind.KEEP_IN_TOUCH, "ct_dan", False),
    ]


def test_by_kind_keeps_every_kind_in_priority_order() -> None:
    groups = by_kind(due_items(two_due(), TODAY))
    assert list(groups) == list(ItemKind)
    assert [len(items) for items in groups.values()] == [1, 0, 1, 0, 0, 0]


def test_no_key_appears_twice_in_the_demo() -> None:
    for offset in range(0, 60, 7):
        day = TODAY + timedelta(days=offset)
        found = keys(demo_dataset(day), day)
        assert len(found) == len(set(found))


def test_upcoming_is_the_next_item_to_come_in() -> None:
    data = dataset(
        contacts=(
            person("ann", touch(ago(20), K.ARTICLE)),
            person("bob", touch(ago(25), K.ARTICLE)),
        )
    )
    nxt = upcoming(data, TODAY)
    assert nxt is not None and nxt.contact_id == "ct_bob" and nxt.since == ago(-5)
    assert upcoming(data, TODAY, days=4) is None
    assert upcoming(dataset(), TODAY) is None
    snoozed = replace(two_due(), review=snooze(ReviewState(), KEEP, ago(-2)))
    back = upcoming(snoozed, TODAY)
    assert back is not None and (back.key, back.since) == (KEEP, ago(-2))


def invitations(*days: int, text: str = "Hi, let's connect") -> tuple[Touch, ...]:
    return tuple(touch(ago(d), K.INVITE, channel=INVITE, text=text) for d in days)


def test_invites_used_counts_personalised_invitations_this_month() -> None:
    today = date(2026, 11, 26)
    people = (
        person("a", *invitations(0, 25)),  # 26 Nov, 1 Nov
        person("b", *invitations(26)),  # 31 Oct: last month
        person("c", *invitations(3, text="")),  # no note
        person("d", touch(ago(2), K.DECISION_NOTE, channel=INVITE)),  # a note on an invitation
        person("e", touch(ago(2), K.INVITE, channel=INVITE, draft=True)),
        person("f", touch(ago(1), K.INVITE_WITHDRAWN, channel=INVITE, text="withdrew")),
        person("g", touch(ago(365), K.INVITE, channel=INVITE)),  # a year ago
    )
    assert invites_used(dataset(contacts=people), today) == 3


def test_past_the_budget_invitation_items_say_to_skip_the_note_or_wait() -> None:
    sent = tuple(person(f"p{n}", *invitations(1)) for n in range(5))
    ann = person("ann", status=S.NOT_CONTACTED)
    data = dataset(
        interview(rounds=(ago(1),), panel=("ann", "bob")), contacts=(*sent, ann, person("bob"))
    )
    advice = "invitation budget used (5/5): send without a note or wait until 1 Dec"
    assert invite_advice(data, TODAY) == advice
    items = {i.contact_id: i for i in due_items(data, TODAY)}
    assert items["ct_ann"].suggestion.endswith(f"; if by invitation: {advice}")
    assert "budget" not in items["ct_bob"].suggestion  # already connected
    under = replace(data, settings=Settings(invite_budget=6))
    assert invite_advice(under, TODAY) is None
    assert invite_advice(replace(data, settings=Settings(invite_budget=None)), TODAY) is None
    assert "budget" not in due_items(under, TODAY)[0].suggestion


def test_the_budget_starts_again_on_the_first_of_the_month() -> None:
    at_year_end = dataset(
        contacts=(person("a", touch(date(2026, 12, 31), K.INVITE, channel=INVITE, text="hi")),),
        settings=Settings(invite_budget=1),
    )
    assert invite_advice(at_year_end, date(2026, 12, 31)) == (
        "invitation budget used (1/1): send without a note or wait until 1 Jan"
    )
    assert invite_advice(at_year_end, date(2027, 1, 1)) is None


def test_a_withdrawn_invitation_blocks_a_new_one_for_three_weeks() -> None:
    ann = person(
        "ann",
        touch(ago(30), K.INVITE, channel=INVITE),
        touch(ago(5), K.INVITE_WITHDRAWN, channel=INVITE, text=""),
        status=S.NOT_CONTACTED,
    )
    assert withdrawn_until(ann, TODAY) == ago(-16)
    assert withdrawn_until(ann, ago(-15)) == ago(-16)
    assert withdrawn_until(ann, ago(-16)) is None
    assert withdrawn_until(person("bob"), TODAY) is None
    data = dataset(interview(rounds=(ago(1),), panel=("ann",)), contacts=(ann,))
    item = due_items(data, TODAY)[0]
    assert item.suggestion.endswith("; an invitation was withdrawn: invite again from Sat 12 Dec")
    later = dataset(interview(rounds=(ago(-16),), panel=("ann",)), contacts=(ann,))
    assert "withdrawn" not in due_items(later, ago(-16))[0].suggestion


def test_review_state_entries_are_cleaned_and_need_a_key() -> None:
    assert Snooze(" k\x1b[31m ", TODAY).key == "k"
    assert Dismissal("k", "bad\nreason", TODAY).reason == "bad reason"
    for build in (
        lambda: Snooze(" ", TODAY),
        lambda: Cleared("", TODAY),
        lambda: Dismissal("\x00", "", TODAY),
    ):
        try:
            build()
        except ValueError:
            continue
        raise AssertionError("an empty key was accepted")


def test_a_company_without_interviews_and_dangling_panels_are_harmless() -> None:
    data = dataset(
        interview(
            rounds=(ago(1),),
            panel=("ghost",),
            recruiter="nobody",
            stage=Stage.REJECTED,
            closure_received=True,
        ),
        companies=(
            Company("co_acme", "Acme", cooling_off_months=3),
            Company("co_empty", "Empty", cooling_off_months=3),
        ),
    )
    assert keys(data) == []


def test_dates_read_the_same_in_every_locale() -> None:
    assert short_date(date(2026, 11, 26)) == "Thu 26 Nov"
    assert short_date(date(2024, 2, 29), year=True) == "Thu 29 Feb 2024"
    assert [days_from(TODAY + timedelta(days=n), TODAY) for n in (-3, -1, 0, 1, 4)] == [
        "3 days ago",
        "yesterday",
        "today",
        "tomorrow",
        "in 4 days",
    ]
