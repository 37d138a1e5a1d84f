"""Moving data in and out: the versioned export document, and the checks an import must pass."""

from __future__ import annotations

from .export import export_document, export_json
from .format import FORMAT_NAME, FORMAT_VERSION, ImportProblem
from .plan import ImportPlan, plan_import
from .read import parse_document, read_document
from .source import SourceError, read_source

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ImportPlan",
    "ImportProblem",
    "SourceError",
    "export_document",
    "export_json",
    "parse_document",
    "plan_import",
    "read_document",
    "read_source",
]
