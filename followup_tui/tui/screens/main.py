"""The main screen: interviews, the selected panel, and a note for the selected person.

State flows down: the screen keeps which interview and which person are selected, asks the core
for what to show and hands it to the widgets. Intent flows up: widgets post messages, and only
the screen calls the store.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static

from ...domain import Contact, Interview, Stage, Touch
from ...review import InterviewRow, due_by_interview, interview_rows
from ..commands import bindings_for
from ..widgets.interview_list import InterviewList
from ..widgets.note_editor import NoteEditor, NotePane
from ..widgets.people import PeopleList, PersonDetails
from .panel_editing import PanelEditing

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
    }
)

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


class MainScreen(PanelEditing):
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

    def compose(self) -> ComposeResult:
        """The welcome state and the three panes; one of them shows at a time."""
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

    def on_mount(self) -> None:
        """Fill the panes from the store."""
        self.query_one("#left").border_title = "Interviews"
        self.query_one("#middle").border_title = "Panel"
        self.query_one("#note").border_title = "Note"
        self.reload()

    # Feeding the panes --------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the interview list from the store, keeping the selection where possible."""
        store = self.services.store
        switcher = self.query_one("#switcher", ContentSwitcher)
        if not store.interviews:
            switcher.current = "welcome"
            self.interview_id = self.contact_id = None
            return
        switcher.current = "panes"
        due = due_by_interview(store.dataset(), self.services.today)
        rows = interview_rows(store.interviews.values(), store.companies, due, self.stage_filter)
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
        store = self.services.store
        interview = row.interview if row else None
        self.save_draft_now()
        self.interview_id = interview.id if interview else None
        people = (
            [store.contacts[p] for p in interview.people if p in store.contacts]
            if interview
            else []
        )
        self.query_one("#middle").border_title = (
            Content(f"Panel · {row.company}") if row else "Panel"
        )
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
        contact = self.services.store.contacts.get(contact_id) if contact_id else None
        self.contact_id = contact.id if contact else None
        self.query_one(PersonDetails).show_person(
            contact, self.services.store.settings, self.services.today
        )
        if self.template is not None and self.note_for == (self.interview_id, self.contact_id):
            # Same person, same interview (a redraw after a change): keep the note as it is.
            self._update_status()
        else:
            self.load_note()

    def note_selection(self) -> tuple[Interview | None, Contact | None]:
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
        """Redraw the list (its markers) and the person after a note went out."""
        self.reload()

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
        review = ReviewScreen()

        def back(_: object) -> None:
            target = review.open_target
            self.template = None  # notes may have gone out in the review: render afresh
            if target is None:
                self.reload()
                self.show_person(self.contact_id)
            else:
                self.select(*target)

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
            self.template = None  # your name or limits may have changed: render the note again
            self.reload()
            self.show_person(self.contact_id)

        self.save_draft_now()
        self.app.push_screen(SettingsScreen(), back)
