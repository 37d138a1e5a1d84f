"""The daily review: everything due today, cleared with one key per item.

The queue comes from :func:`followup_tui.review.overview`, a pure function of the data and the
day. Clearing an item changes the data (a note logged as sent, a snooze, a dismissal); the
screen drops the item at once and asks for the whole queue again in a worker thread, so a key
press never waits for the review to be recomputed, and the screen never decides on its own what
is due.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import ContentSwitcher, Header, Static
from textual.worker import get_current_worker

from ...domain import (
    Channel,
    Contact,
    Dataset,
    Interview,
    ReviewState,
    Touch,
    TouchKind,
    accepted,
    ignored,
    mark_sent,
)
from ...review import (
    ItemKind,
    Overview,
    ReviewItem,
    SentNote,
    dismiss,
    mark_cleared,
    overview,
    snooze,
)
from .. import collector
from ..commands import bindings_for
from ..widgets.footer import Footer
from ..widgets.note_editor import NoteEditor, NotePane
from ..widgets.virtual_list import VirtualList
from .breakpoints import preset_breakpoints
from .note_sending import NoteSending
from .review_view import empty_content, head_content, item_content, item_detail

_LETTER_ACTIONS = frozenset(
    {
        "copy_note",
        "mark_sent",
        "snooze",
        "dismiss_item",
        "next_item",
        "previous_item",
        "cycle_template",
        "open_item",
        "back",
        "undo_sent",
        "connection",
    }
)


class ReviewScreen(NoteSending):
    """The queue on the left; the selected item and its note on the right."""

    SCOPE = "review"
    BINDINGS = bindings_for("review")
    AUTO_FOCUS = "#queue"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, last_sent: SentNote | None = None) -> None:
        super().__init__(last_sent)
        self.view: Overview | None = None
        """What the screen shows: the queue and the day's figures."""
        self.item: ReviewItem | None = None
        self.open_target: tuple[str | None, str | None] | None = None
        """Set when the user asked to open the item's interview and person on the main screen."""

    def compose(self) -> ComposeResult:
        """Progress and counts on top; the queue and the item below; or the empty state."""
        preset_breakpoints(self)
        yield Header()
        yield Static(id="review-head")
        with ContentSwitcher(initial="review-panes", id="review-switcher"):
            with Center(id="review-empty"):
                yield Static(id="review-empty-text")
            with Horizontal(id="review-panes"):
                with Vertical(id="queue-pane", classes="pane"):
                    yield VirtualList(
                        lambda item, _i: item_content(item), id="queue", empty_text="Nothing due"
                    )
                with Vertical(id="item-pane"):
                    yield Static(id="item-detail", classes="pane")
                    yield NotePane(id="review-note", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Build the queue: the screen opens on it, so this one is read here and now."""
        self.query_one("#queue-pane").border_title = "Due today"
        self.query_one("#review-note").border_title = "Note"
        self.show_overview(overview(self.services.store.dataset(), self.services.today))

    # The queue ----------------------------------------------------------------------------------

    @property
    def items(self) -> tuple[ReviewItem, ...]:
        """The queue as shown."""
        return self.view.items if self.view is not None else ()

    def refresh_queue(self) -> None:
        """Read the queue again in a worker thread; the screen keeps its place when it comes."""
        self._read_queue(self.services.store.dataset(), self.services.today)

    # A description, or Textual writes one from the arguments' repr: a second at 10,000 interviews.
    @work(thread=True, exclusive=True, group="review-queue", description="the review's queue")
    def _read_queue(self, data: Dataset, today: date) -> None:
        with collector.paused_then_frozen():  # see there: no walk of what the UI made meanwhile
            fresh = overview(data, today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_overview, fresh)

    def _drop(self, key: str, *, done: bool, wrote_to: str | None = None) -> None:
        # The item goes at once; the queue read again in the background follows (a note sent
        # may change the person's other items, or the month's invitations).
        self.item = None
        if self.view is not None:
            rest = self.view.without(key, done=done, wrote_to=wrote_to)
            if rest.items:
                self.show_overview(rest)
                self.refresh_queue()
                return
        # The queue is empty: say what comes next, which only a full reading knows.
        self.show_overview(overview(self.services.store.dataset(), self.services.today))

    def show_overview(self, view: Overview, keep: str | None = None) -> None:
        """Show the day's figures and the queue, keeping the highlighted item (or the item
        ``keep``) if it is still due."""
        if not self.is_attached:
            return  # a reading that finished after the screen closed
        self.view = view
        self.query_one("#review-head", Static).update(head_content(view))
        switcher = self.query_one("#review-switcher", ContentSwitcher)
        if not view.items:
            switcher.current = "review-empty"
            self.query_one("#review-empty-text", Static).update(empty_content(view))
            self.item = None
            self.load_note()
            return
        switcher.current = "review-panes"
        key = keep or (self.item.key if self.item else None)
        queue = self.query_one("#queue", VirtualList)
        queue.set_rows(view.items, keep=lambda item: item.key == key)
        self.show_item(queue.highlighted_row)

    @on(VirtualList.Highlighted, "#queue")
    def _review_highlighted(self, event: VirtualList.Highlighted) -> None:
        self.show_item(event.row)

    @on(VirtualList.Selected, "#queue")
    def _review_selected(self) -> None:
        self.action_open_item()

    def show_item(self, item: ReviewItem | None) -> None:
        """Show what the item asks for, and its note."""
        if item is not None and self.item is not None and item.key == self.item.key:
            return
        self.save_draft_now()
        self.item = item
        self.query_one("#item-detail", Static).update(item_detail(item))
        self.load_note()

    # NoteScreen ---------------------------------------------------------------------------------

    def note_selection(self) -> tuple[Interview | None, Contact | None]:
        """The item's interview and person (no person: nothing to write)."""
        store = self.services.store
        if self.item is None or self.item.touch_kind is None:
            return None, None
        interview = store.interviews.get(self.item.interview_id or "")
        contact = store.contacts.get(self.item.contact_id or "")
        return interview, contact

    def note_kind(self) -> TouchKind | None:
        """The template kind the item calls for."""
        return self.item.touch_kind if self.item else None

    def note_sent(self, contact: Contact, touch: Touch) -> None:
        """A note went out: count the item as done, move on, and leave the keys to the queue."""
        if self.item is not None and self.last_sent is not None:
            before = next(
                (c for c in self.services.store.review.cleared if c.key == self.item.key), None
            )
            self.last_sent = replace(
                self.last_sent, review_key=self.item.key, cleared_before=before
            )
        # After Ctrl+S in the note, the next c or s is for the next item, not typed into its note.
        self.query_one("#queue").focus()
        self._review_done(wrote_to=contact.id)

    def _undo_hint(self) -> str:
        return f"{self.key_for('review.undo')} undoes it."  # the queue has the keys (note_sent)

    def note_unsent(self, contact: Contact, sent: SentNote) -> None:
        """A note was taken back: its item is due again, and highlighted."""
        self.item = None
        self.show_overview(
            overview(self.services.store.dataset(), self.services.today), keep=sent.review_key
        )

    # Actions ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide letter keys while typing; grey out item actions when the queue is empty."""
        if action in _LETTER_ACTIONS and self.services.editing_text():
            return False
        if action in ("copy_note", "cycle_template") and self.note_selection()[1] is None:
            return None
        if action in ("mark_sent", "snooze", "dismiss_item", "open_item") and self.item is None:
            return None
        return True

    @on(NoteEditor.Leave)
    def _review_leave_editor(self) -> None:
        self.query_one("#queue").focus()

    def action_mark_sent(self) -> None:
        """Log the note as sent; an item with nothing to send is simply marked done."""
        if self.item is None:
            return
        if self.note_selection()[1] is None:
            self._review_set(
                dismiss(self.services.store.review, self.item.key, "done", self.services.today)
            )
            self.notify(f"Done: {self.item.summary}", title="Cleared")
            self._review_done()
            return
        super().action_mark_sent()

    def _review_done(self, wrote_to: str | None = None) -> None:
        item = self.item
        if item is None:
            return
        self._review_set(mark_cleared(self.services.store.review, item.key, self.services.today))
        self._drop(item.key, done=True, wrote_to=wrote_to)

    def _review_set(self, state: ReviewState) -> None:
        self.services.store.set_review(state)

    def action_snooze(self) -> None:
        """Hide the item until a chosen day."""
        from .review_dialogs import SnoozeDialog

        item = self.item
        if item is None:
            return

        def chosen(day: date | None) -> None:
            if day is None:
                return
            self._review_set(snooze(self.services.store.review, item.key, day))
            self.notify(f"Snoozed until {day:%a %d %b}.", title="Snoozed")
            self._drop(item.key, done=False)

        self.app.push_screen(
            SnoozeDialog(self.services.today, item.contact or item.company), chosen
        )

    def action_dismiss_item(self) -> None:
        """Dismiss the item for good, with a reason (and give up on, or withdraw, an invitation)."""
        from .review_dialogs import ACCEPTED, WITHDRAW, DismissDialog

        item = self.item
        if item is None:
            return
        pending = item.kind is ItemKind.INVITE_PENDING
        note = (
            "Giving up marks the person as ignored; withdrawing logs the withdrawal "
            "(LinkedIn lets you invite them again after three weeks)."
            if pending
            else ""
        )

        def chosen(reason: str | None) -> None:
            if reason is None:
                return
            store, today = self.services.store, self.services.today
            contact = store.contacts.get(item.contact_id or "")
            if pending and contact is not None:
                if reason == ACCEPTED:
                    contact = accepted(contact, today)
                elif reason == WITHDRAW:
                    contact, _ = mark_sent(
                        contact,
                        None,
                        "Invitation withdrawn.",
                        kind=TouchKind.INVITE_WITHDRAWN,
                        channel=Channel.LINKEDIN_INVITE,
                        today=today,
                    )
                else:
                    contact = ignored(contact, today)  # logged: the history is the truth
                store.put(contact)
            state = dismiss(store.review, item.key, reason, today)
            self._review_set(mark_cleared(state, item.key, today))
            self.notify(
                f"Dismissed: {reason}." if reason != ACCEPTED else "Logged: they accepted.",
                title="Dismissed" if reason != ACCEPTED else "Connected",
            )
            self._drop(item.key, done=True)

        self.app.push_screen(
            DismissDialog(item.contact or item.company, note, withdraw=pending), chosen
        )

    def action_connection(self) -> None:
        """Log what happened with the item's person: accepted, replied, declined, ignored."""
        from .connection import ConnectionAction, ConnectionDialog

        contact = (
            self.services.store.contacts.get(self.item.contact_id or "") if self.item else None
        )
        if contact is None:
            self.notify("Nobody to log it for on this item.", title="Connection")
            return

        def chosen(result: ConnectionAction | None) -> None:
            current = self.services.store.contacts.get(contact.id)
            if result is not None and current is not None:
                self.services.store.put(result.apply(current))
                self.notify(
                    f"{current.name}: {result.label.lower()}.", title="Logged", markup=False
                )
                self.refresh_queue()  # an acceptance or a reply changes what is due

        self.app.push_screen(ConnectionDialog(contact.name, self.services.today), chosen)

    def action_next_item(self) -> None:
        """Highlight the next item."""
        self.query_one("#queue", VirtualList).action_cursor_down()

    def action_previous_item(self) -> None:
        """Highlight the previous item."""
        self.query_one("#queue", VirtualList).action_cursor_up()

    def action_open_item(self) -> None:
        """Go to the item's interview and person on the main screen."""
        if self.item is None:
            return
        self.save_draft_now()
        self.open_target = (self.item.interview_id, self.item.contact_id)
        self.dismiss()

    def action_back(self) -> None:
        """Back to the main screen."""
        self.save_draft_now()
        self.dismiss()
