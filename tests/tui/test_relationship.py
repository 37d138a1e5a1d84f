"""The relationship in the app: the connection as dated actions, the company view with its
cooling-off period and feedback, from the main screen and the review."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Static

from followup_tui.domain import ConnectionStatus, FeedbackAbout, TouchKind, add_months, short_date
from followup_tui.review.queue import ItemKind
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.company import CompanyScreen
from followup_tui.tui.screens.connection import ConnectionDialog
from followup_tui.tui.screens.forms_company import CompanyForm, FeedbackForm
from followup_tui.tui.screens.review import ReviewScreen

from .conftest import TODAY
from .screen_text import current, notices, screen_text, wait_for
from .test_forms import type_into
from .test_main_screen import go_to_interview, go_to_person
from .test_review_screen import open_review_at


def contact_named(store: Store, name: str) -> str:
    return next(c.id for c in store.contacts.values() if c.name == name)


async def test_they_accepted_is_one_action_dated_today(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    zoe = contact_named(demo_store, "Zoë Müller")
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConnectionDialog), "dialog")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "accepted" in notices(demo_app), "the notice")
        contact = demo_store.contacts[zoe]
        assert contact.status is ConnectionStatus.CONNECTED
        last = contact.touches[-1]
        assert (last.kind, last.date) == (TouchKind.INVITE_ACCEPTED, TODAY)
        assert "invitation accepted" in screen_text(demo_app)


async def test_a_reply_received_keeps_its_day_and_text(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    zoe = contact_named(demo_store, "Zoë Müller")
    day = TODAY - timedelta(days=3)
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConnectionDialog), "dialog")
        await type_into(pilot, "#connection-date", day.isoformat())
        await type_into(pilot, "#connection-text", "[b]Happy[/b] to connect!")
        actions = demo_app.screen.query_one("#connection-actions", OptionList)
        actions.focus()
        actions.highlighted = 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: "reply" in notices(demo_app), "the notice")
        contact = demo_store.contacts[zoe]
        last = contact.touches[-1]
        assert (last.kind, last.date, last.text) == (
            TouchKind.REPLY,
            day,
            "[b]Happy[/b] to connect!",
        )
        assert contact.status is ConnectionStatus.REPLIED


async def test_a_day_to_come_is_refused(demo_app: FollowupApp, demo_store: Store) -> None:
    zoe = contact_named(demo_store, "Zoë Müller")
    before = demo_store.contacts[zoe]
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConnectionDialog), "dialog")
        await type_into(pilot, "#connection-date", (TODAY + timedelta(days=1)).isoformat())
        demo_app.screen.query_one("#connection-actions", OptionList).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "still to come" in screen_text(demo_app), "the error")
        assert demo_store.contacts[zoe] == before


async def test_they_accepted_is_the_first_choice_on_a_pending_invitation(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        _, contact_id = await open_review_at(pilot, ItemKind.INVITE_PENDING)
        await pilot.press("x")
        await wait_for(pilot, lambda: "They accepted" in screen_text(demo_app), "the choices")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "they accepted" in notices(demo_app), "the notice")
        contact = demo_store.contacts[contact_id]
        assert contact.status is ConnectionStatus.CONNECTED
        assert (contact.touches[-1].kind, contact.touches[-1].date) == (
            TouchKind.INVITE_ACCEPTED,
            TODAY,
        )


async def test_the_company_view_shows_the_policy_the_feedback_and_the_people(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 45)) as pilot:
        await go_to_interview(pilot, "Acme Cloud")
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        text = screen_text(demo_app)
        assert "Cooling-off: 6 months (Recruiter said on the phone" in text
        assert "learned" in text and "ou may apply again" in text
        assert "About the company" in text and "no detailed feedback" in text
        assert "Daniel Okafor" in text  # there now
        assert "Łukasz Wróbel, now at Halcyon Pay (left" in text  # used to be
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, CompanyScreen), "back")


async def test_the_cooling_off_period_is_entered_in_the_app(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    learned = TODAY - timedelta(days=2)
    async with demo_app.run_test(size=(120, 45)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        assert "Cooling-off: not known" in screen_text(demo_app)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyForm), "the form")
        await type_into(pilot, "#co-months", "6")
        await type_into(pilot, "#co-source", "Noa, the recruiter")
        await type_into(pilot, "#co-learned", learned.isoformat())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        company = demo_store.companies["co_fjord"]
        assert (company.cooling_off_months, company.cooling_off_source) == (6, "Noa, the recruiter")
        assert company.cooling_off_learned_on == learned
        again = add_months(TODAY - timedelta(days=3), 6)  # the no came three days ago
        assert f"You may apply again from {short_date(again, year=True)}" in screen_text(demo_app)


async def test_feedback_is_added_with_its_subject_and_days(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 45)) as pilot:
        await go_to_interview(pilot, "Lumen Health")
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FeedbackForm), "the form")
        await type_into(pilot, "#fb-asked", (TODAY - timedelta(days=1)).isoformat())
        demo_app.screen.query_one("#fb-text").text = "Great [red]team[/red] fit"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        interview = demo_store.interviews["iv_lumen_data"]
        assert [(f.about, f.text) for f in interview.feedback] == [
            (FeedbackAbout.ROLE, "Great [red]team[/red] fit")
        ]
        assert "Great [red]team[/red] fit" in screen_text(demo_app)


async def test_a_piece_of_feedback_is_deleted_only_after_a_question(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    from followup_tui.tui.screens.company import FeedbackPicker
    from followup_tui.tui.screens.confirm import ConfirmDialog

    before = demo_store.interviews["iv_fjord_platform"].feedback
    assert len(before) == 2
    async with demo_app.run_test(size=(120, 45), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        await pilot.press("x")  # two pieces: which one?
        picker = current(demo_app, FeedbackPicker)
        assert picker.query_one(OptionList).option_count == 2  # no "Add new" when deleting
        await pilot.press("down", "enter")
        current(demo_app, ConfirmDialog)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        assert demo_store.interviews["iv_fjord_platform"].feedback == before
        await pilot.press("x", "down", "enter")
        current(demo_app, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, lambda: "Feedback deleted" in notices(demo_app), "the notice")
        assert list(demo_store.interviews["iv_fjord_platform"].feedback) == [before[0]]


async def test_a_move_dated_last_month_and_the_panels_a_person_sat_on(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    from followup_tui.domain import Employment
    from followup_tui.tui.screens.forms_contact import ContactForm

    last_month = TODAY - timedelta(days=30)
    old = demo_store.contacts["ct_jose"]
    async with demo_app.run_test(size=(120, 45)) as pilot:
        await go_to_interview(pilot, "Kestrel Robotics")
        await go_to_person(pilot, "José Álvarez-Núñez")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ContactForm), "the form")
        await type_into(pilot, "#ct-company", "Orchard Labs")
        assert demo_app.screen.query_one("#ct-move-date-row").display
        await type_into(pilot, "#ct-title", "Director of Engineering")
        await type_into(pilot, "#ct-move-date", last_month.isoformat())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, ContactForm), "saved")
        new = demo_store.contacts["ct_jose"]
        assert (new.company, new.title, new.company_since) == (
            "Orchard Labs",
            "Director of Engineering",
            last_month,
        )
        assert new.past[-1] == Employment("Kestrel Robotics", old.title, last_month)
        text = str(demo_app.screen.query_one("#person-text", Static).render())
        assert f"Orchard Labs (since {last_month:%b %Y})" in text, text
        assert "Panels" in text and "Kestrel Robotics · Backend Engineer, Fleet" in text


async def test_a_status_chosen_in_the_form_is_logged_with_the_day(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    from textual.widgets import Select

    from followup_tui.tui.screens.forms_contact import ContactForm

    zoe = contact_named(demo_store, "Zoë Müller")
    async with demo_app.run_test(size=(120, 45)) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ContactForm), "the form")
        demo_app.screen.query_one("#ct-status", Select).value = ConnectionStatus.CONNECTED
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, ContactForm), "saved")
        contact = demo_store.contacts[zoe]
        assert contact.status is ConnectionStatus.CONNECTED
        assert (contact.touches[-1].kind, contact.touches[-1].date) == (
            TouchKind.INVITE_ACCEPTED,
            TODAY,
        )


async def test_the_panel_says_when_you_may_apply_again(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await go_to_interview(pilot, "Acme Cloud")
        await wait_for(pilot, lambda: "reapply from" in screen_text(demo_app), "the date")
        await go_to_interview(pilot, "Lumen Health")
        await wait_for(pilot, lambda: "reapply from" not in screen_text(demo_app), "no date")


async def test_who_do_you_know_at_a_company_from_search(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    from followup_tui.tui.screens.search import SearchScreen

    from .test_search_screen import search_for, wait_for_index

    async with demo_app.run_test(size=(120, 45)) as pilot:
        await wait_for_index(pilot)  # built in a thread once the first frame is drawn
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, SearchScreen), "the search")
        await search_for(pilot, "company:acme łukasz")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, CompanyScreen), "the view")
        assert current(demo_app, CompanyScreen).company_id == "co_acme"
        assert "Łukasz Wróbel, now at Halcyon Pay" in screen_text(demo_app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, SearchScreen), "the search")


async def test_a_reply_is_logged_from_the_review(demo_app: FollowupApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        item, contact_id = await open_review_at(pilot, ItemKind.KEEP_IN_TOUCH)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConnectionDialog), "dialog")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "reply received" in notices(demo_app), "the notice")
        contact = demo_store.contacts[contact_id]
        assert (contact.touches[-1].kind, contact.touches[-1].date) == (TouchKind.REPLY, TODAY)
        screen = current(demo_app, ReviewScreen)
        await wait_for(pilot, lambda: item.key not in [i.key for i in screen.items], "the item")


async def test_a_cooling_off_period_entered_in_the_app_comes_back_six_months_on(
    empty_store: Store,
) -> None:
    from followup_tui.domain import Company, Interview, Stage

    decided = TODAY - timedelta(days=2)
    empty_store.put(Company("co_n", "Northwind"))
    empty_store.put(
        Interview(
            "iv_n", "co_n", "SRE", rounds=(decided,), stage=Stage.REJECTED, decision_date=decided
        )
    )
    app = FollowupApp(empty_store, today=TODAY)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CompanyScreen), "the view")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, CompanyForm), "the form")
        await type_into(pilot, "#co-months", "6")
        await type_into(pilot, "#co-source", "the recruiter")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, CompanyScreen), "the view")
    later = add_months(decided, 6)
    app = FollowupApp(empty_store, today=later)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: "you may apply again" in screen_text(app), "the review")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReviewScreen), "main")
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CompanyScreen), "the view")
        assert f"You may apply again since {short_date(later)}" in screen_text(app)
