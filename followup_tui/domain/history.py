"""Questions the review asks about a contact's history: invitations, withdrawals, and which kind of
keep-in-touch note to send next. Pure functions of a contact (and the day).

:func:`facts` answers them all in one pass over the touches, which is what keeps the review fast
over tens of thousands of contacts; the small functions below are built on it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .kinds import Channel, TouchKind, TouchStatus
from .people import Contact, Touch

#: LinkedIn refuses a new invitation to someone for this long after one was withdrawn.
WITHDRAWN_DAYS = 21
#: The kinds a keep-in-touch note rotates through, in order.
ROTATION = (TouchKind.ARTICLE, TouchKind.EVENT, TouchKind.COMPANY_NEWS, TouchKind.PERSONAL)
_SENT = TouchStatus.SENT
_WITHDRAWN = TouchKind.INVITE_WITHDRAWN
_INVITE = TouchKind.INVITE
_BY_INVITATION = Channel.LINKEDIN_INVITE


class Facts(NamedTuple):
    """The latest sent touch of each sort that matters; of several on one day, the last logged.

    A named tuple, as the review makes one per contact it looks at, tens of thousands at a time.
    """

    #: Any touch but a withdrawal: what the keep-in-touch clock runs from.
    clock: Touch | None = None
    #: A keep-in-touch note of a kind in :data:`ROTATION`.
    rotation: Touch | None = None
    #: A LinkedIn invitation (see :func:`is_invitation`).
    invitation: Touch | None = None
    #: A withdrawn invitation.
    withdrawal: Touch | None = None


def facts(contact: Contact) -> Facts:
    """What :class:`Facts` says about ``contact``, in one pass over the touches."""
    # The hottest loop of the review: plain locals, dates compared rather than touches.
    clock = rotation = invitation = withdrawal = None
    clock_day = rotation_day = invitation_day = withdrawal_day = date.min
    for touch in contact.touches:
        if touch.status is not _SENT:
            continue
        day, kind = touch.date, touch.kind
        if kind is _WITHDRAWN:
            if day >= withdrawal_day:
                withdrawal, withdrawal_day = touch, day
            continue
        if day >= clock_day:
            clock, clock_day = touch, day
        if kind in ROTATION and day >= rotation_day:
            rotation, rotation_day = touch, day
        if (kind is _INVITE or touch.channel is _BY_INVITATION) and day >= invitation_day:
            invitation, invitation_day = touch, day
    return Facts(clock, rotation, invitation, withdrawal)


def is_invitation(touch: Touch) -> bool:
    """A LinkedIn invitation that went out (a note on an invitation counts, a withdrawal not)."""
    return (
        touch.status is _SENT
        and touch.kind is not _WITHDRAWN
        and (touch.kind is _INVITE or touch.channel is _BY_INVITATION)
    )


def last_invitation(contact: Contact) -> Touch | None:
    """The latest invitation sent to ``contact``, if any."""
    return facts(contact).invitation


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
