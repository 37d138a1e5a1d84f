"""A spreadsheet of interviews read into a :class:`~.incoming.Batch`, all of it or none.

The sheet has a header row; its columns are found by name (:mod:`.spreadsheet_columns`). One row
is one interview with (at most) one interviewer, and rows with the same company, role and date
are one interview with a panel. It reads what Excel and followup's own CSV report write:

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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from ..domain import Stage, clean_line, clean_text, fold
from .dates_in import DayOrder, is_ambiguous, parse_day, settled_order
from .format import ImportProblem
from .incoming import Batch, InterviewIn, PersonIn
from .spreadsheet_columns import REPORT_ONLY, Columns, Field, parse_stage, read_header
from .spreadsheet_rows import decode, sheet_rows

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
    person: PersonIn | None
    notes: tuple[str, ...]


def read_spreadsheet(
    data: bytes | str, *, date_order: DayOrder | None = None, name: str = "the file"
) -> Batch:
    """The interviews of a CSV file, or :class:`ImportProblem` listing every problem by line."""
    text, notices = decode(data, name)
    rows = sheet_rows(text)
    if not rows:
        raise ImportProblem(f"{name} is empty: a spreadsheet needs a header row")
    (head_line, head), body = rows[0], rows[1:]
    columns = read_header(head, head_line)
    if columns.problems:
        raise ImportProblem(columns.problems[0], columns.problems[1:])
    problems: list[tuple[int, str]] = []
    order = date_order or _file_order(columns, body, problems)
    parsed = [_row(columns, line, cells, order, problems) for line, cells in body]
    interviews = _group([row for row in parsed if row is not None], problems)
    if problems:
        lines = [message for _, message in sorted(problems, key=lambda p: p[0])]
        if len(lines) > PROBLEMS_MAX:
            lines[PROBLEMS_MAX:] = [f"and {len(lines) - PROBLEMS_MAX} more problems"]
        raise ImportProblem(lines[0], lines[1:])
    return Batch("spreadsheet", interviews=interviews, notices=(*notices, *_notes(columns, body)))


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
    person = _person(line, value, problems)
    if len(problems) > before:
        return None
    notes = clean_text(_cell(cells, columns, "notes")).strip()
    extras = tuple(
        f"{_column(columns, i)}: {clean_text(cells[i]).strip()}"
        for i in (*columns.unknown, *range(len(columns.names), len(cells)))
        if i < len(cells) and cells[i].strip()
    )
    return _Row(line, company, role, on, stage, person, (notes, *extras) if notes else extras)


def _person(
    line: int, value: Callable[[Field], str], problems: list[tuple[int, str]]
) -> PersonIn | None:
    name, title, email = value("person"), value("title"), value("email")
    linkedin, phone = value("linkedin"), value("phone")
    if not name:
        if title or email or linkedin or phone:
            problems.append((line, f"line {line}: a title, email or profile but no person's name"))
        return None
    return PersonIn(name, f"line {line}", title=title, email=email, linkedin=linkedin, phone=phone)


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
            if row.person is not None:
                key = fold(row.person.name)
                panel[key] = _fill(panel[key], row.person) if key in panel else row.person
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
