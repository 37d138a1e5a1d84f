"""Placeholders filled in: the values a note may mention, and the visible gap for a missing one.

Everything here is pure and quick: :func:`render` runs as the user types in the editor, and the day
is always a parameter (:attr:`NoteContext.today`), never read from the clock.

A template says ``{first_name}``; nothing else is special. Braces that do not hold a known
placeholder name stay exactly as typed, so ``{0.__class__}``, ``{{`` or ``{nickname}`` reach the
note unchanged and the user can see and fix them. A value that is not known yet becomes a visible
gap such as ``[title]`` (see :func:`gap`), never "None" and never a silent hole in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..domain import Company, Contact, Interview, Settings, Template, relative_date


@dataclass(frozen=True, slots=True)
class NoteContext:
    """Everything a note may mention: who it is for, about which interview, written on which day."""

    contact: Contact
    settings: Settings
    today: date
    interview: Interview | None = None
    company: Company | None = None
    """The company of :attr:`interview`."""
    recruiter: Contact | None = None


PLACEHOLDERS: dict[str, str] = {
    "first_name": "the contact's first name (the first word of their name)",
    "name": "the contact's full name",
    "title": "the contact's job title",
    "company": "the interview's company, else the contact's current company",
    "their_company": "where the contact works now (for check-ins after they moved)",
    "role": "the role you interviewed for",
    "level": "the level of that role, such as Senior or L5",
    "recruiter": "the first name of the interview's recruiter",
    "interview_date": 'when the last round was, in words: "yesterday", "last week", "in March"',
    "my_name": "your name, from the settings",
    "signature": "your signature from the settings, else your name",
    "tidbit": "the first thing you noted about the contact, to fit in a sentence",
}
"""Every placeholder a template may use, with a one-line description for the help screens."""

# What a gap asks for, where the placeholder's name is not the plainest way to say it.
_GAP_LABELS = {
    "first_name": "first name",
    "recruiter": "recruiter's name",
    "interview_date": "interview date",
    "their_company": "their company",
    "my_name": "your name",
    "signature": "your name",
    "tidbit": "something they mentioned",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def gap(name: str) -> str:
    """Return the visible gap left for a missing value: its label in square brackets.

    ``name`` is a placeholder name or any phrase. Placeholders get a label that says what to
    write (``gap("recruiter")`` is ``"[recruiter's name]"``, ``gap("my_name")`` is
    ``"[your name]"``); anything else shows as given, underscores read as spaces
    (``gap("title")`` is ``"[title]"``). Built-in templates write their own gaps the same way,
    such as ``[link]``.
    """
    return f"[{_GAP_LABELS.get(name, name.replace('_', ' '))}]"


#: A gap in a note, to fill in before sending: a missing value's (:func:`gap`), a built-in
#: template's such as ``[link]``, or the user's own ``[fill-in]``. The editor warns of them and
#: the template preview highlights them.
GAP = re.compile(r"\[[^\[\]\n]{1,60}\]")


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def _tidbit(ctx: NoteContext) -> str:
    """The first tidbit on one line, shaped to sit inside a sentence.

    Runs of white space become one space and trailing ``.`` and ``!`` go. The case is kept as
    the user typed it: "Arsenal fan" is a name that reads wrong as "arsenal fan", and followup
    cannot tell a name from an ordinary word, so it changes none.
    """
    if not ctx.contact.tidbits:
        return ""
    return " ".join(ctx.contact.tidbits[0].split()).rstrip(".! ")


def _interview_date(ctx: NoteContext) -> str:
    last = ctx.interview.last_round if ctx.interview else None
    return relative_date(last, ctx.today) if last else ""


# Each returns "" when the value is not known; render() turns that into a gap.
_VALUES: dict[str, Callable[[NoteContext], str]] = {
    "first_name": lambda ctx: _first_word(ctx.contact.name),
    "name": lambda ctx: ctx.contact.name,
    "title": lambda ctx: ctx.contact.title,
    "company": lambda ctx: ctx.company.name if ctx.company else ctx.contact.company,
    "their_company": lambda ctx: ctx.contact.company or (ctx.company.name if ctx.company else ""),
    "role": lambda ctx: ctx.interview.role if ctx.interview else "",
    "level": lambda ctx: ctx.interview.level if ctx.interview else "",
    "recruiter": lambda ctx: _first_word(ctx.recruiter.name) if ctx.recruiter else "",
    "interview_date": _interview_date,
    "my_name": lambda ctx: ctx.settings.your_name,
    "signature": lambda ctx: ctx.settings.signature or ctx.settings.your_name,
    "tidbit": _tidbit,
}


def render(template: Template | str, ctx: NoteContext) -> str:
    """Fill in the placeholders of a template (or of a body given as text) for ``ctx``.

    Values go in as plain text; nothing in them or in the template is interpreted further.
    """
    body = template.body if isinstance(template, Template) else template
    if "{" not in body:
        return body
    found: dict[str, str] = {}

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in _VALUES:
            return match.group()
        if key not in found:
            found[key] = _VALUES[key](ctx) or gap(key)
        return found[key]

    return _PLACEHOLDER.sub(fill, body)
