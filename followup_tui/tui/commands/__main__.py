"""``python -m followup_tui.tui.commands > docs/keys.md``: print the key table as Markdown."""

from __future__ import annotations

from .docs import keys_markdown

print(keys_markdown(), end="")
