"""Getting a finished note out of followup: the system clipboard, and a private file.

The system clipboard is reached through pyperclip, run in a short-lived child process. Textual
draws the screen on the terminal's stderr, and pyperclip's helpers (xclip, xsel, wl-copy) inherit
stderr and complain there when they cannot reach a display; in a child whose stderr goes nowhere,
nothing can ever be printed behind the app. The child also reads the clipboard back, so success
means the text is really there. The terminal's own clipboard (OSC 52) is the app's fallback and
lives in the shell, since only the terminal driver can send it.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .store import atomic_write

# The child hands its stdout to /dev/null before pyperclip runs: xclip stays behind as a daemon
# that serves the selection, and must not keep our pipe open (we would wait for it forever).
_CHILD = """
import os, sys
text = sys.stdin.buffer.read().decode("utf-8")
answer = os.dup(1)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
import pyperclip
pyperclip.copy(text)
if pyperclip.paste() != text:
    sys.exit(3)
os.write(answer, pyperclip.determine_clipboard()[0].__name__.encode())
"""


def in_ssh(env: Mapping[str, str]) -> bool:
    """True inside an SSH session, where the local clipboard is the wrong machine's."""
    return bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"))


def system_clipboard_possible(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a system clipboard could be reached at all from here."""
    if in_ssh(env):
        return False
    if platform.startswith("linux"):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


def copy_to_system(
    text: str, env: Mapping[str, str] | None = None, timeout: float = 5.0
) -> str | None:
    """Put ``text`` on the system clipboard; return a backend name on success, else None.

    Never raises and never writes to the terminal.
    """
    env = dict(os.environ if env is None else env)
    if not system_clipboard_possible(env):
        return None
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text.encode("utf-8"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    name = result.stdout.decode("utf-8", "replace").strip()
    return _backend_label(name)


def _backend_label(name: str) -> str:
    # pyperclip's copy functions are named like "copy_xclip"; the tool is what a person knows.
    match = re.search(r"(xclip|xsel|wl|klipper|pbcopy|osx|windows|wsl|qt|gtk|dev)", name)
    return (
        {"wl": "wl-copy", "osx": "pbcopy", "dev": "/dev/clipboard"}.get(
            match.group(1), match.group(1)
        )
        if match
        else "system clipboard"
    )


def note_filename(contact_name: str, today: date) -> str:
    """A readable, safe file name for a saved note: ``2026-11-26-ann-lee.txt``."""
    slug = re.sub(r"[^\w]+", "-", contact_name.lower(), flags=re.UNICODE).strip("-_")
    return f"{today.isoformat()}-{slug[:60] or 'note'}.txt"


def save_note(folder: Path, text: str, contact_name: str, today: date) -> Path:
    """Write the note to a private file (0600, in a 0700 folder) and return its path.

    A note saved earlier the same day for the same person is replaced: the file holds the latest
    copy, which is what the person would paste.

    Raises ``OSError`` if ``folder`` is a symlink: notes are private, and a link may lead them
    anywhere (a synced or shared folder), so they are only written into a real folder.
    """
    if folder.is_symlink():
        raise OSError(
            errno.ELOOP,
            f"{folder} is a symbolic link; notes are only saved into a real folder "
            "(replace the link with a folder)",
        )
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    path = folder / note_filename(contact_name, today)
    atomic_write(path, text.encode("utf-8"))
    return path
