"""The closed sets of values: stages, connection statuses, kinds of touch, channels."""

from __future__ import annotations

from enum import StrEnum


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

    @property
    def not_reached(self) -> bool:
        """Nothing has reached the person yet (not contacted, or a note only drafted): an
        invitation is still the way to reach them, and the first note sent moves them on."""
        return self in (ConnectionStatus.NOT_CONTACTED, ConnectionStatus.NOTE_DRAFTED)


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
    #: Bookkeeping too: what became of an invitation. Accepted makes the connection; declined
    #: and ignored close it. None carried words, so none resets the keep-in-touch clock.
    INVITE_ACCEPTED = "invite_accepted"
    INVITE_DECLINED = "invite_declined"
    INVITE_IGNORED = "invite_ignored"

    @property
    def is_marker(self) -> bool:
        """An entry of the history that is no note: nothing to write, no template, no clock."""
        return self in _MARKERS

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
            "invite_accepted": "invitation accepted",
            "invite_declined": "invitation declined",
            "invite_ignored": "invitation ignored",
        }.get(self.value, self.value.replace("_", " "))


_MARKERS = frozenset(
    {
        TouchKind.INVITE_WITHDRAWN,
        TouchKind.INVITE_ACCEPTED,
        TouchKind.INVITE_DECLINED,
        TouchKind.INVITE_IGNORED,
    }
)


class FeedbackAbout(StrEnum):
    """What a piece of feedback is about: the only three things feedback is relevant to."""

    COMPANY = "company"
    TEAM = "team"
    ROLE = "role"

    @property
    def label(self) -> str:
        """The subject as a person would write it."""
        return f"the {self.value}"


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
