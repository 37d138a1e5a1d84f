"""How the demo writes its people: a contact, a touch, and the days they are placed on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..domain import Channel, ConnectionStatus, Contact, Touch, TouchKind, TouchStatus

EMAIL = Channel.EMAIL
MESSAGE = Channel.LINKEDIN_MESSAGE
INVITE = Channel.LINKEDIN_INVITE
ELSEWHERE = Channel.OTHER


@dataclass(frozen=True, slots=True)
class Days:
    """The two days every demo date is placed from: ``today``, and the day Acme Cloud said no."""

    today: date
    acme_no: date

    def ago(self, days: int) -> date:
        """``days`` before today (after it, if negative)."""
        return self.today - timedelta(days=days)

    def acme(self, days: int) -> date:
        """``days`` after Acme Cloud's no (before it, if negative)."""
        return self.acme_no + timedelta(days=days)


def note(
    on: date,
    kind: TouchKind,
    channel: Channel,
    text: str,
    *,
    link: str = "",
    interview: str | None = None,
    draft: bool = False,
) -> Touch:
    """One touch; :func:`person` gives it its id."""
    return Touch(
        id="tc",
        date=on,
        kind=kind,
        channel=channel,
        text=text,
        link=link,
        status=TouchStatus.DRAFT if draft else TouchStatus.SENT,
        interview_id=interview,
    )


def person(
    key: str,
    name: str,
    title: str,
    company: str,
    status: ConnectionStatus,
    touches: tuple[Touch, ...] = (),
    **more: Any,
) -> Contact:
    """A contact ``ct_<key>`` whose touches are numbered ``tc_<key>_1``, ``tc_<key>_2``, ..."""
    numbered = tuple(replace(t, id=f"tc_{key}_{i}") for i, t in enumerate(touches, 1))
    domain = company.lower().replace(" ", "")
    return Contact(
        id=f"ct_{key}",
        name=name,
        title=title,
        company=company,
        status=status,
        email=f"{key}@{domain}.example",
        linkedin=f"https://example.com/in/{key}",
        touches=numbered,
        **more,
    )
