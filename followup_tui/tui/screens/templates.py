"""The templates screen: every note template, an editor with a live preview, and the placeholders.

A built-in can be edited: the edit is stored under the built-in's id and takes its place (see
:func:`followup_tui.notes.all_templates`); resetting deletes the edit, and the shipped text is back.
The user's own templates can be added and deleted. Nothing is written until Ctrl+S, and leaving
or moving on with unsaved edits asks first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Header,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from ...domain import Channel, Template, TouchKind, clean_line, clean_text, new_id
from ...notes import BUILTIN_TEMPLATES, NoteContext, all_templates
from ..commands import bindings_for
from ..services import UsesServices
from ..template_preview import placeholder_reference, preview_content, sample_context
from ..widgets.footer import Footer
from .confirm import ConfirmDialog
from .forms import CleanInput

_SHIPPED = {t.id: t for t in BUILTIN_TEMPLATES}
#: What a new template starts with: a greeting and a sign-off, so the placeholders show how.
_STARTER = (TouchKind.OTHER, Channel.LINKEDIN_MESSAGE, "Hi {first_name},\n\n\n\n{my_name}")
Fields = tuple[str, TouchKind, Channel, str]


def origin(template: Template, stored: Mapping[str, Template]) -> str:
    """How the list tags a template: "built-in", "edited" (a built-in you changed), or ""."""
    if template.id not in _SHIPPED:
        return ""
    return "edited" if template.id in stored else "built-in"


class TemplatesScreen(UsesServices, Screen[None]):
    """The template list on the left; the selected template's editor and preview on the right."""

    CSS_PATH = "templates.tcss"
    TITLE = "Templates"
    SCOPE = "templates"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, context: NoteContext | None = None, current_id: str | None = None) -> None:
        """Preview with ``context``'s person (else a sample); start on ``current_id``."""
        super().__init__()
        self.tpl_person = context
        self.tpl_start_id = current_id
        self.tpl_editing: Template | None = None  # the stored version in the editor; None: new
        self.tpl_saved: Fields = ("", *_STARTER)  # what the editor held when loaded or saved

    def compose(self) -> ComposeResult:
        """List, editor and preview side by side; the placeholder reference below."""
        yield Header()
        with Horizontal(id="tpl-panes"):
            yield OptionList(id="tpl-list")
            with Vertical(id="tpl-editor"):
                with Horizontal(classes="tpl-row"):
                    yield Label("Name", classes="tpl-label")
                    yield CleanInput(id="tpl-name", compact=True, placeholder="Shown in the list")
                yield Static(id="tpl-name-error", classes="tpl-error")
                with Horizontal(classes="tpl-row"):
                    yield Label("Kind", classes="tpl-label")
                    yield Select(
                        [(k.label, k) for k in TouchKind if not k.is_marker],
                        allow_blank=False,
                        compact=True,
                        id="tpl-kind",
                    )
                with Horizontal(classes="tpl-row"):
                    yield Label("Channel", classes="tpl-label")
                    yield Select(
                        [(c.label, c) for c in Channel],
                        allow_blank=False,
                        compact=True,
                        id="tpl-channel",
                    )
                yield TextArea(id="tpl-body", soft_wrap=True, tab_behavior="focus")
                yield Static(id="tpl-body-error", classes="tpl-error")
                with VerticalScroll(id="tpl-preview-box", can_focus=False):
                    yield Static(id="tpl-preview")
                yield Static(id="tpl-count")
        with VerticalScroll(id="tpl-placeholders"):
            yield Static(placeholder_reference(), id="tpl-placeholders-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the list and open the template the caller was using (else the first)."""
        self.query_one("#tpl-list").border_title = "Templates"
        self.query_one("#tpl-body").border_title = "Body"
        self.query_one("#tpl-placeholders").border_title = "Placeholders"
        person = self.tpl_person.contact.name if self.tpl_person else "Alex Example (a sample)"
        self.query_one("#tpl-preview-box").border_title = Content.assemble("Preview for ", person)
        templates = all_templates(self.services.store.templates)
        start = next((t for t in templates if t.id == self.tpl_start_id), templates[0])
        self._tpl_fill_list(start.id)
        self._tpl_load(start)
        self.query_one("#tpl-list").focus()

    # The list -----------------------------------------------------------------------------------

    def _tpl_fill_list(self, select_id: str | None) -> None:
        stored = self.services.store.templates
        templates = all_templates(stored)
        options = [
            Option(
                Content.assemble(t.name, (f"  {origin(t, stored)}", "italic $text-muted")), id=t.id
            )
            for t in templates
        ]
        self.query_one("#tpl-list", OptionList).set_options(options)
        self._tpl_highlight(select_id)

    def _tpl_highlight(self, template_id: str | None) -> None:
        listing = self.query_one("#tpl-list", OptionList)
        ids = [option.id for option in listing.options]
        listing.highlighted = ids.index(template_id) if template_id in ids else None

    @on(OptionList.OptionHighlighted, "#tpl-list")
    def _tpl_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        wanted = event.option.id
        if self.tpl_editing is not None and wanted == self.tpl_editing.id:
            return
        templates = all_templates(self.services.store.templates)
        template = next((t for t in templates if t.id == wanted), None)
        if template is not None:
            editing = self.tpl_editing.id if self.tpl_editing else None
            self._tpl_unless_dirty(
                "Open another template",
                "Discard",
                lambda: self._tpl_load(template),
                otherwise=lambda: self._tpl_highlight(editing),
            )

    @on(OptionList.OptionSelected, "#tpl-list")
    def _tpl_selected(self) -> None:
        self.query_one("#tpl-body").focus()

    # The editor ---------------------------------------------------------------------------------

    def _tpl_fields(self) -> Fields:
        return (
            self.query_one("#tpl-name", Input).value,
            cast(TouchKind, self.query_one("#tpl-kind", Select).value),
            cast(Channel, self.query_one("#tpl-channel", Select).value),
            self.query_one("#tpl-body", TextArea).text,
        )

    def _tpl_dirty(self) -> bool:
        return self._tpl_fields() != self.tpl_saved

    def _tpl_title(self) -> str:
        return f"“{self.tpl_saved[0]}”" if self.tpl_editing else "the new template"

    def _tpl_load(self, template: Template | None) -> None:
        """Put a stored template in the editor, or a fresh one when ``template`` is None."""
        self.tpl_editing = template
        fields: Fields = (
            (template.name, template.kind, template.channel, template.body)
            if template
            else ("", *_STARTER)
        )
        name, kind, channel, body = fields
        self.query_one("#tpl-name", Input).value = name
        self.query_one("#tpl-kind", Select).value = kind
        self.query_one("#tpl-channel", Select).value = channel
        self.query_one("#tpl-body", TextArea).load_text(body)
        self.tpl_saved = fields
        self._tpl_show_error("name", "")
        self._tpl_show_error("body", "")
        editor = self.query_one("#tpl-editor")
        if template is None:
            editor.border_title = "New template"
        else:
            tag = origin(template, self.services.store.templates) or "your own"
            editor.border_title = Content.assemble(template.name, (f" · {tag}", "$text-muted"))
        self._tpl_refresh_preview()

    def _tpl_show_error(self, field: str, message: str) -> None:
        label = self.query_one(f"#tpl-{field}-error", Static)
        label.update(Content(message))
        label.set_class(bool(message), "-shown")
        self.query_one(f"#tpl-{field}").set_class(bool(message), "tpl-invalid")

    @on(Input.Changed, "#tpl-name")
    @on(Select.Changed, "#tpl-kind, #tpl-channel")
    @on(TextArea.Changed, "#tpl-body")
    def _tpl_edited(self) -> None:
        name, _, _, body = self._tpl_fields()
        if name.strip():
            self._tpl_show_error("name", "")
        if body.strip():
            self._tpl_show_error("body", "")
        self._tpl_refresh_preview()

    def _tpl_refresh_preview(self) -> None:
        _, _, channel, body = self._tpl_fields()
        settings = self.services.store.settings
        ctx = (
            dataclasses.replace(self.tpl_person, settings=settings)
            if self.tpl_person
            else sample_context(settings, self.services.today)
        )
        preview, count = preview_content(body, channel, ctx)
        self.query_one("#tpl-preview", Static).update(preview)
        self.query_one("#tpl-count", Static).update(count)

    # Actions ------------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Validate in place, then store the template (a built-in's edit keeps its id)."""
        name, kind, channel, body = self._tpl_fields()
        # Checked as the model will store them: a name of control characters alone is empty.
        named, written = bool(clean_line(name)), bool(clean_text(body).strip())
        self._tpl_show_error("name", "" if named else "A template needs a name.")
        self._tpl_show_error("body", "" if written else "The body is empty: write the note.")
        if not named or not written:
            self.query_one("#tpl-body" if named else "#tpl-name").focus()
            return
        template_id = self.tpl_editing.id if self.tpl_editing else new_id("tpl")
        template = Template(template_id, name, kind, channel, body, builtin=template_id in _SHIPPED)
        store = self.services.store
        shipped = _SHIPPED.get(template_id)
        if shipped is not None and template == shipped:
            if template_id in store.templates:  # the shipped text again: nothing to override
                store.delete_template(template_id)
            message = "Same as the built-in, so the built-in is used."
        else:
            store.put(template)
            message = "Notes use it from now on."
        self._tpl_fill_list(template_id)
        self._tpl_load(template)
        self.notify(f"Saved “{template.name}”. {message}", title="Template saved", markup=False)

    def action_new(self) -> None:
        """Start a new template of your own (asks first if the current one has unsaved edits)."""

        def start() -> None:
            self.query_one("#tpl-list", OptionList).highlighted = None
            self._tpl_load(None)
            self.query_one("#tpl-name").focus()

        self._tpl_unless_dirty("Start a new template", "Discard", start)

    def action_reset(self) -> None:
        """Put an edited built-in back to the shipped text, after asking."""
        editing = self.tpl_editing
        store = self.services.store
        if editing is None or editing.id not in _SHIPPED or editing.id not in store.templates:
            self.notify(
                "Nothing to reset: only a built-in you have edited and saved can go back "
                "to its original text.",
                title="Reset",
                severity="warning",
            )
            return

        def answered(reset: bool | None) -> None:
            if reset:
                store.delete_template(editing.id)
                self._tpl_fill_list(editing.id)
                self._tpl_load(_SHIPPED[editing.id])
                self.notify(
                    f"“{editing.name}” is back to the built-in text.", title="Reset", markup=False
                )

        self.app.push_screen(
            ConfirmDialog(
                f"Reset “{editing.name}” to the built-in text?",
                "Your edits to it are lost.",
                confirm_label="Reset",
            ),
            answered,
        )

    def action_delete(self) -> None:
        """Delete one of your own templates, after asking; built-ins stay."""
        editing = self.tpl_editing
        if editing is not None and editing.id in _SHIPPED:
            self.notify(
                "Built-in templates can't be deleted. Edit this one, or reset it to the "
                "built-in text with Ctrl+R.",
                title="Delete",
                severity="warning",
            )
            return
        store = self.services.store

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            if editing is not None:
                store.delete_template(editing.id)
                self.notify(f"Deleted “{editing.name}”.", title="Template deleted", markup=False)
            first = all_templates(store.templates)[0]
            self._tpl_fill_list(first.id)
            self._tpl_load(first)

        if editing is None:
            question, consequence = "Discard the new template?", "Nothing of it was saved."
        else:
            question = f"Delete “{editing.name}”?"
            consequence = "It cannot be undone. Notes already written from it stay as they are."
        self.app.push_screen(ConfirmDialog(question, consequence), answered)

    def action_back(self) -> None:
        """Back to the main screen, asking first if there are unsaved edits."""
        self._tpl_unless_dirty("Leave", "Leave", self.dismiss)

    def action_quit_checked(self) -> None:
        """Quit followup, asking first if there are unsaved edits."""
        self._tpl_unless_dirty(
            "Quit", "Quit", lambda: self.app.call_next(self.app.run_action, "quit")
        )

    def _tpl_unless_dirty(
        self,
        doing: str,
        label: str,
        then: Callable[[], object],
        otherwise: Callable[[], object] | None = None,
    ) -> None:
        """Run ``then``, asking first if it would drop unsaved edits (``otherwise`` on no)."""

        def answered(go: bool | None) -> None:
            if go:
                then()
            elif otherwise is not None:
                otherwise()

        if self._tpl_dirty():
            self.app.push_screen(
                ConfirmDialog(
                    f"{doing} without saving your changes to {self._tpl_title()}?",
                    "Your changes are lost.",
                    confirm_label=label,
                ),
                answered,
            )
        else:
            then()
