"""Small builders for review tests: a day, people, touches and interviews with short names."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Settings,
    Stage,
    Touch,
    TouchKind,
    TouchStatus,
)
from followup_tui.review.queue import ItemKind, due_items

TODAY = date(2026, 11, 26)  # a Thursday
ACME = Company("co_acme", "Acme")
_ids = itertools.count()


def ago(days: int, today: date = TODAY) -> date:
    """The day ``days`` before ``today`` (negative: after)."""
    return today - timedelta(days=days)


def touch(
    on: date,
    kind: TouchKind = TouchKind.OTHER,
    *,
    channel: Channel = Channel.LINKEDIN_MESSAGE,
    interview: str | None = None,
    text: str = "Hello",
    draft: bool = False,
) -> Touch:
    """A sent touch (or a draft) with a fresh id."""
    return Touch(
        f"tc_{next(_ids)}",
        on,
        kind,
        channel,
        text,
        status=TouchStatus.DRAFT if draft else TouchStatus.SENT,
        interview_id=interview,
    )


def person(
    key: str, *touches: Touch, status: ConnectionStatus = ConnectionStatus.CONNECTED, **more: Any
) -> Contact:
    """Contact ``ct_<key>``, named after the key."""
    return Contact(
        f"ct_{key}",
        key.title(),
        company="Acme",
        title="Engineer",
        status=status,
        touches=touches,
        **more,
    )


def interview(
    key: str = "iv",
    *,
    rounds: tuple[date, ...] = (),
    panel: tuple[str, ...] = (),
    recruiter: str | None = None,
    stage: Stage = Stage.INTERVIEWED,
    company: str = "co_acme",
    **more: Any,
) -> Interview:
    """Interview ``key`` at Acme with ``panel`` given as contact keys."""
    return Interview(
        key,
        company,
        f"Role {key}",
        rounds=rounds,
        panel=tuple(f"ct_{p}" for p in panel),
        recruiter_id=f"ct_{recruiter}" if recruiter else None,
        stage=stage,
        **more,
    )


def dataset(
    *interviews: Interview,
    contacts: tuple[Contact, ...] = (),
    companies: tuple[Company, ...] = (ACME,),
    settings: Settings | None = None,
    review: ReviewState | None = None,
) -> Dataset:
    """A dataset of these records."""
    return Dataset(
        settings or Settings(), companies, interviews, contacts, (), review or ReviewState()
    )


def keys(data: Dataset, today: date = TODAY, kind: ItemKind | None = None) -> list[str]:
    """The keys of the queue on ``today``, of one kind if given, in order."""
    return [item.key for item in due_items(data, today) if kind is None or item.kind is kind]
