"""The settings screen: you, the timing of reminders, LinkedIn's limits, and your own keys.

Every field is checked in place and nothing is written until Ctrl+S. The keymap is a few lines of
``binding_id = key``, checked against the command table by the core's rules (unknown ids, missing
keys, control characters, Textual's own keys, two commands on one key); once saved it applies at
once, through Textual's keymap.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, Label, Static, TextArea

from ...domain import CADENCE_DAYS_MAX, Bindable, Settings, bindable
from ...domain import keymap as keymap_rules
from ..commands import COMMANDS, bindings_for, key_label
from ..services import UsesServices
from ..widgets.footer import Footer
from ..widgets.text_area import SafeTextArea
from .breakpoints import preset_breakpoints
from .confirm import ConfirmDialog
from .forms import CleanInput

#: The number fields: input id -> (Settings attribute, label, lowest, highest, blank allowed).
NUMBERS: dict[str, tuple[str, str, int, int, bool]] = {
    "cadence": ("default_cadence_days", "Keep in touch every (days)", 1, CADENCE_DAYS_MAX, False),
    "overdue": ("decision_overdue_days", "Decision overdue after (days)", 1, 365, False),
    "invite-limit": ("linkedin_invite_limit", "Invitation limit (characters)", 1, 10_000, False),
    "message-limit": ("linkedin_message_limit", "Message limit (characters)", 1, 100_000, False),
    "budget": ("invite_budget", "Monthly invitation budget", 0, 1_000, True),
}
_KEYMAP_PLACEHOLDER = "One per line, such as:\nmain.copy = y\nmain.sent = ctrl+y"


def binding_ids() -> dict[str, Bindable]:
    """Every id a keymap line may name -> (scope, default key, what it does, action)."""
    return bindable(COMMANDS)


def parse_keymap(text: str) -> tuple[dict[str, str], list[str]]:
    """Read ``binding_id = key`` lines (``#`` starts a comment); return the keymap and errors.

    The rules are the core's (:mod:`followup_tui.keymap`), the same an import is checked with.
    """
    return keymap_rules.parse_keymap(text, binding_ids())


def keymap_reference() -> Content:
    """The ids, their default keys and what they do, for the reference under the editor."""
    return Content("\n").join(
        Content.assemble(
            (f"{binding_id:<22}", "bold"),
            (f"{key_label(entry.key):<8}", "$accent"),
            (entry.description, "$text-muted"),
        )
        for binding_id, entry in binding_ids().items()
    )


class SettingsScreen(UsesServices, Screen[None]):
    """One form; two columns on a wide terminal (the keys on the right), else one."""

    CSS_PATH = "templates.tcss"
    TITLE = "Settings"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    SCOPE = "settings"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self) -> None:
        super().__init__()
        self.cfg_saved: tuple[object, ...] = ()  # the form as loaded or last saved

    def compose(self) -> ComposeResult:
        """You, timing and LinkedIn on the left (or on top); keys on the right (or below)."""
        preset_breakpoints(self)
        yield Header()
        with VerticalScroll(id="set-body"):
            with Vertical(id="set-form"):
                yield Static("You", classes="set-section")
                with Horizontal(classes="set-row"):
                    yield Label("Your name", classes="set-label")
                    yield CleanInput(id="set-your-name", compact=True, placeholder="For {my_name}")
                yield Label(
                    Content("Signature, for {signature} (else your name):"), classes="set-hint"
                )
                yield SafeTextArea(id="set-signature", soft_wrap=True, tab_behavior="focus")
                yield Static("Timing and LinkedIn", classes="set-section")
                for field, (_, label, _, _, blank) in NUMBERS.items():
                    with Horizontal(classes="set-row"):
                        yield Label(label, classes="set-label")
                        yield Input(
                            id=f"set-{field}",
                            type="integer",
                            compact=True,
                            placeholder="no limit" if blank else "",
                            valid_empty=blank,
                            classes="-number",
                        )
                    yield Static(id=f"set-{field}-error", classes="set-error")
                yield Checkbox(
                    "Free LinkedIn account (shorter invitations)", id="set-free", compact=True
                )
                yield Static(id="set-limit-note", classes="set-hint")
            with Vertical(id="set-keys"):
                yield Static("Keys", classes="set-section")
                yield Label(
                    Content("Remap a command: one line of  binding_id = key  each."),
                    classes="set-hint",
                )
                yield SafeTextArea(
                    id="set-keymap", tab_behavior="focus", placeholder=_KEYMAP_PLACEHOLDER
                )
                yield Static(id="set-keymap-error", classes="set-error")
                yield Static(keymap_reference(), id="set-key-ids", classes="set-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the form from the stored settings."""
        self._cfg_load(self.services.store.settings)
        self.query_one("#set-your-name").focus()

    def _cfg_load(self, settings: Settings) -> None:
        self.query_one("#set-your-name", Input).value = settings.your_name
        self.query_one("#set-signature", TextArea).load_text(settings.signature)
        for field, (attr, *_) in NUMBERS.items():
            value = getattr(settings, attr)
            self.query_one(f"#set-{field}", Input).value = "" if value is None else str(value)
            self._cfg_error(field, "")
        self.query_one("#set-free", Checkbox).value = settings.linkedin_free_account
        keymap = "\n".join(f"{key} = {value}" for key, value in settings.keymap.items())
        self.query_one("#set-keymap", TextArea).load_text(keymap)
        self._cfg_error("keymap", "")
        self.cfg_saved = self._cfg_form()
        self._cfg_limit_note()

    def _cfg_form(self) -> tuple[object, ...]:
        inputs = [self.query_one(f"#set-{f}", Input).value for f in ("your-name", *NUMBERS)]
        texts = [self.query_one(f"#set-{f}", TextArea).text for f in ("signature", "keymap")]
        return (*inputs, *texts, self.query_one("#set-free", Checkbox).value)

    def _cfg_error(self, field: str, message: str) -> None:
        label = self.query_one(f"#set-{field}-error", Static)
        label.update(Content(message))
        label.set_class(bool(message), "-shown")
        self.query_one(f"#set-{field}").set_class(bool(message), "tpl-invalid")

    def _cfg_number(self, field: str) -> tuple[int | None, str]:
        """The field's value, or an error saying what is wanted."""
        _, _, low, high, blank = NUMBERS[field]
        raw = self.query_one(f"#set-{field}", Input).value.strip()
        if not raw and blank:
            return None, ""
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            return None, f"Enter a whole number from {low:,} to {high:,}" + (
                ", or leave it blank" if blank else ""
            ) + "."
        return value, ""

    @on(Checkbox.Changed, "#set-free")
    @on(Input.Changed, "#set-invite-limit")
    def _cfg_limit_note(self) -> None:
        settings = self.services.store.settings
        if self.query_one("#set-free", Checkbox).value:
            limit, why = settings.linkedin_invite_free_limit, " (free account)"
        else:
            limit, why = self._cfg_number("invite-limit")[0] or settings.linkedin_invite_limit, ""
        self.query_one("#set-limit-note", Static).update(
            Content(f"Invitation limit in use: {limit} characters{why}.")
        )

    def action_save(self) -> None:
        """Check every field in place; save, apply the keys at once, and say so."""
        values: dict[str, Any] = {}  # Settings attribute -> a checked number (or None)
        errors: list[str] = []
        for field, (attr, *_) in NUMBERS.items():
            values[attr], message = self._cfg_number(field)
            self._cfg_error(field, message)
            if message:
                errors.append(field)
        keymap, key_errors = parse_keymap(self.query_one("#set-keymap", TextArea).text)
        self._cfg_error("keymap", "\n".join(key_errors))
        if key_errors:
            errors.append("keymap")
        if errors:
            self.query_one(f"#set-{errors[0]}").focus()
            return
        settings = dataclasses.replace(
            self.services.store.settings,
            your_name=self.query_one("#set-your-name", Input).value,
            signature=self.query_one("#set-signature", TextArea).text.strip("\n"),
            linkedin_free_account=self.query_one("#set-free", Checkbox).value,
            keymap=keymap,
            **values,
        )
        self.services.store.set_settings(settings)
        self.app.set_keymap(settings.keymap)
        self._cfg_load(settings)
        self.notify("Settings saved. Any new keys work now.", title="Settings")

    def action_back(self) -> None:
        """Back to the main screen, asking first if there are unsaved changes."""
        self._cfg_unless_dirty("Leave", self.dismiss)

    def action_quit_checked(self) -> None:
        """Quit followup, asking first if there are unsaved changes."""
        self._cfg_unless_dirty("Quit", lambda: self.app.call_next(self.app.run_action, "quit"))

    def _cfg_unless_dirty(self, verb: str, then: Callable[[], object]) -> None:
        def answered(go: bool | None) -> None:
            if go:
                then()

        if self._cfg_form() != self.cfg_saved:
            self.app.push_screen(
                ConfirmDialog(
                    f"{verb} without saving your settings?",
                    "Your changes are lost.",
                    confirm_label=verb,
                ),
                answered,
            )
        else:
            then()
