"""What importing a foreign file would do: its people and interviews merged with the data.

Pure: :func:`plan_merge` works out the whole result and a line for every decision, and writes
nothing; the caller stores ``plan.result`` only when the person wants it (not on a dry run).

The rules, so that importing the same file twice changes nothing the second time:

- An interview is the one already there when its company, role and date match
  (:func:`~.matching.interview_key`). A known interview gains the panel members it lacks, its
  stage when it still has the first one ("applied"), and the file's notes when they are not in
  its notes yet.
- A person is the one already there when their LinkedIn profile, email, or name and company
  match (:class:`~.matching.PeopleFinder`). A known person gains only what is empty: a title,
  an email, a profile, a phone; notes and tidbits not there yet are added. Nothing typed is
  overwritten.
- A LinkedIn connection never creates a person. A match is recorded as accepted on its day,
  unless an acceptance is already in their history; a person of the same name elsewhere is
  reported as a near miss. A sent invitation is logged unless one is already there that day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date

from ..domain import (
    Company,
    Contact,
    Dataset,
    Interview,
    Stage,
    TouchKind,
    accepted,
    fold,
    invited,
    is_invitation,
    new_id,
    short_date,
)
from .checks import cut_fields
from .incoming import Batch, ConnectionIn, InterviewIn, InvitationIn, PersonIn
from .linkedin_csv import normalise_linkedin
from .matching import PeopleFinder, interview_key

#: The texts of a person from a file, checked for being cut to fit their fields.
_PERSON_TEXTS = ("name", "title", "company", "email", "linkedin", "phone", "notes")

#: Called with how many entries of the file have been merged so far, and how many there are
#: (for a progress bar), every hundred entries.
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class MergePlan:
    """What importing a :class:`~.incoming.Batch` would do, and the data that would result."""

    source: str
    result: Dataset
    #: One line per record the import adds, per merge into a known one, per entry found
    #: already there as it is, and per entry skipped (a connection to nobody you have).
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: People of the same name as a connection in the file, but not matched (LinkedIn).
    near_misses: list[str] = field(default_factory=list)
    notices: tuple[str, ...] = ()
    #: Texts longer than their field keeps: the place, the field and both lengths.
    cut: list[str] = field(default_factory=list)
    #: How many companies, interviews and people would be added.
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        """True when applying the plan would change anything at all."""
        return bool(self.added or self.merged)

    def summary(self, *, detail: bool = False) -> str:
        """A few lines of totals; with ``detail``, a line for every decision too."""
        counts = ", ".join(_count(n, what) for what, n in self.counts.items() if n) or "nothing"
        lines = [
            f"{self.source}: {counts} added; {len(self.merged)} merged into what you have; "
            f"{len(self.unchanged)} already there; {len(self.skipped)} skipped",
            *self.notices,
            *self.cut[:5],
        ]
        if len(self.cut) > 5:
            lines.append(f"and {len(self.cut) - 5} more texts cut to fit")
        if self.near_misses:
            count = len(self.near_misses)
            lines.append(
                f"{count} near {'miss' if count == 1 else 'misses'} (same name, not matched)"
            )
        if detail:
            for title, entries in (
                ("added", self.added),
                ("merged", self.merged),
                ("already there", self.unchanged),
                ("skipped", self.skipped),
                ("near misses", self.near_misses),
            ):
                lines.extend(f"  {title}: {entry}" for entry in entries)
        return "\n".join(lines)


def plan_merge(
    current: Dataset, batch: Batch, today: date, progress: Progress | None = None
) -> MergePlan:
    """Merge ``batch`` into ``current`` by the rules above; nothing is written."""
    return _Merger(current, batch, today, progress).plan()


class _Merger:
    def __init__(
        self, current: Dataset, batch: Batch, today: date, progress: Progress | None
    ) -> None:
        self.current = current
        self.batch = batch
        self.today = today
        self.progress = progress
        self.done = 0
        self.total = sum(len(i.panel) for i in batch.interviews) + len(batch.people)
        self.total += len(batch.connections) + len(batch.invitations)
        self.plan_ = MergePlan(batch.source, current, notices=batch.notices)
        self.companies: dict[str, Company] = {fold(c.name): c for c in current.companies}
        self.new_companies: list[Company] = []
        self.contacts: dict[str, Contact] = {c.id: c for c in current.contacts}
        self.finder = PeopleFinder(current.contacts)
        self.interviews: dict[str, Interview] = {i.id: i for i in current.interviews}
        names = {c.id: c.name for c in current.companies}
        self.known: dict[tuple[str, str, date | None], str] = {}
        for interview in current.interviews:
            company = names.get(interview.company_id, "")
            for on in interview.rounds or (None,):
                key = interview_key(company, interview.role, on)
                self.known.setdefault(key, interview.id)
        self.counts = {"companies": 0, "interviews": 0, "people": 0}
        #: (person, place in the file) already reported, so a row is named once.
        self.seen: set[tuple[str, str]] = set()

    def plan(self) -> MergePlan:
        for interview in self.batch.interviews:
            self._interview(interview)
        for person in self.batch.people:
            self._person(person, person.company)
            self._tick()
        # Connections first: a profile address they bring lets an invitation (which names no
        # company) find its person. An invitation logged after an acceptance never moves the
        # status back (domain.invited).
        for connection in self.batch.connections:
            self._connection(connection)
        for invitation in self.batch.invitations:
            self._invitation(invitation)
        plan = self.plan_
        plan.counts = self.counts
        plan.result = replace(
            self.current,
            companies=(*self.current.companies, *self.new_companies),
            interviews=tuple(self.interviews.values()),
            contacts=tuple(self.contacts.values()),
        )
        return plan

    def _tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 100 == 0:
            self.progress(self.done, self.total)

    def _company(self, name: str) -> Company:
        company = self.companies.get(fold(name))
        if company is None:
            company = Company(id=new_id("co"), name=name)
            self.companies[fold(name)] = company
            self.new_companies.append(company)
            self.counts["companies"] += 1
            self.plan_.added.append(f"company {name}")
        return company

    def _interview(self, incoming: InterviewIn) -> None:
        company = self._company(incoming.company)
        panel = []
        for person in incoming.panel:
            panel.append(self._person(person, person.company or company.name))
            self._tick()
        key = interview_key(company.name, incoming.role, incoming.on)
        what = f"{company.name}, {incoming.role}, {_day(incoming.on)} ({incoming.where})"
        known = self.known.get(key)
        if known is None:
            stage = incoming.stage or _first_stage(incoming.on, self.today)
            interview = Interview(
                id=new_id("iv"),
                company_id=company.id,
                role=incoming.role,
                rounds=(incoming.on,) if incoming.on else (),
                panel=tuple(panel),
                stage=stage,
                notes=incoming.notes,
            )
            self.plan_.cut.extend(
                cut_fields(incoming, interview, incoming.where, ("company", "role", "notes"))
            )
            self.interviews[interview.id] = interview
            self.known[key] = interview.id
            self.counts["interviews"] += 1
            self.plan_.added.append(f"interview {what}")
            return
        old = self.interviews[known]
        new = replace(
            old,
            panel=(*old.panel, *(p for p in panel if p not in old.panel)),
            stage=incoming.stage if incoming.stage and old.stage is Stage.APPLIED else old.stage,
            notes=_add_text(old.notes, incoming.notes),
        )
        if new == old:
            self.plan_.unchanged.append(f"interview {what}: already there")
        else:
            self.interviews[known] = new
            self.plan_.merged.append(f"interview {what}: {_changes(old, new)}")

    def _person(self, person: PersonIn, company: str) -> str:
        """The id of the person, added or merged."""
        found = self.finder.find(person.name, company, person.email, person.linkedin)
        if found is None:
            contact = Contact(
                id=new_id("ct"),
                name=person.name,
                title=person.title,
                company=company,
                email=person.email,
                linkedin=normalise_linkedin(person.linkedin),
                phone=person.phone,
                notes=person.notes,
                tidbits=person.tidbits,
            )
            self.plan_.cut.extend(cut_fields(person, contact, person.where, _PERSON_TEXTS))
            self.contacts[contact.id] = contact
            self.finder.add(contact)
            self.counts["people"] += 1
            self.plan_.added.append(f"person {person.name} ({person.where})")
            return contact.id
        contact_id, how = found
        old = self.contacts[contact_id]
        new = replace(
            old,
            title=old.title or person.title,
            company=old.company or company,
            email=old.email or person.email,
            linkedin=old.linkedin or normalise_linkedin(person.linkedin),
            phone=old.phone or person.phone,
            notes=_add_text(old.notes, person.notes),
            tidbits=(*old.tidbits, *(t for t in person.tidbits if t not in old.tidbits)),
        )
        if new != old:
            self.contacts[contact_id] = new
            self.finder.add(new)
            self.plan_.merged.append(
                f"person {old.name} ({person.where}, matched by {how}): {_changes(old, new)}"
            )
        elif (contact_id, person.where) not in self.seen:
            self.plan_.unchanged.append(
                f"person {old.name} ({person.where}, matched by {how}): already there"
            )
        self.seen.add((contact_id, person.where))
        return contact_id

    def _match(self, person: PersonIn) -> Contact | None:
        found = self.finder.find(person.name, person.company, person.email, person.linkedin)
        if found is not None:
            return self.contacts[found[0]]
        near = [self.contacts[i] for i in self.finder.same_name(person.name)]
        if len(near) == 1 and not person.company:
            # The file names no company (LinkedIn's invitations): one person of that name is
            # the one meant.
            return near[0]
        if near:
            places = "; ".join(f"{c.name} at {c.company or 'no company'}" for c in near)
            self.plan_.near_misses.append(
                f"{person.name} at {person.company or 'no company'} ({person.where}): "
                f"you have {places}"
            )
        else:
            self.plan_.skipped.append(f"{person.name} ({person.where}): not among your people")
        return None

    def _connection(self, connection: ConnectionIn) -> None:
        self._tick()
        contact = self._match(connection.person)
        if contact is None:
            return
        person = connection.person
        filled = replace(
            contact,
            linkedin=contact.linkedin or normalise_linkedin(person.linkedin),
            email=contact.email or person.email,
            title=contact.title or person.title,
        )
        done = [_changes(contact, filled)] if filled != contact else []
        if not any(t.kind is TouchKind.INVITE_ACCEPTED for t in contact.touches):
            filled = accepted(filled, connection.on)
            done.append(f"connected on {_day(connection.on)}")
        if not done:
            self.plan_.unchanged.append(f"{contact.name} ({person.where}): already connected")
            return
        self.contacts[contact.id] = filled
        self.finder.add(filled)
        self.plan_.merged.append(f"{contact.name} ({person.where}): {'; '.join(done)}")

    def _invitation(self, invitation: InvitationIn) -> None:
        self._tick()
        contact = self._match(invitation.person)
        if contact is None:
            return
        if any(t.date == invitation.on and is_invitation(t) for t in contact.touches):
            self.plan_.unchanged.append(
                f"{contact.name}: invitation of {_day(invitation.on)} already logged"
            )
            return
        self.contacts[contact.id] = invited(contact, invitation.on, invitation.message)
        self.plan_.merged.append(f"{contact.name}: invited on {_day(invitation.on)}")


def _first_stage(on: date | None, today: date) -> Stage:
    """The stage of an interview the file gives none for: done, coming, or only applied."""
    if on is None:
        return Stage.APPLIED
    return Stage.INTERVIEWED if on <= today else Stage.SCHEDULED


def _add_text(old: str, new: str) -> str:
    """``old`` with ``new`` appended as a paragraph, unless it is already in it."""
    if not new or new in old:
        return old
    return f"{old}\n\n{new}" if old else new


def _changes(old: Contact | Interview, new: Contact | Interview) -> str:
    """The fields that differ between two records, named: "title, email"."""
    names = [f.name for f in fields(old) if getattr(old, f.name) != getattr(new, f.name)]
    return "added " + ", ".join(name.replace("_", " ") for name in names)


def _count(number: int, table: str) -> str:
    """ "1 company", "3 people": a count with its noun."""
    singular = {"companies": "company", "interviews": "interview", "people": "person"}
    return f"{number} {singular[table] if number == 1 else table}"


def _day(on: date | None) -> str:
    return short_date(on, year=True) if on else "no date"
