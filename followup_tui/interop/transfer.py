"""The two calls behind ``followup export`` and ``followup import`` and the app's palette
entries: the bytes of an export in a format, and the plan for a file of any format.

Pure: a file's bytes come in and a plan goes out; writing it is the caller's job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import cast

from ..domain import Bindable, Dataset, FormatError
from .dates_in import DayOrder
from .foreign import Format, detect_format, read_foreign
from .format import ImportProblem
from .incoming import Batch
from .merge import Progress, plan_merge
from .plan import plan_import
from .read import ReadDocument, read_document

#: Every format ``export`` writes, with what it is for.
EXPORT_FORMATS = {
    "json": "the interchange format, read back by followup import",
    "csv": "a spreadsheet, one row per interview and person",
    "md": "a readable report per company and interview",
    "ics": "a calendar of the follow-ups due in the coming days",
    "vcf": "an address book of the people",
}
#: The file name extension of each export format.
EXTENSIONS = {"json": ".json", "csv": ".csv", "md": ".md", "ics": ".ics", "vcf": ".vcf"}


def export_bytes(fmt: str, dataset: Dataset, today: date, days: int = 90) -> bytes:
    """``dataset`` in the export format ``fmt``; ``days`` is how far ahead a calendar looks.

    Each writer is imported when asked for, so exporting JSON loads no calendar library.
    """
    if fmt == "json":
        from .export import export_json

        return export_json(dataset)
    if fmt == "csv":
        from .csv_export import export_csv

        return export_csv(dataset)
    if fmt == "md":
        from .markdown_export import export_markdown

        return export_markdown(dataset)
    if fmt == "ics":
        from .ics_export import export_ics

        return export_ics(dataset, today, days)
    if fmt == "vcf":
        from .vcard_export import export_vcf

        return export_vcf(dataset)
    raise ValueError(f"unknown export format {fmt!r}")


@dataclass(frozen=True, slots=True)
class FilePlan:
    """What importing one file would do, whatever its format."""

    #: The format the file was read as: json, csv, linkedin or vcf.
    format: str
    result: Dataset
    has_changes: bool
    #: Totals, a few lines.
    summary: str
    #: The totals, then a line for every decision (the dry run shows these).
    detail: str
    #: Lines about text cut to fit (a followup export only).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadFile:
    """A file read and checked, not yet merged: followup's export or another tool's batch."""

    format: str
    document: ReadDocument | None = None
    batch: Batch | None = None


def read_file(
    data: bytes,
    *,
    name: str = "the file",
    fmt: str = "auto",
    date_order: DayOrder | None = None,
    bindings: Callable[[], Mapping[str, Bindable]] | None = None,
) -> ReadFile:
    """Read ``data`` (format ``fmt``, or told apart when "auto"), or raise
    :class:`~.format.ImportProblem` listing every problem. Needs nothing of the stored data,
    so a file that cannot be read is refused before the database is opened."""
    kind = detect_format(data, name) if fmt == "auto" else fmt
    if kind == "json":
        try:
            return ReadFile(kind, document=read_document(data, bindings=bindings))
        except FormatError as error:
            raise ImportProblem(str(error)) from None
    if kind not in ("csv", "linkedin", "vcf"):
        raise ImportProblem(f"unknown format {kind!r}")
    return ReadFile(kind, batch=read_foreign(data, cast(Format, kind), name, date_order))


def plan_read(
    current: Dataset, read: ReadFile, today: date, progress: Progress | None = None
) -> FilePlan:
    """What importing a file read by :func:`read_file` into ``current`` would do, or
    :class:`~.format.ImportProblem` when an export refers to records that would be missing."""
    if read.document is not None:
        try:
            plan = plan_import(current, read.document.dataset)
        except FormatError as error:
            raise ImportProblem(str(error)) from None
        text = plan.summary()
        return FilePlan(
            read.format, plan.result, plan.has_changes, text, text, read.document.warnings
        )
    assert read.batch is not None
    merged = plan_merge(current, read.batch, today, progress)
    return FilePlan(
        read.format,
        merged.result,
        merged.has_changes,
        merged.summary(),
        merged.summary(detail=True),
    )


def plan_file(
    current: Dataset,
    data: bytes,
    today: date,
    *,
    name: str = "the file",
    fmt: str = "auto",
    date_order: DayOrder | None = None,
    bindings: Callable[[], Mapping[str, Bindable]] | None = None,
    progress: Progress | None = None,
) -> FilePlan:
    """:func:`read_file`, then :func:`plan_read`: the plan for a file's bytes."""
    read = read_file(data, name=name, fmt=fmt, date_order=date_order, bindings=bindings)
    return plan_read(current, read, today, progress)
