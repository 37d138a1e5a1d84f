"""After a note is logged as sent: who on the panel is next, and how to take the note back.

Pure functions over model objects. The screens move the selection with :func:`next_person`, so
a panel is thanked one ``s`` after another, and keep a :class:`SentNote` of the last note logged
so the person can undo it: :func:`unsend` gives the contact back as it was (the draft back in
place of the sent touch, the status as before; the next due date follows from the history), and
:func:`unclear` gives the review back its entry for the item the note cleared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..domain import Cleared, Contact, Interview, ReviewState, Touch, TouchKind, TouchStatus


def has_had(contact: Contact, interview_id: str, kind: TouchKind) -> bool:
    """Whether a note of ``kind`` about this interview was sent to ``contact`` already."""
    return any(t.kind is kind and t.interview_id == interview_id for t in contact.sent_touches())


def next_person(
    interview: Interview, contacts: Mapping[str, Contact], kind: TouchKind, after: str
) -> str | None:
    """The next person of the interview (panel order, then the recruiter, wrapping round after
    ``after``) who has not been sent a note of ``kind`` about it; None when everyone has."""
    people = [p for p in interview.people if p in contacts]
    start = people.index(after) + 1 if after in people else 0
    for person in people[start:] + people[:start]:
        if person != after and not has_had(contacts[person], interview.id, kind):
            return person
    return None


@dataclass(frozen=True, slots=True)
class SentNote:
    """A note logged as sent, with what it changed: enough to take it back."""

    before: Contact
    """The contact just before the note was logged (its draft kept)."""
    after: Contact
    """The contact as the note left it."""
    touch: Touch
    """The sent touch."""
    review_key: str | None = None
    """The review item the note cleared, if it was sent from the daily review."""
    cleared_before: Cleared | None = None
    """The review's entry for that item before it was cleared (usually none)."""


def unsend(sent: SentNote, now: Contact) -> Contact | None:
    """The contact ``now`` with the note taken back, or None when it is no longer there.

    Unchanged since the note went out, the contact is given back exactly as it was. Changed
    since (a tidbit added, another note), only the note is taken back: the sent touch goes, the
    draft it came from (if any, and no newer one) comes back, and the status is as it was.
    """
    if now == sent.after:
        return sent.before
    if not any(t.id == sent.touch.id and t.status is TouchStatus.SENT for t in now.touches):
        return None
    touches = [t for t in now.touches if t.id != sent.touch.id]
    about = sent.touch.interview_id
    if not any(t.status is TouchStatus.DRAFT and t.interview_id == about for t in touches):
        # The old draft comes back, unless a newer one about the same interview was written.
        touches += [t for t in sent.before.touches if t.id == sent.touch.id]
    return replace(now, touches=tuple(touches), status=sent.before.status)


def unclear(state: ReviewState, key: str, before: Cleared | None) -> ReviewState:
    """The review ``state`` with the item ``key`` counted as it was before it was cleared."""
    cleared = tuple(c for c in state.cleared if c.key != key)
    return ReviewState(state.snoozed, state.dismissed, (*cleared, before) if before else cleared)
