"""Who is who across files: a person found by LinkedIn profile, then email, then name and
company; an interview by company, role and date. Every comparison is accent- and case-blind
(:func:`~followup_tui.domain.fold`), so "José Núñez" in a spreadsheet is "Jose Nunez" here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain import Contact, fold
from .linkedin_csv import normalise_linkedin


def profile_key(url: str) -> str:
    """A LinkedIn profile address as it is compared: in its one spelling
    (:func:`~.linkedin_csv.normalise_linkedin`), lower-cased, without a trailing slash.

    "https://uk.linkedin.com/in/Ann-Lee/?trk=x" and "linkedin.com/in/ann-lee" give the same
    key; any other address is only trimmed and lower-cased, so equal addresses still match.
    """
    return normalise_linkedin(url).lower().rstrip("/")


def email_key(email: str) -> str:
    """An email address as it is compared: trimmed, no ``mailto:``, lower-cased."""
    return email.strip().lower().removeprefix("mailto:")


def person_key(name: str, company: str) -> tuple[str, str]:
    """A person's name and company as they are compared."""
    return fold(name), fold(company)


def interview_key(company: str, role: str, on: date | None) -> tuple[str, str, date | None]:
    """An interview is the same when its company, role and date match."""
    return fold(company), fold(role), on


class PeopleFinder:
    """The people known so far, found by profile, email, or name and company.

    The merge adds each person it creates, so two rows of one file about one person find
    each other too.
    """

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self._by_profile: dict[str, str] = {}
        self._by_email: dict[str, str] = {}
        self._by_name: dict[tuple[str, str], str] = {}
        self._names: dict[str, list[str]] = {}
        for contact in contacts:
            self.add(contact)

    def add(self, contact: Contact) -> None:
        """Know ``contact`` (again, after an edit): the first person with a key keeps it."""
        if contact.linkedin:
            self._by_profile.setdefault(profile_key(contact.linkedin), contact.id)
        if contact.email:
            self._by_email.setdefault(email_key(contact.email), contact.id)
        names = [contact.company, *(job.company for job in contact.past)]
        for company in names:
            self._by_name.setdefault(person_key(contact.name, company), contact.id)
        same = self._names.setdefault(fold(contact.name), [])
        if contact.id not in same:
            same.append(contact.id)

    def find(
        self, name: str, company: str = "", email: str = "", linkedin: str = ""
    ) -> tuple[str, str] | None:
        """The id of the person these details describe and how they matched ("LinkedIn
        profile", "email", "name and company"), or None."""
        if linkedin and (found := self._by_profile.get(profile_key(linkedin))):
            return found, "LinkedIn profile"
        if email and (found := self._by_email.get(email_key(email))):
            return found, "email"
        if name and (found := self._by_name.get(person_key(name, company))):
            return found, "name and company"
        return None

    def same_name(self, name: str) -> list[str]:
        """Ids of everyone with this name, whatever their company (near misses)."""
        return list(self._names.get(fold(name), ()))
