"""Sending a note: copying it (the ``c`` key), logging it as sent (``s``), undoing that (``u``).

A layer of :class:`NoteScreen`, kept apart from the writing and drafting of the note: the main
screen and the daily review inherit both.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import work
from textual.content import Content

from ...clipboard import copy_to_system, save_note
from ...domain import Contact, draft_for, mark_sent, next_due
from ...notes import GAP, a_note_of, limit_status, stale_phrases, with_article
from ...paths import notes_dir
from ...review import SentNote, unclear, unsend
from ..commands import COMMANDS, key_label
from ..widgets.note_editor import NoteEditor
from .note_screen import NoteScreen


class NoteSending(NoteScreen):
    """The copy, mark-sent and undo actions of a screen with a note."""

    SCOPE: ClassVar[str] = "main"

    def __init__(self, last_sent: SentNote | None = None) -> None:
        super().__init__()
        self.last_sent = last_sent
        """The last note logged as sent in this session, which undo takes back."""

    def key_for(self, command_id: str) -> str:
        """The key that runs a command now (after any remapping), as the help writes it."""
        command = next(c for c in COMMANDS if c.id == command_id)
        keymap = self.services.store.settings.keymap
        if self.services.editing_text() and command.editor_key:
            key = keymap.get(f"{command_id}.editor", command.editor_key)
        else:
            key = keymap.get(command_id, command.key)
        return key_label(key.split(",")[0])

    def action_copy_note(self) -> None:
        """Copy the note: system clipboard, else the terminal (OSC 52); always a private file."""
        contact = self.note_selection()[1]
        if self._nobody() or contact is None:
            return
        text = self.query_one(NoteEditor).text
        if not text.strip():
            self.notify(
                "The note is empty: there is nothing to copy.",
                title="Not copied",
                severity="warning",
            )
            return
        stale = self._stale_dates(text)
        self.save_draft_now()
        if not stale:
            self._copy(text, contact.name, self.key_for("main.sent"))
            return
        from .confirm import ConfirmDialog

        written, phrases = stale
        dialog = ConfirmDialog(
            Content.assemble("Copy the note to ", (contact.name, "bold"), "?"),
            Content(
                f"It was drafted on {written:%a %d %b} and says "
                + ", ".join(f"“{p}”" for p in phrases)
                + ": check the dates still hold today."
            ),
            confirm_label="Copy",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._copy(text, contact.name, self.key_for("main.sent"))

        self.app.push_screen(dialog, answered)

    def _stale_dates(self, text: str) -> tuple[date, list[str]] | None:
        """When the note is a draft from an earlier day: that day, and the phrases that move
        with the calendar ("yesterday", "last week") which may no longer be true."""
        interview, contact = self.note_selection()
        if contact is None:
            return None
        draft = draft_for(contact, interview.id if interview else None)
        if draft is None or draft.date == self.services.today:
            return None
        phrases = stale_phrases(text, self._note_context(interview, contact), draft.date)
        return (draft.date, phrases) if phrases else None

    @work(thread=True, exclusive=True, group="copy")
    def _copy(self, text: str, name: str, sent_key: str) -> None:
        backend = copy_to_system(text)
        if backend is None:
            self.app.call_from_thread(self.app.copy_to_clipboard, text)
        try:
            path = save_note(notes_dir(self.services.store.path), text, name, self.services.today)
            saved = f"Saved to {path}"
        except OSError as error:
            saved = f"Could not save a copy: {error.strerror or error}"
        how = (
            f"Copied to the system clipboard ({backend})."
            if backend
            else "Sent to the terminal's clipboard (OSC 52): no system clipboard here."
        )
        self.app.call_from_thread(
            self.app.notify,
            f"{how}\n{saved}\nPress {sent_key} once it is sent.",
            title="Note copied",
            timeout=8,
        )

    def action_mark_sent(self) -> None:
        """Log the note as sent, after a question if it looks wrong (too long, sent already)."""
        interview, contact = self.note_selection()
        if self._nobody() or contact is None or self.template is None:
            return
        text = self.query_one(NoteEditor).text
        if not text.strip():
            self.notify(
                "The note is empty: write it first, then log it as sent.",
                title="Not logged",
                severity="warning",
            )
            return
        doubts = []
        count, limit, over = limit_status(
            text, self.services.store.settings.limit_for(self.template.channel)
        )
        if over:
            doubts.append(
                f"It is {count - (limit or 0)} characters over the "
                f"{self.template.channel.label} limit of {limit}."
            )
        gaps = list(dict.fromkeys(GAP.findall(text)))
        if gaps:
            doubts.append(f"It still has a gap to fill in: {', '.join(gaps[:4])}.")
        already = self._sent_already(interview, contact)
        if already.endswith(f"{self.services.today:%d %b %Y}"):
            sent_before = with_article(already)
            doubts.append(f"{sent_before[:1].upper()}{sent_before[1:]} already.")
        if not doubts:
            self._log_sent()
            return
        from .confirm import ConfirmDialog

        dialog = ConfirmDialog(
            Content.assemble("Log this note to ", (contact.name, "bold"), " as sent?"),
            " ".join(doubts),
            confirm_label="Log it",
        )
        self.app.push_screen(dialog, lambda yes: self._log_sent() if yes else None)

    def _log_sent(self) -> None:
        self.save_draft_now()
        interview, contact = self.note_selection()
        if contact is None or self.template is None:
            return
        text = self.query_one(NoteEditor).text
        before = contact  # as note_selection reads it: with the draft just kept
        updated, touch = mark_sent(
            contact,
            interview.id if interview else None,
            text,
            kind=self.template.kind,
            channel=self.template.channel,
            today=self.services.today,
        )
        # What was sent is now the note's starting point: no draft is kept of it again.
        self._baseline = text
        self.services.store.put(updated)
        self.last_sent = SentNote(before, updated, touch)
        due = next_due(updated, self.services.store.settings)
        self.notify(
            f"Logged {a_note_of(touch.kind)} to {contact.name} ({touch.channel.label}). "
            f"Status: {updated.status.label}. Next touch due {due:%d %b %Y}. "
            f"{self._undo_hint()}",
            title="Marked sent",
        )
        self.note_sent(updated, touch)

    def _undo_hint(self) -> str:
        key = self.key_for(f"{self.SCOPE}.undo")
        if self.services.editing_text():
            return f"To undo: Esc, then {key}."
        return f"{key} undoes it."

    def action_undo_sent(self) -> None:
        """Take back the last note logged as sent: the person (and the review) as they were."""
        sent, store = self.last_sent, self.services.store
        now = store.contacts.get(sent.after.id) if sent else None
        restored = unsend(sent, now) if sent and now else None
        self.last_sent = None
        if sent is None or restored is None:
            self.notify(
                "Nothing to undo: no note was logged as sent since followup started, "
                "or it was undone already.",
                title="Nothing to undo",
            )
            return
        self.save_draft_now()
        store.put(restored)
        if sent.review_key is not None:
            store.set_review(unclear(store.review, sent.review_key, sent.cleared_before))
        due = next_due(restored, store.settings)
        self.notify(
            f"Undid: {sent.touch.kind.label} to {restored.name} is no longer logged as sent. "
            f"Status: {restored.status.label}. "
            + (f"Next touch due {due:%d %b %Y}." if due else "Next touch: after the first note."),
            title="Undone",
        )
        self.note_unsent(restored, sent)

    def note_unsent(self, contact: Contact, sent: SentNote) -> None:
        """Called after a note was taken back, to show the person again (subclasses do)."""
