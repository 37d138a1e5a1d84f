"""Reading the file ``followup import`` is given: bounded in size, and never from a device.

An export of 10,000 interviews is about 57 MB; a file more than twice that is not an export, and
reading it whole (``followup import /dev/zero``) would only exhaust the memory.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

#: The largest file an import reads, in MB (MiB): over twice a 10,000-interview export.
IMPORT_MAX_MB = 128


class SourceError(Exception):
    """The file cannot be read for an import; the message is one line naming it."""


def read_source(source: Path | None, name: str, limit_mb: int | None = None) -> bytes:
    """The bytes of ``source`` (standard input when None), called ``name`` in messages.

    Raises :class:`SourceError` if it cannot be read, is a device or a directory, or holds
    more than ``limit_mb`` MB (:data:`IMPORT_MAX_MB` unless given).
    """
    limit_mb = IMPORT_MAX_MB if limit_mb is None else limit_mb
    limit = limit_mb * 1024 * 1024
    try:
        if source is None:
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with source.open("rb") as file:
                mode = os.fstat(file.fileno()).st_mode
                # A pipe is fine (``<(gunzip -c x.gz)``); a device such as /dev/zero never ends.
                if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
                    raise SourceError(f"cannot read {name}: it is not a file")
                raw = file.read(limit + 1)
    except OSError as error:
        raise SourceError(f"cannot read {name}: {error.strerror or error}") from None
    if len(raw) > limit:
        raise SourceError(
            f"{name} is larger than {limit_mb} MB, more than followup reads in one import "
            "(an export of 10,000 interviews is about 57 MB); nothing was imported"
        )
    return raw
