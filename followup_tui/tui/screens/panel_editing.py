"""Adding, editing and deleting interviews and panel members from the main screen.

A layer of the main screen kept in its own module: the forms are modal screens that return model
objects, and these methods put them in the store and reselect what changed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from textual.content import Content
from textual.reactive import var

from ...domain import Company, Contact, Interview, Stage, status_set
from ..widgets.interview_list import InterviewList
from ..widgets.people import PeopleList
from .note_sending import NoteSending


class PanelEditing(NoteSending):
    """The add, edit and delete actions; the main screen watches the selection and reloads."""

    interview_id: var[str | None] = var(None, init=False)
    """The selected interview (the main screen's watchers show its panel)."""
    contact_id: var[str | None] = var(None, init=False)
    """The selected person on that panel (the watchers show their details and note)."""
    stage_filter: Stage | None

    def reload(self, *, afresh: bool = False) -> None:
        """Rebuild the panes from the store (the main screen does it)."""
        raise NotImplementedError

    def action_add(self) -> None:
        """Add a person to the panel when the panel has focus; otherwise add an interview."""
        from .forms_interview import InterviewForm
        from .forms_panel import PanelMemberForm

        store = self.services.store
        self.save_draft_now()
        interview = self.note_selection()[0]
        if interview is not None and isinstance(self.focused, PeopleList):
            company = store.companies.get(interview.company_id)
            form = PanelMemberForm(store.contacts, interview, company.name if company else "")
            self.app.push_screen(form, partial(self._forms_member_added, interview.id))
        else:
            self.app.push_screen(InterviewForm(store.companies), self._forms_interview_saved)

    def action_edit(self) -> None:
        """Edit the highlighted person when the panel has focus; otherwise the interview."""
        from .forms_contact import ContactForm
        from .forms_interview import InterviewForm

        store = self.services.store
        self.save_draft_now()
        interview, contact = self.note_selection()
        if isinstance(self.focused, PeopleList) and contact is not None:
            names = [c.name for c in store.companies.values()]
            form = ContactForm(contact, today=self.services.today, company_names=names)
            self.app.push_screen(form, self._forms_contact_saved)
        elif interview is not None:
            self.app.push_screen(
                InterviewForm(store.companies, interview), self._forms_interview_saved
            )
        else:
            self.notify("Nothing to edit yet: press a to add an interview.", title="Edit")

    def action_delete(self) -> None:
        """Remove the highlighted person from the panel, or delete the interview; asks first."""
        from .confirm import ConfirmDialog

        store = self.services.store
        self.save_draft_now()
        interview, contact = self.note_selection()
        if interview is None:
            self.notify("Nothing to delete.", title="Delete")
            return
        if isinstance(self.focused, PeopleList) and contact is not None:
            elsewhere = sum(
                1
                for i in store.interviews.values()
                if i.id != interview.id and contact.id in i.people
            )
            panels = f"{elsewhere} other panel{'s' if elsewhere > 1 else ''}"
            consequence = "They stay in your contacts, with their notes and history" + (
                f", and on {panels}." if elsewhere else "."
            )
            dialog = ConfirmDialog(
                Content.assemble("Remove ", (contact.name, "bold"), " from this panel?"),
                consequence,
                confirm_label="Remove",
                option=None if elsewhere else "Delete the contact too, with their history",
            )
            self.app.push_screen(
                dialog,
                lambda yes: self._forms_remove_member(
                    interview.id, contact.id, yes, delete_contact=dialog.option_checked
                ),
            )
            return
        title = self._forms_interview_title(interview)
        people = len(interview.people)
        dialog = ConfirmDialog(
            Content.assemble("Delete the interview ", (title, "bold"), "?"),
            "Its rounds, stage, feedback and notes go. "
            + (
                "The person on its panel stays in your contacts, with their history."
                if people == 1
                else f"The {people} people on its panel stay in your contacts, with their history."
                if people
                else "Nobody is on its panel."
            ),
        )
        self.app.push_screen(dialog, lambda yes: self._forms_delete_interview(interview.id, yes))

    def _forms_interview_title(self, interview: Interview) -> str:
        company = self.services.store.companies.get(interview.company_id)
        return f"{company.name if company else '?'} · {interview.role}"

    def _forms_show(self, interview_id: str | None, contact_id: str | None) -> None:
        """Select this interview and person after a change, and redraw everything."""
        # Set quietly, then shown once: the watchers would show the panel and the note twice.
        self.set_reactive(PanelEditing.interview_id, interview_id)
        self.set_reactive(PanelEditing.contact_id, contact_id)
        self.reload(afresh=True)

    def _forms_interview_saved(self, result: tuple[Company, Interview] | None) -> None:
        if result is None:
            return
        company, interview = result
        store = self.services.store
        current = store.interviews.get(interview.id)
        if current is not None:  # keep the panel as it is now; the form does not edit it
            interview = replace(interview, panel=current.panel, recruiter_id=current.recruiter_id)
        if company.id not in store.companies:
            store.put(company)
        store.put(interview)
        if self.stage_filter is not None and interview.stage is not self.stage_filter:
            self.stage_filter = None  # show the interview just saved
        self._forms_show(interview.id, self.contact_id if current else None)
        if current is None:
            self.query_one(InterviewList).focus()
        verb = "Saved" if current else "Added"
        self.notify(f"{verb} {company.name} · {interview.role}.", title=verb, markup=False)

    def _forms_member_added(
        self, interview_id: str, result: tuple[Contact, bool, str] | None
    ) -> None:
        store = self.services.store
        interview = store.interviews.get(interview_id)
        if result is None or interview is None:
            return
        contact, is_new, role = result
        if is_new:
            store.put(contact)
        if role == "recruiter":
            store.put(replace(interview, recruiter_id=contact.id))
        else:
            store.put(replace(interview, panel=(*interview.panel, contact.id)))
        self._forms_show(interview_id, contact.id)
        self.query_one(PeopleList).focus()
        what = "a new contact" if is_new else "from your contacts"
        as_role = "the recruiter" if role == "recruiter" else "a panel member"
        self.notify(f"Added {contact.name} ({what}) as {as_role}.", title="Added", markup=False)

    def _forms_contact_saved(self, result: Contact | None) -> None:
        store = self.services.store
        current = store.contacts.get(result.id) if result else None
        if result is None or current is None:
            return
        # The history may have moved on while the form was open (a draft saved on a timer); a
        # status chosen in the form is logged as a dated entry (domain.status_set).
        kept = replace(result, touches=current.touches, status=current.status)
        store.put(status_set(kept, result.status, self.services.today))
        self._forms_show(self.interview_id, result.id)
        self.notify(f"Saved {result.name}.", title="Saved", markup=False)

    def _forms_remove_member(
        self, interview_id: str, contact_id: str, confirmed: bool | None, *, delete_contact: bool
    ) -> None:
        store = self.services.store
        interview = store.interviews.get(interview_id)
        contact = store.contacts.get(contact_id)
        if not confirmed or interview is None or contact is None:
            return
        self.save_draft_now()
        if delete_contact:
            store.delete_contact(contact_id)
            message = f"Deleted {contact.name} and their history."
        else:
            store.put(
                replace(
                    interview,
                    panel=tuple(p for p in interview.panel if p != contact_id),
                    recruiter_id=None
                    if interview.recruiter_id == contact_id
                    else interview.recruiter_id,
                )
            )
            message = f"Removed {contact.name} from this panel; they stay in your contacts."
        self._forms_show(interview_id, None)
        self.notify(message, title="Removed", markup=False)

    def _forms_delete_interview(self, interview_id: str, confirmed: bool | None) -> None:
        store = self.services.store
        interview = store.interviews.get(interview_id)
        if not confirmed or interview is None:
            return
        title = self._forms_interview_title(interview)
        self.save_draft_now()
        store.delete_interview(interview_id)
        self._forms_show(interview_id, None)  # gone: the list keeps the row's place instead
        self.notify(
            f"Deleted the interview {title}. Its panel stays in your contacts.",
            title="Deleted",
            markup=False,
        )
