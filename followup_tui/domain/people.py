"""The people met in interviews, their past positions and their history of touches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .fields import clean_fields, require, set_field
from .kinds import Channel, ConnectionStatus, TouchKind, TouchStatus
from .text import clean_tags, clean_text

#: The longest keep-in-touch cadence, in days (ten years), for a contact or as the default.
CADENCE_DAYS_MAX = 3650


@dataclass(frozen=True, slots=True)
class Employment:
    """A past position of a contact, so a move reads as "now at NewCo since ..."."""

    company: str
    title: str = ""
    until: date | None = None

    def __post_init__(self) -> None:
        clean_fields(self, lines=("company", "title"))


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
        clean_fields(self, lines=("id",), urls=("link",), texts=("text",))
        require(bool(self.id), "a touch needs an id")


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
        clean_fields(
            self,
            lines=("id", "name", "title", "company", "phone"),
            urls=("email", "linkedin"),
            texts=("notes",),
        )
        tidbits = (clean_text(t, 10_000).strip() for t in self.tidbits)
        set_field(self, "tidbits", tuple(t for t in tidbits if t))
        set_field(self, "tags", clean_tags(self.tags))
        require(bool(self.id), "a contact needs an id")
        require(bool(self.name), "a contact needs a name")
        require(
            self.cadence_days is None or 1 <= self.cadence_days <= CADENCE_DAYS_MAX,
            f"cadence_days must be between 1 and {CADENCE_DAYS_MAX}",
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
