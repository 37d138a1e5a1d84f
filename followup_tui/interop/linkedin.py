"""LinkedIn's data export read into a :class:`~.incoming.Batch`: the ZIP LinkedIn sends, or the
``Connections.csv`` or ``Invitations.csv`` taken out of it.

The connections it holds never create people: the merge matches them with the people already
known and records that they accepted, on their day. Invitations fill in the ones you sent but
did not log. A ZIP is opened in memory, and each of its two files is read only up to
:data:`MEMBER_MAX_MB`, whatever its header claims, so a crafted archive cannot fill the memory.
"""

from __future__ import annotations

import io
import lzma
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

__all__ = ["MEMBER_MAX_MB", "is_linkedin", "normalise_linkedin", "read_linkedin"]

#: The largest file taken out of a ZIP, in MB (MiB): 30,000 connections take about 5.
MEMBER_MAX_MB = 64
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
    notes, if any). Never raises."""
    if data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return any(_member_kind(info) for info in archive.infolist())
        except _ZIP_ERRORS:
            return False
    return sheet_kind(data[:_SNIFF_BYTES].decode("utf-8-sig", errors="replace")) is not None


def read_linkedin(data: bytes, name: str = "the file") -> Batch:
    """Read LinkedIn's export (a ZIP, or one of its two CSV files) called ``name`` in messages.

    Raises :class:`~.format.ImportProblem` with every problem found, each naming its file and
    line, when anything cannot be read: then nothing is imported.
    """
    sheets = _read_zip(data, name) if data.startswith(_ZIP_MAGIC) else [read_sheet(data, name)]
    problems = [problem for sheet in sheets for problem in sheet.problems]
    if problems:
        raise ImportProblem(problems[0], more=problems[1:])
    return Batch(
        source="LinkedIn",
        connections=tuple(c for sheet in sheets for c in sheet.connections),
        invitations=tuple(i for sheet in sheets for i in sheet.invitations),
        notices=tuple(notice for sheet in sheets for notice in sheet.notices),
    )


def _read_zip(data: bytes, name: str) -> list[Sheet]:
    """The sheets of the ZIP's ``Connections.csv`` and ``Invitations.csv``, in that order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise ImportProblem(
            f"{name} cannot be read as a ZIP ({error}); download it again"
        ) from None
    with archive:
        found: dict[str, list[zipfile.ZipInfo]] = {}
        for info in archive.infolist():
            if kind := _member_kind(info):
                found.setdefault(kind, []).append(info)
        if not found:
            raise ImportProblem(
                f"{name} is a ZIP without {CONNECTIONS} or {INVITATIONS}: import the ZIP "
                "LinkedIn sends (Settings, Data privacy, Get a copy of your data)"
            )
        return [_read_member(archive, found[kind], name) for kind in sorted(found)]


def _read_member(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> Sheet:
    kind = _member_kind(infos[0])
    if len(infos) > 1:
        where = ", ".join(info.filename for info in infos)
        return Sheet(
            problems=(
                f"{name} holds {len(infos)} files named {kind} ({where}): "
                "import the one you mean on its own",
            )
        )
    info = infos[0]
    label = f"{name}, {info.filename}"
    limit = MEMBER_MAX_MB * 1024 * 1024
    too_big = (
        f"{label} unpacks to more than {MEMBER_MAX_MB} MB, more than LinkedIn's export "
        "ever holds; nothing was imported",
    )
    if info.file_size > limit:
        return Sheet(problems=too_big)
    try:
        with archive.open(info) as member:
            # The size in the header can lie: read no further than the limit, whatever it says.
            content = member.read(limit + 1)
    except _ZIP_ERRORS as error:
        return Sheet(problems=(f"{label} cannot be unpacked ({error}); download it again",))
    if len(content) > limit:
        return Sheet(problems=too_big)
    return read_sheet(content, label, expect=kind)


def _member_kind(info: zipfile.ZipInfo) -> str | None:
    """``Connections.csv`` or ``Invitations.csv`` when the member is one, in any folder and
    any case; None for every other file (LinkedIn's export holds dozens) and for folders."""
    # Not ZipInfo.is_dir(), which fails on the empty name a damaged archive can hold.
    return _MEMBERS.get(info.filename.replace("\\", "/").rsplit("/", 1)[-1].casefold())
