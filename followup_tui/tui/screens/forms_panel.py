"""Add a person to a panel: pick someone you already know, or create a new contact.

The same person must stay one contact across panels (that is how "we met at Acme, now you are at
Orchard" works), so as the name is typed the form lists the existing contacts that match it,
ignoring case and accents, and an exact match is picked by default. Down and Up move through the
list, Enter takes what the line under the name announces.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...domain import Contact, Interview, fold, new_id
from ..commands import bindings_for
from .forms import FormScreen, field, required, text_input

Role = Literal["panel", "recruiter"]
#: Matches shown at most; more means the name is not specific enough yet.
MAX_MATCHES = 30


class PanelMemberForm(FormScreen[tuple[Contact, bool, Role] | None]):
    """Dismisses with (contact, is_new, role), or None on cancel.

    An existing contact comes back unchanged (``is_new`` False); a new one has the typed name,
    the optional title and the interview's company, and is for the caller to store.
    """

    FORM_TITLE = "Add a person to the panel"
    SAVE_LABEL = "Add"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("panel")

    def __init__(
        self, contacts: Mapping[str, Contact], interview: Interview, company_name: str = ""
    ) -> None:
        super().__init__()
        self._form_company_name = company_name
        self._form_here = frozenset(interview.people)
        self._form_all = list(contacts.values())
        # Folded once: with tens of thousands of contacts, a keystroke only compares strings.
        self._form_keys = [fold(c.name) for c in self._form_all]
        self._form_shown: list[Contact] = []
        self._form_more = 0  # matches beyond those shown

    def form_fields(self) -> ComposeResult:
        """The name with its matches and what Enter will do; a title for someone new; the role."""
        names = [c.name for c in self._form_all if c.id not in self._form_here]
        yield field(
            "Name",
            text_input(
                "pm-name",
                parse=required("Name"),
                placeholder="Type a name: people you know appear below",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
        )
        yield OptionList(id="pm-matches", compact=True)
        yield Static(id="pm-hint")
        yield field("Title", text_input("pm-title", placeholder="for a new contact (optional)"))
        yield field(
            "Role",
            Select(
                [("on the panel (interviewer)", "panel"), ("recruiter", "recruiter")],
                allow_blank=False,
                value="panel",
                id="pm-role",
                compact=True,
            ),
        )

    def on_mount(self) -> None:
        """Start with the hint for an empty name."""
        self._form_refresh_matches()

    # Matching ----------------------------------------------------------------------------------

    @on(Input.Changed, "#pm-name")
    def _form_refresh_matches(self) -> None:
        typed = fold(self.query_one("#pm-name", Input).value)
        matches: list[tuple[int, Contact]] = []
        if typed:
            for contact, key in zip(self._form_all, self._form_keys, strict=True):
                if contact.id in self._form_here or typed not in key:
                    continue
                # Exact names first, then names that start with the text, then the rest.
                matches.append((0 if key == typed else 1 if key.startswith(typed) else 2, contact))
        matches.sort(key=lambda m: m[0])
        self._form_shown = [c for _, c in matches[:MAX_MATCHES]]
        options = self.query_one("#pm-matches", OptionList)
        options.set_options(Option(self._form_label(c), id=c.id) for c in self._form_shown)
        options.display = bool(self._form_shown)
        if matches and matches[0][0] == 0:
            options.highlighted = 0
        self._form_more = len(matches) - len(self._form_shown)
        self._form_update_hint()

    def _form_label(self, contact: Contact) -> Content:
        where = " · ".join(part for part in (contact.title, contact.company) if part)
        return Content.assemble(
            (contact.name, "bold"), (f"  {where}" if where else "", "$text-muted")
        )

    def _form_chosen(self) -> Contact | None:
        """The existing contact Enter would add, if one is highlighted."""
        index = self.query_one("#pm-matches", OptionList).highlighted
        return self._form_shown[index] if index is not None and self._form_shown else None

    def _form_update_hint(self) -> None:
        name = self.query_one("#pm-name", Input).value.strip()
        chosen = self._form_chosen()
        self.query_one("#pm-title", Input).disabled = chosen is not None
        if chosen is not None:
            hint = Content.assemble(
                "Enter adds ", (chosen.name, "bold"), " (already in your contacts)"
            )
        elif name:
            at = f" at {self._form_company_name}" if self._form_company_name else ""
            hint = Content.assemble("Enter creates a new contact “", (name, "bold"), "”", at, ".")
            if self._form_shown:
                hint = Content.assemble(
                    hint,
                    " Or Down to pick ",
                    (self._form_shown[0].name, "bold"),
                    "…" if len(self._form_shown) > 1 else "",
                    ".",
                )
        else:
            hint = Content("Type a name. Down picks someone you know; Enter adds.")
        if self._form_more > 0:
            hint = Content.assemble(
                hint, (f"\n{self._form_more} more match: keep typing.", "$text-muted")
            )
        self.query_one("#pm-hint", Static).update(hint)

    def action_form_match(self, step: int) -> None:
        """Move through the matches from the name field; above the first means "someone new"."""
        options = self.query_one("#pm-matches", OptionList)
        if not self._form_shown:
            return
        index = options.highlighted
        if index is None:
            options.highlighted = 0 if step > 0 else None
        elif index + step < 0:
            options.highlighted = None
        else:
            options.highlighted = min(index + step, len(self._form_shown) - 1)
        self._form_update_hint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Down and Up drive the matches only from the name field."""
        if action == "form_match":
            return self.focused is not None and self.focused.id == "pm-name"
        return True

    @on(OptionList.OptionHighlighted, "#pm-matches")
    def _form_highlighted(self) -> None:
        self._form_update_hint()

    @on(OptionList.OptionSelected, "#pm-matches")
    def _form_selected(self) -> None:
        self.action_form_save()

    # Saving ------------------------------------------------------------------------------------

    def form_submit(self, input: Input) -> None:
        """Enter in the name or title field adds the person."""
        self.action_form_save()

    def form_result(self) -> tuple[Contact, bool, Role]:
        """The chosen contact, or a new one; refuses a name already on this panel."""
        role: Role = (
            "recruiter" if self.query_one("#pm-role", Select).value == "recruiter" else "panel"
        )
        chosen = self._form_chosen()
        if chosen is not None:
            return chosen, False, role
        name = self.form_text("pm-name")
        typed = fold(name)
        if any(fold(c.name) == typed for c in self._form_all if c.id in self._form_here):
            self.query_one("#pm-name", Input).focus()
            raise ValueError(f"{name} is already on this panel")
        contact = Contact(
            new_id("ct"), name, title=self.form_text("pm-title"), company=self._form_company_name
        )
        return contact, True, role
