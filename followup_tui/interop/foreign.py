"""Which reader a file needs, told from its content and its name, and the one call that reads it.

followup's own export is JSON; a spreadsheet is CSV; LinkedIn's data export is a ZIP (or its
``Connections.csv`` and ``Invitations.csv``); an address book is vCards. The content decides
first, since a file name often lies (``contacts.txt``); the extension settles what the content
leaves open.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from .dates_in import DayOrder
from .format import ImportProblem
from .incoming import Batch

Format = Literal["json", "csv", "linkedin", "vcf"]
#: Every format ``followup import --format`` accepts, "auto" first.
IMPORT_FORMATS = ("auto", "json", "csv", "linkedin", "vcf")


def detect_format(data: bytes, name: str = "") -> Format:
    """The format of ``data``, from its first bytes, then from the extension of ``name``."""
    head = data[:4096].lstrip()
    # What a JSON export looks like under a byte-order mark or in UTF-16 or UTF-32 (which the
    # JSON reader then names): its first character, with the marks and the NUL bytes dropped.
    probe = head.replace(b"\x00", b"").replace(b"\xef\xbb\xbf", b"")
    probe = probe.removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff").lstrip()
    suffix = PurePath(name).suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix == ".zip":
        return "linkedin"
    if probe.startswith((b"{", b"[")) or suffix == ".json":
        return "json"
    if probe[:11].upper() == b"BEGIN:VCARD" or suffix in (".vcf", ".vcard"):
        return "vcf"
    from .linkedin import is_linkedin

    return "linkedin" if is_linkedin(data) else "csv"


def read_foreign(
    data: bytes, fmt: Format, name: str = "the file", date_order: DayOrder | None = None
) -> Batch:
    """Read another tool's file (not ``json``, which :func:`~.read.read_document` reads) into
    a :class:`~.incoming.Batch`, or raise :class:`~.format.ImportProblem` with every problem."""
    if fmt == "csv":
        from .spreadsheet import read_spreadsheet

        return read_spreadsheet(data, date_order=date_order, name=name)
    if fmt == "linkedin":
        from .linkedin import read_linkedin

        return read_linkedin(data, name)
    if fmt == "vcf":
        from .vcard_import import read_vcards

        return read_vcards(data, name)
    raise ImportProblem(f"{fmt} is not a format another tool writes")
