"""Moving data in and out: the versioned export document, CSV and Markdown reports, and the
checks an import must pass."""

from __future__ import annotations

from .csv_export import CSV_COLUMNS, export_csv
from .export import export_document, export_json
from .foreign import IMPORT_FORMATS, detect_format, read_foreign
from .format import FORMAT_NAME, FORMAT_VERSION, ImportProblem
from .ics_export import export_ics
from .incoming import Batch, ConnectionIn, InterviewIn, InvitationIn, PersonIn
from .linkedin import is_linkedin, normalise_linkedin, read_linkedin
from .markdown_export import export_markdown
from .merge import MergePlan, plan_merge
from .plan import ImportPlan, plan_import
from .read import parse_document, read_document
from .source import SourceError, read_source
from .spreadsheet import read_spreadsheet
from .transfer import (
    EXPORT_FORMATS,
    EXTENSIONS,
    FilePlan,
    ReadFile,
    export_bytes,
    plan_file,
    plan_read,
    read_file,
)
from .vcard_export import export_vcf, vcard_files
from .vcard_import import read_vcards

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "IMPORT_FORMATS",
    "Batch",
    "ConnectionIn",
    "FilePlan",
    "ImportPlan",
    "ImportProblem",
    "InterviewIn",
    "InvitationIn",
    "MergePlan",
    "PersonIn",
    "ReadFile",
    "SourceError",
    "detect_format",
    "export_bytes",
    "export_csv",
    "export_document",
    "export_ics",
    "export_json",
    "export_markdown",
    "export_vcf",
    "is_linkedin",
    "normalise_linkedin",
    "parse_document",
    "plan_file",
    "plan_import",
    "plan_merge",
    "plan_read",
    "read_document",
    "read_file",
    "read_foreign",
    "read_linkedin",
    "read_source",
    "read_spreadsheet",
    "read_vcards",
    "vcard_files",
]
