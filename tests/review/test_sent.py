"""After a note is sent: the next person on the panel, and taking the note back."""

from __future__ import annotations

from dataclasses import replace

from followup_tui.domain import (
    Channel,
    Cleared,
    ConnectionStatus,
    ReviewState,
    TouchKind,
    mark_sent,
    save_draft,
)
from followup_tui.review import SentNote, next_person, unclear, unsend
from followup_tui.review.queue import mark_cleared

from .review_data import TODAY, ago, interview, person, touch

THANKS = TouchKind.THANK_YOU


def test_next_person_skips_who_had_the_note_and_wraps_round() -> None:
    iv = interview(panel=("a", "b", "c", "d"), recruiter="r")
    contacts = {
        c.id: c
        for c in (
            person("a"),
            person("b", touch(ago(1), THANKS, interview="iv")),
            person("c", touch(ago(1), THANKS, interview="other")),  # another interview's
            person("d", touch(ago(1), THANKS, interview="iv", draft=True)),  # not sent yet
            person("r"),
        )
    }
    assert next_person(iv, contacts, THANKS, "ct_a") == "ct_c"
    assert next_person(iv, contacts, THANKS, "ct_c") == "ct_d"
    assert next_person(iv, contacts, THANKS, "ct_d") == "ct_r"  # the recruiter comes last
    assert next_person(iv, contacts, THANKS, "ct_r") == "ct_a"  # and round again
    assert next_person(iv, contacts, TouchKind.DECISION_NOTE, "ct_a") == "ct_b"


def test_next_person_is_none_when_everyone_had_it() -> None:
    iv = interview(panel=("a", "b"))
    had = touch(ago(1), THANKS, interview="iv")
    contacts = {c.id: c for c in (person("a", had), person("b", had))}
    assert next_person(iv, contacts, THANKS, "ct_a") is None
    assert next_person(iv, {}, THANKS, "ct_a") is None


def _send(status: ConnectionStatus, *, drafted: bool) -> SentNote:
    before = person("a", touch(ago(30)), status=status)
    if drafted:
        before = save_draft(
            before, "iv", "Hi A, a draft", kind=THANKS, channel=Channel.EMAIL, today=ago(1)
        )
    after, sent = mark_sent(
        before, "iv", "Hi A, thanks", kind=THANKS, channel=Channel.EMAIL, today=TODAY
    )
    return SentNote(before, after, sent)


def test_unsend_gives_back_the_contact_exactly_as_it_was() -> None:
    for status in (ConnectionStatus.NOT_CONTACTED, ConnectionStatus.CONNECTED):
        for drafted in (True, False):
            sent = _send(status, drafted=drafted)
            assert sent.after.status is not status or status is ConnectionStatus.CONNECTED
            assert unsend(sent, sent.after) == sent.before


def test_unsend_after_other_changes_takes_back_only_the_note() -> None:
    sent = _send(ConnectionStatus.NOT_CONTACTED, drafted=True)
    now = replace(sent.after, tidbits=("Arsenal fan",))
    undone = unsend(sent, now)
    assert undone is not None
    assert undone.tidbits == ("Arsenal fan",)
    assert undone.status is ConnectionStatus.NOTE_DRAFTED
    assert [t.text for t in undone.touches] == ["Hello", "Hi A, a draft"]
    assert not any(t.id == sent.touch.id and t.text == "Hi A, thanks" for t in undone.touches)


def test_unsend_is_none_when_the_note_is_gone() -> None:
    sent = _send(ConnectionStatus.CONNECTED, drafted=False)
    assert unsend(sent, sent.before) is None


def test_unclear_puts_back_the_review_entry() -> None:
    earlier = Cleared("k", ago(3))
    state = ReviewState(cleared=(Cleared("other", TODAY),))
    assert unclear(mark_cleared(state, "k", TODAY), "k", None) == state
    with_earlier = ReviewState(cleared=(*state.cleared, earlier))
    assert unclear(mark_cleared(with_earlier, "k", TODAY), "k", earlier) == with_earlier


def test_unsend_keeps_a_newer_draft_rather_than_two() -> None:
    sent = _send(ConnectionStatus.CONNECTED, drafted=True)
    now = save_draft(
        sent.after, "iv", "Hi A, written after", kind=THANKS, channel=Channel.EMAIL, today=TODAY
    )
    undone = unsend(sent, now)
    assert undone is not None
    assert [t.text for t in undone.touches] == ["Hello", "Hi A, written after"]
