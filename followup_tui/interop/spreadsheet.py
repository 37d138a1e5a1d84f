"""A spreadsheet of interviews read into a :class:`~.incoming.Batch`, all of it or none.

The sheet has a header row; its columns are found by name (:mod:`.spreadsheet_columns`). One row
is one interview with the people its person cells name, and rows with the same company, role and
date are one interview with the whole panel. It reads what Excel and followup's own CSV report
write:

UTF-8 with or without a BOM, a comma or a semicolon, CRLF, empty rows, the apostrophe before a
formula (:mod:`.spreadsheet_rows`), and blank columns with nothing in them.

Values of unknown columns (and cells past the header's end) are kept as "Column: value" lines in
the interview's notes, not the person's: a row is an interview first, and a line the panel's rows
repeat is kept once. A notice names the columns. Dates go through :func:`.dates_in.parse_day`;
numeric dates take the order the file settles, or ``date_order``, and a file that settles none
is refused. Every row needs a company and a role (an interview has both); the date, the stage
and the person may be empty. The same person on two rows of one interview is one person with
the details of both; one interview given two stages is a problem. A person's company is left
unknown: the merge takes the interview's.

A row's title, email, profile and phone belong to its person. When its person cells name several
people they cannot be given to one of them: they are kept as "Column: value" lines in the
interview's notes instead, and a notice names the rows.

Problems never name the file: the caller does. More than :data:`PROBLEMS_MAX` are cut, with a
last line ``and N more problems`` (:func:`.spreadsheet_rows.capped`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from ..domain import Stage, clean_line, clean_text, fold
from .dates_in import DayOrder, is_ambiguous, parse_day, settled_order
from .format import ImportProblem
from .incoming import Batch, InterviewIn, PersonIn
from .spreadsheet_columns import REPORT_ONLY, Columns, Field, parse_stage, read_header, split_names
from .spreadsheet_rows import capped, decode, sheet_rows

#: The most problems one refusal lists; a file of junk would otherwise fill the screen.
PROBLEMS_MAX = 200
_PERSON_FIELDS: tuple[Field, ...] = ("title", "email", "linkedin", "phone")


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    company: str
    role: str
    on: date | None
    stage: Stage | None
    people: tuple[PersonIn, ...]
    notes: tuple[str, ...]
    #: True when the row names several people and its person details went to the notes.
    shared: bool = False


def read_spreadsheet(
    data: bytes | str, *, date_order: DayOrder | None = None, name: str = "the file"
) -> Batch:
    """The interviews of a CSV file (``name`` is said in a notice, never in a problem), or
    :class:`ImportProblem` listing every problem by line."""
    text, notices = decode(data, name)
    rows = sheet_rows(text)
    if not rows:
        raise ImportProblem("the file is empty: a spreadsheet needs a header row")
    (head_line, head), body = rows[0], rows[1:]
    columns = read_header(head, head_line)
    if columns.problems:
        found = capped(columns.problems, PROBLEMS_MAX)
        raise ImportProblem(found[0], found[1:])
    problems: list[tuple[int, str]] = []
    order = date_order or _file_order(columns, body, problems)
    parsed = [_row(columns, line, cells, order, problems) for line, cells in body]
    interviews = _group([row for row in parsed if row is not None], problems)
    if problems:
        lines = capped(
            [message for _, message in sorted(problems, key=lambda p: p[0])], PROBLEMS_MAX
        )
        raise ImportProblem(lines[0], lines[1:])
    shared = [row.line for row in parsed if row is not None and row.shared]
    return Batch(
        "spreadsheet",
        interviews=interviews,
        notices=(*notices, *_notes(columns, body), *_shared(shared)),
    )


def _cell(cells: list[str], columns: Columns, key: Field) -> str:
    index = columns.at.get(key)
    return cells[index] if index is not None and index < len(cells) else ""


def _file_order(
    columns: Columns, body: list[tuple[int, list[str]]], problems: list[tuple[int, str]]
) -> DayOrder | None:
    """The order the file's numeric dates settle, with a problem when they disagree or when
    some are ambiguous and none settles them."""
    dates = [(line, clean_line(_cell(cells, columns, "date"))) for line, cells in body]
    settled: dict[DayOrder, tuple[int, str]] = {}
    for line, text in dates:
        if (order := settled_order(text)) is not None:
            settled.setdefault(order, (line, text))
    if len(settled) == 2:
        (d_line, d_text), (m_line, m_text) = settled["dmy"], settled["mdy"]
        problems.append(
            (
                min(d_line, m_line),
                f"line {d_line}: {d_text} puts the day first, but line {m_line}: {m_text} puts "
                "the month first: correct one, or pass --date-format dmy or mdy",
            )
        )
        return None
    if settled:
        return next(iter(settled))
    vague = [line for line, text in dates if is_ambiguous(text)]
    if vague:
        shown = ", ".join(str(line) for line in vague[:10]) + (", ..." if len(vague) > 10 else "")
        problems.append(
            (
                vague[0],
                f"line{'s' if len(vague) > 1 else ''} {shown}: dates such as "
                f"{dict(dates)[vague[0]]} could be day/month or month/day, and no date in the "
                "file settles it: pass --date-format dmy or mdy",
            )
        )
    return None


def _row(
    columns: Columns,
    line: int,
    cells: list[str],
    order: DayOrder | None,
    problems: list[tuple[int, str]],
) -> _Row | None:
    """One row read, or None with its problems added."""
    before = len(problems)

    def value(key: Field) -> str:
        cell = _cell(cells, columns, key)
        # Addresses and profiles are bounded by the person they go to, and may be long.
        return clean_line(cell, len(cell)) if key in ("email", "linkedin") else clean_line(cell)

    company, role = value("company"), value("role")
    required: tuple[tuple[Field, str], ...] = (("company", company), ("role", role))
    for key, got in required:
        if not got:
            problems.append((line, f"line {line}: no {key}: fill the {_name(columns, key)} cell"))
    on = stage = None
    if day := value("date"):
        try:
            on = parse_day(day, order)
        except ValueError as error:
            if order is not None or not is_ambiguous(day):  # else the file's one problem says it
                problems.append((line, f"line {line}: {error}"))
    if said := value("stage"):
        try:
            stage = parse_stage(said)
        except ValueError as error:
            problems.append((line, f"line {line}: {error}"))
    names = _names(columns, cells)
    details = {key: got for key in _PERSON_FIELDS if (got := value(key))}
    if details and not names:
        problems.append((line, f"line {line}: {_nameless(columns, cells)}"))
    if len(problems) > before:
        return None
    where = f"line {line}"
    if len(names) == 1:
        title, email, linkedin, phone = (details.get(key, "") for key in _PERSON_FIELDS)
        one = PersonIn(names[0], where, title, email=email, linkedin=linkedin, phone=phone)
        people: tuple[PersonIn, ...] = (one,)
        kept: tuple[str, ...] = ()
    else:
        people = tuple(PersonIn(name, where) for name in names)
        # Whose email is it? Nobody can tell: the interview keeps it, and a notice says so.
        shown = sorted(details, key=columns.at.__getitem__)  # in the sheet's order
        kept = tuple(f"{_name(columns, key)}: {details[key]}" for key in shown)
    notes = clean_text(_cell(cells, columns, "notes")).strip()
    extras = tuple(
        f"{_column(columns, i)}: {clean_text(cells[i]).strip()}"
        for i in (*columns.unknown, *range(len(columns.names), len(cells)))
        if i < len(cells) and cells[i].strip()
    )
    return _Row(line, company, role, on, stage, people, (notes, *kept, *extras), shared=bool(kept))


def _names(columns: Columns, cells: list[str]) -> list[str]:
    """The people the row's person cells name, each once (by folded name), in order.

    followup's own report (it has columns only the report writes) holds one person per row,
    whatever their name: "Ann & Bo Lee" is not cut there."""
    own = any(key in columns.at for key in REPORT_ONLY)
    found: dict[str, str] = {}
    for index in columns.people:
        cell = cells[index] if index < len(cells) else ""
        for name in [clean_line(cell)] if own else split_names(cell):
            if name:
                found.setdefault(fold(name), name)
    return list(found.values())


def _nameless(columns: Columns, cells: list[str]) -> str:
    """Why a row with a person's details but no name is refused, with a hint at the column
    the names may be in when no column is the person's."""
    problem = "a title, email or profile but no person's name"
    if columns.people:
        return f"{problem}: fill the {_name(columns, 'person')} cell"
    filled = [_column(columns, i) for i in columns.unknown if i < len(cells) and cells[i].strip()]
    if not filled:
        return f"{problem}, and no column of names: add one called Interviewer"
    return (
        f"{problem}: no column is the person's; if {' or '.join(filled[:3])} holds the names, "
        "call it Interviewer"
    )


def _name(columns: Columns, key: Field) -> str:
    return columns.names[columns.at[key]]


def _column(columns: Columns, index: int) -> str:
    """The header of a column, or "column 7" past the header's end."""
    return columns.names[index] if index < len(columns.names) else f"column {index + 1}"


def _group(rows: list[_Row], problems: list[tuple[int, str]]) -> tuple[InterviewIn, ...]:
    """Rows with the same company, role and date made one interview with the whole panel."""
    groups: dict[tuple[str, str, date | None], list[_Row]] = {}
    for row in rows:
        groups.setdefault((fold(row.company), fold(row.role), row.on), []).append(row)
    interviews = []
    for group in groups.values():
        first = group[0]
        stages = {row.stage: row for row in group if row.stage is not None}
        if len(stages) > 1:
            (one, a), (two, b) = list(stages.items())[:2]
            problems.append(
                (
                    b.line,
                    f"line {b.line}: stage {two.label}, but line {a.line} says {one.label} for "
                    "the same interview: give one",
                )
            )
        panel: dict[str, PersonIn] = {}
        for row in group:
            for person in row.people:
                key = fold(person.name)
                panel[key] = _fill(panel[key], person) if key in panel else person
        notes = dict.fromkeys(note for row in group for note in row.notes if note)
        interviews.append(
            InterviewIn(
                company=first.company,
                role=first.role,
                on=first.on,
                where=f"line {first.line}",
                stage=next(iter(stages), None),
                notes="\n".join(notes),
                panel=tuple(panel.values()),
            )
        )
    return tuple(interviews)


def _fill(known: PersonIn, more: PersonIn) -> PersonIn:
    """``known`` with the details it lacks taken from ``more`` (the same person on another row)."""
    return replace(
        known, **{key: getattr(more, key) for key in _PERSON_FIELDS if not getattr(known, key)}
    )


def _shared(lines: list[int]) -> Iterator[str]:
    """The notice about rows naming several people, whose details went to the notes."""
    if lines:
        shown = ", ".join(str(line) for line in lines[:10]) + (", ..." if len(lines) > 10 else "")
        yield (
            f"line{'s' if len(lines) > 1 else ''} {shown}: several people on one row, so its "
            "title, email, profile and phone are kept in the interview's notes, not given to "
            "one of them"
        )


def _notes(columns: Columns, body: list[tuple[int, list[str]]]) -> Iterator[str]:
    """The notices about columns: unknown ones kept in the notes, report columns not read."""
    width = len(columns.names)
    used = [
        i
        for i in (*columns.unknown, *range(width, max((len(c) for _, c in body), default=0)))
        if any(i < len(cells) and cells[i].strip() for _, cells in body)
    ]
    if used:
        names = ", ".join(_column(columns, i) for i in used)
        yield f"not a column followup knows: {names}; the values are kept in the interviews' notes"
    skipped = [columns.names[columns.at[key]] for key in REPORT_ONLY if key in columns.at]
    if skipped:
        yield (
            f"not read: {', '.join(skipped)} (a person's connection status and dates, which "
            "followup works out from their history)"
        )
