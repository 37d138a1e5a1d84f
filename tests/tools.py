"""Other people's programs that read our files (khal, khard): their tests run where they are
installed, and must run in CI (``FOLLOWUP_REQUIRE_TOOLS=1``), where a missing one fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., Any])


def needs_tool(name: str) -> Callable[[F], F]:
    """Mark a test as using the program ``name``: skipped without it, unless it is required."""
    missing = shutil.which(name) is None and not os.environ.get("FOLLOWUP_REQUIRE_TOOLS")

    def mark(test: F) -> F:
        skip = pytest.mark.skipif(missing, reason=f"{name} is not installed (pip install {name})")
        return pytest.mark.tools(skip(test))  # type: ignore[no-any-return]

    return mark
