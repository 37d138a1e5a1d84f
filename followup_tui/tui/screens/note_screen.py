"""A screen with a note editor: the shared logic of writing and drafting a note.

The main screen and the daily review both show a note for one person, drawn from a template and
kept as a draft while it is edited. They differ only in how the person is chosen, so they
implement :meth:`NoteScreen.note_selection` and inherit everything else (sending is the next
layer, :mod:`.note_sending`).

The note in the editor belongs to :attr:`NoteScreen.note_for`, not to whatever is selected now:
a draft is always kept for the person it was written to, however the selection moved.
"""

from __future__ import annotations

import time

from textual import on
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer

from ...domain import (
    Contact,
    Interview,
    Template,
    Touch,
    TouchKind,
    draft_for,
    save_draft,
)
from ...notes import (
    NoteContext,
    all_templates,
    default_template,
    kind_noun,
    near_duplicates,
    next_template,
    refresh_dates,
    render,
)
from ..services import UsesServices
from ..widgets.note_editor import NoteEditor, NotePane

#: Seconds of typing pause before a draft is kept and compared with the panel's other notes;
#: the app writes it SAVE_DELAY later (see tui/saving.py).
DRAFT_DELAY = 0.3


class NoteScreen(UsesServices, Screen[None]):
    """Base of screens that hold a :class:`NotePane`; subclasses say who the note is for."""

    template: var[Template | None] = var(None, init=False, always_update=True)
    """The template the note in the editor comes from; None when there is nobody to write to."""

    def __init__(self) -> None:
        super().__init__()
        self.note_for: tuple[str | None, str | None] = (None, None)
        """(interview id, contact id) of the note in the editor."""
        self._baseline = ""  # the note as rendered from the template, before any edit
        self._unedited_draft: str | None = None
        """The kept draft as loaded (dates said for today): saving it again would redate it."""
        self._draft_timer: Timer | None = None
        self._last_edit = 0.0

    def note_selection(self) -> tuple[Interview | None, Contact | None]:
        """The interview and the person the note is about (subclasses decide)."""
        raise NotImplementedError

    def note_kind(self) -> TouchKind | None:
        """The kind of note wanted here, or None to let the situation decide."""
        return None

    def note_sent(self, contact: Contact, touch: Touch) -> None:
        """Called after a note was logged as sent, to refresh the screen."""

    def _note_context(self, interview: Interview | None, contact: Contact) -> NoteContext:
        store = self.services.store
        company = store.companies.get(interview.company_id) if interview else None
        recruiter = (
            store.contacts.get(interview.recruiter_id)
            if interview and interview.recruiter_id
            else None
        )
        return NoteContext(
            contact=contact,
            settings=store.settings,
            today=self.services.today,
            interview=interview,
            company=company,
            recruiter=recruiter,
        )

    def load_note(self, template: Template | None = None, *, undoable: bool = False) -> None:
        """Put the draft (or a fresh render of the right template) in the editor.

        With ``undoable``, the text is replaced as an edit, so Ctrl+Z brings the old one back.
        """
        interview, contact = self.note_selection()
        pane = self.query_one(NotePane)
        editor = self.query_one(NoteEditor)
        if contact is None:
            self.note_for = (interview.id if interview else None, None)
            self.template = None
            self._baseline = ""
            self._unedited_draft = None
            editor.load_text("")
            editor.disabled = True
            pane.show_status("", None)
            return
        editor.disabled = False
        templates = all_templates(self.services.store.templates)
        ctx = self._note_context(interview, contact)
        draft = draft_for(contact, interview.id if interview else None)
        if template is None and draft is not None:
            template = next(
                (t for t in templates if (t.kind, t.channel) == (draft.kind, draft.channel)), None
            )
            # Said as it reads today: "yesterday" in a draft kept from last week is wrong now.
            text = refresh_dates(draft.text, ctx, draft.date)
            self._unedited_draft = text
        else:
            draft = None
            self._unedited_draft = None
        kind = self.note_kind()
        wanted = [t for t in templates if t.kind is kind] if kind else []
        fitting = default_template(wanted, ctx) if wanted else None
        template = template or fitting or default_template(templates, ctx)
        self._baseline = render(template, ctx)
        if draft is None:
            text = self._baseline
        self.note_for = (interview.id if interview else None, contact.id)
        self.template = template
        if undoable:
            editor.replace(text, editor.document.start, editor.document.end)
        else:
            editor.load_text(text)
        self._update_status()

    def watch_template(self, template: Template | None) -> None:
        """Name the template, the channel and the person at the top of the note."""
        contact = self.services.store.contacts.get(self.note_for[1] or "")
        self.query_one(NotePane).show_template(template, contact.name if contact else "")

    @on(NoteEditor.Edited, "#note-editor")
    def _note_edited(self) -> None:
        # The count followed the key already, in the same frame (NotePane); what waits for a
        # pause in the typing is the draft and the comparison with the panel's other notes.
        # One timer for a burst of keys, not one made and stopped for each key.
        self._last_edit = time.monotonic()
        if self._draft_timer is None:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self._draft_pause)

    def _draft_pause(self) -> None:
        self._draft_timer = None
        rest = self._last_edit + DRAFT_DELAY - time.monotonic()
        if rest > 0.001:  # typed again since: the pause is counted from the last key
            self._draft_timer = self.set_timer(rest, self._draft_pause)
            return
        self.save_draft_now()
        self._update_status()

    def save_draft_now(self) -> None:
        """Keep the editor's text as the draft, if the user changed it from the template."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        store = self.services.store
        interview_id, contact_id = self.note_for
        contact = store.contacts.get(contact_id or "")
        if contact is None or self.template is None:
            return  # nobody to write to, or they were deleted
        if interview_id is not None and interview_id not in store.interviews:
            return  # the interview was deleted: the note has nothing left to belong to
        text = self.query_one(NoteEditor).text
        if text == self._baseline and draft_for(contact, interview_id) is None:
            return
        if text == self._unedited_draft:
            return  # the draft as kept, its dates said for today: it keeps the day it was written
        updated = save_draft(
            contact,
            interview_id,
            text,
            kind=self.template.kind,
            channel=self.template.channel,
            today=self.services.today,
        )
        if updated != contact:
            self.services.store.put(updated)

    def _update_status(self) -> None:
        interview, contact = self.note_selection()
        pane = self.query_one(NotePane)
        if contact is None or self.template is None:
            return
        text = self.query_one(NoteEditor).text
        warning = self._duplicate_warning(interview, contact, text)
        pane.show_status(
            text,
            self.services.store.settings.limit_for(self.template.channel),
            warning,
            sent=self._sent_already(interview, contact),
        )

    def _sent_already(self, interview: Interview | None, contact: Contact) -> str:
        """A reminder that a note of this kind already went to this person for this interview."""
        assert self.template is not None
        interview_id = interview.id if interview else None
        sent = [
            t
            for t in contact.sent_touches()
            if t.kind is self.template.kind and t.interview_id == interview_id
        ]
        return f"{kind_noun(sent[-1].kind)} sent {sent[-1].date:%d %b %Y}" if sent else ""

    def _duplicate_warning(self, interview: Interview | None, contact: Contact, text: str) -> str:
        if interview is None or self.template is None:
            return ""
        store = self.services.store
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
        return (
            f"Reads nearly the same as your note to {similar[0]}. Panelists compare notes: "
            "add something personal."
        )

    def _nobody(self) -> bool:
        """True, after saying so, when no person is selected to write to."""
        if self.note_selection()[1] is None or self.template is None:
            self.notify(
                "Choose a person on the panel first: the note is written for them.",
                title="Nobody selected",
            )
            return True
        return False

    def switch_template(self, template: Template) -> None:
        """Render the note from ``template``; an edited note can be had back with Ctrl+Z."""
        editor = self.query_one(NoteEditor)
        edited = editor.text != self._baseline
        self.load_note(template, undoable=True)
        self.save_draft_now()
        if edited:
            self.notify(
                "Your edited note was replaced by the template. Ctrl+Z in the note brings it back.",
                title="Template switched",
            )

    def action_cycle_template(self) -> None:
        """Render the note from the next template of the list."""
        if self._nobody() or self.template is None:
            return
        templates = all_templates(self.services.store.templates)
        self.switch_template(next_template(templates, self.template.id))

    def action_pick_template(self) -> None:
        """Choose the template from a list."""
        from .pickers import TemplatePicker

        if self._nobody() or self.template is None:
            return

        def chosen(template: Template | None) -> None:
            if template is not None:
                self.switch_template(template)

        templates = all_templates(self.services.store.templates)
        self.app.push_screen(TemplatePicker(templates, self.template.id), chosen)
