"""What a foreign file says, before it is merged: people, interviews and connection events as the
source gave them, each with the place it came from.

Every reader of another tool's format (a spreadsheet, LinkedIn's export, vCards) turns its file
into one :class:`Batch`; :mod:`.merge` alone decides what is new, what is already there and
what to skip. A reader checks the whole file first and raises :class:`~.format.ImportProblem`
with every problem it found, so an import happens completely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..domain import Stage


@dataclass(frozen=True, slots=True)
class PersonIn:
    """A person as a source file gives them. Empty strings are unknown, not blank."""

    name: str
    #: Where in the source the person is: "line 7", "card 3", "Connections.csv line 12".
    where: str
    title: str = ""
    company: str = ""
    email: str = ""
    linkedin: str = ""
    phone: str = ""
    notes: str = ""
    tidbits: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class InterviewIn:
    """An interview as a source file gives it; rows for one company, role and date already
    share one :class:`InterviewIn` with the whole panel."""

    company: str
    role: str
    #: The day of the interview (its one round), when the source says.
    on: date | None
    where: str
    stage: Stage | None = None
    notes: str = ""
    panel: tuple[PersonIn, ...] = ()


@dataclass(frozen=True, slots=True)
class ConnectionIn:
    """The person accepted an invitation (LinkedIn's "Connected On") on ``on``."""

    person: PersonIn
    on: date


@dataclass(frozen=True, slots=True)
class InvitationIn:
    """An invitation sent to the person on ``on``, with its message (empty when it had none)."""

    person: PersonIn
    on: date
    message: str = ""


@dataclass(frozen=True, slots=True)
class Batch:
    """Everything one source file holds, in the file's order."""

    #: Which reader made it, for the summary: "spreadsheet", "LinkedIn", "vCard".
    source: str
    interviews: tuple[InterviewIn, ...] = ()
    #: People known only from the file, not from an interview row (vCards).
    people: tuple[PersonIn, ...] = ()
    connections: tuple[ConnectionIn, ...] = ()
    invitations: tuple[InvitationIn, ...] = ()
    #: Lines for the summary about the file itself, such as an unknown column kept in the notes.
    notices: tuple[str, ...] = field(default=())
