"""The people as vCards 3.0, for address books: one file of cards, or one file per card.

Pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and writes nothing itself. The
cards are written by vobject, which escapes what vCard text must escape (commas, semicolons,
backslashes, newlines) and folds long lines; the same data gives the same bytes, since nothing
in a card depends on the clock (no REV) and the cards go out in the order of their ids.

``NOTE`` is what an address book shows: the person's notes, their tidbits, and the interviews
they were on. followup's own fields ride along as ``X-FOLLOWUP-NOTES`` and one
``X-FOLLOWUP-TIDBIT`` per tidbit, so that importing the cards back
(:mod:`.vcard_import`) gives the notes and tidbits as they were, not the note made of them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date

import vobject

from ..domain import Contact, Dataset, panels_of

#: The address-book identity of a contact: its id with followup's domain (RFC 2426 3.6.7).
UID_SUFFIX = "@followup"
PRODID = "-//followup//vCard export//EN"
#: An id that makes a file name as it is on every file system: lower case (two ids differing
#: only in case would be one file on macOS or Windows), no dot, short.
_PLAIN_ID = re.compile(r"[a-z0-9_-]{1,64}")
# Names Windows keeps for devices, whatever follows them after a dot.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10))}
_RESERVED |= {f"lpt{n}" for n in range(10)}


def export_vcf(dataset: Dataset) -> bytes:
    """Return every person as a vCard 3.0, in one UTF-8 file with CRLF line ends (RFC 2426)."""
    return b"".join(card for _, card in vcard_files(dataset))


def vcard_files(dataset: Dataset) -> list[tuple[str, bytes]]:
    """Return one ``(file name, card)`` per person, ordered by id, for a vdir: the folder of one
    card per file that khard and vdirsyncer read. The names come from the ids (see
    :func:`file_name`), so a second export replaces the files of the first."""
    interviews = _Interviews(dataset)
    contacts = sorted(dataset.contacts, key=lambda contact: contact.id)
    return [(file_name(c.id), _card(c, interviews).encode("utf-8")) for c in contacts]


def file_name(contact_id: str) -> str:
    """A file name for the card of ``contact_id``, the same on every export.

    A plain id (``ct_3f9a1b2c4d5e``) is the name: ``ct_3f9a1b2c4d5e.vcf``. Any other id (one
    imported with capitals, slashes or dots) keeps its safe characters and gains a digest of
    itself after a dot, which no plain id has, so two ids never share a file.
    """
    if _PLAIN_ID.fullmatch(contact_id) and contact_id not in _RESERVED:
        return f"{contact_id}.vcf"
    safe = re.sub(r"[^a-z0-9_-]+", "_", contact_id.lower())[:40] or "contact"
    if safe in _RESERVED:
        safe = f"id_{safe}"  # "con.x.vcf" is CON on Windows, whatever follows the dot
    digest = hashlib.sha256(contact_id.encode("utf-8")).hexdigest()[:12]
    return f"{safe}.{digest}.vcf"


def split_name(name: str) -> tuple[str, str]:
    """``(family, given)`` for a vCard's N: the last word is the family name, the words before
    it the given names. A one-word name is a given name with no family name."""
    words = name.split()
    if len(words) < 2:
        return "", name
    return words[-1], " ".join(words[:-1])


class _Interviews:
    """The interviews and company names of a dataset, to say what a person was on."""

    def __init__(self, dataset: Dataset) -> None:
        self.interviews = dataset.interviews
        self.companies = {company.id: company.name for company in dataset.companies}

    def lines(self, contact_id: str) -> Iterator[str]:
        """A line per panel the person sat on, newest first ("Interviewed me for <role> at
        <company> on <day>."), then one per interview they were the recruiter for."""
        for panel in panels_of(contact_id, self.interviews):
            yield f"Interviewed me for {self._what(panel.role, panel.company_id, panel.on)}."
        for interview in self.interviews:
            if interview.recruiter_id == contact_id and contact_id not in interview.panel:
                first = interview.rounds[0] if interview.rounds else None
                yield f"Recruiter for {self._what(interview.role, interview.company_id, first)}."

    def _what(self, role: str, company_id: str, on: date | None) -> str:
        company = self.companies.get(company_id, "")
        return role + (f" at {company}" if company else "") + (f" on {on}" if on else "")


def _card(contact: Contact, interviews: _Interviews) -> str:
    card = vobject.vCard()
    card.add("version").value = "3.0"
    card.add("prodid").value = PRODID
    card.add("uid").value = contact.id + UID_SUFFIX
    card.add("fn").value = contact.name
    family, given = split_name(contact.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.title:
        card.add("title").value = contact.title
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.phone:
        card.add("tel").value = contact.phone
    if contact.linkedin:
        card.add("url").value = contact.linkedin
        profile = card.add("x-socialprofile")
        profile.value = contact.linkedin
        profile.type_param = "linkedin"
    note = _note(contact, list(interviews.lines(contact.id)))
    if note:
        card.add("note").value = note
        # Says that NOTE is followup's own summary, and holds the notes it was made from.
        card.add("x-followup-notes").value = contact.notes
    for tidbit in contact.tidbits:
        card.add("x-followup-tidbit").value = tidbit
    return str(card.serialize())


def _note(contact: Contact, interviews: list[str]) -> str:
    """The person's notes, their tidbits and their interviews, as paragraphs."""
    tidbits = "\n".join(f"- {tidbit}" for tidbit in contact.tidbits)
    parts = (contact.notes.strip(), tidbits, "\n".join(interviews))
    return "\n\n".join(part for part in parts if part)
