"""The rules of the daily review: one function per kind of item, each a pure function of the data.

Each rule yields :class:`Candidate` items: an item with the first day it is in the queue (its
``since``) and, for thank-yous, the last. :mod:`followup_tui.review` applies the snoozes and
dismissals, orders the queue and documents what each kind means; this module only knows when a
situation calls for action. A rule looks from ``today`` up to ``horizon``, so the same code lists
what is due today (``horizon == today``) and what falls due next.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..domain import (
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Facts,
    Interview,
    Stage,
    TouchKind,
    TouchStatus,
    add_months,
    cadence,
    days_from,
    facts,
    invite_again,
    next_kind,
    short_date,
)
from .items import Candidate, ItemKind, ReviewItem

#: A thank-you is timely for this many days after the round; then the item goes.
THANK_YOU_DAYS = 2
#: An invitation is pending "for a while" once it is older than this many days.
INVITE_PENDING_DAYS = 14
#: A cooling-off period shows this many days before it ends.
REAPPLY_NOTICE_DAYS = 7
#: Stages after which a panel is owed a post-decision note.
DECIDED = (Stage.REJECTED, Stage.DECLINED)
#: Stages in which a decision is still awaited after the rounds.
WAITING = (Stage.INTERVIEWED, Stage.AWAITING_DECISION)
#: Statuses of the people kept in touch with: connected, or invited.
IN_TOUCH = (ConnectionStatus.CONNECTED, ConnectionStatus.REPLIED, ConnectionStatus.INVITE_SENT)
#: Statuses in which an invitation is a way to reach someone, so the monthly budget applies.
NOT_LINKED = (ConnectionStatus.NOT_CONTACTED, ConnectionStatus.NOTE_DRAFTED)
_LABEL = {kind: kind.label for kind in TouchKind}
_WHAT = {
    TouchKind.ARTICLE: "an article they would enjoy",
    TouchKind.EVENT: "an event or conference to meet at",
    TouchKind.COMPANY_NEWS: "a word on their company's news",
    TouchKind.PERSONAL: "something personal",
}


class Rules:
    """The data, indexed once, and one method per kind of item."""

    def __init__(self, dataset: Dataset, today: date, horizon: date) -> None:
        """Look at ``dataset`` from ``today`` up to ``horizon`` (inclusive)."""
        self.today = today
        self.horizon = horizon
        self.settings = dataset.settings
        self.interviews = dataset.interviews
        self.contacts = {contact.id: contact for contact in dataset.contacts}
        self.companies = {company.id: company for company in dataset.companies}
        self._facts: dict[str, Facts] = {}

    def facts(self, contact: Contact) -> Facts:
        """:func:`followup_tui.domain.facts` of ``contact``, worked out once."""
        found = self._facts.get(contact.id)
        if found is None:
            found = self._facts[contact.id] = facts(contact)
        return found

    def all(self) -> Iterator[Candidate]:
        """Every candidate, kind by kind."""
        yield from self.thank_you()
        yield from self.decision_note()
        yield from self.contacts_due()
        yield from self.decision_overdue()
        yield from self.reapply_open()

    def _item(
        self,
        kind: ItemKind,
        key: str,
        due: date,
        *,
        company: str,
        role: str,
        contact: Contact | None,
        summary: str,
        suggestion: str,
        touch_kind: TouchKind | None,
        interview_id: str | None = None,
        company_id: str | None = None,
        since: date | None = None,
    ) -> ReviewItem:
        return ReviewItem(
            key,
            kind,
            due,
            company,
            role,
            contact.id if contact else None,
            contact.name if contact else None,
            interview_id,
            company_id,
            summary,
            suggestion,
            touch_kind,
            due < self.today,
            due if since is None else since,
        )

    def _candidate(
        self,
        item: ReviewItem,
        contact: Contact | None,
        *,
        until: date = date.max,
        by_invitation: bool = True,
    ) -> Candidate:
        # ``by_invitation``: the note may go as a LinkedIn invitation, if not yet connected.
        if contact is None or item.touch_kind is None:
            return Candidate(item, until)
        again = invite_again(self.facts(contact).withdrawal, self.today)
        return Candidate(item, until, by_invitation and contact.status in NOT_LINKED, again)

    def _company(self, interview: Interview) -> str:
        company = self.companies.get(interview.company_id)
        return company.name if company else interview.company_id

    def thank_you(self) -> Iterator[Candidate]:
        """A round in the last two days (or, looking ahead, a coming one), and a panel member
        not thanked since that round."""
        first = self.today - timedelta(days=THANK_YOU_DAYS)
        for interview in self.interviews:
            if not interview.panel or not interview.rounds or interview.rounds[-1] < first:
                continue
            recent = [day for day in interview.rounds if first <= day <= self.today]
            coming = [day for day in interview.rounds if self.today < day <= self.horizon]
            for day in recent[-1:] + coming[:1]:
                yield from self._thank_panel(interview, day)

    def _thank_panel(self, interview: Interview, day: date) -> Iterator[Candidate]:
        when = days_from(day, self.today)
        for person in interview.panel:
            contact = self.contacts.get(person)
            if contact is None or _sent(contact, TouchKind.THANK_YOU, interview.id, day):
                continue
            item = self._item(
                ItemKind.THANK_YOU,
                f"thank_you:{interview.id}:{person}:{day}",
                day,
                company=self._company(interview),
                role=interview.role,
                contact=contact,
                summary=f"round {when}, not thanked",
                suggestion="send a short thank-you while the round is fresh",
                touch_kind=TouchKind.THANK_YOU,
                interview_id=interview.id,
                company_id=interview.company_id,
            )
            yield self._candidate(item, contact, until=day + timedelta(days=THANK_YOU_DAYS))

    def decision_note(self) -> Iterator[Candidate]:
        """A decision is in (a no, or an offer declined) with closure, and someone on the panel,
        or the recruiter, has no post-decision note about it."""
        for interview in self.interviews:
            if interview.stage not in DECIDED or not interview.closure_received:
                continue
            due = interview.decision_date or interview.last_round or self.today
            outcome = "not selected" if interview.stage is Stage.REJECTED else "offer declined"
            for person in interview.people:
                contact = self.contacts.get(person)
                if (
                    contact is None
                    or contact.status is ConnectionStatus.IGNORED
                    or _sent(contact, TouchKind.DECISION_NOTE, interview.id)
                ):
                    continue
                whom = "recruiter; " if person == interview.recruiter_id else ""
                item = self._item(
                    ItemKind.DECISION_NOTE,
                    f"decision_note:{interview.id}:{person}",
                    due,
                    company=self._company(interview),
                    role=interview.role,
                    contact=contact,
                    summary=f"{whom}{outcome} {days_from(due, self.today)}",
                    suggestion="thank them for their time and ask to keep in touch",
                    touch_kind=TouchKind.DECISION_NOTE,
                    interview_id=interview.id,
                    company_id=interview.company_id,
                )
                yield self._candidate(item, contact)

    def contacts_due(self) -> Iterator[Candidate]:
        """keep_in_touch and invite_pending items, in one pass over the people kept in touch
        with: this is the loop that sees everyone, so it finds the last touch's day inline and
        works out the rest (:class:`Facts`) only for those with something due."""
        sent, withdrawn = TouchStatus.SENT, TouchKind.INVITE_WITHDRAWN
        default = timedelta(days=self.settings.default_cadence_days)
        for contact in self.contacts.values():
            status = contact.status
            if status not in IN_TOUCH:
                continue
            last = date.min
            for touch in contact.touches:
                if touch.status is sent and touch.kind is not withdrawn and touch.date > last:
                    last = touch.date
            if last is date.min:
                continue  # never written to, so never invited either
            every = timedelta(days=contact.cadence_days) if contact.cadence_days else default
            keep = last + every <= self.horizon
            invited = status is ConnectionStatus.INVITE_SENT
            if not (keep or invited):
                continue
            known = self.facts(contact)
            if keep:
                yield self._keep_in_touch(contact, known)
            pending = self._invite_pending(contact, known) if invited else None
            if pending is not None:
                yield pending

    def _keep_in_touch(self, contact: Contact, known: Facts) -> Candidate:
        """The last touch plus the contact's cadence has come (checked by the caller)."""
        last = known.clock
        assert last is not None
        every = cadence(contact, self.settings)
        due = last.date + timedelta(days=every)
        sent = known.rotation
        kind = next_kind(sent.kind if sent else None, bool(contact.tidbits))
        what = _WHAT[kind]
        if kind is TouchKind.PERSONAL:
            what += f" ({_shorten(contact.tidbits[0], 50)})"
        when = days_from(last.date, self.today)
        before = when if sent is None or sent is last else days_from(sent.date, self.today)
        sent = sent or last
        item = self._item(
            ItemKind.KEEP_IN_TOUCH,
            f"keep_in_touch:{contact.id}:{due.isoformat()}",
            due,
            company=contact.company,
            role=contact.title,
            contact=contact,
            summary=f"last touch {when} ({_LABEL[last.kind]}), every {every} days",
            suggestion=f"send {what}; last time: {_LABEL[sent.kind]}, {before}",
            touch_kind=kind,
        )
        return self._candidate(item, contact)

    def _invite_pending(self, contact: Contact, known: Facts) -> Candidate | None:
        """An invitation sent more than 14 days ago (counting from the last nudge) is still
        not accepted, and was not withdrawn."""
        invite, withdrawn, last = known.invitation, known.withdrawal, known.clock
        if invite is None or (withdrawn is not None and withdrawn.date >= invite.date):
            return None
        base = max(invite.date, last.date) if last else invite.date
        due = base + timedelta(days=INVITE_PENDING_DAYS + 1)
        if due > self.horizon:
            return None
        nudged = f"; last nudge {days_from(base, self.today)}" if base > invite.date else ""
        item = self._item(
            ItemKind.INVITE_PENDING,
            f"invite_pending:{contact.id}:{invite.date}",
            due,
            company=contact.company,
            role=contact.title,
            contact=contact,
            summary=f"invited {days_from(invite.date, self.today)}, not accepted{nudged}",
            suggestion="nudge them another way, withdraw it, or give up (mark ignored)",
            touch_kind=TouchKind.OTHER,
        )
        return self._candidate(item, contact)

    def decision_overdue(self) -> Iterator[Candidate]:
        """An interview has waited more than the settings' days since its last round, or since
        the last word about it (a nudge sent or a reply received; thank-yous do not count)."""
        wait = self.settings.decision_overdue_days
        for interview in self.interviews:
            last_round = interview.last_round
            if interview.stage not in WAITING or last_round is None:
                continue
            base, asked, heard_from = last_round, None, None
            for person in interview.people:
                contact = self.contacts.get(person)
                for touch in contact.touches if contact else ():
                    if (
                        touch.interview_id == interview.id
                        and touch.date >= base
                        and touch.status is TouchStatus.SENT
                        and touch.kind not in _NO_NEWS
                    ):
                        base, asked, heard_from = touch.date, touch, contact
            due = base + timedelta(days=wait + 1)
            if due > self.horizon:
                continue
            whom = self._whom_to_ask(interview, heard_from)
            since = (
                f"last word {days_from(base, self.today)}"
                if asked
                else f"last round {days_from(last_round, self.today)}"
            )
            item = self._item(
                ItemKind.DECISION_OVERDUE,
                f"decision_overdue:{interview.id}:{last_round}",
                due,
                company=self._company(interview),
                role=interview.role,
                contact=whom,
                summary=f"{since} (you wait {wait} days)",
                suggestion=(
                    f"ask {whom.first_name} for an update"
                    if whom
                    else "no one to ask: snooze it or dismiss it"
                ),
                touch_kind=TouchKind.OTHER if whom else None,
                interview_id=interview.id,
                company_id=interview.company_id,
            )
            yield self._candidate(item, whom, by_invitation=False)  # a nudge is a message

    def _whom_to_ask(self, interview: Interview, heard_from: Contact | None) -> Contact | None:
        # The recruiter; else whoever last wrote about it; else the first of the panel.
        for person in (
            interview.recruiter_id,
            heard_from.id if heard_from else None,
            *interview.panel,
        ):
            contact = self.contacts.get(person or "")
            if contact is not None and contact.status is not ConnectionStatus.IGNORED:
                return contact
        return None

    def reapply_open(self) -> Iterator[Candidate]:
        """A company's cooling-off period after a no has ended, or ends within 7 days."""
        policies = {c.id: c for c in self.companies.values() if c.cooling_off_months is not None}
        if not policies:
            return
        roles: dict[str, list[str]] = {}
        decided: dict[str, date] = {}
        for interview in self.interviews:
            if interview.company_id not in policies:
                continue
            roles.setdefault(interview.company_id, []).append(interview.role)
            day = interview.decision_date or interview.last_round
            if interview.stage is Stage.REJECTED and day is not None:
                decided[interview.company_id] = max(day, decided.get(interview.company_id, day))
        for company_id, day in decided.items():
            yield from self._reapply(policies[company_id], day, roles[company_id])

    def _reapply(self, company: Company, decided: date, roles: list[str]) -> Iterator[Candidate]:
        months = company.cooling_off_months or 0
        end = add_months(decided, months)
        since = end - timedelta(days=REAPPLY_NOTICE_DAYS)
        if since > self.horizon:
            return
        ends = "ended" if end < self.today else "ends"
        source = company.cooling_off_source or "not noted"
        item = self._item(
            ItemKind.REAPPLY_OPEN,
            f"reapply_open:{company.id}:{end}",
            end,
            company=company.name,
            role=", ".join(dict.fromkeys(roles)),
            contact=None,
            summary=f"cooling-off {ends} {short_date(end, year=end.year != self.today.year)} "
            f"({days_from(end, self.today)}); policy: {source}",
            suggestion=f"you may apply again from {short_date(end)} ({months} months after "
            f"the no of {short_date(decided)}): look at their open roles",
            touch_kind=None,
            company_id=company.id,
            since=since,
        )
        yield Candidate(item)


#: Touches about an interview that are no news of its decision.
_NO_NEWS = (TouchKind.THANK_YOU, TouchKind.INVITE, TouchKind.INVITE_WITHDRAWN)


def _sent(contact: Contact, kind: TouchKind, interview_id: str, since: date = date.min) -> bool:
    for touch in contact.touches:
        if (
            touch.interview_id == interview_id
            and touch.kind is kind
            and touch.status is TouchStatus.SENT
            and touch.date >= since
        ):
            return True
    return False


def _shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def first_of_next_month(today: date) -> date:
    """The day a monthly budget starts again."""
    return add_months(today.replace(day=1), 1)
