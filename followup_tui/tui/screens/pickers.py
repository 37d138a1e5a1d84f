"""Small modal pickers: choose one item from a list, or cancel with Esc."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...domain import Template
from ..commands import bindings_for


class TemplatePicker(ModalScreen[Template | None]):
    """Pick the template for the current note; dismisses with the template or None."""

    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, templates: Sequence[Template], current_id: str | None) -> None:
        super().__init__()
        self.templates = list(templates)
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        """The templates, each with its kind and channel."""
        options = [
            Option(
                Content.assemble(
                    (t.name, "bold"), "\n", (f"  {t.kind.label} · {t.channel.label}", "$text-muted")
                ),
                id=t.id,
            )
            for t in self.templates
        ]
        with Vertical(classes="dialog") as box:
            box.border_title = "Choose a template"
            box.border_subtitle = "Enter to use · Esc to cancel"
            yield OptionList(*options, id="template-options")

    def on_mount(self) -> None:
        """Start on the template in use."""
        ids = [t.id for t in self.templates]
        if self.current_id in ids:
            self.query_one(OptionList).highlighted = ids.index(self.current_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Use the chosen template."""
        self.dismiss(next(t for t in self.templates if t.id == event.option.id))
