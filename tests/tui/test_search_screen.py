"""Search from the app: type, see results, Enter lands on the person or interview."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from followup_tui.domain import Company, Contact, Interview
from followup_tui.search import CUT_HINT, MAX_QUERY, Hit
from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.search import SearchScreen
from followup_tui.tui.widgets.note_editor import NoteEditor
from followup_tui.tui.widgets.virtual_list import VirtualList

from .screen_text import current, screen_text, wait_for, widget_text


async def wait_for_index(pilot: Pilot[None]) -> None:
    """Wait until the app's background worker has built the search index."""
    app = pilot.app
    assert isinstance(app, FollowupApp)
    await wait_for(pilot, lambda: app.search_index is not None, "the search index")


async def search_for(pilot: Pilot[None], query: str) -> None:
    """Put ``query`` in the search box in one change, as a paste would, and wait for results."""
    box = pilot.app.screen.query_one(Input)
    box.value = query
    await pilot.pause()


async def test_type_see_results_enter_lands_on_the_person(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        assert isinstance(demo_app.screen, SearchScreen)
        await pilot.press(*"mul")
        await pilot.pause()
        assert "Zoë Müller" in screen_text(demo_app)
        await pilot.press("enter")
        await pilot.pause()
        screen = current(demo_app, MainScreen)
        assert screen.contact_id is not None
        assert demo_app.store.contacts[screen.contact_id].name == "Zoë Müller"
        assert "Zoë" in screen.query_one(NoteEditor).text


async def test_a_tidbit_word_finds_its_person_and_esc_goes_back(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        before = demo_app.screen
        await pilot.press("slash")
        await search_for(pilot, "microbrew")
        text = screen_text(demo_app)
        assert "People (1)" in text
        assert "microbrew" in text.lower()
        await pilot.press("escape")
        assert demo_app.screen is before


async def test_an_unknown_filter_gets_a_hint_not_an_error(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        await search_for(pilot, "colour:blue")
        assert "unknown filter" in screen_text(demo_app)
        assert demo_app.is_running


async def test_a_new_interview_is_findable_at_once(
    demo_app: FollowupApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        demo_store.put(Company(id="co_new", name="[b]Zyx[/] Quantum"))
        demo_store.put(Contact(id="ct_new", name="Quentin Zylberstein"))
        demo_store.put(
            Interview(id="iv_new", company_id="co_new", role="Qubit wrangler", panel=("ct_new",))
        )
        await pilot.press("slash", *"zylb")
        await pilot.pause()
        assert "Quentin Zylberstein" in screen_text(demo_app)
        await search_for(pilot, "zyx qua")
        assert "[b]Zyx[/] Quantum · Qubit wrangler" in screen_text(demo_app)
        demo_store.delete_interview("iv_new")
        await pilot.press("backspace", "a")
        await pilot.pause()
        assert "Qubit wrangler" not in screen_text(demo_app)


@pytest.mark.parametrize("how", ["paste", "set the value"])
async def test_a_million_letters_pasted_are_cut_and_the_app_still_answers(
    demo_app: FollowupApp, how: str
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        box = current(demo_app, SearchScreen).query_one(Input)
        if how == "paste":
            box.insert_text_at_cursor("a" * 1_000_000)  # what a paste does
        else:
            box.value = "a" * 1_000_000
        await wait_for(pilot, lambda: CUT_HINT in screen_text(demo_app), "the cut hint")
        assert box.value == "a" * MAX_QUERY
        assert box.max_length == MAX_QUERY  # typing past it is cut too, and says so
        await pilot.press("end", "b")
        await pilot.pause()
        assert box.value == "a" * MAX_QUERY
        assert CUT_HINT in screen_text(demo_app)
        await pilot.press("backspace")  # the app still answers, and the hint goes
        await wait_for(pilot, lambda: CUT_HINT not in screen_text(demo_app), "the hint to go")
        assert box.value == "a" * (MAX_QUERY - 1)
        await pilot.press("ctrl+q")  # and quits from the search (unanswered in issue 9)
        await wait_for(pilot, lambda: not demo_app.is_running, "the app to quit")


async def test_control_characters_pasted_into_the_search_box_are_dropped(
    demo_app: FollowupApp,
) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        box = demo_app.screen.query_one(Input)
        box.insert_text_at_cursor("mü\x1b]0;x\x07l\u202e\x01ler")
        await pilot.pause()
        assert box.value == "müller"
        assert "Zoë Müller" in screen_text(demo_app)


async def test_the_results_follow_the_value_in_the_same_call(demo_app: FollowupApp) -> None:
    # Searched as the value changes, before any message is handled: the results are drawn in
    # the same frame as the key, not in a second one after Input.Changed comes round.
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        screen = demo_app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one("#search-results", VirtualList)
        screen.query_one(Input).value = "müller"
        titles = [row.title for row in results.rows if isinstance(row, Hit)]
        assert "Zoë Müller" in titles
        assert "match" in widget_text(demo_app, "#search-status")


async def test_a_big_file_is_searchable_by_name_first_and_by_its_notes_once_indexed(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.search import SearchIndex
    from followup_tui.tui import app as app_module

    monkeypatch.setattr(app_module, "INDEX_AT_ONCE", 0)  # as for a file of thousands
    asked: list[tuple[object, ...]] = []
    # The notes' step is held back here, to look at the screen meanwhile.
    monkeypatch.setattr(FollowupApp, "_index_long", lambda self, *args: asked.append(args))
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await wait_for(pilot, lambda: asked, "the names to be indexed")
        index = demo_app.search_index
        assert index is not None and index.names_only
        await pilot.press("slash")
        await search_for(pilot, "microbrewery")
        status = widget_text(demo_app, "#search-status")
        assert "0 matches" in status and "notes are being indexed" in status
        await search_for(pilot, "lukas")  # a name: found already
        assert "Łukasz" in screen_text(demo_app)
        await search_for(pilot, "microbrewery")

        # An edit meanwhile: the notes indexed from the older data are not taken, but asked for
        # again from the data as it is.
        _, data, numbers = asked[0]
        vocab = SearchIndex.long_vocabulary(*app_module._by_id(data), numbers)  # type: ignore[arg-type]
        contact = next(iter(demo_app.store.contacts.values()))
        demo_app.store.put(contact)
        demo_app._long_indexed(index, vocab)
        assert index.names_only and len(asked) == 2
        _, data, numbers = asked[1]
        demo_app._long_indexed(
            index,
            SearchIndex.long_vocabulary(*app_module._by_id(data), numbers),  # type: ignore[arg-type]
        )
        assert not index.names_only
        # The search on screen runs again by itself and finds the tidbit.
        await wait_for(
            pilot,
            lambda: "1 match" in widget_text(demo_app, "#search-status"),
            "the notes' results",
        )
        assert "microbrewery" in screen_text(demo_app)
        assert "being indexed" not in widget_text(demo_app, "#search-status")


async def test_a_search_typed_before_the_index_runs_the_moment_it_comes(
    demo_app: FollowupApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.search import SearchIndex
    from followup_tui.tui import app as app_module

    asked: list[object] = []
    monkeypatch.setattr(FollowupApp, "_build_index", lambda self, *args, **kw: asked.append(args))
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await pilot.press("slash")
        await search_for(pilot, "lukas")
        assert "Indexing your panels" in widget_text(demo_app, "#search-status")
        data = demo_app.store.dataset()
        demo_app._index_built(SearchIndex.build(*app_module._by_id(data)), data)
        await pilot.pause()  # no polling: drawn with the hand-over
        assert "3 matches" in widget_text(demo_app, "#search-status")
        assert "Łukasz" in screen_text(demo_app)


async def test_only_the_hits_on_screen_are_worked_out(
    empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from followup_tui.search import SearchIndex

    empty_store.put(Company("co", "Acme"))
    for n in range(150):
        empty_store.put(Contact(f"c{n}", f"Eva Number{n:03}", title="Engineer"))
    empty_store.put(Interview("i1", "co", "Engineer", panel=("c0",)))
    made: list[str] = []
    real = SearchIndex._hit

    def hit(self: SearchIndex, *args: object) -> Hit:
        made.append("hit")
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "_hit", hit)
    app = FollowupApp(empty_store, today=date(2026, 11, 26))
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        made.clear()
        await search_for(pilot, "eva")
        assert "151 matches" in widget_text(app, "#search-status")  # and the interview
        results = app.screen.query_one("#search-results", VirtualList)
        assert len(results.rows) == 103  # the best hundred people, the interview, headings
        assert 10 < len(made) <= 35  # those the list drew, not all hundred
        results.highlighted = 100  # further down: the rows shown are worked out then
        await pilot.pause()
        assert "Eva Number099" in screen_text(app)
        assert len(made) <= 70
