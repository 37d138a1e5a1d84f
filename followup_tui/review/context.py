"""What every review rule works from: the data indexed once, and the builders of its items."""

from __future__ import annotations

from datetime import date

from ..domain import (
    Contact,
    Dataset,
    Facts,
    Interview,
    TouchKind,
    facts,
    invite_again,
)
from .items import Candidate, ItemKind, ReviewItem


class Context:
    """The data, indexed once, with what every rule needs to build its items."""

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

    def item(
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
        """A review item seen from ``today``: overdue when ``due`` has passed."""
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

    def candidate(
        self,
        item: ReviewItem,
        contact: Contact | None,
        *,
        until: date = date.max,
        by_invitation: bool = True,
    ) -> Candidate:
        """``item`` with the days it is in the queue and what sending it may take."""
        # ``by_invitation``: the note may go as a LinkedIn invitation, if not yet connected.
        if contact is None or item.touch_kind is None:
            return Candidate(item, until)
        again = invite_again(self.facts(contact).withdrawal, self.today)
        return Candidate(item, until, by_invitation and contact.status.not_reached, again)

    def company_name(self, interview: Interview) -> str:
        """The name of the interview's company (its id if the company is gone)."""
        company = self.companies.get(interview.company_id)
        return company.name if company else interview.company_id
