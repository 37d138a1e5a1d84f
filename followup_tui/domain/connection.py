"""What happens with a person, one dated action each: an invitation accepted, declined or
ignored, a reply received, a status set by hand, a move to another company.

Each action logs an entry in the history, so the history is the truth: the status moves on by
:func:`~.touches.next_status` from the entry logged, and the keep-in-touch clock
(:func:`~.history.clock`) reads the entries themselves. Pure functions from a contact and the
day it happened to a new contact.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .fields import new_id
from .kinds import Channel, ConnectionStatus, TouchKind
from .people import Contact, Employment, Touch
from .touches import next_status

#: The entry a status chosen by hand logs; statuses missing here ("not contacted", "note
#: drafted") say nothing happened, so they log nothing.
_LOGGED_AS = {
    ConnectionStatus.INVITE_SENT: TouchKind.INVITE,
    ConnectionStatus.CONNECTED: TouchKind.INVITE_ACCEPTED,
    ConnectionStatus.REPLIED: TouchKind.REPLY,
    ConnectionStatus.IGNORED: TouchKind.INVITE_IGNORED,
}


def log(
    contact: Contact,
    kind: TouchKind,
    on: date,
    text: str = "",
    channel: Channel = Channel.OTHER,
) -> Contact:
    """``contact`` with a sent entry of ``kind`` dated ``on``, and the status that follows."""
    touch = Touch(id=new_id("tc"), date=on, kind=kind, channel=channel, text=text)
    status = next_status(contact.status, kind, channel)
    return replace(contact, touches=(*contact.touches, touch), status=status)


def accepted(contact: Contact, on: date) -> Contact:
    """They accepted your invitation on ``on``: you are connected."""
    return log(contact, TouchKind.INVITE_ACCEPTED, on)


def invited(contact: Contact, on: date, message: str = "") -> Contact:
    """You sent them a LinkedIn invitation on ``on``, with ``message`` if it had one."""
    return log(contact, TouchKind.INVITE, on, message, Channel.LINKEDIN_INVITE)


def reply_received(
    contact: Contact, on: date, text: str = "", channel: Channel = Channel.LINKEDIN_MESSAGE
) -> Contact:
    """They replied on ``on`` (what they wrote, if you keep it): the keep-in-touch clock
    starts again from that day."""
    return log(contact, TouchKind.REPLY, on, text, channel)


def declined(contact: Contact, on: date) -> Contact:
    """They declined your invitation on ``on``."""
    return log(contact, TouchKind.INVITE_DECLINED, on)


def ignored(contact: Contact, on: date) -> Contact:
    """You gave up on ``on`` waiting for an answer to your invitation."""
    return log(contact, TouchKind.INVITE_IGNORED, on)


def status_set(contact: Contact, status: ConnectionStatus, on: date) -> Contact:
    """``contact`` with ``status`` chosen by hand on ``on``: the entry that stands for it is
    logged (an invitation, an acceptance, a reply, an invitation ignored), and the status is
    the one chosen. Choosing the status it already has changes nothing."""
    if status is contact.status:
        return contact
    kind = _LOGGED_AS.get(status)
    if kind is not None:
        channel = Channel.LINKEDIN_INVITE if kind is TouchKind.INVITE else Channel.OTHER
        contact = log(contact, kind, on, channel=channel)
    return replace(contact, status=status)


def moved(contact: Contact, company: str, title: str | None, on: date) -> Contact:
    """``contact`` moved to ``company`` on ``on``, as ``title`` (None keeps the title): the
    old employer goes into ``past`` until that day, and ``company_since`` becomes it."""
    past = contact.past
    if contact.company:
        past = (*past, Employment(contact.company, contact.title, until=on))
    return replace(
        contact,
        company=company,
        title=contact.title if title is None else title,
        company_since=on if company else None,
        past=past,
    )
