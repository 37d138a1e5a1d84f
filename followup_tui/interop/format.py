"""The export file's shape: its name and version, its tables, and the error an import raises.

The export file is the stable contract between followup and the outside world (backups, other
machines, other tools); the on-disk database is an internal layout that may change at any time.
The format is described in ``docs/data-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..domain import RECORD_TABLES, terminal_safe

FORMAT_NAME = "followup"
#: Version 2 replaced an interview's ``feedback_asked`` and ``feedback`` text with a list of
#: feedback entries; version 1 files are still read (see ``read.py``).
FORMAT_VERSION = 2

#: The top-level keys of a document, in the order they are written.
KEYS = ("format", "version", "settings", *RECORD_TABLES, "review")
#: The lists of the review state, each holding at most one entry per item key.
REVIEW_LISTS = ("snoozed", "dismissed", "cleared")


class ImportProblem(ValueError):
    """A file cannot be imported; the one-line message names the place and the reason.

    A reader that checks a whole file passes every further problem in ``more``: ``problems``
    then holds them all, one line each, in the order of the file.
    """

    def __init__(self, message: str, more: Iterable[str] = ()) -> None:
        # Messages quote user data: keep them on one line with nothing a terminal would act on.
        super().__init__(terminal_safe(message))
        self.problems: tuple[str, ...] = (str(self), *(terminal_safe(m) for m in more))

    @property
    def listed(self) -> tuple[str, ...]:
        """The problems named one by one (a reader lists at most a few hundred)."""
        if len(self.problems) > 1 and _MORE.match(self.problems[-1]):
            return self.problems[:-1]
        return self.problems

    @property
    def total(self) -> int:
        """How many problems the file has: those listed, and the N of a last line "and N more
        problems", which a reader adds when it stops listing them."""
        found = _MORE.match(self.problems[-1]) if len(self.problems) > 1 else None
        return len(self.problems) - 1 + int(found[1]) if found else len(self.problems)


_MORE = re.compile(r"^and (\d+) more problems?$")
