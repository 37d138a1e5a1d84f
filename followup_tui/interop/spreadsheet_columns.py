"""The columns a spreadsheet of interviews may have, under the names people give them, and the
stages as people write them.

A header is matched without case, accents, spaces or punctuation ("E-mail", "e_mail" and
"EMAIL" are one name). Two names mean one thing unless another column already means it:
"Status" is the stage, but next to a "Stage" column it is a person's connection status (as in
followup's own CSV report), and "Job Title" is the role, but next to a "Role" column it is the
person's title. Several person columns ("Interviewer" and "Hiring manager") are all read:
each gives people on the panel.

A person cell may name several people (:func:`split_names`): "Gavin Belson, Richard Hendricks",
"Ann & Bo", "Monica Hall; Laurie Bream", one per line. "Lee, Ann" stays one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..domain import Stage, clean_line, clean_text, fold

Field = Literal[
    "company",
    "role",
    "date",
    "person",
    "title",
    "email",
    "linkedin",
    "phone",
    "stage",
    "notes",
    "connection",
    "last_touch",
    "next_due",
]

#: The columns of followup's own CSV report that are worked out from a person's history, which a
#: spreadsheet does not hold: they are recognised and not read back.
REPORT_ONLY: tuple[Field, ...] = ("connection", "last_touch", "next_due")

#: Every header name of each column, as :func:`header_key` gives it.
NAMES: dict[Field, tuple[str, ...]] = {
    "company": ("company", "companyname", "employer", "organization", "organisation", "org"),
    "role": ("role", "position", "job", "jobrole", "positiontitle"),
    "date": ("date", "interviewdate", "interviewday", "interviewedon", "day"),
    "person": (
        "interviewer",
        "interviewername",
        "name",
        "fullname",
        "contact",
        "contactname",
        "person",
        "panelist",
        "panellist",
        "panelists",
        "panellists",
        "panel",
        "interviewers",  # "Interviewer(s)" too: punctuation is dropped
        "interviewedby",
        "hiringmanager",
        "people",
        "names",
    ),
    "title": ("title", "interviewertitle", "contacttitle", "persontitle"),
    "email": ("email", "emailaddress", "mail"),
    "linkedin": ("linkedin", "linkedinurl", "linkedinprofile", "profile", "profileurl", "url"),
    "phone": ("phone", "phonenumber", "telephone", "tel", "mobile"),
    "stage": ("stage", "outcome", "result"),
    "notes": ("notes", "note", "comments", "comment"),
    "last_touch": ("lasttouch",),
    "next_due": ("nextdue",),
}
# Names with two meanings: the first, unless another column has it already.
_SECOND: dict[str, tuple[Field, Field]] = {
    "status": ("stage", "connection"),
    "jobtitle": ("role", "title"),
}
_BY_NAME: dict[str, Field] = {name: key for key, names in NAMES.items() for name in names}
#: How a problem names a missing column.
_WANTED: dict[Field, str] = {
    "company": "Company, Employer or Organization",
    "role": "Role, Position or Job Title",
}


@dataclass(frozen=True, slots=True)
class Columns:
    """What a header row says: which column holds what, and the columns nobody knows."""

    #: The position of each known column (of the first, for the person).
    at: dict[Field, int] = field(default_factory=dict)
    #: The positions of every person column, in order: each gives people on the panel.
    people: tuple[int, ...] = ()
    #: The header as written, by position (a blank header is "column 5").
    names: tuple[str, ...] = ()
    #: Positions of columns followup does not know; their values go to the notes.
    unknown: tuple[int, ...] = ()
    problems: tuple[str, ...] = ()


def header_key(name: str) -> str:
    """A header name as it is matched: "E-mail " and "e_mail" are both "email"."""
    return re.sub(r"[^0-9a-z]", "", fold(clean_line(name)))


def read_header(cells: list[str], line: int) -> Columns:
    """The columns of a header row found on ``line``, with a problem for each column named
    twice and for a company or role column missing."""
    names = tuple(clean_line(c) or f"column {i + 1}" for i, c in enumerate(cells))
    at: dict[Field, int] = {}
    problems: list[str] = []
    second: list[int] = []
    unknown: list[int] = []

    people: list[int] = []

    def claim(key: Field, index: int) -> None:
        if key == "person":
            people.append(index)
            at.setdefault(key, index)
        elif key in at:
            problems.append(
                f"line {line}: the columns {names[at[key]]} and {names[index]} both give "
                f"the {key.replace('_', ' ')}: keep one"
            )
        else:
            at[key] = index

    for index, cell in enumerate(cells):
        name = header_key(cell)
        if name in _BY_NAME:
            claim(_BY_NAME[name], index)
        elif name in _SECOND:
            second.append(index)
        else:
            # A blank header too: its values are kept, and a column with none is forgotten.
            unknown.append(index)
    for index in second:
        first, other = _SECOND[header_key(cells[index])]
        claim(other if first in at else first, index)
    for key, wanted in _WANTED.items():
        if key not in at:
            problems.append(
                f"line {line}: no {key} column (the header has {', '.join(names)}): "
                f"name one {wanted}"
            )
    return Columns(
        at=at,
        people=tuple(people),
        names=names,
        unknown=tuple(unknown),
        problems=tuple(problems),
    )


# What always parts two people in a cell: a line break (Alt+Enter in Excel) or a semicolon
# (Outlook's "Lee, Ann; Chen, Bo"). Then commas, "&" and the word "and" do, but for one name.
_PEOPLE = re.compile(r"[\n;]")
_LIST = re.compile(r",|&|\s+and\s+", re.IGNORECASE)
# Text in brackets belongs to the name before it: "Ann Lee (CTO, Acme)".
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def split_names(cell: str) -> list[str]:
    """The people a person cell names, each cleaned, in order.

    A line break or a semicolon always parts two people. So do a comma, "&" and the word "and",
    except in a name written "family, given": one comma, nothing else, and one side of it one
    word ("Lee, Ann", "Hendricks, Richard", "King, Jr." are one person each, as written). Text
    in brackets is never cut.
    """
    text = clean_text(cell)
    # Separators inside brackets are hidden: the same text with the brackets' insides blanked.
    masked = _BRACKETS.sub(lambda m: "_" * len(m[0]), text)
    names: list[str] = []
    for start, end in _spans(masked, _PEOPLE, 0, len(text)):
        piece = masked[start:end]
        if _one_name(piece):
            names.append(text[start:end])
        else:
            names.extend(text[a:b] for a, b in _spans(masked, _LIST, start, end))
    return [name for name in (clean_line(n) for n in names) if name]


def _spans(text: str, separator: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` between matches of ``separator``, as positions."""
    spans, at = [], start
    for found in separator.finditer(text, start, end):
        spans.append((at, found.start()))
        at = found.end()
    return [*spans, (at, end)]


def _one_name(piece: str) -> bool:
    """True for "Lee, Ann": one comma, no other separator, one side of it a single word."""
    if piece.count(",") != 1 or len(_LIST.findall(piece)) != 1:
        return False
    sides = [side.split() for side in piece.split(",")]
    return all(sides) and min(len(side) for side in sides) == 1


# The stages as people write them, beyond the stage's own value and label.
_STAGE_WORDS: dict[str, Stage] = {
    "application": Stage.APPLIED,
    "application sent": Stage.APPLIED,
    "submitted": Stage.APPLIED,
    "upcoming": Stage.SCHEDULED,
    "booked": Stage.SCHEDULED,
    "planned": Stage.SCHEDULED,
    "interview scheduled": Stage.SCHEDULED,
    "interviewing": Stage.INTERVIEWED,
    "interview": Stage.INTERVIEWED,
    "in progress": Stage.INTERVIEWED,
    "in process": Stage.INTERVIEWED,
    "phone screen": Stage.INTERVIEWED,
    "phone interview": Stage.INTERVIEWED,
    "screen": Stage.INTERVIEWED,
    "screening": Stage.INTERVIEWED,
    "technical interview": Stage.INTERVIEWED,
    "technical screen": Stage.INTERVIEWED,
    "first round": Stage.INTERVIEWED,
    "second round": Stage.INTERVIEWED,
    "final round": Stage.INTERVIEWED,
    "onsite": Stage.INTERVIEWED,
    "on site": Stage.INTERVIEWED,  # "on-site": a hyphen is a space here
    "awaiting": Stage.AWAITING_DECISION,
    "waiting": Stage.AWAITING_DECISION,
    "pending": Stage.AWAITING_DECISION,
    "awaiting feedback": Stage.AWAITING_DECISION,
    "rejection": Stage.REJECTED,
    "no": Stage.REJECTED,
    "no offer": Stage.REJECTED,
    "not selected": Stage.REJECTED,
    "unsuccessful": Stage.REJECTED,
    "turned down": Stage.REJECTED,
    # They never answered: as good as a no, and the review then stops waiting for a decision.
    "ghosted": Stage.REJECTED,
    "no response": Stage.REJECTED,
    "no reply": Stage.REJECTED,
    "no answer": Stage.REJECTED,
    "offered": Stage.OFFER,
    "offer received": Stage.OFFER,
    "offer accepted": Stage.ACCEPTED,
    "hired": Stage.ACCEPTED,
    "offer declined": Stage.DECLINED,
    "withdrew": Stage.WITHDRAWN,
    "withdraw": Stage.WITHDRAWN,
    "pulled out": Stage.WITHDRAWN,
}
_STAGES: dict[str, Stage] = {
    **{stage.value: stage for stage in Stage},
    **{stage.label: stage for stage in Stage},
    **_STAGE_WORDS,
}


def parse_stage(text: str) -> Stage:
    """The stage ``text`` names, or ValueError naming the stages there are.

    "declined" is the stage of an offer you turned down (as followup writes it), and so is
    "offer declined"; an application the employer turned down is "rejected", "no" or
    "unsuccessful", and one they never answered ("ghosted", "no response") counts as rejected.
    The rounds people name ("phone screen", "onsite", "final round") are interviewed.
    """
    key = " ".join(fold(text).replace("_", " ").replace("-", " ").split())
    stage = _STAGES.get(key)
    if stage is None:
        shown = clean_line(text, 40)
        known = ", ".join(stage.label for stage in Stage)
        raise ValueError(f'"{shown}" is not a stage: write one of {known}')
    return stage
