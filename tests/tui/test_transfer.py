"""Export and import from the app (E and I): where it wrote, what came in, nothing lost."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList

from followup_tui.store.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmDialog
from followup_tui.tui.screens.transfer import ExportDialog, ImportDialog

from .conftest import TODAY
from .screen_text import current, notices, screen_text, wait_for, widget_text

S = TypeVar("S", bound=Screen[Any])


async def opened(pilot: Pilot[Any], kind: type[S]) -> S:
    """Wait until the screen on top is a ``kind``, and return it."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    return current(pilot.app, kind)


SHEET = (
    "Company,Role,Date,Interviewer,Title\r\n"
    "Zyxel Works,Platform engineer,2026-10-05,Mirela Ionescu,Staff engineer\r\n"
    "Zyxel Works,Platform engineer,2026-10-05,Tomás Ortega,Manager\r\n"
)


async def test_export_writes_the_chosen_format_and_says_where(
    demo_app: FollowupApp, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "sheet.csv"
    target.parent.mkdir()
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        dialog = await opened(pilot, ExportDialog)
        formats = dialog.query_one("#export-format", OptionList)
        formats.highlighted = formats.get_option_index("csv")
        path = dialog.query_one("#export-path", Input)
        await wait_for(pilot, lambda: path.value.endswith(".csv"), "the extension to follow")
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Exported csv" in notices(demo_app), "the notice")
        assert str(target) in notices(demo_app)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfcompany,role,date")
    assert target.stat().st_mode & 0o777 == 0o600


async def test_export_asks_before_replacing_a_file(demo_app: FollowupApp, tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("mine")
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        dialog = await opened(pilot, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(target)
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await opened(pilot, ConfirmDialog)
        assert widget_text(demo_app, "#confirm-question") == f"Replace {target}?"
        await pilot.press("n")
        assert target.read_text() == "mine"
        await pilot.press("enter")
        await opened(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, lambda: target.read_text() != "mine", "the file to be replaced")
    assert target.read_text().startswith('{\n  "format": "followup"')


async def test_import_shows_the_plan_then_merges_once_confirmed(
    demo_app: FollowupApp, demo_store: Store, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    people = len(demo_store.dataset().contacts)
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = await opened(pilot, ImportDialog)
        await read_file(pilot, dialog, sheet)
        button = dialog.query_one("#import-yes", Button)
        await wait_for(pilot, lambda: not button.disabled, "the plan")
        plan = widget_text(demo_app, "#import-plan")
        assert "1 company, 1 interview, 2 people added" in plan
        assert "added: person Tomás Ortega (line 3)" in plan
        assert len(demo_store.dataset().contacts) == people  # nothing yet
        assert demo_app.focused is button
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Imported from" in notices(demo_app), "the notice")
        await wait_for(pilot, lambda: "Zyxel Works" in screen_text(demo_app), "the new row")
    names = {c.name for c in demo_store.dataset().contacts}
    assert {"Mirela Ionescu", "Tomás Ortega"} <= names
    assert len(demo_store.dataset().contacts) == people + 2


async def read_file(pilot: Pilot[Any], dialog: ImportDialog, path: Path) -> None:
    """Type ``path`` into the import dialog and press Enter."""
    field = dialog.query_one("#import-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")


async def test_a_keymap_the_settings_would_refuse_is_refused_in_the_app_too(
    demo_app: FollowupApp, demo_store: Store, tmp_path: Path
) -> None:
    backup = tmp_path / "keys.json"
    backup.write_text(
        '{"format": "followup", "version": 2, "settings": {"keymap": {"app.quit": "tab"}}}'
    )
    before = demo_store.dataset()
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = await opened(pilot, ImportDialog)
        await read_file(pilot, dialog, backup)
        await wait_for(
            pilot, lambda: "Tab is kept" in widget_text(demo_app, "#import-error"), "the refusal"
        )
        assert dialog.query_one("#import-yes", Button).disabled
    assert demo_store.dataset() == before


async def test_a_pipe_is_refused_rather_than_waited_on(
    demo_app: FollowupApp, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = await opened(pilot, ImportDialog)
        await read_file(pilot, dialog, pipe)
        await wait_for(
            pilot, lambda: "not a file" in widget_text(demo_app, "#import-error"), "the refusal"
        )


async def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(
    demo_app: FollowupApp, demo_store: Store, tmp_path: Path
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(SHEET.replace("2026-10-05,Tomás", "2026-02-30,Tomás"), encoding="utf-8")
    before = demo_store.dataset()
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = await opened(pilot, ImportDialog)
        await read_file(pilot, dialog, sheet)
        await wait_for(
            pilot, lambda: "Nothing was imported" in widget_text(demo_app, "#import-error"), "it"
        )
        assert "line 3" in widget_text(demo_app, "#import-error")
        await pilot.press("escape")
    assert demo_store.dataset() == before


async def test_a_missing_file_is_named(demo_app: FollowupApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = await opened(pilot, ImportDialog)
        dialog.query_one("#import-path", Input).value = str(tmp_path / "nope[red].csv")
        dialog.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "cannot read" in widget_text(demo_app, "#import-error"), "the error"
        )
        assert "nope[red].csv" in widget_text(demo_app, "#import-error")


def test_the_export_default_is_dated_in_the_home_folder() -> None:
    from followup_tui.tui.screens.transfer import default_export_path

    assert default_export_path("ics", TODAY) == Path.home() / "followup-2026-11-26.ics"
