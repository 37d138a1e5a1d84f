"""Questions asked of a contact's history: when the next keep-in-touch note is due (the one
keep-in-touch clock), invitations, withdrawals, and which kind of note to send next. Pure
functions of a contact (and the day).

The clock is derived from the history, never stored, so it can never disagree with it: the next
touch is due one cadence after the last touch that was sent or received. Markers (an invitation
withdrawn, accepted, declined or ignored) are logged too, but they carried no words, so they do
not reset the clock; a reply received does.

:func:`facts` answers them all in one pass over the touches, which is what keeps the review fast
over tens of thousands of contacts; the small functions below are built on it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .kinds import Channel, TouchKind, TouchStatus
from .people import Contact, Touch
from .settings import Settings

#: LinkedIn refuses a new invitation to someone for this long after one was withdrawn.
WITHDRAWN_DAYS = 21
#: The kinds a keep-in-touch note rotates through, in order.
ROTATION = (TouchKind.ARTICLE, TouchKind.EVENT, TouchKind.COMPANY_NEWS, TouchKind.PERSONAL)
_SENT = TouchStatus.SENT
_WITHDRAWN = TouchKind.INVITE_WITHDRAWN
#: The kinds that are logged but do not run the clock (see :attr:`TouchKind.is_marker`).
_MARKERS = frozenset(kind for kind in TouchKind if kind.is_marker)
_INVITE = TouchKind.INVITE
_BY_INVITATION = Channel.LINKEDIN_INVITE


class Facts(NamedTuple):
    """The latest sent touch of each sort that matters; of several on one day, the last logged.

    A named tuple, as the review makes one per contact it looks at, tens of thousands at a time.
    """

    #: The :func:`clock` touch, which the keep-in-touch clock runs from.
    clock: Touch | None = None
    #: A keep-in-touch note of a kind in :data:`ROTATION`.
    rotation: Touch | None = None
    #: A LinkedIn invitation (see :func:`is_invitation`).
    invitation: Touch | None = None
    #: A withdrawn invitation.
    withdrawal: Touch | None = None


def clock(contact: Contact) -> Touch | None:
    """The touch the keep-in-touch clock runs from: the latest sent or received, of any kind
    but a marker; of several on that day, the last one logged."""
    # The loop the review runs over everyone kept in touch with: plain locals, dates compared.
    last, day, sent, markers = None, date.min, _SENT, _MARKERS
    for touch in contact.touches:
        if touch.status is sent and touch.date >= day and touch.kind not in markers:
            last, day = touch, touch.date
    return last


def cadence(contact: Contact, settings: Settings) -> int:
    """Days between keep-in-touch notes for this person: their own cadence, else the default."""
    return contact.cadence_days or settings.default_cadence_days


def next_due(contact: Contact, settings: Settings) -> date | None:
    """When the next keep-in-touch note is due: one :func:`cadence` after the :func:`clock`
    touch, or None before the first touch. The one keep-in-touch clock of followup."""
    last = clock(contact)
    return None if last is None else last.date + timedelta(days=cadence(contact, settings))


def facts(contact: Contact) -> Facts:
    """What :class:`Facts` says about ``contact``: one pass over the touches, and the
    :func:`clock`'s own."""
    # A hot loop of the review: plain locals, dates compared rather than touches.
    rotation = invitation = withdrawal = None
    rotation_day = invitation_day = withdrawal_day = date.min
    for touch in contact.touches:
        if touch.status is not _SENT:
            continue
        day, kind = touch.date, touch.kind
        if kind in _MARKERS:
            if kind is _WITHDRAWN and day >= withdrawal_day:
                withdrawal, withdrawal_day = touch, day
            continue
        if kind in ROTATION and day >= rotation_day:
            rotation, rotation_day = touch, day
        if (kind is _INVITE or touch.channel is _BY_INVITATION) and day >= invitation_day:
            invitation, invitation_day = touch, day
    return Facts(clock(contact), rotation, invitation, withdrawal)


def is_invitation(touch: Touch) -> bool:
    """A LinkedIn invitation that went out (a note on an invitation counts, a withdrawal not)."""
    return (
        touch.status is _SENT
        and touch.kind not in _MARKERS
        and (touch.kind is _INVITE or touch.channel is _BY_INVITATION)
    )


def next_kind(after: TouchKind | None, has_tidbits: bool) -> TouchKind:
    """The kind that follows ``after`` in the rotation (the first with None), skipping
    personal when there are no tidbits to be personal about."""
    start = ROTATION.index(after) + 1 if after in ROTATION else 0
    for step in range(len(ROTATION)):
        kind = ROTATION[(start + step) % len(ROTATION)]
        if kind is not TouchKind.PERSONAL or has_tidbits:
            return kind
    raise AssertionError("unreachable: the rotation has kinds other than personal")


def suggest_kind(contact: Contact) -> TouchKind:
    """The kind of keep-in-touch note to send next: the one after the last sent, in the rotation
    article, event, company news, personal (personal only for someone with tidbits)."""
    last = facts(contact).rotation
    return next_kind(last.kind if last else None, bool(contact.tidbits))


def invite_again(withdrawal: Touch | None, today: date) -> date | None:
    """The day after a ``withdrawal`` from which the person may be invited again, if to come."""
    if withdrawal is None:
        return None
    day = withdrawal.date + timedelta(days=WITHDRAWN_DAYS)
    return day if day > today else None


def withdrawn_until(contact: Contact, today: date) -> date | None:
    """The day ``contact`` may be invited again after a withdrawn invitation, if still to come."""
    return invite_again(facts(contact).withdrawal, today)
