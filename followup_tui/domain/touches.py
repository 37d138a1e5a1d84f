"""Drafting and sending notes: what happens to a contact when a note is saved or goes out.

Pure functions from a contact (and the day) to a new contact. The keep-in-touch clock is derived
from the history, never stored, so it can never disagree with it: the next touch is due one
cadence after the last touch that was sent or received. A withdrawn invitation is logged too, but
it reached nobody, so it does not reset the clock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from .fields import new_id
from .kinds import Channel, ConnectionStatus, TouchKind, TouchStatus
from .people import Contact, Touch
from .settings import Settings

_UNTOUCHED = (ConnectionStatus.NOT_CONTACTED, ConnectionStatus.NOTE_DRAFTED)


def draft_for(contact: Contact, interview_id: str | None) -> Touch | None:
    """The unsent draft for this contact about this interview (or about nothing in particular)."""
    for touch in contact.touches:
        if touch.status is TouchStatus.DRAFT and touch.interview_id == interview_id:
            return touch
    return None


def save_draft(
    contact: Contact,
    interview_id: str | None,
    text: str,
    *,
    kind: TouchKind,
    channel: Channel,
    today: date,
) -> Contact:
    """Keep ``text`` as the draft for this contact and interview, replacing any earlier draft."""
    old = draft_for(contact, interview_id)
    if old is not None and (old.text, old.kind, old.channel) == (text, kind, channel):
        return contact
    draft = Touch(
        id=old.id if old else new_id("tc"),
        date=today,
        kind=kind,
        channel=channel,
        text=text,
        status=TouchStatus.DRAFT,
        interview_id=interview_id,
    )
    touches = (*(t for t in contact.touches if t is not old), draft)
    status = (
        ConnectionStatus.NOTE_DRAFTED
        if contact.status is ConnectionStatus.NOT_CONTACTED
        else contact.status
    )
    return replace(contact, touches=touches, status=status)


def next_status(status: ConnectionStatus, kind: TouchKind, channel: Channel) -> ConnectionStatus:
    """Where the connection stands after a touch of this kind went out on this channel.

    An invitation makes it "invite sent"; a reply makes it "replied"; withdrawing a pending
    invitation takes "invite sent" back to "not contacted"; any other note reaching a person who
    had not heard from you yet means you are now in touch ("connected").
    """
    if kind is TouchKind.REPLY:
        return ConnectionStatus.REPLIED
    if kind is TouchKind.INVITE_WITHDRAWN:
        # The invitation was the only thing sent (else the status would have moved past it).
        return ConnectionStatus.NOT_CONTACTED if status is ConnectionStatus.INVITE_SENT else status
    if channel is Channel.LINKEDIN_INVITE or kind is TouchKind.INVITE:
        return ConnectionStatus.INVITE_SENT if status in _UNTOUCHED else status
    return ConnectionStatus.CONNECTED if status in _UNTOUCHED else status


def mark_sent(
    contact: Contact,
    interview_id: str | None,
    text: str,
    *,
    kind: TouchKind,
    channel: Channel,
    today: date,
    link: str = "",
) -> tuple[Contact, Touch]:
    """Log ``text`` as sent today: the draft becomes the sent touch and the status moves on."""
    old = draft_for(contact, interview_id)
    touch = Touch(
        id=old.id if old else new_id("tc"),
        date=today,
        kind=kind,
        channel=channel,
        text=text,
        link=link,
        status=TouchStatus.SENT,
        interview_id=interview_id,
    )
    touches = (*(t for t in contact.touches if t is not old), touch)
    status = next_status(contact.status, kind, channel)
    return replace(contact, touches=touches, status=status), touch


def cadence(contact: Contact, settings: Settings) -> int:
    """Days between keep-in-touch notes for this person."""
    return contact.cadence_days or settings.default_cadence_days


def clock_touch(contact: Contact) -> Touch | None:
    """The touch the keep-in-touch clock runs from: the latest sent or received, of any kind
    but a withdrawn invitation; of several on that day, the last one logged."""
    last: Touch | None = None
    for touch in contact.touches:
        if (
            touch.status is TouchStatus.SENT
            and touch.kind is not TouchKind.INVITE_WITHDRAWN
            and (last is None or touch.date >= last.date)
        ):
            last = touch
    return last


def next_due(contact: Contact, settings: Settings) -> date | None:
    """When the next keep-in-touch note is due, or None before the first touch."""
    last = clock_touch(contact)
    return last.date + timedelta(days=cadence(contact, settings)) if last else None
