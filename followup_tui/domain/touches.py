"""Drafting and sending notes: what happens to a contact when a note is saved or goes out.

Pure functions from a contact (and the day) to a new contact. When the next note is due is not
stored but read from the history: see :func:`followup_tui.domain.history.next_due`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .fields import new_id
from .kinds import Channel, ConnectionStatus, TouchKind, TouchStatus
from .people import Contact, Touch

_CONNECTED = ConnectionStatus.CONNECTED


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
    touches, _ = _in_place_of(
        contact, old, interview_id, text, kind, channel, today, TouchStatus.DRAFT
    )
    status = (
        ConnectionStatus.NOTE_DRAFTED
        if contact.status is ConnectionStatus.NOT_CONTACTED
        else contact.status
    )
    return replace(contact, touches=touches, status=status)


def next_status(status: ConnectionStatus, kind: TouchKind, channel: Channel) -> ConnectionStatus:
    """Where the connection stands after a touch of this kind went out on this channel.

    An invitation makes it "invite sent"; a reply makes it "replied"; withdrawing a pending
    invitation takes "invite sent" back to "not contacted"; an accepted invitation connects, a
    declined or ignored one closes the connection ("ignored"); any other note reaching a person who
    had not heard from you yet means you are now in touch ("connected").
    """
    if kind is TouchKind.REPLY:
        return ConnectionStatus.REPLIED
    if kind is TouchKind.INVITE_ACCEPTED:
        return ConnectionStatus.REPLIED if status is ConnectionStatus.REPLIED else _CONNECTED
    if kind in (TouchKind.INVITE_DECLINED, TouchKind.INVITE_IGNORED):
        return ConnectionStatus.IGNORED
    if kind is TouchKind.INVITE_WITHDRAWN:
        # The invitation was the only thing sent (else the status would have moved past it).
        return ConnectionStatus.NOT_CONTACTED if status is ConnectionStatus.INVITE_SENT else status
    if channel is Channel.LINKEDIN_INVITE or kind is TouchKind.INVITE:
        return ConnectionStatus.INVITE_SENT if status.not_reached else status
    return ConnectionStatus.CONNECTED if status.not_reached else status


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
    touches, touch = _in_place_of(
        contact, old, interview_id, text, kind, channel, today, TouchStatus.SENT, link
    )
    status = next_status(contact.status, kind, channel)
    return replace(contact, touches=touches, status=status), touch


def _in_place_of(
    contact: Contact,
    old: Touch | None,
    interview_id: str | None,
    text: str,
    kind: TouchKind,
    channel: Channel,
    today: date,
    status: TouchStatus,
    link: str = "",
) -> tuple[tuple[Touch, ...], Touch]:
    """The contact's touches with a note written today in place of the draft ``old`` (taking
    its id, so a draft and what became of it are one touch), and that note."""
    touch = Touch(
        id=old.id if old else new_id("tc"),
        date=today,
        kind=kind,
        channel=channel,
        text=text,
        link=link,
        status=status,
        interview_id=interview_id,
    )
    return (*(t for t in contact.touches if t is not old), touch), touch
