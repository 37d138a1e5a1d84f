"""Nobody is offered a LinkedIn message before they have accepted the invitation."""

from __future__ import annotations

from followup_tui.domain import Channel, ConnectionStatus, Contact, Dataset, TouchKind
from followup_tui.notes import NoteContext, all_templates, default_template
from followup_tui.review import ItemKind, ReviewItem, due_items

from .review_data import TODAY, ago, dataset, person, touch


def pending(email: str = "") -> Contact:
    # Invited 40 days ago, so the keep-in-touch clock (30 days) has come round too.
    return person(
        "ana",
        touch(ago(40), TouchKind.INVITE, channel=Channel.LINKEDIN_INVITE, text="Hi Ana"),
        status=ConnectionStatus.INVITE_SENT,
        email=email,
    )


def keep_in_touch_item(email: str) -> tuple[Dataset, ReviewItem]:
    data = dataset(contacts=(pending(email),))
    items = [i for i in due_items(data, TODAY) if i.kind is ItemKind.KEEP_IN_TOUCH]
    assert len(items) == 1
    return data, items[0]


def test_without_an_address_the_review_says_wait_and_offers_no_note() -> None:
    _, item = keep_in_touch_item("")
    assert item.touch_kind is None
    assert "not accepted" in item.suggestion and "wait" in item.suggestion


def test_with_an_address_the_review_offers_the_hello_by_email() -> None:
    data, item = keep_in_touch_item("ana@example.com")
    assert item.touch_kind is TouchKind.OTHER
    contact = data.contacts[0]
    ctx = NoteContext(contact=contact, settings=data.settings, today=TODAY)
    templates = [t for t in all_templates({}) if t.kind is item.touch_kind]
    assert default_template(templates, ctx).channel is Channel.EMAIL


def test_the_main_screen_never_opens_on_a_linkedin_message_for_a_pending_invitation() -> None:
    data = dataset(contacts=(pending(),))
    ctx = NoteContext(contact=data.contacts[0], settings=data.settings, today=TODAY)
    chosen = default_template(all_templates({}), ctx)
    assert chosen.channel is not Channel.LINKEDIN_MESSAGE


def test_the_post_decision_note_goes_by_email_while_the_invitation_is_pending() -> None:
    from followup_tui.domain import Stage

    from .review_data import interview

    rejected = interview(rounds=(ago(10),), panel=("ana",), stage=Stage.REJECTED)
    data = dataset(rejected, contacts=(pending("ana@example.com"),))
    ctx = NoteContext(
        contact=data.contacts[0], settings=data.settings, today=TODAY, interview=rejected
    )
    chosen = default_template(all_templates({}), ctx)
    assert (chosen.kind, chosen.channel) == (TouchKind.DECISION_NOTE, Channel.EMAIL)
