"""A CSV file's bytes as rows of cells, each with the physical line it starts on.

It reads what Excel and followup's own CSV report write:

- UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), and, when the bytes
  are not UTF-8, Windows-1252 (Excel's plain "CSV" on Western Windows), with a notice saying so;
- commas, semicolons (European Excel) or tabs, told from the header row (the delimiter that makes
  the most known columns), or from Excel's ``sep=;`` first line; CRLF or LF line ends;
- the apostrophe followup's report puts before a cell starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return, which is taken off again; any other apostrophe stays.

Rows with nothing in them are left out; line numbers still count them.

Its :func:`decode` serves LinkedIn's reader too (Excel re-saves those files as well), and
:func:`capped` is how every reader of another tool's file cuts a long list of problems.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence

from .format import ImportProblem
from .spreadsheet_columns import read_header

_DELIMITERS = (",", ";", "\t")
_NEUTRALISED = re.compile(r"\A'(?=[=+\-@\t\r])")
# Excel's own first line naming the delimiter.
_SEP_LINE = re.compile(r"sep=([,;\t|])\s*$")


def sheet_rows(text: str) -> list[tuple[int, list[str]]]:
    """The rows of ``text`` that hold something, with the line each starts on, cells undone
    from the report's neutralising; :class:`ImportProblem` when ``text`` is no CSV."""
    rows = ((line, [_undo(c) for c in cells]) for line, cells in _rows(text))
    return [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]


def decode(
    data: bytes | str, name: str, advice: str = "save the sheet as CSV UTF-8"
) -> tuple[str, tuple[str, ...]]:
    """The text of ``data`` and a notice naming ``name`` when it was not UTF-8;
    :class:`ImportProblem` ending in ``advice`` when it is no text at all.

    The problem does not name the file: whoever reports it does (the command line puts the
    file's name before every problem).
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), ()
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16"), ()
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    if b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(f"not a text file: {advice}")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportProblem(f"not UTF-8 text: {advice}") from None
    note = f"{name} is not UTF-8: read as Windows-1252; if names look wrong, save it as CSV UTF-8"
    return text, (note,)


def capped(problems: Sequence[str], limit: int) -> list[str]:
    """The first ``limit`` of ``problems`` and, when there are more, one last line exactly
    ``and N more problems`` (``and 1 more problem``), N the number left out.

    Every reader ends its list so, and the command line reads that shape back to count them all.
    """
    if len(problems) <= limit:
        return list(problems)
    left = len(problems) - limit
    return [*problems[:limit], f"and {left} more {'problem' if left == 1 else 'problems'}"]


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Every row with the physical line it starts on (a cell may hold line breaks)."""
    first = 1
    end = text.find("\n")
    head = text if end < 0 else text[:end]
    if (sep := _SEP_LINE.match(head)) is not None:
        text, first = text[len(head) + 1 :], 2
    delimiter = sep[1] if sep is not None else _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = first
    try:
        for cells in reader:
            yield start, cells
            start = first + reader.line_num
    except csv.Error as error:
        raise ImportProblem(f"line {start}: {error}: is it a CSV file?") from None


def _sniff(text: str) -> str:
    """The delimiter that makes the most known columns of the header row (ties: the most
    columns, then a comma)."""
    lines = io.StringIO(text, newline="")
    header = next((line for line in lines if any(c.isalnum() for c in line)), "")

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # reading the whole file names the problem with its line
            return (0, 0)
        return (len(read_header(cells, 1).at), len(cells))

    return max(_DELIMITERS, key=score)


def _undo(cell: str) -> str:
    """``cell`` without the apostrophe followup's report put before a formula's first sign."""
    return _NEUTRALISED.sub("", cell) if cell.startswith("'") else cell
