"""The people kept in touch with: a keep-in-touch note when due, an invitation left pending."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..domain import (
    ConnectionStatus,
    Contact,
    Facts,
    TouchKind,
    cadence,
    days_from,
    next_due,
    next_kind,
)
from .context import Context
from .items import Candidate, ItemKind

#: An invitation is pending "for a while" once it is older than this many days.
INVITE_PENDING_DAYS = 14
#: Statuses of the people kept in touch with: connected, or invited.
IN_TOUCH = (ConnectionStatus.CONNECTED, ConnectionStatus.REPLIED, ConnectionStatus.INVITE_SENT)
_LABEL = {kind: kind.label for kind in TouchKind}
_WHAT = {
    TouchKind.ARTICLE: "an article they would enjoy",
    TouchKind.EVENT: "an event or conference to meet at",
    TouchKind.COMPANY_NEWS: "a word on their company's news",
    TouchKind.PERSONAL: "something personal",
}


def contacts_due(rules: Context) -> Iterator[Candidate]:
    """keep_in_touch and invite_pending items, in one pass over the people kept in touch
    with: the clock for everyone, the rest (:class:`Facts`) only for those with something due."""
    for contact in rules.contacts.values():
        status = contact.status
        if status not in IN_TOUCH:
            continue
        due = next_due(contact, rules.settings)
        if due is None:
            continue  # never written to, so never invited either
        keep = due <= rules.horizon
        invited = status is ConnectionStatus.INVITE_SENT
        if not (keep or invited):
            continue
        known = rules.facts(contact)
        if keep:
            yield _keep_in_touch(rules, contact, known, due)
        pending = _invite_pending(rules, contact, known) if invited else None
        if pending is not None:
            yield pending


def _keep_in_touch(rules: Context, contact: Contact, known: Facts, due: date) -> Candidate:
    """The keep-in-touch clock says ``due``, which has come (checked by the caller)."""
    last = known.clock
    assert last is not None
    every = cadence(contact, rules.settings)
    sent = known.rotation
    kind = next_kind(sent.kind if sent else None, bool(contact.tidbits))
    what = _WHAT[kind]
    if kind is TouchKind.PERSONAL:
        what += f" ({_shorten(contact.tidbits[0], 50)})"
    when = days_from(last.date, rules.today)
    before = when if sent is None or sent is last else days_from(sent.date, rules.today)
    sent = sent or last
    suggestion = f"send {what}; last time: {_LABEL[sent.kind]}, {before}"
    touch_kind: TouchKind | None = kind
    if contact.status is ConnectionStatus.INVITE_SENT:
        # A LinkedIn message cannot reach someone who has not accepted the invitation.
        if contact.email:
            suggestion = "they have not accepted your invitation yet: say hello by email"
            touch_kind = TouchKind.OTHER  # the notes offer the hello by email
        else:
            suggestion = (
                "they have not accepted your invitation yet and no email address is known: "
                "wait, or give up on the invitation"
            )
            touch_kind = None  # nothing to write: s marks it done
    item = rules.item(
        ItemKind.KEEP_IN_TOUCH,
        f"keep_in_touch:{contact.id}:{due.isoformat()}",
        due,
        company=contact.company,
        role=contact.title,
        contact=contact,
        summary=f"last touch {when} ({_LABEL[last.kind]}), every {every} days",
        suggestion=suggestion,
        touch_kind=touch_kind,
    )
    return rules.candidate(item, contact)


def _invite_pending(rules: Context, contact: Contact, known: Facts) -> Candidate | None:
    """An invitation sent more than 14 days ago (counting from the last nudge) is still
    not accepted, and was not withdrawn."""
    invite, withdrawn, last = known.invitation, known.withdrawal, known.clock
    if invite is None or (withdrawn is not None and withdrawn.date >= invite.date):
        return None
    base = max(invite.date, last.date) if last else invite.date
    due = base + timedelta(days=INVITE_PENDING_DAYS + 1)
    if due > rules.horizon:
        return None
    nudged = f"; last nudge {days_from(base, rules.today)}" if base > invite.date else ""
    item = rules.item(
        ItemKind.INVITE_PENDING,
        f"invite_pending:{contact.id}:{invite.date}",
        due,
        company=contact.company,
        role=contact.title,
        contact=contact,
        summary=f"invited {days_from(invite.date, rules.today)}, not accepted{nudged}",
        # A LinkedIn message cannot reach someone who has not accepted: an email can, when
        # the address is known; otherwise there is nothing to write, only to wait or give up.
        suggestion=(
            "say hello by email, wait a little longer, or give up (withdraw it, or mark ignored)"
            if contact.email
            else "no other way to write: wait a little longer, or give up "
            "(withdraw it, or mark ignored)"
        ),
        touch_kind=TouchKind.OTHER if contact.email else None,
    )
    return rules.candidate(item, contact)


def _shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
