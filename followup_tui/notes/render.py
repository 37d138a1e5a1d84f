"""Notes from templates: placeholders filled in, the template that fits, channel limits, repeats.

Everything here is pure and quick: :func:`render` runs as the user types in the editor, and the day
is always a parameter (:attr:`NoteContext.today`), never read from the clock.

A template says ``{first_name}``; nothing else is special. Braces that do not hold a known
placeholder name stay exactly as typed, so ``{0.__class__}``, ``{{`` or ``{nickname}`` reach the
note unchanged and the user can see and fix them. A value that is not known yet becomes a visible
gap such as ``[title]`` (see :func:`gap`), never "None" and never a silent hole in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Interview,
    Settings,
    Stage,
    Template,
    TouchKind,
    relative_date,
)
from .builtin import BUILTIN_TEMPLATES

__all__ = [
    "PLACEHOLDERS",
    "NoteContext",
    "all_templates",
    "char_count",
    "default_template",
    "gap",
    "limit_status",
    "near_duplicates",
    "next_template",
    "relative_date",
    "render",
    "similarity",
]


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


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


_LEADING_LETTERS = re.compile(r"[^\W\d_]+")


def _tidbit(ctx: NoteContext) -> str:
    """The first tidbit on one line, shaped to sit inside a sentence.

    Trailing ``.`` and ``!`` go. The first letter is lower-cased ("Runs the Rust meetup" becomes
    "runs the Rust meetup") unless the first word looks like a name the case matters to: "I",
    an acronym ("NASA", "AI's"), or a word with a capital after its first letter ("GitHub",
    "McKinsey"). An ordinary proper noun ("Berlin") cannot be told from a verb and is
    lower-cased too; the user sees it in the editor before anything is sent.
    """
    if not ctx.contact.tidbits:
        return ""
    text = " ".join(ctx.contact.tidbits[0].split()).rstrip(".! ")
    match = _LEADING_LETTERS.match(text)
    if match is None:
        return text
    head = match.group()
    if head == "I" or (len(head) > 1 and head.isupper()) or head[1:] != head[1:].lower():
        return text
    return head[0].lower() + text[1:]


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


def all_templates(stored: Mapping[str, Template]) -> list[Template]:
    """Return the templates to offer: the built-ins, then the user's own sorted by name.

    A stored template with a built-in's id is the user's edit of it and takes its place, in the
    built-in's position.
    """
    by_id = {t.id: t for t in stored.values()}
    builtin_ids = {t.id for t in BUILTIN_TEMPLATES}
    builtins = [by_id.get(t.id, t) for t in BUILTIN_TEMPLATES]
    own = sorted(
        (t for t in by_id.values() if t.id not in builtin_ids),
        key=lambda t: (t.name.casefold(), t.id),
    )
    return builtins + own


#: How many days after a round a thank-you is still the natural note.
THANK_YOU_DAYS = 7
#: The built-in note for a process you ended yourself (an offer declined, an application withdrawn).
OWN_DECISION_TEMPLATE = "tpl_decision_own"
_CLOSED = frozenset({Stage.REJECTED, Stage.DECLINED, Stage.WITHDRAWN})
_WAITING = frozenset({Stage.SCHEDULED, Stage.INTERVIEWED, Stage.AWAITING_DECISION})
_NOT_CONNECTED = frozenset({ConnectionStatus.NOT_CONTACTED, ConnectionStatus.NOTE_DRAFTED})
_CONNECTED = frozenset({ConnectionStatus.CONNECTED, ConnectionStatus.REPLIED})


def _sent(ctx: NoteContext, kind: TouchKind) -> bool:
    interview_id = ctx.interview.id if ctx.interview else None
    return any(
        t.kind is kind and t.interview_id == interview_id for t in ctx.contact.sent_touches()
    )


def _wanted(ctx: NoteContext) -> list[tuple[TouchKind, Channel | None]]:
    """The kinds (and channels) that fit the situation, best first; None means any channel.

    A note already sent for this interview is not suggested again: after the post-decision
    note, it is time for check-ins.
    """
    interview, contact = ctx.interview, ctx.contact
    if (
        interview is not None
        and interview.stage in _CLOSED
        and not _sent(ctx, TouchKind.DECISION_NOTE)
    ):
        channel = (
            Channel.LINKEDIN_INVITE
            if contact.status in _NOT_CONNECTED
            else Channel.LINKEDIN_MESSAGE
        )
        return [(TouchKind.DECISION_NOTE, channel), (TouchKind.DECISION_NOTE, None)]
    last = interview.last_round if interview else None
    if (
        interview is not None
        and interview.stage in _WAITING
        and last is not None
        and 0 <= (ctx.today - last).days <= THANK_YOU_DAYS
        and not _sent(ctx, TouchKind.THANK_YOU)
    ):
        return [(TouchKind.THANK_YOU, None)]
    if contact.status in _CONNECTED or contact.sent_touches():
        return [
            (TouchKind.PERSONAL if contact.tidbits else TouchKind.ARTICLE, None),
            (TouchKind.ARTICLE, None),
        ]
    return []


def default_template(templates: Sequence[Template], ctx: NoteContext) -> Template:
    """Return the template that fits the situation, in this order of precedence.

    1. The interview was closed (rejected, declined, withdrawn): a post-decision note, as a
       LinkedIn invitation if you are not connected yet (status not contacted or note
       drafted), otherwise as a LinkedIn message; failing that, on any channel.
    2. The last round was in the past :data:`THANK_YOU_DAYS` days (today included) and the
       interview is scheduled, interviewed or awaiting a decision: a thank-you.
    3. You are connected (or they replied): a personal check-in if you noted a tidbit about
       them, else an article to share.
    4. Otherwise, or when no template of the wanted kind exists: the first template.

    Raises ValueError when ``templates`` is empty.
    """
    if not templates:
        raise ValueError("there are no templates to choose from")
    wanted = _wanted(ctx)
    own = ctx.interview is not None and ctx.interview.stage in (Stage.DECLINED, Stage.WITHDRAWN)
    if own and wanted and wanted[0][0] is TouchKind.DECISION_NOTE:
        for template in templates:
            if template.id == OWN_DECISION_TEMPLATE:
                return template
    for kind, channel in wanted:
        for template in templates:
            if template.kind is kind and channel in (None, template.channel):
                return template
    return templates[0]


def next_template(templates: Sequence[Template], current_id: str, step: int = 1) -> Template:
    """Return the template ``step`` places after ``current_id`` (before, if negative), wrapping.

    An id that is not in the list starts from the first template (from the last when stepping
    backwards). Raises ValueError when ``templates`` is empty.
    """
    if not templates:
        raise ValueError("there are no templates to choose from")
    ids = [t.id for t in templates]
    if current_id not in ids:
        return templates[0] if step >= 0 else templates[-1]
    return templates[(ids.index(current_id) + step) % len(templates)]


def char_count(text: str) -> int:
    """Count characters the way LinkedIn's note box does, so the limit shown is the one enforced.

    Trailing whitespace is not counted. A line break counts once, whether written ``\\n``,
    ``\\r\\n`` or ``\\r``: a browser text box normalises every line break to one ``\\n``. And
    the count is in UTF-16 code units, which is how a browser measures a text box's length:
    a character beyond the Basic Multilingual Plane, such as most emoji, counts as two, and an
    emoji built from several code points counts all of them. This may overcount by a little
    but never undercounts, so a note shown as fitting is never cut short.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def limit_status(text: str, limit: int | None) -> tuple[int, int | None, bool]:
    """Return ``(count, limit, over)`` for a note on a channel whose limit is ``limit``."""
    count = char_count(text)
    return count, limit, limit is not None and count > limit


_SHINGLE = 3
_WORD = re.compile(r"\w+")
# A greeting and up to four words of name, ended by punctuation: "Hi Anna," "Dear Dr. Smith,"
_GREETING = re.compile(
    r"\s*(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening))\b"
    r"(?:[ \t]+[^\s,!.:;]+){0,4}?[ \t]*(?:[,!.:;—–-]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The note's three-word shingles, lower-cased, with its greeting left out."""
    text = text.lower()
    greeting = _GREETING.match(text)
    if greeting is not None:
        text = text[greeting.end() :]
    else:
        first, newline, rest = text.lstrip().partition("\n")
        if newline and len(_WORD.findall(first)) <= 3:  # an opening line such as "Anna -"
            text = rest
    words = _WORD.findall(text)
    if len(words) < _SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(zip(*(words[i:] for i in range(_SHINGLE)), strict=False))


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """How alike two notes read, from 0 (nothing shared) to 1 (the same words in the same order).

    The Jaccard index of their three-word shingles, after lower-casing and leaving out the
    greeting ("Hi Anna," or a short first line), so the same note sent to two people scores
    close to 1. Punctuation and spacing do not count. A note with no words beyond its greeting
    scores 0 against anything but the identical text.
    """
    if a == b:
        return 1.0
    return _jaccard(_shingles(a), _shingles(b))


def near_duplicates(text: str, others: Mapping[str, str], threshold: float = 0.8) -> list[str]:
    """Return the ids of ``others`` whose text reads nearly the same as ``text``, closest first.

    "Nearly the same" means a :func:`similarity` of at least ``threshold``.
    """
    mine = _shingles(text)
    scores = {
        key: 1.0 if other == text else _jaccard(mine, _shingles(other))
        for key, other in others.items()
    }
    close = [key for key, score in scores.items() if score >= threshold]
    return sorted(close, key=lambda key: -scores[key])
