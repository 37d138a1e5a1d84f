"""The note pane: which template, the editable note, and a live count against the channel."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from ...domain import Template, clean_typed
from ...notes import GAP, limit_status
from ..commands import editor_bindings
from .row_painting import RowPaintingTextArea

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class NoteEditor(RowPaintingTextArea):
    """A TextArea whose editor-safe keys (Ctrl+O, Ctrl+S, ...) reach the screen's commands.

    What is typed or pasted loses its control characters and escape sequences before it is shown
    (newlines and tabs stay), as the model would drop them on saving anyway. Every change by an
    edit (typing, pasting, a replacement, undo and redo, not :meth:`load_text`) is told to
    ``on_edit`` at once, so what depends on the text is drawn in the same frame as the text, and
    posted as :class:`Edited` for what can wait.
    """

    BINDINGS = editor_bindings("main")

    def __init__(self, *, on_edit: Callable[[str], None] | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._on_edit = on_edit

    @dataclass
    class Edited(Message):
        """The text was edited (not loaded): the draft is kept after a pause."""

        editor: NoteEditor
        """The editor that was edited."""

        @property
        def control(self) -> NoteEditor:
            """The editor, so ``@on(NoteEditor.Edited, "#id")`` works."""
            return self.editor

    def edit(self, edit: Edit) -> EditResult:
        """Make the edit, with the inserted text cleaned: every insertion, typed, pasted or
        made by code, comes through here."""
        edit.text = clean_typed(edit.text)
        result = super().edit(edit)
        self._edited()
        return result

    def undo(self) -> None:
        """Undo the last batch of edits."""
        super().undo()
        self._edited()

    def redo(self) -> None:
        """Redo the last batch of edits undone."""
        super().redo()
        self._edited()

    def _edited(self) -> None:
        if self._on_edit is not None:
            self._on_edit(self.text)
        # Straight to the screen, which keeps the draft: one hop a key, not one per container.
        self.screen.post_message(self.Edited(self))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Go no further: what follows an edit hears of it by ``on_edit`` and :class:`Edited`."""
        event.stop()

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


class StatusLine(Static):
    """A line under the editor, redrawn in place while its height stays the same.

    A change of height lays out the whole screen; the count changes on every key, its height
    almost never, so it is measured first and laid out only then.
    """

    def show(self, content: Content) -> None:
        """Show ``content``, laying out the screen only if it needs another height."""
        width, height = self.content_region.size
        if not self.is_mounted or width <= 0:
            same_height = False
        elif height == 1 and "\n" not in content.plain and content.cell_length <= width:
            same_height = True  # the count alone, as on almost every key: one row, as before
        else:
            # As Textual measures a widget's content (Widget.get_content_height).
            same_height = content.get_height(cast("RulesMap", self.styles), width) == height
        self.update(content, layout=not same_height)


class NotePane(Vertical):
    """The template line, the editor and the status line under it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._limit: int | None = None
        self._warning = ""
        self._sent = ""
        self._status: tuple[str, bool, str, str, int] | None = None
        self._line = StatusLine(id="note-status")

    def compose(self) -> ComposeResult:
        """Template name on top, the note, then the counter and warnings."""
        yield Static(id="note-template")
        yield NoteEditor(
            on_edit=self._edited,
            id="note-editor",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
        )
        yield self._line

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
        """The live character count against ``limit``, red when over it, that the note was
        ``sent`` already, and a ``warning`` (else the gaps left to fill in).

        While the note is edited the count follows at once, with the same limit and ``sent``,
        and the gaps as the only warning (a ``warning`` is worked out again after a pause).
        """
        self._limit, self._warning, self._sent = limit, warning, sent
        self._draw_status(text)

    def _edited(self, text: str) -> None:
        self._warning = ""
        self._draw_status(text)

    def _draw_status(self, text: str) -> None:
        count, limit, over = limit_status(text, self._limit)
        warning = self._warning
        if not warning:
            gaps = list(dict.fromkeys(GAP.findall(text)))
            if gaps:
                warning = f"Fill in before sending: {', '.join(gaps[:4])}"
        counter = f"{count} / {limit}" if limit else f"{count} characters"
        key = (counter, over, self._sent, warning, count - (limit or 0))
        if key == self._status:
            return  # as drawn: not even a repaint
        self._status = key
        parts = [Content.styled(counter, "bold $error" if over else "$text-muted")]
        if self._sent:
            parts.append(Content.styled(f"  ✓ {self._sent}", "$success"))
        if over:
            parts.append(Content.styled(f"  {count - (limit or 0)} over the limit", "$error"))
        if warning:
            parts.append(Content.assemble("\n", (f"⚠ {warning}", "$warning")))
        self._line.show(Content("").join(parts))
