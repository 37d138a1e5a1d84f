"""`c` puts exactly the previewed note on the real system clipboard (xclip on an X display).

Each test starts its own Xvfb; without Xvfb or xclip on the machine it is skipped (`.ci/run`
installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from followup_tui.clipboard import copy_to_system
from followup_tui.tui.app import FollowupApp

from .screen_text import notices, screen_text, wait_for
from .test_main_screen import add_to_note, editor_text, go_to_interview, go_to_person

pytestmark = pytest.mark.clipboard


@pytest.fixture
def x_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private X display with its own clipboard, on an Xvfb started for this test.

    Never the display we may be on: the test would overwrite the person's real clipboard, and
    tests running side by side (pytest-xdist) would race for one clipboard.
    """
    if shutil.which("xclip") is None:
        pytest.skip("xclip is not installed")
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    # -displayfd: Xvfb picks a free display itself and writes its number to the pipe once it
    # accepts connections, so the test neither guesses a number nor waits a guessed time.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as ready:
            number = ready.readline().strip().decode()  # empty if Xvfb died first
        if not number:
            pytest.fail("Xvfb is installed but did not start")
        display = f":{number}"
        monkeypatch.setenv("DISPLAY", display)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def clipboard_contents() -> str:
    return subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"], capture_output=True, check=True, timeout=10
    ).stdout.decode("utf-8")


def test_copy_to_system_round_trips_unicode(x_display: str) -> None:
    text = "Hi Zoë,\nthanks — 田中 says hello 🙂\n\tליאת"
    assert copy_to_system(text) == "xclip"
    assert clipboard_contents() == text


async def test_c_copies_exactly_the_previewed_note(x_display: str, demo_app: FollowupApp) -> None:
    async with demo_app.run_test(size=(120, 35), notifications=True) as pilot:
        await go_to_interview(pilot, "Fjord Analytics")
        await go_to_person(pilot, "Zoë Müller")
        await add_to_note(pilot, " See you at the meetup!")
        await pilot.press("escape")
        note = editor_text(demo_app)
        await pilot.press("c")
        await wait_for(pilot, lambda: "Note copied" in notices(demo_app), "the copy's toast")
        assert clipboard_contents() == note
        await wait_for(
            pilot, lambda: "system clipboard (xclip)" in screen_text(demo_app), "the toast drawn"
        )
