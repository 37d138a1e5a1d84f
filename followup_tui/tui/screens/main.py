"""The main screen: interviews, the selected panel, and a note for the selected person.

State flows down: the screen keeps which interview and which person are selected as reactive
state (:attr:`PanelEditing.interview_id`, :attr:`PanelEditing.contact_id`); its watchers ask the
core for what to show and hand it to the widgets. Intent flows up: widgets post messages (a
highlight, Esc in the editor), the screen assigns the state, and only the screen calls the store.
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Header, OptionList, Static
from textual.worker import get_current_worker

from ...domain import Contact, Dataset, Interview, Stage, Touch
from ...review import InterviewRow, SentNote, due_by_interview, interview_rows, next_person
from .. import collector
from ..commands import bindings_for
from ..widgets.footer import Footer
from ..widgets.interview_list import InterviewList
from ..widgets.note_editor import NoteEditor, NotePane
from ..widgets.people import PeopleList, PersonDetails
from .breakpoints import preset_breakpoints
from .connecting import Connecting

#: Keys that type text in the editor, so the screen hides them from the footer there.
_LETTER_ACTIONS = frozenset(
    {
        "search",
        "review",
        "add",
        "edit",
        "delete",
        "cycle_template",
        "pick_template",
        "copy_note",
        "mark_sent",
        "cycle_filter",
        "templates",
        "settings",
        "undo_sent",
        "connection",
        "company",
    }
)

#: Interviews up to which the list's due markers are worked out before it is drawn (a few
#: milliseconds); with more, the list is drawn at once and its markers follow from a thread.
DUE_AT_ONCE = 2000

WELCOME = (
    "Welcome to followup.\n\n"
    "Every interview is a meeting with people who do your kind of work. followup keeps each "
    "panel, helps you send every interviewer a short, warm note once the decision is in, and "
    "reminds you to stay in touch.\n\n"
    "Press a to add your first interview, and , to put your name and signature in the "
    "settings so notes are signed.\n"
    "Or quit (q) and run  followup --demo  to explore with sample data.\n\n"
    "Press ? for every key."
)


class MainScreen(Connecting):
    """Three panes: the interview list, the panel with one person's details, and the note."""

    SCOPE = "main"
    BINDINGS = bindings_for("main")
    AUTO_FOCUS = "#interviews"
    # Below 110 columns the panel and the note stack on the right instead of standing side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.stage_filter: Stage | None = None
        self._due: dict[str, str] = {}
        """The list's due markers as last worked out: interview id to what is due first."""
        self._top_until_due: str | None = None
        """The interview drawn on top before the first markers came: while it is still the one
        selected in the focused list, the top row stays selected when the markers reorder it."""

    def compose(self) -> ComposeResult:
        """The welcome state and the three panes; one of them shows at a time."""
        preset_breakpoints(self)
        yield Header()
        with ContentSwitcher(initial="panes", id="switcher"):
            with Center(id="welcome"):
                yield Static(Content(WELCOME), id="welcome-text")
            with Horizontal(id="panes"):
                with Vertical(id="left", classes="pane"):
                    yield InterviewList(self.services.today, id="interviews")
                with Container(id="right"):
                    with Vertical(id="middle", classes="pane"):
                        yield PeopleList(id="people")
                        yield PersonDetails(id="person")
                    yield NotePane(id="note", classes="pane")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        """Fill the panes from the store, and the footer with its keys, for the first frame."""
        self.query_one("#left").border_title = "Interviews"
        self.query_one("#middle").border_title = "Panel"
        self.query_one("#note").border_title = "Note"
        self.load_note()  # nobody yet: an empty, disabled editor
        self.reload()
        await self.query_one(Footer).show_keys()

    # Feeding the panes --------------------------------------------------------------------------

    def reload(self, *, afresh: bool = False) -> None:
        """Rebuild everything from the store, keeping the selection where possible.

        With ``afresh``, the note is rendered again too (the settings or the data behind it may
        have changed); otherwise the note in the editor stays as it is.
        """
        store = self.services.store
        switcher = self.query_one("#switcher", ContentSwitcher)
        if not store.interviews:
            switcher.current = "welcome"
            self.set_reactive(MainScreen.interview_id, None)
            self.set_reactive(MainScreen.contact_id, None)
            return
        switcher.current = "panes"
        if len(store.interviews) <= DUE_AT_ONCE:
            self._due = due_by_interview(store.dataset(), self.services.today)
        else:  # the markers as last known, then fresh ones from a thread once this is drawn
            self.call_after_refresh(self._recheck_due)
        first = not self.query_one(InterviewList).rows
        row = self._show_rows(self._due)
        if first and len(store.interviews) > DUE_AT_ONCE:
            self._top_until_due = row.id if row else None
        self.set_reactive(MainScreen.interview_id, row.id if row else None)
        self._show_panel()
        self._show_selection(afresh=afresh)

    def _show_rows(
        self,
        due: dict[str, str],
        *,
        top: bool = False,
        built: list[InterviewRow] | None = None,
    ) -> InterviewRow | None:
        """Fill the interview list, with ``due`` markers (or the rows ``built`` with them); the
        highlighted row after it (the same interview, or with ``top`` the first row)."""
        store = self.services.store
        rows = (
            built
            if built is not None
            else interview_rows(store.interviews.values(), store.companies, due, self.stage_filter)
        )
        current = self.interview_id
        listing = self.query_one(InterviewList)
        if top:
            listing.set_rows(rows, keep=lambda row: row is rows[0])
        elif current is not None:
            listing.set_rows(rows, keep=lambda row: row.id == current)
        else:  # nothing chosen yet: the first row (a search for no id would try every row)
            listing.set_rows(rows)
        stage = self.stage_filter
        self.query_one("#left").border_title = (
            f"Interviews: {stage.label}" if stage else "Interviews"
        )
        return listing.highlighted_row

    def _recheck_due(self) -> None:
        self._refresh_due(self.services.store.dataset(), self.services.today, self.stage_filter)

    # A description, or Textual writes one from the arguments' repr: a second at 10,000 interviews.
    @work(thread=True, exclusive=True, group="due", description="the list's due markers")
    def _refresh_due(self, data: Dataset, today: date, stage: Stage | None) -> None:
        # The whole review is asked again to know which interviews have something due: off the
        # UI thread, from a snapshot, so a key press does not wait for it. The rows are sorted
        # here too (20-35 ms at 10,000 interviews), for the data as it was when asked.
        # The review pauses the collector; see collector.paused_then_frozen.
        with collector.paused_then_frozen():
            due = due_by_interview(data, today)
            rows = interview_rows(data.interviews, {c.id: c for c in data.companies}, due, stage)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._due_known, due, data, stage, rows)

    def _due_known(
        self, due: dict[str, str], data: Dataset, stage: Stage | None, rows: list[InterviewRow]
    ) -> None:
        """Fresh markers: the list shows them, in its due-first order (the rows sorted with
        them, unless the data or the filter changed since they were asked for)."""
        self._due = due
        top, self._top_until_due = self._top_until_due, None
        listing = self.query_one(InterviewList)
        still = stage is self.stage_filter and self._as_stored(data)
        self._show_rows(
            due,
            top=top is not None and top == self.interview_id and listing.has_focus,
            built=rows if still else None,
        )

    def _as_stored(self, data: Dataset) -> bool:
        """Whether the interviews and companies of ``data`` are still those of the store."""
        store = self.services.store
        return all(
            len(snapshot) == len(now) and all(a is b for a, b in zip(snapshot, now, strict=True))
            for snapshot, now in (
                (data.interviews, store.interviews.values()),
                (data.companies, store.companies.values()),
            )
        )

    def watch_interview_id(self) -> None:
        """Another interview: show its panel, and the note for the person highlighted there."""
        self._show_panel()
        self._show_selection()

    def watch_contact_id(self) -> None:
        """Another person: show their details and the note for them."""
        self._show_selection()

    @on(InterviewList.Highlighted, "#interviews")
    def _interview_highlighted(self, event: InterviewList.Highlighted) -> None:
        self.interview_id = event.row.id if event.row else None

    @on(InterviewList.Selected, "#interviews")
    def _interview_selected(self) -> None:
        self.query_one(PeopleList).focus()

    @on(OptionList.OptionHighlighted, "#people")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.contact_id = event.option.id

    @on(OptionList.OptionSelected, "#people")
    def _person_selected(self) -> None:
        self.query_one(NoteEditor).focus()

    def _show_panel(self) -> None:
        """The selected interview's panel; the person stays selected if they sit on it."""
        store = self.services.store
        interview = store.interviews.get(self.interview_id or "")
        people = (
            [store.contacts[p] for p in interview.people if p in store.contacts]
            if interview
            else []
        )
        ids = [c.id for c in people]
        if self.contact_id not in ids:
            self.set_reactive(MainScreen.contact_id, ids[0] if ids else None)
        company = store.companies.get(interview.company_id) if interview else None
        middle = self.query_one("#middle")
        middle.border_title = (
            Content(f"Panel · {company.name if company else '?'}") if interview else "Panel"
        )
        middle.border_subtitle = self.reapply_note(interview)  # the title is cut when narrow
        self.query_one(PeopleList).show_people(interview, people, keep=self.contact_id)

    def _show_selection(self, *, afresh: bool = False, kept: bool = False) -> None:
        """The person's details, and their note (rendered only if it is not in the editor).

        ``kept`` says the note in the editor was just kept (logged as sent): no draft to save.
        """
        contact = self.note_selection()[1]
        self.query_one(PersonDetails).show_person(
            contact,
            self.services.store.settings,
            self.services.today,
            panels=self.panels_for(contact.id if contact else None),
        )
        if afresh or self.note_for != (self.interview_id, self.contact_id):
            if not kept:
                self.save_draft_now()  # the note in the editor, for the person it was written to
            self.load_note()
        else:
            self._update_status()

    def note_selection(self) -> tuple[Interview | None, Contact | None]:
        """The selected interview and person."""
        store = self.services.store
        interview = store.interviews.get(self.interview_id) if self.interview_id else None
        contact = store.contacts.get(self.contact_id) if self.contact_id else None
        return interview, contact

    # Actions ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the letter keys while the note editor has focus (letters type text there)."""
        return not (action in _LETTER_ACTIONS and self.services.editing_text())

    @on(NoteEditor.Leave)
    def _leave_editor(self) -> None:
        self.query_one(PeopleList).focus()

    def note_sent(self, contact: Contact, touch: Touch) -> None:
        """Move on to the next person on the panel who still needs this note (else show the
        person's new history); the list's due markers follow from a worker."""
        store = self.services.store
        interview = store.interviews.get(touch.interview_id or "")
        after = (
            next_person(interview, store.contacts, touch.kind, contact.id) if interview else None
        )
        if after is None or interview is None or interview.id != self.interview_id:
            self._show_selection()
        else:
            # Set quietly and shown once: the highlight's message then finds it selected already.
            self.set_reactive(MainScreen.contact_id, after)
            people = self.query_one(PeopleList)
            ids = [people.get_option_at_index(i).id for i in range(people.option_count)]
            if after in ids:
                people.highlighted = ids.index(after)
            self._show_selection(kept=True)
        self._refresh_due(store.dataset(), self.services.today, self.stage_filter)

    def note_unsent(self, contact: Contact, sent: SentNote) -> None:
        """A note was taken back: show that person, with the note back in the editor."""
        self.select(sent.touch.interview_id or self.interview_id, contact.id)

    def action_cycle_filter(self) -> None:
        """Show only one stage at a time; after the last stage, show all again."""
        present = {i.stage for i in self.services.store.interviews.values()}
        if not present:
            self.notify(
                "There are no interviews to filter yet: press a to add one.", title="Filter"
            )
            return
        order = [None, *(s for s in Stage if s in present)]
        index = order.index(self.stage_filter) if self.stage_filter in order else 0
        self.stage_filter = order[(index + 1) % len(order)]
        self.reload()

    def action_review(self) -> None:
        """Open the daily review; on return, show what it opened, or the refreshed lists."""
        from .review import ReviewScreen

        self.save_draft_now()
        review = ReviewScreen(self.last_sent)

        def back(_: object) -> None:
            self.last_sent = review.last_sent  # undo takes back the last note, wherever it went
            # Notes may have gone out in the review: the note is rendered afresh either way.
            if review.open_target is None:
                self.reload(afresh=True)
            else:
                self.select(*review.open_target)

        self.app.push_screen(review, back)

    def select(self, interview_id: str | None, contact_id: str | None) -> None:
        """Show this interview and person (from the review or a search)."""
        if interview_id and self.stage_filter is not None:
            interview = self.services.store.interviews.get(interview_id)
            if interview is not None and interview.stage is not self.stage_filter:
                self.stage_filter = None
        self._forms_show(interview_id or self.interview_id, contact_id)
        if contact_id:
            self.query_one(PeopleList).focus()

    def action_templates(self) -> None:
        """Open the templates screen, previewing with the selected person; re-render on return."""
        from .templates import TemplatesScreen

        self.save_draft_now()
        interview, contact = self.note_selection()
        context = self._note_context(interview, contact) if contact else None
        current = self.template.id if self.template else None
        self.app.push_screen(TemplatesScreen(context, current), lambda _: self.load_note())

    def action_settings(self) -> None:
        """Open the settings; on return, show the list and the note with them."""
        from .settings import SettingsScreen

        def back(_: object) -> None:
            self.reload(afresh=True)  # your name or limits may have changed: render again

        self.save_draft_now()
        self.app.push_screen(SettingsScreen(), back)
