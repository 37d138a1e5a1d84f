"""Each review item offers a note that fits it, chosen the way the review screen chooses:
the templates of the item's kind, then notes.default_template for the item's person."""

from __future__ import annotations

from dataclasses import replace

import pytest

from followup_tui.domain import Channel, ConnectionStatus, Dataset, Stage, Template, TouchKind
from followup_tui.notes import BUILTIN_TEMPLATES, NoteContext, default_template, render
from followup_tui.review import ItemKind, ReviewItem, due_items

from .review_data import ACME, TODAY, ago, dataset, interview, person, touch

S = ConnectionStatus
K = TouchKind


def offered(data: Dataset, item: ReviewItem) -> Template | None:
    """The template the review screen opens on for ``item`` (None: nothing to write)."""
    if item.touch_kind is None:
        return None
    contacts = {c.id: c for c in data.contacts}
    iv = next((i for i in data.interviews if i.id == item.interview_id), None)
    ctx = NoteContext(
        contacts[item.contact_id or ""],
        data.settings,
        TODAY,
        iv,
        next((c for c in data.companies if iv and c.id == iv.company_id), None),
        contacts.get(iv.recruiter_id or "") if iv else None,
    )
    wanted = [t for t in BUILTIN_TEMPLATES if t.kind is item.touch_kind]
    return default_template(wanted or list(BUILTIN_TEMPLATES), ctx)


def item_of(data: Dataset, kind: ItemKind) -> ReviewItem:
    (found,) = [i for i in due_items(data, TODAY) if i.kind is kind]
    return found


@pytest.mark.parametrize("status", [S.CONNECTED, S.REPLIED])
def test_an_overdue_decision_offers_a_polite_nudge_not_a_check_in(status: ConnectionStatus) -> None:
    rec = person("rec", status=status, tidbits=("Arsenal fan",))
    data = dataset(
        interview(rounds=(ago(12),), panel=("ann",), recruiter="rec"),
        contacts=(person("ann", tidbits=("Sails",)), rec),
    )
    item = item_of(data, ItemKind.DECISION_OVERDUE)
    template = offered(data, item)
    assert template is not None and template.id == "tpl_nudge_message"
    assert template.kind is not K.PERSONAL
    assert "any news on a decision" in render(template, NoteContext(rec, data.settings, TODAY))


def test_an_overdue_decision_to_a_recruiter_not_connected_goes_by_email() -> None:
    rec = person("rec", status=S.NOT_CONTACTED, email="rec@acme.example")
    data = dataset(interview(rounds=(ago(12),), recruiter="rec"), contacts=(rec,))
    template = offered(data, item_of(data, ItemKind.DECISION_OVERDUE))
    assert template is not None and template.channel is Channel.EMAIL


def invited(**more: str) -> Dataset:
    zoe = person(
        "zoe",
        touch(ago(20), K.INVITE, channel=Channel.LINKEDIN_INVITE),
        status=S.INVITE_SENT,
        **more,
    )
    return dataset(contacts=(zoe,))


def test_a_pending_invitation_with_an_address_offers_an_email() -> None:
    data = invited(email="zoe@acme.example")
    item = item_of(data, ItemKind.INVITE_PENDING)
    template = offered(data, item)
    assert template is not None and template.id == "tpl_invite_pending_email"
    assert template.channel is Channel.EMAIL
    assert "email" in item.suggestion


def test_a_pending_invitation_without_an_address_offers_no_note() -> None:
    data = invited()
    item = item_of(data, ItemKind.INVITE_PENDING)
    assert item.touch_kind is None and offered(data, item) is None
    assert "wait" in item.suggestion and "give up" in item.suggestion


def decided(months: int | None) -> Dataset:
    iv = interview(
        rounds=(ago(20),),
        panel=("ann",),
        recruiter="rec",
        stage=Stage.REJECTED,
        decision_date=ago(3),
        closure_received=True,
    )
    return dataset(
        iv,
        contacts=(person("ann"), person("rec", email="rec@acme.example")),
        companies=(replace(ACME, cooling_off_months=months),),
    )


def test_after_the_decision_the_recruiter_is_asked_about_applying_again() -> None:
    data = decided(None)
    items = [i for i in due_items(data, TODAY) if i.kind is ItemKind.DECISION_NOTE]
    by_person = {i.contact_id: i for i in items}
    to_rec, to_ann = by_person["ct_rec"], by_person["ct_ann"]
    assert "applying again" in to_rec.suggestion
    assert "applying again" not in to_ann.suggestion
    rec_note, ann_note = offered(data, to_rec), offered(data, to_ann)
    assert rec_note is not None and rec_note.id == "tpl_recruiter_reapply"
    assert ann_note is not None and ann_note.id == "tpl_decision_message"


def test_once_the_period_is_known_the_recruiter_is_thanked() -> None:
    data = decided(6)
    to_rec = next(i for i in due_items(data, TODAY) if i.contact_id == "ct_rec")
    assert "applying again" not in to_rec.suggestion
    template = offered(data, to_rec)
    assert template is not None and template.id == "tpl_recruiter_thanks"
