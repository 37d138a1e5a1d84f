"""The main screen's way to the relationship: the connection's dated actions (``A``) and the
selected interview's company view (``C``).

A layer of the main screen kept in its own module, like :mod:`.panel_editing`: the dialog and
the company view return or store model objects, and these methods reselect what changed.
"""

from __future__ import annotations

from ...domain import Interview, panels_of, reapply_date, short_date
from ..widgets.people import PanelSat
from .connection import ConnectionAction, ConnectionDialog
from .panel_editing import PanelEditing


class Connecting(PanelEditing):
    """The connection and company actions of the main screen."""

    def panels_for(self, contact_id: str | None) -> list[PanelSat]:
        """The panels ``contact_id`` sat on, newest first, for the person's details."""
        if contact_id is None:
            return []
        store = self.services.store
        return [
            PanelSat(company.name if company else "?", panel.role, panel.on)
            for panel in panels_of(contact_id, store.interviews.values())
            for company in (store.companies.get(panel.company_id),)
        ]

    def reapply_note(self, interview: Interview | None) -> str:
        """The panel's note of when you may apply again ("reapply from Thu 3 Dec", or "since")
        once the interview's company has a cooling-off period and has said no; else ""."""
        store = self.services.store
        company = store.companies.get(interview.company_id) if interview else None
        if company is None or interview is None or interview.stage.is_open:
            return ""
        day = reapply_date(company, store.interviews.values())
        if day is None:
            return ""
        today = self.services.today
        when = short_date(day, year=day.year != today.year)
        return f"reapply {'from' if day > today else 'since'} {when}"

    def action_connection(self) -> None:
        """Log what happened with the selected person's connection, dated (today by default)."""
        contact = self.note_selection()[1]
        if contact is None:
            self.notify("Select a person on the panel first.", title="Connection")
            return
        self.save_draft_now()

        def chosen(result: ConnectionAction | None) -> None:
            current = self.services.store.contacts.get(contact.id)
            if result is None or current is None:
                return
            self.services.store.put(result.apply(current))
            self._forms_show(self.interview_id, contact.id)
            day = f"{result.on:%d %b %Y}"
            self.notify(
                f"{current.name}: {result.label.lower()}, {day}.", title="Logged", markup=False
            )

        self.app.push_screen(ConnectionDialog(contact.name, self.services.today), chosen)

    def action_company(self) -> None:
        """Open the selected interview's company: its cooling-off period, interviews and
        feedback, and who you know there."""
        from .company import CompanyScreen

        interview = self.note_selection()[0]
        if interview is None:
            self.notify("Select an interview first: its company opens.", title="Company")
            return
        self.save_draft_now()
        screen = CompanyScreen(interview.company_id, interview.id)
        self.app.push_screen(screen, lambda _: self._forms_show(self.interview_id, self.contact_id))
