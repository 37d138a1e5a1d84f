"""Moving data in and out: the versioned export document, and the checks an import must pass."""

from __future__ import annotations

from .document import ImportProblem, export_json, plan_import, read_document
from .source import SourceError, read_source

__all__ = [
    "ImportProblem",
    "SourceError",
    "export_json",
    "plan_import",
    "read_document",
    "read_source",
]
