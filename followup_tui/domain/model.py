"""The domain: interviews, the people met in them, and the notes sent to keep in touch.

Every class is a frozen dataclass. Changes are made with :func:`dataclasses.replace`, which runs
``__post_init__`` again, so a model object is always clean: user text has lost its control
characters and every value is within bounds, however it was built (a form, an import, the store).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from .text import URL_MAX, clean_line, clean_tags, clean_text, has_control


def new_id(prefix: str) -> str:
    """Return a fresh random id such as ``iv_3f9a1b2c4d5e``; 48 random bits make clashes moot."""
    return f"{prefix}_{secrets.token_hex(6)}"


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _clean_fields(
    obj: object,
    lines: tuple[str, ...] = (),
    urls: tuple[str, ...] = (),
    texts: tuple[str, ...] = (),
) -> None:
    for name in lines:
        _set(obj, name, clean_line(getattr(obj, name)))
    for name in urls:
        _set(obj, name, clean_line(getattr(obj, name), URL_MAX))
    for name in texts:
        _set(obj, name, clean_text(getattr(obj, name)))


def _clean_keymap(keymap: dict[str, str]) -> dict[str, str]:
    # Binding ids and keys reach the footer and Textual's bindings: no control characters there.
    # An import refuses them (with the place); this keeps any other route clean too.
    if not any(has_control(binding_id + keys) for binding_id, keys in keymap.items()):
        return keymap
    cleaned = {clean_line(binding_id): clean_line(keys) for binding_id, keys in keymap.items()}
    return {binding_id: keys for binding_id, keys in cleaned.items() if binding_id and keys}


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


class Stage(StrEnum):
    """Where an application stands."""

    APPLIED = "applied"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    AWAITING_DECISION = "awaiting_decision"
    REJECTED = "rejected"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The stage as a person would write it."""
        return self.value.replace("_", " ")

    @property
    def is_open(self) -> bool:
        """True while a decision is still to come."""
        return self in (Stage.APPLIED, Stage.SCHEDULED, Stage.INTERVIEWED, Stage.AWAITING_DECISION)


class ConnectionStatus(StrEnum):
    """How far the professional connection with a person has come."""

    NOT_CONTACTED = "not_contacted"
    NOTE_DRAFTED = "note_drafted"
    INVITE_SENT = "invite_sent"
    CONNECTED = "connected"
    REPLIED = "replied"
    IGNORED = "ignored"

    @property
    def label(self) -> str:
        """The status as a person would write it."""
        if self is ConnectionStatus.IGNORED:
            return "ignored / declined"
        return self.value.replace("_", " ")


class TouchKind(StrEnum):
    """What a touch was about."""

    THANK_YOU = "thank_you"
    DECISION_NOTE = "decision_note"
    INVITE = "invite"
    ARTICLE = "article"
    EVENT = "event"
    COMPANY_NEWS = "company_news"
    PERSONAL = "personal"
    REPLY = "reply"
    OTHER = "other"
    #: Bookkeeping, not a note: a pending invitation was taken back. LinkedIn refuses a new
    #: invitation to the same person for three weeks after that.
    INVITE_WITHDRAWN = "invite_withdrawn"

    @property
    def label(self) -> str:
        """The kind as a person would write it."""
        return {
            "thank_you": "thank-you",
            "decision_note": "post-decision note",
            "invite": "connection invite",
            "event": "event / conference",
            "reply": "reply received",
            "invite_withdrawn": "invitation withdrawn",
        }.get(self.value, self.value.replace("_", " "))


class Channel(StrEnum):
    """How a note travels."""

    LINKEDIN_INVITE = "linkedin_invite"
    LINKEDIN_MESSAGE = "linkedin_message"
    EMAIL = "email"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The channel as a person would write it."""
        return {
            "linkedin_invite": "LinkedIn invitation",
            "linkedin_message": "LinkedIn message",
            "email": "email",
            "other": "other",
        }[self.value]


class TouchStatus(StrEnum):
    """Whether a note is still being written or has gone out."""

    DRAFT = "draft"
    SENT = "sent"


@dataclass(frozen=True, slots=True)
class Employment:
    """A past position of a contact, so a move reads as "now at NewCo since ..."."""

    company: str
    title: str = ""
    until: date | None = None

    def __post_init__(self) -> None:
        _clean_fields(self, lines=("company", "title"))


@dataclass(frozen=True, slots=True)
class Touch:
    """One entry in a contact's history: a note drafted or sent, or a reply received."""

    id: str
    date: date
    kind: TouchKind = TouchKind.OTHER
    channel: Channel = Channel.LINKEDIN_MESSAGE
    text: str = ""
    link: str = ""
    status: TouchStatus = TouchStatus.SENT
    interview_id: str | None = None

    def __post_init__(self) -> None:
        _clean_fields(self, lines=("id",), urls=("link",), texts=("text",))
        _require(bool(self.id), "a touch needs an id")


@dataclass(frozen=True, slots=True)
class Contact:
    """A person met in an interview: an interviewer or a recruiter."""

    id: str
    name: str
    title: str = ""
    company: str = ""
    company_since: date | None = None
    email: str = ""
    linkedin: str = ""
    phone: str = ""
    past: tuple[Employment, ...] = ()
    tidbits: tuple[str, ...] = ()
    cadence_days: int | None = None
    status: ConnectionStatus = ConnectionStatus.NOT_CONTACTED
    tags: tuple[str, ...] = ()
    notes: str = ""
    touches: tuple[Touch, ...] = ()

    def __post_init__(self) -> None:
        _clean_fields(
            self,
            lines=("id", "name", "title", "company", "phone"),
            urls=("email", "linkedin"),
            texts=("notes",),
        )
        tidbits = (clean_text(t, 10_000).strip() for t in self.tidbits)
        _set(self, "tidbits", tuple(t for t in tidbits if t))
        _set(self, "tags", clean_tags(self.tags))
        _require(bool(self.id), "a contact needs an id")
        _require(bool(self.name), "a contact needs a name")
        _require(
            self.cadence_days is None or 1 <= self.cadence_days <= 3650,
            "cadence_days must be between 1 and 3650",
        )

    @property
    def first_name(self) -> str:
        """The first word of the name, which is how most notes open."""
        return self.name.split()[0]

    def sent_touches(self) -> tuple[Touch, ...]:
        """Touches that went out or came in, oldest first."""
        return tuple(
            sorted((t for t in self.touches if t.status is TouchStatus.SENT), key=lambda t: t.date)
        )

    def last_touch(self) -> Touch | None:
        """The most recent sent touch, if any."""
        sent = self.sent_touches()
        return sent[-1] if sent else None


@dataclass(frozen=True, slots=True)
class Company:
    """An employer you applied to, with its policy on reapplying."""

    id: str
    name: str
    cooling_off_months: int | None = None
    cooling_off_source: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        _clean_fields(self, lines=("id", "name", "cooling_off_source"), texts=("notes",))
        _require(bool(self.id), "a company needs an id")
        _require(bool(self.name), "a company needs a name")
        _require(
            self.cooling_off_months is None or 0 <= self.cooling_off_months <= 120,
            "cooling_off_months must be between 0 and 120",
        )


@dataclass(frozen=True, slots=True)
class Interview:
    """One application to one role: its rounds, its panel and where it stands."""

    id: str
    company_id: str
    role: str
    level: str = ""
    rounds: tuple[date, ...] = ()
    panel: tuple[str, ...] = ()
    recruiter_id: str | None = None
    stage: Stage = Stage.APPLIED
    decision_date: date | None = None
    closure_received: bool = False
    feedback_asked: bool = False
    feedback: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _clean_fields(
            self, lines=("id", "company_id", "role", "level"), texts=("feedback", "notes")
        )
        _set(self, "rounds", tuple(sorted(set(self.rounds))))
        _set(self, "panel", tuple(dict.fromkeys(self.panel)))
        _set(self, "tags", clean_tags(self.tags))
        _require(bool(self.id), "an interview needs an id")
        _require(bool(self.company_id), "an interview needs a company")
        _require(bool(self.role), "an interview needs a role")

    @property
    def last_round(self) -> date | None:
        """The date of the latest round, if any is known."""
        return self.rounds[-1] if self.rounds else None

    @property
    def people(self) -> tuple[str, ...]:
        """The panel, then the recruiter: everyone a note may go to."""
        if self.recruiter_id and self.recruiter_id not in self.panel:
            return (*self.panel, self.recruiter_id)
        return self.panel


@dataclass(frozen=True, slots=True)
class Template:
    """A note with placeholders, for one kind of touch on one channel."""

    id: str
    name: str
    kind: TouchKind
    channel: Channel
    body: str
    builtin: bool = False

    def __post_init__(self) -> None:
        _clean_fields(self, lines=("id", "name"), texts=("body",))
        _require(bool(self.id), "a template needs an id")
        _require(bool(self.name), "a template needs a name")


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's preferences."""

    your_name: str = ""
    signature: str = ""
    default_cadence_days: int = 30
    linkedin_free_account: bool = False
    linkedin_invite_limit: int = 300
    linkedin_invite_free_limit: int = 200
    linkedin_message_limit: int = 8_000
    email_limit: int | None = None
    decision_overdue_days: int = 10
    invite_budget: int | None = 5
    keymap: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _clean_fields(self, lines=("your_name",), texts=("signature",))
        _set(self, "keymap", _clean_keymap(self.keymap))
        _require(
            1 <= self.default_cadence_days <= 3650,
            "default_cadence_days must be between 1 and 3650",
        )
        _require(
            1 <= self.decision_overdue_days <= 365,
            "decision_overdue_days must be between 1 and 365",
        )

    def limit_for(self, channel: Channel) -> int | None:
        """The character limit of a channel, or None when it has none."""
        if channel is Channel.LINKEDIN_INVITE:
            return (
                self.linkedin_invite_free_limit
                if self.linkedin_free_account
                else self.linkedin_invite_limit
            )
        if channel is Channel.LINKEDIN_MESSAGE:
            return self.linkedin_message_limit
        if channel is Channel.EMAIL:
            return self.email_limit
        return None


#: Longest review item key kept: room for two ids at their longest, a kind and a date.
KEY_MAX = 1_000


@dataclass(frozen=True, slots=True)
class Snooze:
    """A review item put off: it is hidden until ``until`` and comes back that day."""

    key: str
    until: date

    def __post_init__(self) -> None:
        _set(self, "key", clean_line(self.key, KEY_MAX))
        _require(bool(self.key), "a snooze needs an item key")


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A review item dismissed for good on ``on``, with the reason the person gave."""

    key: str
    reason: str
    on: date

    def __post_init__(self) -> None:
        _set(self, "key", clean_line(self.key, KEY_MAX))
        _clean_fields(self, lines=("reason",))
        _require(bool(self.key), "a dismissal needs an item key")


@dataclass(frozen=True, slots=True)
class Cleared:
    """A review item dealt with on ``on``; only counted, for the day's progress."""

    key: str
    on: date

    def __post_init__(self) -> None:
        _set(self, "key", clean_line(self.key, KEY_MAX))
        _require(bool(self.key), "a cleared entry needs an item key")


_Keyed = TypeVar("_Keyed", Snooze, Dismissal, Cleared)


def _by_key(entries: tuple[_Keyed, ...]) -> tuple[_Keyed, ...]:
    # One entry per key, the last one given winning, sorted so equal states compare (and
    # export) equal whatever order they were built in.
    last = {entry.key: entry for entry in entries}
    return tuple(last[key] for key in sorted(last))


@dataclass(frozen=True, slots=True)
class ReviewState:
    """What the person did with the daily review: items snoozed, dismissed and cleared.

    Each list holds at most one entry per item key, sorted by key.
    """

    snoozed: tuple[Snooze, ...] = ()
    dismissed: tuple[Dismissal, ...] = ()
    cleared: tuple[Cleared, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "snoozed", _by_key(self.snoozed))
        _set(self, "dismissed", _by_key(self.dismissed))
        _set(self, "cleared", _by_key(self.cleared))


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything followup knows, as one value: what is exported, imported and seeded."""

    settings: Settings = field(default_factory=Settings)
    companies: tuple[Company, ...] = ()
    interviews: tuple[Interview, ...] = ()
    contacts: tuple[Contact, ...] = ()
    templates: tuple[Template, ...] = ()
    review: ReviewState = field(default_factory=ReviewState)
