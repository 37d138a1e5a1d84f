"""LinkedIn's data export read into a :class:`~.incoming.Batch`: the ZIP LinkedIn sends, or the
``Connections.csv`` or ``Invitations.csv`` taken out of it.

The connections it holds never create people: the merge matches them with the people already
known and records that they accepted, on their day. Invitations fill in the ones you sent but
did not log. A ZIP is opened in memory, and each of its two files is read only up to
:data:`MEMBER_MAX_MB`, whatever its header claims, so a crafted archive cannot fill the memory.

Problems never start with the name of the file given (the caller puts it before each one): a
file in a ZIP is named by its path there ("export/Connections.csv line 3: ..."), a file given
on its own not at all ("line 3: ..."). More than :data:`PROBLEMS_MAX` end with one line
``and N more problems``.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib

from .format import ImportProblem
from .incoming import Batch
from .linkedin_csv import (
    CONNECTIONS,
    INVITATIONS,
    Sheet,
    normalise_linkedin,
    read_sheet,
    sheet_kind,
)
from .spreadsheet_rows import capped

__all__ = ["MEMBER_MAX_MB", "PROBLEMS_MAX", "is_linkedin", "normalise_linkedin", "read_linkedin"]

#: The largest file taken out of a ZIP, in MB (MiB): 30,000 connections take about 5.
MEMBER_MAX_MB = 64
#: The most problems one refusal lists, as the spreadsheet reader does.
PROBLEMS_MAX = 200
# The bit of a ZIP entry's flags that says it is encrypted (APPNOTE 4.4.4).
_ENCRYPTED = 0x1
# How Python's zipfile names an entry in its errors: "<ZipInfo filename='x' ...>".
_ZIPINFO = re.compile(r"(?:File )?<ZipInfo [^>]*>")
#: How much of a bare file is looked at to tell whether it is LinkedIn's.
_SNIFF_BYTES = 64 * 1024
# A ZIP's local file header, and the end record an empty ZIP consists of.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MEMBERS = {CONNECTIONS.casefold(): CONNECTIONS, INVITATIONS.casefold(): INVITATIONS}
# What a damaged, encrypted or unusual ZIP raises while it is opened or read.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    RuntimeError,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
    lzma.LZMAError,
)


def is_linkedin(data: bytes) -> bool:
    """True when ``data`` is LinkedIn's export: a ZIP holding ``Connections.csv`` or
    ``Invitations.csv`` (at any depth), or a CSV with either file's header row (after LinkedIn's
    notes, if any), in UTF-8, UTF-16 or Windows-1252 as :func:`read_linkedin` reads it. Never
    raises."""
    if data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return any(_member_kind(info) for info in archive.infolist())
        except _ZIP_ERRORS:
            return False
    return sheet_kind(data[:_SNIFF_BYTES]) is not None


def read_linkedin(data: bytes, name: str = "the file") -> Batch:
    """Read LinkedIn's export (a ZIP, or one of its two CSV files) called ``name`` in notices.

    Raises :class:`~.format.ImportProblem` with every problem found, each naming its line (and
    its file in a ZIP), when anything cannot be read: then nothing is imported.
    """
    zipped = data.startswith(_ZIP_MAGIC)
    sheets = _read_zip(data) if zipped else [read_sheet(data, name=name)]
    problems = capped([problem for sheet in sheets for problem in sheet.problems], PROBLEMS_MAX)
    if problems:
        raise ImportProblem(problems[0], more=problems[1:])
    return Batch(
        source="LinkedIn",
        connections=tuple(c for sheet in sheets for c in sheet.connections),
        invitations=tuple(i for sheet in sheets for i in sheet.invitations),
        notices=tuple(notice for sheet in sheets for notice in sheet.notices),
    )


def _read_zip(data: bytes) -> list[Sheet]:
    """The sheets of the ZIP's ``Connections.csv`` and ``Invitations.csv``, in that order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise ImportProblem(
            f"cannot be read as a ZIP ({_reason(error)}); download it again"
        ) from None
    with archive:
        found: dict[str, list[zipfile.ZipInfo]] = {}
        for info in archive.infolist():
            if kind := _member_kind(info):
                found.setdefault(kind, []).append(info)
        if not found:
            raise ImportProblem(
                f"a ZIP without {CONNECTIONS} or {INVITATIONS}: import the ZIP "
                "LinkedIn sends (Settings, Data privacy, Get a copy of your data)"
            )
        return [_read_member(archive, found[kind]) for kind in sorted(found)]


def _read_member(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> Sheet:
    kind = _member_kind(infos[0])
    if len(infos) > 1:
        where = ", ".join(info.filename for info in infos)
        return Sheet(
            problems=(
                f"the ZIP holds {len(infos)} files named {kind} ({where}): "
                "import the one you mean on its own",
            )
        )
    info = infos[0]
    label = info.filename
    if info.flag_bits & _ENCRYPTED:
        return Sheet(
            problems=(
                f"{label} is encrypted: export it again from LinkedIn without a password, or "
                "import the CSV file itself",
            )
        )
    limit = MEMBER_MAX_MB * 1024 * 1024
    too_big = (
        f"{label} unpacks to more than {MEMBER_MAX_MB} MB, more than LinkedIn's export ever holds",
    )
    if info.file_size > limit:
        return Sheet(problems=too_big)
    try:
        with archive.open(info) as member:
            # The size in the header can lie: read no further than the limit, whatever it says.
            content = member.read(limit + 1)
    except _ZIP_ERRORS as error:
        reason = _reason(error, label)
        return Sheet(problems=(f"{label} cannot be unpacked ({reason}); download it again",))
    if len(content) > limit:
        return Sheet(problems=too_big)
    return read_sheet(content, label, expect=kind)


def _reason(error: Exception, label: str = "") -> str:
    """Why zipfile failed, in words: its own naming of an entry (a Python repr) replaced by
    the entry's path."""
    text = _ZIPINFO.sub(label or "an entry", str(error)).strip()
    return text or type(error).__name__


def _member_kind(info: zipfile.ZipInfo) -> str | None:
    """``Connections.csv`` or ``Invitations.csv`` when the member is one, in any folder and
    any case; None for every other file (LinkedIn's export holds dozens) and for folders."""
    # Not ZipInfo.is_dir(), which fails on the empty name a damaged archive can hold.
    return _MEMBERS.get(info.filename.replace("\\", "/").rsplit("/", 1)[-1].casefold())
