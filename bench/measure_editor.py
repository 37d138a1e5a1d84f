"""Editor key → repaint done: the real app's note editor against a bare TextArea app.

Both run as whole processes in a pseudo-terminal of 120×35 (see :mod:`harness`). A key is
written to the terminal only once the screen has been quiet for 100 ms; its time is from that
write until the last frame it caused has been fully written (Textual wraps each frame in
synchronized-output markers, which the bench counts), and the output then stays quiet for
100 ms. Keys are letters and spaces of a sentence, typed at the start of the note, the same in
both apps; the draft pause (0.3 s) never passes between two keys, so no draft is saved while
the keys are timed.

The bare app holds one TextArea with the same options (soft wrap, no line numbers) and the same
text as the note; it fills the screen, which is wider than the note pane, so it has more to
draw per line, not less. A second bare app puts the same TextArea where the note is on the main
screen, with no app code (:data:`BARE_LAYOUT_TEXTAREA`): the floor of the three-pane layout.
"""

from __future__ import annotations

import json
from pathlib import Path

from harness import Keystroke, Process, keystroke, shows, wait_for

#: What is typed: letters and spaces, as a note is written.
SENTENCE = "thanks again for the time you gave me on the panel and "
#: The note used when the real one is not known: about the length of a rendered note.
FALLBACK_TEXT = (
    "Hi Oliver, something you told me when we spoke came back to me today (the roadmap for "
    "next year and a paper worth reading). How is it going? I would love to hear how the "
    "migration went.\n\nAll the best,\n[your name]"
)

BARE_TEXTAREA = """
import json, sys
from textual.app import App
from textual.widgets import TextArea
class Bare(App[None]):
    def compose(self):
        yield TextArea(json.loads(sys.argv[1]), soft_wrap=True, show_line_numbers=False)
Bare().run()
"""

#: The floor of the layout: the same bare TextArea, but where the note is on the main screen (a
#: header, three bordered panes in the same proportions, a line above and below the editor, a
#: footer), with no app code at all. Textual's compositor redraws every widget that overlaps
#: what a key changed, so a key costs more here than in a TextArea that fills the screen.
BARE_LAYOUT_TEXTAREA = """
import json, sys
from textual.app import App
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Header, Static, TextArea
CSS = (
    "#panes { height: 1fr; } .pane { border: round $panel-lighten-2; height: 1fr; }"
    " .pane:focus-within { border: round $accent; } #left { width: 4fr; }"
    " #right { layout: horizontal; width: 7fr; } #middle { width: 3fr; } #note { width: 4fr; }"
    " #above, #below { height: auto; padding: 0 1; } TextArea { height: 1fr; border: none; }"
)
class BareLayout(App[None]):
    CSS = CSS
    def compose(self):
        yield Header()
        with ContentSwitcher(initial="panes"):
            with Horizontal(id="panes"):
                with Vertical(id="left", classes="pane"):
                    yield Static("interviews " * 200)
                with Container(id="right"):
                    with Vertical(id="middle", classes="pane"):
                        yield Static("panel " * 100)
                    with Vertical(id="note", classes="pane"):
                        yield Static("above", id="above")
                        text = json.loads(sys.argv[1])
                        yield TextArea(text, soft_wrap=True, show_line_numbers=False)
                        yield Static("below", id="below")
        yield Footer()
BareLayout().run()
"""


def open_editor(process: Process) -> None:
    """From the main screen with the interview list focused: Enter twice, into the note; then
    one key and its undoing, untimed, for the lazy work of a first edit."""
    for _ in range(2):
        keystroke(process, b"\r", quiet=0.15)
    warm_up(process)


def warm_up(process: Process) -> None:
    """Type a key and delete it, then wait out the draft pause and the save after it."""
    keystroke(process, b"a", quiet=0.15)
    keystroke(process, b"\x7f", quiet=0.15)
    process.read(1.0)


def type_keys(process: Process, count: int) -> list[Keystroke]:
    """Type ``count`` keys of :data:`SENTENCE`, each timed to its last frame."""
    text = (SENTENCE * (count // len(SENTENCE) + 1))[:count]
    return [keystroke(process, ch.encode()) for ch in text]


def bare_keys(
    text: str, count: int, env: dict[str, str], *, layout: bool = False
) -> list[Keystroke]:
    """The same keys in a bare TextArea app holding ``text`` (with ``layout``, in the main
    screen's layout: :data:`BARE_LAYOUT_TEXTAREA`)."""
    script = BARE_LAYOUT_TEXTAREA if layout else BARE_TEXTAREA
    process = Process(["-c", script, json.dumps(text)], env).start()
    try:
        marker = next((line for line in text.splitlines() if len(line) > 8), text)[:8]
        wait_for(process, shows(marker), "bare TextArea", 60)
        if layout:
            keystroke(process, b"\t", quiet=0.15)  # into the editor, as Enter is in followup
        warm_up(process)
        return type_keys(process, count)
    finally:
        process.kill()


def note_text(probe_file: Path) -> str:
    """The note the real app showed, as the probe (see :mod:`probe`) saved it, else a stand-in."""
    try:
        text = json.loads(probe_file.read_text()).get("note", "")
    except (OSError, ValueError):
        text = ""
    return text or FALLBACK_TEXT
