"""The note pane: which template, the editable note, and a live count against the channel."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from ...domain import Template, clean_typed
from ...notes import limit_status
from ..commands import editor_bindings


class NoteEditor(TextArea):
    """A TextArea whose editor-safe keys (Ctrl+O, Ctrl+S, ...) reach the screen's commands.

    What is typed or pasted loses its control characters and escape sequences before it is shown
    (newlines and tabs stay), as the model would drop them on saving anyway.
    """

    BINDINGS = editor_bindings("main")

    def edit(self, edit: Edit) -> EditResult:
        """Make the edit, with the inserted text cleaned: every insertion, typed, pasted or
        made by code, comes through here."""
        edit.text = clean_typed(edit.text)
        return super().edit(edit)

    @dataclass
    class Leave(Message):
        """The user pressed Esc to leave the editor."""

    async def action_forward(self, action: str) -> None:
        """Run an app or screen action from inside the editor.

        The method is called directly: the app and the screen refuse their single-letter
        actions while the editor has focus (that is what hides them from the footer), and the
        editor-safe key must get through all the same.
        """
        namespace, _, name = action.partition(".")
        target = self.app if namespace == "app" else self.screen
        result = getattr(target, f"action_{name}")()
        if inspect.isawaitable(result):
            await result

    def action_leave_editor(self) -> None:
        """Ask the screen to move focus out of the editor."""
        self.post_message(self.Leave())


class NotePane(Vertical):
    """The template line, the editor and the status line under it."""

    def compose(self) -> ComposeResult:
        """Template name on top, the note, then the counter and warnings."""
        yield Static(id="note-template")
        yield NoteEditor(
            id="note-editor", soft_wrap=True, show_line_numbers=False, tab_behavior="focus"
        )
        yield Static(id="note-status")

    def show_template(self, template: Template | None, person: str = "") -> None:
        """Name the template and channel the note comes from."""
        label = self.query_one("#note-template", Static)
        if template is None:
            label.update(Content.styled("No one selected", "$text-muted"))
            return
        label.update(
            Content.assemble(
                ("To ", "$text-muted"),
                (person, "bold"),
                ("  ·  ", "$text-muted"),
                template.name,
                ("  ·  ", "$text-muted"),
                (template.channel.label, "$accent"),
            )
        )

    def show_status(self, text: str, limit: int | None, warning: str = "", sent: str = "") -> None:
        """The live character count, red when over the channel's limit, and any warning."""
        count, limit, over = limit_status(text, limit)
        counter = f"{count} / {limit}" if limit else f"{count} characters"
        parts = [Content.styled(counter, "bold $error" if over else "$text-muted")]
        if sent:
            parts.append(Content.styled(f"  ✓ {sent}", "$success"))
        if over:
            parts.append(Content.styled(f"  {count - (limit or 0)} over the limit", "$error"))
        if warning:
            parts.append(Content.assemble("\n", (f"⚠ {warning}", "$warning")))
        self.query_one("#note-status", Static).update(Content("").join(parts))
