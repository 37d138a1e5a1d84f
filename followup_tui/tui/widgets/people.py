"""The panel pane: who sat on the selected interview, and everything known about one of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import ConnectionStatus, Contact, Interview, Settings, TouchStatus, next_due
from ..commands import bindings_for

_STATUS_STYLE = {
    ConnectionStatus.CONNECTED: "$success",
    ConnectionStatus.REPLIED: "$success",
    ConnectionStatus.INVITE_SENT: "$warning",
    ConnectionStatus.NOTE_DRAFTED: "$accent",
    ConnectionStatus.IGNORED: "$text-muted",
}


class PeopleList(OptionList):
    """The panel and the recruiter of one interview; option ids are contact ids."""

    BINDINGS = bindings_for("people")

    def show_people(
        self, interview: Interview | None, people: Sequence[Contact], keep: str | None = None
    ) -> None:
        """Replace the options with these people, keeping ``keep`` highlighted if present."""
        options = []
        for contact in people:
            role = "recruiter" if interview and contact.id == interview.recruiter_id else ""
            label = Content.assemble(
                (contact.name, "bold"),
                (f"  {contact.title}" if contact.title else "", "$text-muted"),
                (f"  ({role})" if role else "", "italic $text-muted"),
            )
            options.append(Option(label, id=contact.id))
        self.set_options(options)
        ids = [c.id for c in people]
        if ids:
            self.highlighted = ids.index(keep) if keep in ids else 0


class PanelSat(NamedTuple):
    """A panel the person sat on, as the details show it: the company's name, role, day."""

    company: str
    role: str
    on: date | None


def _gist(text: str) -> str:
    """The first line worth showing in a history: a greeting such as "Hi Ann," says nothing."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and len(lines[0].split()) <= 4 and lines[0].endswith((",", "!")):
        lines = lines[1:]
    return lines[0] if lines else ""


def _line(label: str, value: str | Content) -> Content:
    text = value if isinstance(value, Content) else Content(value or "—")
    return Content.assemble((f"{label:<10}", "$text-muted"), text, "\n")


def person_content(
    contact: Contact, settings: Settings, today: date, panels: Sequence[PanelSat] = ()
) -> Content:
    """Everything about one person, as text: user text stays text, never markup. ``panels``
    are the panels they sat on, newest first."""
    parts = [Content.styled(contact.name, "bold"), Content("\n")]
    parts.append(_line("Title", contact.title))
    company = contact.company
    if contact.company_since:
        company = f"{company} (since {contact.company_since:%b %Y})"
    parts.append(_line("Company", company))
    for past in contact.past:
        when = f", until {past.until:%b %Y}" if past.until else ""
        parts.append(
            _line(
                "",
                Content.styled(
                    f"was {past.title} at {past.company}{when}"
                    if past.title
                    else f"was at {past.company}{when}",
                    "$text-muted",
                ),
            )
        )
    parts.append(_line("Email", contact.email))
    parts.append(_line("LinkedIn", contact.linkedin))
    if contact.phone:
        parts.append(_line("Phone", contact.phone))
    parts.append(
        _line("Status", Content.styled(contact.status.label, _STATUS_STYLE.get(contact.status, "")))
    )
    last = contact.last_touch()
    parts.append(_line("Last", f"{last.date:%d %b %Y} · {last.kind.label}" if last else "never"))
    due = next_due(contact, settings)
    if due is None:
        parts.append(_line("Next", "after the first note"))
    else:
        late = " (due now)" if due <= today else ""
        parts.append(
            _line("Next", Content.styled(f"{due:%d %b %Y}{late}", "$warning" if late else ""))
        )
    if contact.tidbits:
        parts.append(Content.styled("\nTidbits\n", "bold"))
        parts.extend(Content.assemble("• ", tidbit, "\n") for tidbit in contact.tidbits)
    if panels:
        parts.append(Content.styled("\nPanels\n", "bold"))
        parts.extend(
            Content.assemble(
                (f"{p.on:%d %b %Y} " if p.on else "undated     ", "$text-muted"),
                p.company,
                " · ",
                p.role,
                "\n",
            )
            for p in panels
        )
    parts.append(Content.styled("\nHistory\n", "bold"))
    history = sorted(contact.touches, key=lambda t: t.date, reverse=True)
    if not history:
        parts.append(Content.styled("No notes yet.\n", "$text-muted"))
    for touch in history:
        first = _gist(touch.text)
        draft = touch.status is TouchStatus.DRAFT
        parts.append(
            Content.assemble(
                (f"{touch.date:%d %b %Y} ", "$text-muted"),
                (touch.kind.label, "italic $accent" if draft else "bold"),
                (" (draft)" if draft else f" · {touch.channel.label}", "$text-muted"),
                "\n",
                (f"  {first[:120]}\n" if first else "", ""),
            )
        )
    return Content("").join(parts)


class PersonDetails(VerticalScroll, can_focus=False):
    """The selected person's details; fed by the screen, never reads the store itself."""

    def compose(self):  # type: ignore[no-untyped-def]
        """One static text, replaced as the selection moves."""
        yield Static(id="person-text")

    def show_person(
        self,
        contact: Contact | None,
        settings: Settings,
        today: date,
        empty: str = "Nobody on this panel yet. Focus the panel and press a.",
        panels: Sequence[PanelSat] = (),
    ) -> None:
        """Show ``contact`` (with the ``panels`` they sat on), or a hint when there is nobody."""
        text = (
            person_content(contact, settings, today, panels)
            if contact
            else Content.styled(empty, "italic $text-muted")
        )
        self.query_one("#person-text", Static).update(text)
        self.scroll_home(animate=False)
