"""The data file: one TinyDB JSON document, held as model objects, saved crash-safely, by one
writer."""

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
