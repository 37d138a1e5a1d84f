"""The company view: what you know about one employer and everyone you know there.

Its cooling-off period (where and when you learned it) and the day you may apply again, your
notes, every interview there with its stage, decision and feedback, the people there now and
those who used to work there. ``e`` edits the company, ``f`` adds feedback to the highlighted
interview, Enter edits its feedback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ...domain import (
    Company,
    Contact,
    Feedback,
    Interview,
    fold,
    last_no,
    panels_of,
    people_at,
    reapply_date,
    short_date,
)
from ...search import Hit
from ...store import Store
from ..commands import bindings_for
from ..services import UsesServices
from ..widgets.footer import Footer
from .forms_company import CompanyForm, FeedbackForm


def company_of(hit: Hit, store: Store, wanted: str | None = None) -> str | None:
    """The company a search hit leads to: an interview's; for a person, the known company they
    work at, else the latest they used to, else that of a panel they sat on. With ``wanted``
    (the query's ``company:`` filter), the first of those whose name holds it."""
    interview = store.interviews.get(hit.id) if hit.kind == "interview" else None
    contact = store.contacts.get(hit.id) if hit.kind != "interview" else None
    by_name = {fold(c.name): c.id for c in store.companies.values()}
    linked: list[str] = [interview.company_id] if interview else []
    if contact is not None:
        names = (contact.company, *(e.company for e in reversed(contact.past)))
        linked.extend(by_name[fold(n)] for n in names if fold(n) in by_name)
        linked.extend(p.company_id for p in panels_of(contact.id, store.interviews.values()))
    linked = [key for key in dict.fromkeys(linked) if key in store.companies]
    if wanted:
        key = fold(wanted)
        return next((c for c in linked if key in fold(store.companies[c].name)), None)
    return linked[0] if linked else None


def _day(day: date | None, today: date) -> str:
    return short_date(day, year=day.year != today.year) if day else "?"


def feedback_line(entry: Feedback, today: date) -> str:
    """One piece of feedback on one line: about what, when asked and when it came, the text."""
    when = []
    if entry.asked_on:
        when.append(f"asked {_day(entry.asked_on, today)}")
    when.append(f"came {_day(entry.received_on, today)}" if entry.received_on else "awaited")
    text = " ".join(entry.text.split())
    return f"About {entry.about.label} ({', '.join(when)})" + (f": {text}" if text else "")


def about_lines(company: Company, interviews: Iterable[Interview], today: date) -> list[str]:
    """The company's cooling-off period, the day you may apply again, and your notes."""
    interviews = list(interviews)
    if company.cooling_off_months is None:
        lines = ["Cooling-off: not known (e to note it)"]
    else:
        source = company.cooling_off_source or "source not noted"
        learned = company.cooling_off_learned_on
        heard = f", learned {_day(learned, today)}" if learned else ""
        lines = [f"Cooling-off: {company.cooling_off_months} months ({source}{heard})"]
        again = reapply_date(company, interviews)
        no = last_no(company.id, interviews)
        if again and no:
            since = "from" if again > today else "since"
            lines.append(
                f"You may apply again {since} {_day(again, today)} (the no of {_day(no, today)})"
            )
    if company.notes:
        lines.extend(["", *company.notes.splitlines()])
    return lines


def interview_content(interview: Interview, today: date) -> Content:
    """An interview as the company view lists it: role, stage, decision, then its feedback."""
    head = " · ".join(p for p in (interview.role, interview.level) if p)
    facts = [interview.stage.label]
    if interview.last_round:
        facts.append(f"last round {_day(interview.last_round, today)}")
    if interview.decision_date:
        facts.append(f"decided {_day(interview.decision_date, today)}")
    lines = [Content.assemble((head, "bold"), "  ", (", ".join(facts), "dim"))]
    lines.extend(Content("  " + feedback_line(f, today)) for f in interview.feedback)
    if not interview.feedback:
        lines.append(Content.styled("  No feedback noted (f to add)", "dim"))
    return Content("\n").join(lines)


def people_lines(now: Iterable[Contact], before: Iterable[Contact], name: str) -> list[str]:
    """Who you know at the company: there now, and those who used to be (until when)."""
    lines = ["There now:"]
    lines.extend(f"  {c.name}" + (f", {c.title}" if c.title else "") for c in now)
    if len(lines) == 1:
        lines.append("  nobody you know")
    lines.append("Used to work there:")
    earlier = []
    for contact in before:
        left = [e.until for e in contact.past if e.until and fold(e.company) == fold(name)]
        line = f"  {contact.name}, now at {contact.company or 'a company not noted'}"
        earlier.append(line + (f" (left {max(left):%b %Y})" if left else ""))
    return [*lines, *(earlier or ["  nobody you know"])]


class FeedbackPicker(ModalScreen[int | None]):
    """Which piece of an interview's feedback to edit, or a new one (-1)."""

    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, feedback: tuple[Feedback, ...], today: date, *, new: bool = True) -> None:
        super().__init__()
        self.feedback = feedback
        self.today = today
        self.new = new
        """Offer "Add new feedback" after the pieces there are."""

    def compose(self) -> ComposeResult:
        """The pieces of feedback, then "new"."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Feedback"
            box.border_subtitle = "Enter to choose · Esc to cancel"
            yield OptionList(
                *(
                    Option(Content(feedback_line(f, self.today)), id=str(i))
                    for i, f in enumerate(self.feedback)
                ),
                *([Option("Add new feedback", id="-1")] if self.new else []),
                id="feedback-choices",
            )

    @on(OptionList.OptionSelected, "#feedback-choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or "-1"))


class CompanyScreen(UsesServices, Screen[None]):
    """One company: its policy, your interviews there with their feedback, who you know."""

    SCOPE = "company"
    BINDINGS = bindings_for(SCOPE)
    CSS_PATH = "company.tcss"
    AUTO_FOCUS = "#company-interviews"

    def __init__(self, company_id: str, interview_id: str | None = None) -> None:
        super().__init__()
        self.company_id = company_id
        self.first_interview = interview_id
        self.interview_ids: list[str] = []

    def compose(self) -> ComposeResult:
        """The company, its interviews (a list to choose from), and its people."""
        yield Header()
        with VerticalScroll(id="company-body"):
            yield Static(id="company-about")
            yield Static(Content.styled("Interviews", "bold"), classes="company-heading")
            yield OptionList(id="company-interviews")
            yield Static(Content.styled("People", "bold"), classes="company-heading")
            yield Static(id="company-people")
        yield Footer()

    def on_mount(self) -> None:
        """Show the company, with the interview it was opened from highlighted."""
        self.show_company(self.first_interview)

    @property
    def company(self) -> Company | None:
        """The company shown (None once it is gone)."""
        return self.services.store.companies.get(self.company_id)

    def show_company(self, interview_id: str | None = None) -> None:
        """Draw everything again from the store, keeping ``interview_id`` highlighted."""
        company, store, today = self.company, self.services.store, self.services.today
        if company is None:
            self.dismiss()
            return
        self.title = company.name
        interviews = sorted(
            (i for i in store.interviews.values() if i.company_id == company.id),
            key=lambda i: (i.last_round or date.min, i.id),
            reverse=True,
        )
        about = [
            Content.styled(company.name, "bold"),
            *map(Content, about_lines(company, interviews, today)),
        ]
        self.query_one("#company-about", Static).update(Content("\n").join(about))
        self.interview_ids = [i.id for i in interviews]
        options = self.query_one("#company-interviews", OptionList)
        options.set_options(Option(interview_content(i, today), id=i.id) for i in interviews)
        if interview_id in self.interview_ids:
            options.highlighted = self.interview_ids.index(interview_id)
        elif interviews:
            options.highlighted = 0
        people = people_at(company.name, store.contacts.values())
        lines = people_lines(people.now, people.before, company.name)
        self.query_one("#company-people", Static).update(Content("\n".join(lines)))

    @property
    def interview(self) -> Interview | None:
        """The highlighted interview."""
        index = self.query_one("#company-interviews", OptionList).highlighted
        if index is None or index >= len(self.interview_ids):
            return None
        return self.services.store.interviews.get(self.interview_ids[index])

    def action_edit_company(self) -> None:
        """Edit the company: name, cooling-off period, where and when learned, notes."""
        company = self.company
        if company is None:
            return

        def saved(result: Company | None) -> None:
            if result is not None:
                self.services.store.put(result)
                self.show_company(self.interview.id if self.interview else None)
                self.notify("Company saved.")

        self.app.push_screen(CompanyForm(company), saved)

    def action_add_feedback(self) -> None:
        """Add a piece of feedback to the highlighted interview."""
        self._edit_feedback(-1)

    @on(OptionList.OptionSelected, "#company-interviews")
    def _interview_chosen(self) -> None:
        interview = self.interview
        if interview is None:
            return
        if not interview.feedback:
            self._edit_feedback(-1)
        elif len(interview.feedback) == 1:
            self._edit_feedback(0)
        else:
            picker = FeedbackPicker(interview.feedback, self.services.today)
            self.app.push_screen(picker, lambda i: None if i is None else self._edit_feedback(i))

    def _edit_feedback(self, index: int) -> None:
        interview = self.interview
        if interview is None:
            self.notify("No interview here to add feedback to.", severity="warning")
            return
        old = interview.feedback[index] if index >= 0 else None

        def saved(result: Feedback | None) -> None:
            current = self.services.store.interviews.get(interview.id)
            if result is None or current is None:
                return
            entries = list(current.feedback)
            if 0 <= index < len(entries):
                entries[index] = result
            else:
                entries.append(result)
            self.services.store.put(_with_feedback(current, tuple(entries)))
            self.show_company(current.id)
            self.notify("Feedback saved.")

        self.app.push_screen(FeedbackForm(old), saved)

    def action_delete_feedback(self) -> None:
        """Delete a piece of the highlighted interview's feedback, after a question."""
        interview = self.interview
        if interview is None or not interview.feedback:
            self.notify("This interview has no feedback to delete.", severity="warning")
            return
        if len(interview.feedback) == 1:
            self._delete_feedback(interview, 0)
            return
        picker = FeedbackPicker(interview.feedback, self.services.today, new=False)
        self.app.push_screen(
            picker, lambda i: None if i is None else self._delete_feedback(interview, i)
        )

    def _delete_feedback(self, interview: Interview, index: int) -> None:
        from .confirm import ConfirmDialog

        entry = interview.feedback[index]

        def answered(yes: bool | None) -> None:
            current = self.services.store.interviews.get(interview.id)
            if not yes or current is None or entry not in current.feedback:
                return
            kept = list(current.feedback)
            kept.remove(entry)  # the first equal piece: a copy typed twice loses one
            self.services.store.put(_with_feedback(current, tuple(kept)))
            self.show_company(current.id)
            self.notify("Feedback deleted.")

        self.app.push_screen(
            ConfirmDialog(
                "Delete this feedback?",
                Content(feedback_line(entry, self.services.today)),
                confirm_label="Delete",
            ),
            answered,
        )

    def action_close(self) -> None:
        """Back to where the company view was opened from."""
        self.dismiss()


def _with_feedback(interview: Interview, feedback: tuple[Feedback, ...]) -> Interview:
    return replace(interview, feedback=feedback)
