"""One command table: keys, help, palette and docs/keys.md all agree with it."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest
from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import OptionList, TextArea

from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.commands import COMMANDS, SCOPES, commands_for, keys_markdown, rows
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.settings import SettingsScreen, binding_ids, keymap_reference
from followup_tui.tui.screens.templates import TemplatesScreen
from followup_tui.tui.widgets.interview_list import InterviewList

from .conftest import TODAY
from .screen_text import current, notices, wait_for, widget_text

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "keys.md"
TABLE = ROOT / "followup_tui" / "tui" / "commands"


def test_docs_keys_md_matches_the_command_table() -> None:
    assert DOCS.read_text(encoding="utf-8") == keys_markdown(), (
        "docs/keys.md is out of date: run  python -m followup_tui.tui.commands > docs/keys.md"
    )


def test_every_command_has_an_id_a_key_and_words() -> None:
    ids = [c.id for c in COMMANDS]
    assert len(ids) == len(set(ids))
    for command in COMMANDS:
        assert command.key and command.description and command.help


async def test_help_lists_every_key(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        text = widget_text(demo_app, "#help-text")
        for _scope, keys, description, _help, _id in rows():
            assert keys in text
            assert description in text
        await pilot.press("escape")
        assert "#help-text" not in [f"#{w.id}" for w in demo_app.screen.query("*")]


async def test_palette_lists_every_action_of_the_screen(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)):
        titles = {
            c.title
            for c in demo_app.get_system_commands(demo_app.screen)
            if isinstance(c, SystemCommand)
        }
        for command in (*commands_for("app"), *commands_for("main")):
            if command.id != "app.palette":
                assert command.description in titles


def owners() -> dict[str, tuple[type[DOMNode], ...]]:
    """The classes that take each scope's bindings."""
    from followup_tui.tui.screens.company import CompanyScreen, FeedbackPicker
    from followup_tui.tui.screens.confirm import ConfirmDialog
    from followup_tui.tui.screens.connection import ConnectionDialog
    from followup_tui.tui.screens.forms import FormScreen
    from followup_tui.tui.screens.forms_panel import PanelMemberForm
    from followup_tui.tui.screens.help import HelpScreen
    from followup_tui.tui.screens.pickers import TemplatePicker
    from followup_tui.tui.screens.review import ReviewScreen
    from followup_tui.tui.screens.review_dialogs import DismissDialog, SnoozeDialog
    from followup_tui.tui.screens.search import SearchScreen
    from followup_tui.tui.screens.settings import SettingsScreen
    from followup_tui.tui.screens.templates import TemplatesScreen
    from followup_tui.tui.widgets.note_editor import NoteEditor
    from followup_tui.tui.widgets.people import PeopleList
    from followup_tui.tui.widgets.virtual_list import VirtualList

    return {
        "app": (FollowupApp,),
        "main": (MainScreen,),
        "editor": (NoteEditor,),
        "review": (ReviewScreen,),
        "company": (CompanyScreen,),
        "list": (VirtualList,),
        "people": (PeopleList,),
        "search": (SearchScreen,),
        "templates": (TemplatesScreen,),
        "settings": (SettingsScreen,),
        "form": (FormScreen,),
        "panel": (PanelMemberForm,),
        "confirm": (ConfirmDialog,),
        "dialog": (SnoozeDialog, DismissDialog, TemplatePicker, ConnectionDialog, FeedbackPicker),
        "help": (HelpScreen,),
    }


def test_every_scope_is_taken_by_its_classes_with_actions_that_exist() -> None:
    classes = owners()
    assert set(classes) == set(SCOPES) == {c.scope for c in COMMANDS}
    for scope, owned in classes.items():
        ids = [c.id for c in commands_for(scope)]
        for owner in owned:
            bound = {
                b.id
                for klass in owner.__mro__
                for b in vars(klass).get("BINDINGS", ())
                if isinstance(b, Binding)
            }
            for command in commands_for(scope):
                assert hasattr(owner, f"action_{command.action.split('(')[0]}"), command.id
            assert set(ids) <= set(bound), (owner, scope)


async def test_keys_can_be_remapped_from_settings(demo_store: Store) -> None:
    demo_store.set_settings(replace(demo_store.settings, keymap={"main.filter": "y"}))
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("y")
        assert current(app, MainScreen).stage_filter is not None


async def test_a_stored_keymap_that_breaks_the_rules_is_not_applied(demo_store: Store) -> None:
    # Saved by an older followup, or edited by hand: Tab would quit the app.
    demo_store.set_settings(replace(demo_store.settings, keymap={"app.quit": "tab,j"}))
    app = FollowupApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await pilot.press("tab", "j")
        assert app.is_running
        assert "Keys not remapped" in notices(app)
        assert "app.quit" in notices(app)


def binding_calls(source: str) -> list[int]:
    """The lines of ``source`` that build a Textual ``Binding`` (by any name it is imported as)."""
    tree = ast.parse(source)
    names = {"Binding"} | {
        alias.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name == "Binding" and alias.asname
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id in names)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "Binding")
        )
    ]


def test_no_binding_is_made_outside_the_command_table() -> None:
    elsewhere = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "followup_tui").rglob("*.py"))
        if TABLE not in path.parents
        for line in binding_calls(path.read_text(encoding="utf-8"))
    ]
    assert not elsewhere, (
        "declare these keys in followup_tui/tui/commands/ and use bindings_for(scope): "
        + ", ".join(elsewhere)
    )


@pytest.mark.parametrize(
    "source",
    [
        "from textual.binding import Binding\nB = [Binding('x', 'y')]",
        "from textual.binding import Binding as B\nK = [B('x', 'y')]",
        "import textual.binding\nK = [textual.binding.Binding('x', 'y')]",
    ],
)
def test_the_binding_scan_finds_a_binding(source: str) -> None:
    assert binding_calls(source) == [2]


async def test_new_keys_can_be_remapped_from_the_settings_screen(store: Store) -> None:
    app = FollowupApp(store, today=TODAY)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        area = current(app, SettingsScreen).query_one("#set-keymap", TextArea)
        area.focus()
        area.replace(
            "list.down = v\ntemplates.new = ctrl+b\n", area.document.start, area.document.end
        )
        await pilot.press("ctrl+s", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert store.settings.keymap == {"list.down": "v", "templates.new": "ctrl+b"}

        interviews = app.screen.query_one(InterviewList)
        interviews.focus()
        start = interviews.highlighted
        await pilot.press("v")
        await wait_for(pilot, lambda: interviews.highlighted != start, "v to move down the list")

        await pilot.press("m")
        templates = current(app, TemplatesScreen)
        choices = templates.query_one("#tpl-list", OptionList)
        await pilot.press("ctrl+n")  # no longer New
        assert choices.highlighted is not None
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: choices.highlighted is None, "Ctrl+B to start a template")
        assert templates.query_one("#tpl-name").has_focus


def test_help_and_settings_cover_every_key() -> None:
    known = binding_ids()
    for command in COMMANDS:
        assert command.id in known
        assert command.id in keymap_reference().plain


async def test_palette_lists_a_screens_own_commands_once(demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        current(demo_app, TemplatesScreen)
        titles = [
            c.title
            for c in demo_app.get_system_commands(demo_app.screen)
            if isinstance(c, SystemCommand)
        ]
        for title in ("Save", "New", "Reset built-in", "Delete", "Back", "Help", "Search"):
            assert titles.count(title) == 1, title
        assert titles.count("Quit") == 1  # the screen's, which asks before losing an edit
