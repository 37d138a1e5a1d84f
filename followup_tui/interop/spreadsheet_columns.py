"""The columns a spreadsheet of interviews may have, under the names people give them, and the
stages as people write them.

A header is matched without case, accents, spaces or punctuation ("E-mail", "e_mail" and
"EMAIL" are one name). Two names mean one thing unless another column already means it:
"Status" is the stage, but next to a "Stage" column it is a person's connection status (as in
followup's own CSV report), and "Job Title" is the role, but next to a "Role" column it is the
person's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..domain import Stage, clean_line, fold

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

    #: The position of each known column.
    at: dict[Field, int] = field(default_factory=dict)
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

    def claim(key: Field, index: int) -> None:
        if key in at:
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
    return Columns(at=at, names=names, unknown=tuple(unknown), problems=tuple(problems))


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

    "declined" is the stage of an offer you declined (as followup writes it); an application the
    employer turned down is "rejected", "no" or "unsuccessful".
    """
    key = " ".join(fold(text).replace("_", " ").replace("-", " ").split())
    stage = _STAGES.get(key)
    if stage is None:
        shown = clean_line(text, 40)
        known = ", ".join(stage.label for stage in Stage)
        raise ValueError(f'"{shown}" is not a stage: write one of {known}')
    return stage
