"""The main screen: interviews, the selected panel, and a note for the selected person.

State flows down: the screen keeps which interview and which person are selected, asks the core
for what to show and hands it to the widgets. Intent flows up: widgets post messages, and only
the screen calls the store.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Container, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static

from ...clipboard import copy_to_system, save_note
from ...listing import InterviewRow, interview_rows
from ...model import Company, Contact, Interview, Stage, Template
from ...notes import (
    NoteContext,
    all_templates,
    default_template,
    near_duplicates,
    next_template,
    render,
)
from ...paths import notes_dir
from ...touches import draft_for, mark_sent, next_due, save_draft
from ..commands import bindings_for
from ..widgets.interview_list import InterviewList
from ..widgets.note_editor import NoteEditor, NotePane
from ..widgets.people import PeopleList, PersonDetails

if TYPE_CHECKING:
    from ..app import FollowupApp

#: Seconds of typing pause before a draft is kept and compared with the panel's other notes.
DRAFT_DELAY = 0.5
#: Keys that type text in the editor, so the screen hides them from the footer there.
_LETTER_ACTIONS = frozenset({"search", "review", "add", "edit", "delete", "cycle_template",
                             "pick_template", "copy_note", "mark_sent", "cycle_filter",
                             "templates", "settings"})
_NEEDS_PERSON = frozenset({"cycle_template", "pick_template", "copy_note", "mark_sent"})

WELCOME = (
    "Welcome to followup.\n\n"
    "Every interview is a meeting with people who do your kind of work. followup keeps each "
    "panel, helps you send every interviewer a short, warm note once the decision is in, and "
    "reminds you to stay in touch.\n\n"
    "Press a to add your first interview.\n"
    "Or quit (q) and run  followup --demo  to explore with sample data.\n\n"
    "Press ? for every key."
)


class MainScreen(Screen[None]):
    """Three panes: the interview list, the panel with one person's details, and the note."""

    SCOPE = "main"
    BINDINGS = bindings_for("main")
    AUTO_FOCUS = "#interviews"
    # Below 110 columns the panel and the note stack on the right instead of standing side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.interview_id: str | None = None
        self.contact_id: str | None = None
        self.stage_filter: Stage | None = None
        self.template: Template | None = None
        self._baseline = ""  # the note as rendered from the template, before any edit
        self._draft_timer: Timer | None = None

    @property
    def fapp(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        """The welcome state and the three panes; one of them shows at a time."""
        yield Header()
        with ContentSwitcher(initial="panes", id="switcher"):
            with Center(id="welcome"):
                yield Static(Content(WELCOME), id="welcome-text")
            with Horizontal(id="panes"):
                with Vertical(id="left", classes="pane"):
                    yield InterviewList(self.fapp.today, id="interviews")
                with Container(id="right"):
                    with Vertical(id="middle", classes="pane"):
                        yield PeopleList(id="people")
                        yield PersonDetails(id="person")
                    yield NotePane(id="note", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the panes from the store."""
        self.query_one("#left").border_title = "Interviews"
        self.query_one("#middle").border_title = "Panel"
        self.query_one("#note").border_title = "Note"
        self.reload()

    # Feeding the panes --------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the interview list from the store, keeping the selection where possible."""
        store = self.fapp.store
        switcher = self.query_one("#switcher", ContentSwitcher)
        if not store.interviews:
            switcher.current = "welcome"
            self.interview_id = self.contact_id = None
            return
        switcher.current = "panes"
        rows = interview_rows(store.interviews.values(), store.companies, store.contacts,
                              store.settings, self.fapp.today, self.stage_filter)
        current = self.interview_id
        listing = self.query_one(InterviewList)
        listing.set_rows(rows, keep=lambda row: row.id == current)
        stage = self.stage_filter
        title = f"Interviews: {stage.label}" if stage else "Interviews"
        self.query_one("#left").border_title = title
        self.show_interview(listing.highlighted_row)

    @on(InterviewList.Highlighted, "#interviews")
    def _interview_highlighted(self, event: InterviewList.Highlighted) -> None:
        self.show_interview(event.row)

    @on(InterviewList.Selected, "#interviews")
    def _interview_selected(self) -> None:
        self.query_one(PeopleList).focus()

    def show_interview(self, row: InterviewRow | None) -> None:
        """Show the panel of the interview in ``row``."""
        store = self.fapp.store
        interview = row.interview if row else None
        self.save_draft_now()
        self.interview_id = interview.id if interview else None
        people = [store.contacts[p] for p in interview.people if p in store.contacts] \
            if interview else []
        self.query_one("#middle").border_title = (
            Content(f"Panel · {row.company}") if row else "Panel")
        self.query_one(PeopleList).show_people(interview, people, keep=self.contact_id)
        if not people:
            self.show_person(None)

    @on(OptionList.OptionHighlighted, "#people")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_person(event.option.id)

    @on(OptionList.OptionSelected, "#people")
    def _person_selected(self) -> None:
        self.query_one(NoteEditor).focus()

    def show_person(self, contact_id: str | None) -> None:
        """Show a person's details and the note for them."""
        if contact_id != self.contact_id:
            self.save_draft_now()
        contact = self.fapp.store.contacts.get(contact_id) if contact_id else None
        self.contact_id = contact.id if contact else None
        self.query_one(PersonDetails).show_person(contact, self.fapp.store.settings,
                                                  self.fapp.today)
        self.load_note()

    # The note -----------------------------------------------------------------------------------

    def _selection(self) -> tuple[Interview | None, Contact | None]:
        store = self.fapp.store
        interview = store.interviews.get(self.interview_id) if self.interview_id else None
        contact = store.contacts.get(self.contact_id) if self.contact_id else None
        return interview, contact

    def _note_context(self, interview: Interview | None, contact: Contact) -> NoteContext:
        store = self.fapp.store
        company = store.companies.get(interview.company_id) if interview else None
        recruiter = (store.contacts.get(interview.recruiter_id)
                     if interview and interview.recruiter_id else None)
        return NoteContext(contact=contact, settings=store.settings, today=self.fapp.today,
                           interview=interview, company=company, recruiter=recruiter)

    def load_note(self, template: Template | None = None) -> None:
        """Put the draft (or a fresh render of the right template) in the editor."""
        interview, contact = self._selection()
        pane = self.query_one(NotePane)
        editor = self.query_one(NoteEditor)
        if contact is None:
            self.template = None
            self._baseline = ""
            editor.load_text("")
            editor.disabled = True
            pane.show_template(None)
            pane.show_status("", None)
            return
        editor.disabled = False
        templates = all_templates(self.fapp.store.templates)
        ctx = self._note_context(interview, contact)
        draft = draft_for(contact, interview.id if interview else None)
        if template is None and draft is not None:
            template = next((t for t in templates
                             if (t.kind, t.channel) == (draft.kind, draft.channel)), None)
            text = draft.text
        else:
            draft = None
        template = template or default_template(templates, ctx)
        self._baseline = render(template, ctx)
        if draft is None:
            text = self._baseline
        self.template = template
        editor.load_text(text)
        pane.show_template(template, contact.name)
        self._update_status()

    @on(NoteEditor.Changed, "#note-editor")
    def _note_changed(self) -> None:
        self._update_status(check_duplicates=False)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._draft_pause)

    def _draft_pause(self) -> None:
        self._draft_timer = None
        self.save_draft_now()
        self._update_status()

    def save_draft_now(self) -> None:
        """Keep the editor's text as the draft, if the user changed it from the template."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        interview, contact = self._selection()
        if contact is None or self.template is None:
            return
        text = self.query_one(NoteEditor).text
        interview_id = interview.id if interview else None
        if text == self._baseline and draft_for(contact, interview_id) is None:
            return
        updated = save_draft(contact, interview_id, text, kind=self.template.kind,
                             channel=self.template.channel, today=self.fapp.today)
        if updated != contact:
            self.fapp.store.put(updated)
            self.fapp.changed()

    def _update_status(self, check_duplicates: bool = True) -> None:
        interview, contact = self._selection()
        pane = self.query_one(NotePane)
        if contact is None or self.template is None:
            return
        text = self.query_one(NoteEditor).text
        warning = self._duplicate_warning(interview, contact, text) if check_duplicates else ""
        pane.show_status(text, self.fapp.store.settings.limit_for(self.template.channel), warning,
                         sent=self._sent_already(interview, contact))

    def _sent_already(self, interview: Interview | None, contact: Contact) -> str:
        """A reminder that a note of this kind already went to this person for this interview."""
        assert self.template is not None
        interview_id = interview.id if interview else None
        sent = [t for t in contact.sent_touches()
                if t.kind is self.template.kind and t.interview_id == interview_id]
        return f"{sent[-1].kind.label} sent {sent[-1].date:%d %b %Y}" if sent else ""

    def _duplicate_warning(self, interview: Interview | None, contact: Contact, text: str) -> str:
        if interview is None or self.template is None:
            return ""
        store = self.fapp.store
        others = {}
        for person in interview.people:
            other = store.contacts.get(person)
            if other is None or other.id == contact.id:
                continue
            for touch in other.touches:
                if touch.interview_id == interview.id and touch.kind is self.template.kind:
                    others[other.name] = touch.text
        similar = near_duplicates(text, others)
        if not similar:
            return ""
        return (f"Reads nearly the same as your note to {similar[0]}. Panelists compare notes: "
                "add something personal.")

    # Actions ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide letter keys while typing; grey out note actions when nobody is selected."""
        if action in _LETTER_ACTIONS and self.fapp.editing_text():
            return False
        if action in _NEEDS_PERSON and self.contact_id is None:
            return None
        return True

    @on(NoteEditor.Leave)
    def _leave_editor(self) -> None:
        self.query_one(PeopleList).focus()

    def action_cycle_template(self) -> None:
        """Render the note from the next template of the list."""
        if self.template is None:
            return
        templates = all_templates(self.fapp.store.templates)
        self.load_note(next_template(templates, self.template.id))
        self.save_draft_now()

    def action_pick_template(self) -> None:
        """Choose the template from a list."""
        from .pickers import TemplatePicker

        if self.template is None:
            return

        def chosen(template: Template | None) -> None:
            if template is not None:
                self.load_note(template)
                self.save_draft_now()

        templates = all_templates(self.fapp.store.templates)
        self.app.push_screen(TemplatePicker(templates, self.template.id), chosen)

    def action_copy_note(self) -> None:
        """Copy the note: system clipboard, else the terminal (OSC 52); always a private file."""
        contact = self._selection()[1]
        if contact is None:
            return
        self.save_draft_now()
        self._copy(self.query_one(NoteEditor).text, contact.name)

    @work(thread=True, exclusive=True, group="copy")
    def _copy(self, text: str, name: str) -> None:
        backend = copy_to_system(text)
        if backend is None:
            self.app.call_from_thread(self.app.copy_to_clipboard, text)
        try:
            path = save_note(notes_dir(self.fapp.store.path), text, name, self.fapp.today)
            saved = f"Saved to {path}"
        except OSError as error:
            saved = f"Could not save a copy: {error.strerror or error}"
        how = (f"Copied to the system clipboard ({backend})." if backend else
               "Sent to the terminal's clipboard (OSC 52): no system clipboard here.")
        self.app.call_from_thread(self.app.notify, f"{how}\n{saved}\nPress s once it is sent.",
                                  title="Note copied", timeout=8)

    def action_mark_sent(self) -> None:
        """Log the note as sent: a touch in the history, the status moves on."""
        interview, contact = self._selection()
        if contact is None or self.template is None:
            return
        self.save_draft_now()
        interview, contact = self._selection()
        assert contact is not None
        text = self.query_one(NoteEditor).text
        updated, touch = mark_sent(contact, interview.id if interview else None, text,
                                   kind=self.template.kind, channel=self.template.channel,
                                   today=self.fapp.today)
        self.fapp.store.put(updated)
        self.fapp.changed()
        due = next_due(updated, self.fapp.store.settings)
        self.notify(f"Logged a {touch.kind.label} to {contact.name} ({touch.channel.label}). "
                    f"Status: {updated.status.label}. Next touch due {due:%d %b %Y}.",
                    title="Marked sent")
        self.reload()

    def action_cycle_filter(self) -> None:
        """Show only one stage at a time; after the last stage, show all again."""
        present = {i.stage for i in self.fapp.store.interviews.values()}
        order = [None, *(s for s in Stage if s in present)]
        index = order.index(self.stage_filter) if self.stage_filter in order else 0
        self.stage_filter = order[(index + 1) % len(order)]
        self.reload()

    def action_search(self) -> None:
        """Search past panels (arrives with the search feature)."""
        self.notify("Search is on its way in the next release.", title="Search")

    def action_review(self) -> None:
        """The daily review (arrives with the review feature)."""
        self.notify("The daily review is on its way in the next release.", title="Review")

    def action_add(self) -> None:
        """Add a person to the panel when the panel has focus; otherwise add an interview."""
        from .forms_interview import InterviewForm
        from .forms_panel import PanelMemberForm

        store = self.fapp.store
        self.save_draft_now()
        interview = self._selection()[0]
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

        store = self.fapp.store
        self.save_draft_now()
        interview, contact = self._selection()
        if isinstance(self.focused, PeopleList) and contact is not None:
            names = [c.name for c in store.companies.values()]
            form = ContactForm(contact, today=self.fapp.today, company_names=names)
            self.app.push_screen(form, self._forms_contact_saved)
        elif interview is not None:
            self.app.push_screen(InterviewForm(store.companies, interview),
                                 self._forms_interview_saved)
        else:
            self.notify("Nothing to edit yet: press a to add an interview.", title="Edit")

    def action_delete(self) -> None:
        """Remove the highlighted person from the panel, or delete the interview; asks first."""
        from .confirm import ConfirmDialog

        store = self.fapp.store
        self.save_draft_now()
        interview, contact = self._selection()
        if interview is None:
            self.notify("Nothing to delete.", title="Delete")
            return
        if isinstance(self.focused, PeopleList) and contact is not None:
            elsewhere = sum(1 for i in store.interviews.values()
                            if i.id != interview.id and contact.id in i.people)
            panels = f"{elsewhere} other panel{'s' if elsewhere > 1 else ''}"
            consequence = ("They stay in your contacts, with their notes and history"
                           + (f", and on {panels}." if elsewhere else "."))
            dialog = ConfirmDialog(
                Content.assemble("Remove ", (contact.name, "bold"), " from this panel?"),
                consequence, confirm_label="Remove",
                option=None if elsewhere else "Delete the contact too, with their history")
            self.app.push_screen(dialog, lambda yes: self._forms_remove_member(
                interview.id, contact.id, yes, delete_contact=dialog.option_checked))
            return
        title = self._forms_interview_title(interview)
        people = len(interview.people)
        dialog = ConfirmDialog(
            Content.assemble("Delete the interview ", (title, "bold"), "?"),
            "Its rounds, stage, feedback and notes go. "
            + ("The person on its panel stays in your contacts, with their history."
               if people == 1 else
               f"The {people} people on its panel stay in your contacts, with their history."
               if people else "Nobody is on its panel."))
        self.app.push_screen(dialog, lambda yes: self._forms_delete_interview(interview.id, yes))

    def _forms_interview_title(self, interview: Interview) -> str:
        company = self.fapp.store.companies.get(interview.company_id)
        return f"{company.name if company else '?'} · {interview.role}"

    def _forms_show(self, interview_id: str | None, contact_id: str | None) -> None:
        """Select this interview and person after a change, and redraw everything."""
        self.save_draft_now()
        # The editor still holds the previous person's note: it must never be kept as a draft
        # for the new selection, so nothing is saved until the note is loaded again.
        self.template = None
        self.interview_id, self.contact_id = interview_id, contact_id
        self.reload()
        self.show_person(self.contact_id)

    def _forms_interview_saved(self, result: tuple[Company, Interview] | None) -> None:
        if result is None:
            return
        company, interview = result
        store = self.fapp.store
        current = store.interviews.get(interview.id)
        if current is not None:  # keep the panel as it is now; the form does not edit it
            interview = replace(interview, panel=current.panel, recruiter_id=current.recruiter_id)
        if company.id not in store.companies:
            store.put(company)
        store.put(interview)
        self.fapp.changed()
        if self.stage_filter is not None and interview.stage is not self.stage_filter:
            self.stage_filter = None  # show the interview just saved
        self._forms_show(interview.id, self.contact_id if current else None)
        if current is None:
            self.query_one(InterviewList).focus()
        verb = "Saved" if current else "Added"
        self.notify(f"{verb} {company.name} · {interview.role}.", title=verb, markup=False)

    def _forms_member_added(self, interview_id: str,
                            result: tuple[Contact, bool, str] | None) -> None:
        store = self.fapp.store
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
        self.fapp.changed()
        self._forms_show(interview_id, contact.id)
        self.query_one(PeopleList).focus()
        what = "a new contact" if is_new else "from your contacts"
        as_role = "the recruiter" if role == "recruiter" else "a panel member"
        self.notify(f"Added {contact.name} ({what}) as {as_role}.", title="Added", markup=False)

    def _forms_contact_saved(self, result: Contact | None) -> None:
        store = self.fapp.store
        current = store.contacts.get(result.id) if result else None
        if result is None or current is None:
            return
        # The history may have moved on while the form was open (a draft saved on a timer).
        store.put(replace(result, touches=current.touches))
        self.fapp.changed()
        self._forms_show(self.interview_id, result.id)
        self.notify(f"Saved {result.name}.", title="Saved", markup=False)

    def _forms_remove_member(self, interview_id: str, contact_id: str, confirmed: bool | None,
                             *, delete_contact: bool) -> None:
        store = self.fapp.store
        interview = store.interviews.get(interview_id)
        contact = store.contacts.get(contact_id)
        if not confirmed or interview is None or contact is None:
            return
        self.save_draft_now()
        self.template = None
        if delete_contact:
            store.delete_contact(contact_id)
            message = f"Deleted {contact.name} and their history."
        else:
            store.put(replace(interview, panel=tuple(p for p in interview.panel if p != contact_id),
                              recruiter_id=None if interview.recruiter_id == contact_id
                              else interview.recruiter_id))
            message = f"Removed {contact.name} from this panel; they stay in your contacts."
        self.fapp.changed()
        self._forms_show(interview_id, None)
        self.notify(message, title="Removed", markup=False)

    def _forms_delete_interview(self, interview_id: str, confirmed: bool | None) -> None:
        store = self.fapp.store
        interview = store.interviews.get(interview_id)
        if not confirmed or interview is None:
            return
        title = self._forms_interview_title(interview)
        self.save_draft_now()
        self.template = None
        store.delete_interview(interview_id)
        self.fapp.changed()
        self._forms_show(interview_id, None)  # gone: the list keeps the row's place instead
        self.notify(f"Deleted the interview {title}. Its panel stays in your contacts.",
                    title="Deleted", markup=False)

    def action_templates(self) -> None:
        """Open the templates screen, previewing with the selected person; re-render on return."""
        from .templates import TemplatesScreen

        self.save_draft_now()
        interview, contact = self._selection()
        context = self._note_context(interview, contact) if contact else None
        current = self.template.id if self.template else None
        self.app.push_screen(TemplatesScreen(context, current), lambda _: self.load_note())

    def action_settings(self) -> None:
        """Open the settings; on return, show the list and the note with them."""
        from .settings import SettingsScreen

        def back(_: object) -> None:
            self.reload()
            self.show_person(self.contact_id)

        self.save_draft_now()
        self.app.push_screen(SettingsScreen(), back)
