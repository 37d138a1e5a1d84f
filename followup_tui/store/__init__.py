"""The data file: one TinyDB JSON document, held as model objects, saved crash-safely, by one
writer.

The file is TinyDB's layout, and TinyDB reads it wherever speed does not matter: any TinyDB user
can open it, and so does followup for a file that needs checking or migrating (:mod:`.checked`).
Opening a current file and saving read and write that layout directly (:mod:`.loaded`,
:mod:`.document`): at 10,000 interviews an open takes 353-377 ms rather than 694, and the 138 MB
of TinyDB's copy of every record, once held beside the model, is gone.
"""

from __future__ import annotations

from .schema import MIGRATIONS, SCHEMA_VERSION
from .storage import atomic_write, write_directory, write_output
from .store import Store, StoreError, StoreLocked

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "StoreLocked",
    "atomic_write",
    "write_directory",
    "write_output",
]
