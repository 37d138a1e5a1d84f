"""A yes/no question before anything is deleted: y confirms, n or Esc does not.

Focus starts on Cancel, so an absent-minded Enter never deletes. The question and its consequence
are :class:`~textual.content.Content` (or plain strings shown literally): they name the user's own
data, which is never markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from ..commands import bindings_for


def _content(text: str | Content) -> Content:
    return text if isinstance(text, Content) else Content(text)


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``, say what follows, and dismiss with True (confirmed) or False.

    With ``option``, the dialog also shows a checkbox (for a second, bigger step such as "delete
    the contact too"); read :attr:`option_checked` once it is dismissed.
    """

    CSS_PATH = "forms.tcss"
    AUTO_FOCUS = "#confirm-no"
    SCOPE = "confirm"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(SCOPE)

    def __init__(
        self,
        question: str | Content,
        consequence: str | Content,
        *,
        confirm_label: str = "Delete",
        option: str | None = None,
        option_value: bool = False,
    ) -> None:
        super().__init__()
        self.confirm_question = _content(question)
        self.confirm_consequence = _content(consequence)
        self.confirm_label = confirm_label
        self.confirm_option = option
        self.option_checked = option_value
        """Whether the option's checkbox is ticked (False when there is no option)."""

    def compose(self) -> ComposeResult:
        """The question, its consequence, the optional checkbox, and the two buttons."""
        with Vertical(classes="dialog confirm-box"):
            yield Static(self.confirm_question, id="confirm-question")
            yield Static(self.confirm_consequence, id="confirm-consequence")
            if self.confirm_option is not None:
                yield Checkbox(
                    Content(self.confirm_option), self.option_checked, id="confirm-option"
                )
            yield Static(Content("y: yes · n or Esc: no"), id="confirm-keys")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.confirm_label), id="confirm-yes", variant="error")
                yield Button("Cancel", id="confirm-no")

    @on(Checkbox.Changed, "#confirm-option")
    def _confirm_option_changed(self, event: Checkbox.Changed) -> None:
        self.option_checked = event.value

    @on(Button.Pressed, "#confirm-yes")
    def _confirm_yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _confirm_no_pressed(self) -> None:
        self.dismiss(False)

    def action_confirm_answer(self, answer: bool) -> None:
        """Dismiss with the answer."""
        self.dismiss(answer)
