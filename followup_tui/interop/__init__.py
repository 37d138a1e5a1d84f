"""Moving data in and out: the versioned export document, CSV and Markdown reports, and the
checks an import must pass."""

from __future__ import annotations

from .csv_export import CSV_COLUMNS, export_csv
from .export import export_document, export_json
from .format import FORMAT_NAME, FORMAT_VERSION, ImportProblem
from .ics_export import export_ics
from .markdown_export import export_markdown
from .plan import ImportPlan, plan_import
from .read import parse_document, read_document
from .source import SourceError, read_source

__all__ = [
    "CSV_COLUMNS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ImportPlan",
    "ImportProblem",
    "SourceError",
    "export_csv",
    "export_document",
    "export_ics",
    "export_json",
    "export_markdown",
    "parse_document",
    "plan_import",
    "read_document",
    "read_source",
]
