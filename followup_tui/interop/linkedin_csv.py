"""LinkedIn's two CSV files read into dated events: ``Connections.csv`` (who accepted, and on
which day) and ``Invitations.csv`` (the invitations you sent, with their message).

LinkedIn writes a few lines of notes before the header of ``Connections.csv`` (how many varies
by year, and some years none), so the header is looked for among the first lines rather than
taken from the first. Columns are found by name, case- and space-blind, so a reordered or
widened export still reads. Rows LinkedIn left without a name are counted, not refused.

The bytes are read as the spreadsheet reader reads them (:func:`.spreadsheet_rows.decode`):
UTF-8, UTF-16 with a BOM, or Windows-1252 with a notice, since Excel re-saves these files too.
A problem names the file only inside a ZIP ("export/Connections.csv line 3: ..."); a file given
on its own is named by the caller.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import quote, unquote

from ..domain import clean_line, clean_text
from .dates_in import DayOrder, parse_day
from .format import ImportProblem
from .incoming import ConnectionIn, InvitationIn, PersonIn
from .spreadsheet_rows import decode

CONNECTIONS = "Connections.csv"
INVITATIONS = "Invitations.csv"
#: How many lines may come before the header row (LinkedIn's notes take three or four).
HEADER_SEARCH_LINES = 30
#: Longest email address or profile address kept, as the model keeps them.
_ADDRESS_MAX = 2_000
# A line is taken for a header when it names at least this many of a file's columns.
_RECOGNISED = 3

# What a URL's path keeps unescaped (RFC 3986 pchar).
_PATH_SAFE = "-._~!$&'()*+,;=:@"
_PROFILE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com/in/([^/?#\s]+)", re.I)


def normalise_linkedin(url: str) -> str:
    """A LinkedIn profile address in one spelling: ``https://www.linkedin.com/in/<slug>``.

    "http://uk.linkedin.com/in/Ann-Lee/?trk=x" and "linkedin.com/in/ann-lee" give the same
    address: any scheme or subdomain, no query, fragment or trailing slash, the slug lower-cased
    (LinkedIn's slugs are case-blind) and its accents percent-encoded one way ("josé" and
    "jos%c3%a9" give "jos%C3%A9"), so the address stays plain ASCII. Anything that is not a
    ``/in/`` profile is only cleaned and trimmed, so equal addresses still compare equal.
    """
    text = clean_line(url, _ADDRESS_MAX)
    found = _PROFILE.match(text)
    if found is None:
        return text
    # One spelling of a slug with accents: "josé" and "jos%C3%A9" both become "jos%C3%A9".
    slug = quote(clean_line(unquote(found[1])).lower(), safe=_PATH_SAFE)
    return f"https://www.linkedin.com/in/{slug}" if slug else text


@dataclass(frozen=True, slots=True)
class _Kind:
    """One of LinkedIn's files: its name, its columns as LinkedIn writes them, those it needs."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]


_KINDS = (
    _Kind(
        CONNECTIONS,
        ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
        ("First Name", "Last Name", "Connected On"),
    ),
    _Kind(
        INVITATIONS,
        ("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"),
        ("To", "Sent At", "Direction"),
    ),
)


@dataclass(frozen=True, slots=True)
class Sheet:
    """What one LinkedIn CSV holds, or the problems that keep it from being read."""

    connections: tuple[ConnectionIn, ...] = ()
    invitations: tuple[InvitationIn, ...] = ()
    notices: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


def sheet_kind(data: bytes) -> str | None:
    """``"Connections.csv"`` or ``"Invitations.csv"`` when ``data`` (the start of a file will
    do) has that file's header row among its first lines, in any encoding :func:`read_sheet`
    reads, else None."""
    try:
        text, _ = decode(data, "")
    except ImportProblem:
        return None
    found = _find_header(_lines(text)[:HEADER_SEARCH_LINES])
    return None if found is None else found[1].name


def read_sheet(data: bytes, label: str = "", expect: str | None = None, name: str = "") -> Sheet:
    """Read one of LinkedIn's CSV files; ``label`` names it in problems (its path in a ZIP,
    "export/Connections.csv"), and is empty for a file given on its own, which the caller names.
    ``name`` is said in a notice (about its encoding), and is ``label`` unless given.

    With ``expect`` (the file's name in a ZIP) the header must be that file's.
    """
    advice = "export it again from LinkedIn, or save it as CSV UTF-8"
    try:
        text, notices = decode(data, name or label or "the file", advice)
    except ImportProblem as problem:
        return Sheet(problems=(_is(label, str(problem)),))
    lines = _lines(text)
    found = _find_header(lines[:HEADER_SEARCH_LINES])
    if found is None or expect not in (None, found[1].name):
        wanted = (expect,) if expect else (CONNECTIONS, INVITATIONS)
        headers = " or ".join(repr(",".join(k.columns)) for k in _KINDS if k.name in wanted)
        return Sheet(
            problems=(
                _is(
                    label,
                    f"not LinkedIn's {' or '.join(wanted)}: no header row {headers} "
                    f"in its first {HEADER_SEARCH_LINES} lines",
                ),
            )
        )
    index, kind, columns = found
    missing = [column for column in kind.required if _key(column) not in columns]
    if missing:
        return Sheet(
            problems=(
                f"{_at(label, index + 1)}: the header has no {' or '.join(missing)} column; "
                f"{kind.name} needs {', '.join(kind.required)}",
            )
        )
    rows, broken = _rows(lines, index + 1, columns)
    read = _connections if kind.name == CONNECTIONS else _invitations
    sheet = read(rows, label)
    sheet = replace(sheet, notices=(*notices, *sheet.notices))
    if broken is not None:
        line, reason = broken
        return Sheet(problems=(*sheet.problems, f"{_at(label, line)}: {reason}"))
    return sheet


def _at(label: str, line: int) -> str:
    """Where a problem is: "export/Connections.csv line 3" in a ZIP, "line 3" on its own."""
    return f"{label} line {line}" if label else f"line {line}"


def _is(label: str, what: str) -> str:
    """A problem about the whole file: "export/Connections.csv is not ..." in a ZIP, "not ..."
    on its own (the caller says which file)."""
    return f"{label} is {what}" if label else what


_Row = tuple[int, Callable[[str], str]]


def _connections(rows: list[_Row], label: str) -> Sheet:
    found: list[ConnectionIn] = []
    problems: list[str] = []
    nameless = 0
    for line, value in rows:
        name = clean_line(f"{clean_line(value('First Name'))} {clean_line(value('Last Name'))}")
        if not name:
            nameless += 1
            continue
        try:
            on = _day(value("Connected On"), None)
        except ValueError as error:
            problems.append(f"{_at(label, line)}: Connected On: {error}; correct or delete the row")
            continue
        person = PersonIn(
            name=name,
            where=f"{CONNECTIONS} line {line}",
            title=clean_line(value("Position")),
            company=clean_line(value("Company")),
            email=clean_line(value("Email Address"), _ADDRESS_MAX),
            linkedin=normalise_linkedin(value("URL")),
        )
        found.append(ConnectionIn(person, on))
    notices = []
    if nameless:
        notices.append(
            f"{CONNECTIONS}: {_count(nameless, 'connection')} without a name skipped "
            "(LinkedIn leaves out the names of some)"
        )
    return Sheet(connections=tuple(found), notices=tuple(notices), problems=tuple(problems))


def _invitations(rows: list[_Row], label: str) -> Sheet:
    found: list[InvitationIn] = []
    problems: list[str] = []
    nameless = unknown = 0
    for line, value in rows:
        direction = value("Direction").strip().upper()
        if direction == "INCOMING":
            continue  # someone invited you: nothing you sent
        if direction != "OUTGOING":
            unknown += 1
            continue
        name = clean_line(value("To"))
        if not name:
            nameless += 1
            continue
        try:
            on = _day(value("Sent At"), "mdy")  # LinkedIn writes 3/14/26, 9:05 AM
        except ValueError as error:
            problems.append(f"{_at(label, line)}: Sent At: {error}; correct or delete the row")
            continue
        person = PersonIn(
            name=name,
            where=f"{INVITATIONS} line {line}",
            linkedin=normalise_linkedin(value("inviteeProfileUrl")),
        )
        found.append(InvitationIn(person, on, clean_text(value("Message")).strip()))
    notices = []
    if nameless:
        notices.append(f"{INVITATIONS}: {_count(nameless, 'invitation')} to no name skipped")
    if unknown:
        notices.append(
            f"{INVITATIONS}: {_count(unknown, 'row')} neither OUTGOING nor INCOMING skipped"
        )
    return Sheet(invitations=tuple(found), notices=tuple(notices), problems=tuple(problems))


def _day(text: str, order: DayOrder | None) -> date:
    return parse_day(clean_line(text), order)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _key(cell: str) -> str:
    """A column name as it is compared: no BOM, case or repeated spaces."""
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def _lines(text: str) -> list[str]:
    """The physical lines of ``text``, whichever line ends it uses, as an editor numbers them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _find_header(lines: list[str]) -> tuple[int, _Kind, dict[str, int]] | None:
    """The index of the header line, its file, and the position of each column name."""
    for index, line in enumerate(lines):
        try:
            keys = [_key(cell) for cell in next(csv.reader([line]), [])]
        except csv.Error:
            continue
        for kind in _KINDS:
            if len({_key(column) for column in kind.columns}.intersection(keys)) >= _RECOGNISED:
                columns: dict[str, int] = {}
                for position, key in enumerate(keys):
                    columns.setdefault(key, position)
                return index, kind, columns
    return None


def _rows(
    lines: list[str], start: int, columns: dict[str, int]
) -> tuple[list[_Row], tuple[int, str] | None]:
    """The rows after the header (index ``start`` on), each with the line it starts on and a
    reader of its cells by column name; blank rows left out. Also where and why the CSV breaks,
    if it does (a quote that never closes)."""
    reader = csv.reader(io.StringIO("\n".join(lines[start:])))
    rows: list[_Row] = []
    read = 0
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start + read + 1, _reader(cells, columns)))
            read = reader.line_num
    except csv.Error as error:
        return rows, (start + read + 1, f"{error} (a quote that never closes?)")
    return rows, None


def _reader(cells: list[str], columns: dict[str, int]) -> Callable[[str], str]:
    def value(column: str) -> str:
        position = columns.get(_key(column))
        return cells[position] if position is not None and position < len(cells) else ""

    return value
