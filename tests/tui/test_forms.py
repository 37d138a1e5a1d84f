"""The forms and the confirmation dialog, driven with keys on the real app over a real store file.

Every test checks both sides: what the store holds afterwards, and what the screen shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from followup_tui.demo.dataset import demo_dataset
from followup_tui.domain import Employment, Stage, fold
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.forms import (
    parse_cadence,
    parse_dates,
    parse_email,
    parse_list,
    parse_optional_date,
    required,
)
from followup_tui.tui.screens.forms_contact import ContactForm
from followup_tui.tui.screens.forms_interview import InterviewForm
from followup_tui.tui.screens.forms_panel import PanelMemberForm
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.people import PeopleList

from .screen_text import wait_for

TODAY = date(2026, 11, 26)
SIZE = (120, 35)


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A store on a fresh temp file: the first run."""
    store = Store.open(tmp_path / "f.json")
    yield store
    store.close()


def screen_text(pilot: Pilot[None]) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def shown(pilot: Pilot[None], selector: str) -> str:
    """The text of a Static on the current screen ("" when it is hidden)."""
    widget = pilot.app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display and widget.has_class("-shown") else ""


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """Focus a field of the current screen and set its text, replacing what was there.

    The field sees the same change as from typing (``Input.Changed``, live validation); the
    keys themselves are not what these tests are about. A few tests below do type, key by key.
    """
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()


async def go_to_interview(pilot: Pilot[None], interview_id: str) -> None:
    """Highlight one interview in the list, which gets the focus."""
    listing = pilot.app.screen.query_one(InterviewList)
    listing.focus()
    index = next((i for i, row in enumerate(listing.rows) if row.id == interview_id), None)
    assert index is not None, f"{interview_id} is not in the list"
    listing.highlighted = index
    await pilot.pause()
    assert selected_interview(pilot) == interview_id


async def go_to_person(pilot: Pilot[None], interview_id: str, contact_id: str) -> None:
    """Select an interview, Enter into its panel, and highlight one person."""
    await go_to_interview(pilot, interview_id)
    await pilot.press("enter")
    people = pilot.app.screen.query_one(PeopleList)
    assert people.has_focus
    index = people.get_option_index(contact_id)  # raises when they are not on the panel
    people.highlighted = index
    await pilot.pause()
    assert people.highlighted_option is not None
    assert people.highlighted_option.id == contact_id


def question(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#confirm-question", Static).render())


def consequence(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#confirm-consequence", Static).render())


def selected_interview(pilot: Pilot[None]) -> str | None:
    row = pilot.app.screen.query_one(InterviewList).highlighted_row
    return row.id if row else None


# Interviews --------------------------------------------------------------------------------------


async def test_add_an_interview_with_a_new_company(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    companies, interviews = len(store.companies), len(store.interviews)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, InterviewForm)
        await pilot.press(*"Zeta Corp", "tab", *"SRE", "tab")  # typed, key by key
        await type_into(pilot, "#iv-level", "Senior")
        await type_into(pilot, "#iv-rounds", "2026-11-20, 2026-11-24")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(store.companies) == companies + 1
        assert len(store.interviews) == interviews + 1
        company = next(c for c in store.companies.values() if c.name == "Zeta Corp")
        interview = next(i for i in store.interviews.values() if i.company_id == company.id)
        assert company.id.startswith("co_") and interview.id.startswith("iv_")
        assert (interview.role, interview.level) == ("SRE", "Senior")
        assert interview.stage is Stage.APPLIED
        assert interview.rounds == (date(2026, 11, 20), date(2026, 11, 24))
        assert selected_interview(pilot) == interview.id
        assert "Zeta Corp · SRE" in screen_text(pilot)


async def test_an_existing_company_name_is_reused_whatever_its_case(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    companies = len(store.companies)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_into(pilot, "#iv-company", "  acme   CLOUD ")
        await type_into(pilot, "#iv-role", "SRE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(store.companies) == companies
        interview = next(i for i in store.interviews.values() if i.role == "SRE")
        assert interview.company_id == "co_acme"
        assert "Acme Cloud · SRE" in screen_text(pilot)


async def test_the_company_field_completes_a_known_name(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"orch")
        await pilot.pause()
        await pilot.press("right")  # take the suggestion
        assert app.screen.query_one("#iv-company", Input).value == "Orchard Labs"


async def test_errors_show_in_place_and_nothing_is_saved(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    before = dict(store.interviews)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert shown(pilot, "#iv-company-error") == ""  # no scolding before anything is typed
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InterviewForm)
        assert shown(pilot, "#iv-company-error") == "Company is required"
        assert shown(pilot, "#iv-role-error") == "Role is required"
        assert "Company is required" in screen_text(pilot)
        assert app.screen.focused is app.screen.query_one("#iv-company")

        await type_into(pilot, "#iv-company", "Kestrel Robotics")
        await type_into(pilot, "#iv-role", "QA")
        assert shown(pilot, "#iv-company-error") == ""
        assert shown(pilot, "#iv-role-error") == ""  # fixed while typing
        await type_into(pilot, "#iv-rounds", "2026-11-02, 2026-02-30")
        await type_into(pilot, "#iv-decision", "soon")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InterviewForm)
        assert shown(pilot, "#iv-rounds-error") == "'2026-02-30' is not a date (use YYYY-MM-DD)"
        assert shown(pilot, "#iv-decision-error") == "'soon' is not a date (use YYYY-MM-DD)"
        assert "'2026-02-30' is not a date (use YYYY-MM-DD)" in screen_text(pilot)
        assert dict(store.interviews) == before

        await type_into(pilot, "#iv-rounds", "2026-11-02")
        await type_into(pilot, "#iv-decision", "2026-10-01")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InterviewForm)
        assert "is before the first round" in shown(pilot, "#form-error")
        assert dict(store.interviews) == before

        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert dict(store.interviews) == before


async def test_edit_an_interview_stage_keeps_its_panel(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    old = store.interviews["iv_lumen_data"]
    async with app.run_test(size=SIZE) as pilot:
        await go_to_interview(pilot, "iv_lumen_data")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert form.query_one("#iv-role", Input).value == "Data Platform Engineer"
        assert form.query_one("#iv-company", Input).value == "Lumen Health"
        form.query_one("#iv-stage").focus()
        await pilot.press("enter", "down", "enter")  # awaiting decision -> rejected
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = store.interviews["iv_lumen_data"]
        assert new.stage is Stage.REJECTED
        assert (new.panel, new.rounds, new.company_id) == (old.panel, old.rounds, old.company_id)
        assert len(store.interviews) == len(demo_dataset(TODAY).interviews)
        assert selected_interview(pilot) == "iv_lumen_data"
        row = next(
            line
            for line in screen_text(pilot).splitlines()
            if "│● Lumen" in line or "│  Lumen" in line
        )
        assert "rejected" in row


# Panels and contacts -----------------------------------------------------------------------------


async def test_add_an_existing_contact_to_a_second_panel(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    contacts = len(store.contacts)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_orchard_devex", "ct_mateo")
        await pilot.press("a")
        assert isinstance(app.screen, PanelMemberForm)
        await pilot.press(*"jose")  # no accent, no capital: still José
        assert "José Álvarez-Núñez" in screen_text(pilot)
        assert "creates a new contact" in shown_hint(pilot)
        await pilot.press("down")
        assert "Enter adds José Álvarez-Núñez" in shown_hint(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(store.contacts) == contacts
        assert "ct_jose" in store.interviews["iv_orchard_devex"].panel
        assert "ct_jose" in store.interviews["iv_kestrel_fleet"].panel
        people = app.screen.query_one(PeopleList)
        assert people.has_focus and people.highlighted_option is not None
        assert people.highlighted_option.id == "ct_jose"


def shown_hint(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#pm-hint", Static).render())


async def test_an_exact_name_picks_the_existing_contact(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    contacts = len(store.contacts)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_orchard_devex", "ct_mateo")
        await pilot.press("a")
        await type_into(pilot, "#pm-name", "priya raman")
        await pilot.press("enter")
        await pilot.pause()
        assert len(store.contacts) == contacts
        assert "ct_priya" in store.interviews["iv_orchard_devex"].panel


async def test_the_picker_folds_names_as_search_does(store: Store) -> None:
    # "soren" must find Søren Kjær (ø is a letter NFKD keeps), and his full name typed without
    # accents must pick him rather than create a second Søren.
    app = FollowupApp(store, today=TODAY)
    contacts = len(store.contacts)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_orchard_devex", "ct_mateo")
        await pilot.press("a")
        await type_into(pilot, "#pm-name", "soren")
        assert "Søren Kjær" in screen_text(pilot)
        await type_into(pilot, "#pm-name", "SOREN  kjaer")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert len(store.contacts) == contacts
        assert "ct_soren" in store.interviews["iv_orchard_devex"].panel


async def test_someone_already_on_the_panel_is_refused(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    contacts = len(store.contacts)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_kestrel_fleet", "ct_jose")
        await pilot.press("a")
        await type_into(pilot, "#pm-name", "Priya Raman")
        await pilot.press("enter")
        assert isinstance(app.screen, PanelMemberForm)
        assert "Priya Raman is already on this panel" in screen_text(pilot)
        assert len(store.contacts) == contacts


async def test_add_a_new_panel_member_and_a_recruiter(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    contacts = len(store.contacts)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_orchard_devex", "ct_mateo")
        await pilot.press("a")
        await type_into(pilot, "#pm-name", "Nadia Quinn")
        await type_into(pilot, "#pm-title", "Staff SRE")
        await pilot.press("enter")
        await pilot.pause()
        assert len(store.contacts) == contacts + 1
        nadia = next(c for c in store.contacts.values() if c.name == "Nadia Quinn")
        assert (nadia.title, nadia.company) == ("Staff SRE", "Orchard Labs")
        assert store.interviews["iv_orchard_devex"].panel == (nadia.id,)
        highlighted = app.screen.query_one(PeopleList).highlighted_option
        assert highlighted is not None and highlighted.id == nadia.id
        assert "Nadia Quinn" in screen_text(pilot)

        await pilot.press("a")
        await type_into(pilot, "#pm-name", "Omar Haddad")
        app.screen.query_one("#pm-role").focus()
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        omar = next(c for c in store.contacts.values() if c.name == "Omar Haddad")
        interview = store.interviews["iv_orchard_devex"]
        assert interview.recruiter_id == omar.id
        assert interview.panel == (nadia.id,)
        assert "ct_mateo" in store.contacts  # the old recruiter is still a contact


async def test_editing_a_contacts_company_records_the_move(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    old = store.contacts["ct_jose"]
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_kestrel_fleet", "ct_jose")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ContactForm)
        assert not form.query_one("#ct-move-row").display
        await type_into(pilot, "#ct-company", "Orchard Labs")
        assert form.query_one("#ct-move-row").display
        assert form.query_one("#ct-move", Checkbox).value is True
        await type_into(pilot, "#ct-title", "Director of Engineering")
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = store.contacts["ct_jose"]
        assert (new.company, new.title, new.company_since) == (
            "Orchard Labs",
            "Director of Engineering",
            TODAY,
        )
        assert new.past == (*old.past, Employment("Kestrel Robotics", "Engineering Manager", TODAY))
        assert new.touches == old.touches and new.tidbits == old.tidbits
        details = str(app.screen.query_one("#person-text", Static).render())
        assert "Orchard Labs (since Nov 2026)" in details
        assert "was Engineering Manager at Kestrel Robotics, until Nov 2026" in details
        assert "Orchard Labs" in screen_text(pilot)  # "(since" may wrap beside the scrollbar


async def test_unticking_the_move_just_corrects_the_company(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    old = store.contacts["ct_priya"]
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_kestrel_fleet", "ct_priya")
        await pilot.press("e")
        await type_into(pilot, "#ct-company", "Kestrel Robotics Inc")
        app.screen.query_one("#ct-move").focus()
        await pilot.press("space")
        await type_into(pilot, "#ct-cadence", "0")
        await pilot.press("ctrl+s")
        assert shown(pilot, "#ct-cadence-error") == "Cadence must be between 1 and 3650 days"
        await type_into(pilot, "#ct-cadence", "45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = store.contacts["ct_priya"]
        assert (new.company, new.past, new.company_since) == (
            "Kestrel Robotics Inc",
            old.past,
            old.company_since,
        )
        assert new.cadence_days == 45


# Deleting ----------------------------------------------------------------------------------------


async def test_deleting_an_interview_asks_first(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_interview(pilot, "iv_fjord_platform")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        assert question(pilot) == "Delete the interview Fjord Analytics · Staff Platform Engineer?"
        assert "The 3 people on its panel stay in your contacts" in consequence(pilot)
        assert "Delete the interview Fjord Analytics · Staff Platform" in screen_text(pilot)
        await pilot.press("n")
        assert "iv_fjord_platform" in store.interviews

        await pilot.press("d", "escape")
        await pilot.press("d", "enter")  # focus starts on Cancel
        assert isinstance(app.screen, MainScreen)
        assert "iv_fjord_platform" in store.interviews

        await pilot.press("d", "y")
        await pilot.pause()
        assert "iv_fjord_platform" not in store.interviews
        assert {"ct_soren", "ct_zoe", "ct_noa"} <= set(store.contacts)
        assert "Staff Platform Engineer" not in screen_text(pilot)
        assert selected_interview(pilot) is not None


async def test_remove_a_panel_member_keeps_the_contact(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_kestrel_fleet", "ct_priya")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert question(pilot) == "Remove Priya Raman from this panel?"
        assert "Remove Priya Raman from this panel?" in screen_text(pilot)
        assert dialog.query_one("#confirm-option", Checkbox).value is False
        await pilot.press("y")
        await pilot.pause()
        assert "ct_priya" not in store.interviews["iv_kestrel_fleet"].panel
        assert "ct_priya" in store.contacts
        assert "Priya Raman" not in screen_text(pilot)
        assert app.screen.query_one(PeopleList).has_focus


async def test_remove_and_delete_a_contact_on_no_other_panel(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_kestrel_fleet", "ct_priya")
        await pilot.press("d")
        app.screen.query_one("#confirm-option").focus()
        await pilot.press("space", "y")
        await pilot.pause()
        assert "ct_priya" not in store.contacts
        assert "ct_priya" not in store.interviews["iv_kestrel_fleet"].panel


async def test_someone_on_another_panel_cannot_be_deleted_from_here(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_person(pilot, "iv_halcyon_backend", "ct_lukasz")
        await pilot.press("d")
        assert not app.screen.query("#confirm-option")
        assert consequence(pilot).endswith("and on 1 other panel.")
        await pilot.press("y")
        await pilot.pause()
        assert "ct_lukasz" in store.contacts
        assert "ct_lukasz" in store.interviews["iv_acme_platform"].panel
        assert "ct_lukasz" not in store.interviews["iv_halcyon_backend"].panel


# First run and hostile text ----------------------------------------------------------------------


async def test_first_run_a_opens_the_interview_form(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert "Press a to add your first interview" in screen_text(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, InterviewForm)
        await type_into(pilot, "#iv-company", "Acme")
        await type_into(pilot, "#iv-role", "Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.name for c in empty_store.companies.values()] == ["Acme"]
        assert [i.role for i in empty_store.interviews.values()] == ["Engineer"]
        assert "Acme · Engineer" in screen_text(pilot)
        assert app.screen.query_one(InterviewList).has_focus


async def test_markup_in_names_is_saved_and_shown_literally(empty_store: Store) -> None:
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        # Typed key by key: brackets, = and @ must reach the field as text, not as commands.
        await pilot.press("a", *"[b]Ann[/]", "tab")
        await type_into(pilot, "#iv-role", "[@click=app.quit]x[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        interview = next(iter(empty_store.interviews.values()))
        assert interview.role == "[@click=app.quit]x[/]"
        assert empty_store.companies[interview.company_id].name == "[b]Ann[/]"
        text = screen_text(pilot)
        row = next(line for line in text.splitlines() if "[@click=" in line)
        assert "[b]Ann[" in row  # the list row, cut to its width, as typed

        await pilot.press("enter", "a")
        await type_into(pilot, "#pm-name", "[@click=app.quit]x[/]")
        await pilot.press("enter")
        await pilot.pause()
        person = next(iter(empty_store.contacts.values()))
        assert person.name == "[@click=app.quit]x[/]"
        assert "[@click=app.quit]x[/]" in screen_text(pilot)

        await pilot.press("d")
        assert question(pilot) == "Remove [@click=app.quit]x[/] from this panel?"
        assert "Remove [@click=app.quit]x[/] from this panel?" in screen_text(pilot)
        await pilot.press("n")
        await pilot.press("e")
        assert app.screen.query_one("#ct-name", Input).value == "[@click=app.quit]x[/]"
        await pilot.press("escape")
        assert app.is_running
        assert isinstance(app.screen, MainScreen)


async def test_the_form_scrolls_to_every_field_at_80x24(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert "Company" in screen_text(pilot)
        save = app.screen.query_one("#form-save")
        for _ in range(20):
            if save.has_focus:
                break
            await pilot.press("tab")
        assert save.has_focus
        await pilot.pause()
        text = screen_text(pilot)
        assert "Save" in text and "Tags" in text
        assert "Company" not in text  # scrolled out of sight, not squeezed


# The parsers behind the fields -------------------------------------------------------------------


def test_parsers_turn_text_into_values_or_say_what_is_wrong() -> None:
    assert parse_dates(" 2026-11-20 ,, 2026-11-02 ") == (date(2026, 11, 20), date(2026, 11, 2))
    assert parse_dates("") == ()
    with pytest.raises(ValueError, match=r"^'2026-13-01' is not a date \(use YYYY-MM-DD\)$"):
        parse_dates("2026-11-20, 2026-13-01")
    assert parse_optional_date("  ") is None
    assert parse_list("platform, , Remote Work ") == ("platform", "Remote Work")
    assert parse_cadence("") is None and parse_cadence(" 30 ") == 30
    for bad, message in (
        ("0", "between 1 and 3650"),
        ("3651", "between 1 and 3650"),
        ("monthly", "not a whole number"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_cadence(bad)
    assert parse_email("") == "" and parse_email(" ann@example.com ") == "ann@example.com"
    for bad in ("ann", "@example.com", "ann@", "ann smith@example.com"):
        with pytest.raises(ValueError, match="does not look like an email address"):
            parse_email(bad)
    with pytest.raises(ValueError, match=r"^Company is required$"):
        required("Company")("   ")


def test_names_match_without_case_or_accents() -> None:
    assert fold("José  Álvarez-Núñez") == "jose alvarez-nunez"
    assert fold("Zoë MÜLLER") == fold("zoe muller")
    assert fold("Łukasz") == "lukasz"  # typed without the stroke, as search finds it
    assert fold("Søren Kjær") == "soren kjaer"
    assert fold("O’Brien") == fold("O'Brien") == fold("obrien")
    assert fold("田中 陽子") == "田中 陽子"
    assert fold("  acme   CLOUD ") == fold("Acme Cloud")
    assert fold("Société") == fold("Socie\u0301te\u0301")  # composed or not
