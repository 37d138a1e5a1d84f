"""vCards read into a :class:`~.incoming.Batch` of people: from Google Contacts, Apple Contacts,
khard, or followup's own export (:mod:`.vcard_export`).

vCard 2.1, 3.0 and 4.0 are read alike. vobject reads each property: its group (``item1.``), its
parameters and its quoted-printable text (2.1). followup finds the cards and unfolds their
lines itself, so that every card and line has its number and one broken card does not hide
the others, and it unescapes the text itself, since vobject cuts a value at its first comma
when the writer did not escape it (``NOTE:Met at a meetup, nice``).

What a card gives a person:

- the name from FN, else from N (given names, then the family name). A card with neither is
  skipped, and a notice counts them: Google's "Other contacts" holds many, an address and no
  name, and they should not keep the named ones out. A card for a group, an organisation or a
  company (``KIND``, Apple's ``X-ABShowAs``) is skipped with a notice.
- the company from ORG's first part, the title from TITLE.
- one email and one phone: the preferred one (``PREF=1`` in 4.0, ``TYPE=pref`` in 3.0, ``PREF``
  in 2.1), else the first. The others are kept in the notes ("Other emails: ...").
- the LinkedIn profile from X-SOCIALPROFILE or SOCIALPROFILE of type linkedin, else from a URL
  on linkedin.com or labelled LinkedIn, as ``https://www.linkedin.com/in/<slug>``.
- the notes from NOTE; a card followup wrote gives its notes and tidbits back from
  ``X-FOLLOWUP-NOTES`` and ``X-FOLLOWUP-TIDBIT`` instead of the summary in its NOTE.

The whole file is read first; any problem (a line that is not a property, a card never closed)
is reported with its card and line, and nothing is imported. Problems never name the file (the
caller does), and more than :data:`MAX_PROBLEMS` end with one line ``and N more problems``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import vobject

from ..domain import clean_line, clean_text, fold
from .format import ImportProblem
from .incoming import Batch, PersonIn
from .linkedin_csv import normalise_linkedin
from .spreadsheet_rows import capped

#: The most cards a file may hold: as many as Google Contacts keeps for one account.
MAX_CARDS = 25_000
#: The most problems listed; a file with more is not worth reading line by line.
MAX_PROBLEMS = 100
#: Longest email address or profile address kept, as the model keeps them.
_ADDRESS_MAX = 2_000

_BOUNDARY = re.compile(r"\s*(?:[A-Za-z0-9_-]+\.)?(BEGIN|END)\s*:\s*VCARD\s*", re.IGNORECASE)
# A property as RFC 6350 writes it: [group.]NAME[;PARAM[=value[,value]]]...: with nothing
# ambiguous in it, so it is matched in linear time. vobject's own pattern backtracks without
# end on some lines (";X,a,a,a..." with no colon), so only lines that pass this reach it.
_PROPERTY = re.compile(
    r"""(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+
    ;?(?:;[A-Za-z0-9_-]+(?:=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)?)*:""",
    re.VERBOSE,
)
# What vobject raises on a property it cannot take (a broken charset, bad quoted-printable).
_VOBJECT_ERRORS = (vobject.base.VObjectError, ValueError, LookupError, TypeError)
_ESCAPE = re.compile(r"\\([\\,;:nN])")
_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#:]|$)", re.I)
_SKIPPED_KINDS = {"group": "a group", "org": "an organisation", "location": "a place"}


@dataclass(frozen=True, slots=True)
class _Property:
    """One property of a card, its text still escaped: ``item1.EMAIL;TYPE=pref:ann@x.org``."""

    name: str
    group: str
    params: dict[str, list[str]]
    raw: str
    line: int

    @property
    def text(self) -> str:
        return unescape(self.raw)

    def types(self, *names: str) -> set[str]:
        """The lower-cased values of the named parameters (TYPE unless named), one by one."""
        return {
            part.strip().lower()
            for name in names or ("TYPE",)
            for value in self.params.get(name, ())
            for part in value.split(",")
        }


@dataclass(frozen=True, slots=True)
class _Card:
    number: int
    line: int
    lines: tuple[tuple[int, str], ...]


def unescape(raw: str) -> str:
    """vCard text as it reads: ``\\n`` a newline, ``\\,`` ``\\;`` ``\\:`` ``\\\\`` the
    character. Any other backslash stays, as does a comma the writer did not escape."""
    return _ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], raw)


def read_vcards(data: bytes | str, name: str = "the file") -> Batch:
    """Read the vCards in ``data`` as people.

    Raises :class:`~.format.ImportProblem` naming every problem with its card and line, or the
    one problem that the file is not vCards at all; then nothing is imported. No problem names
    the file: ``name`` (taken as every reader takes it) is the caller's to put before each.
    """
    text = data if isinstance(data, str) else _decode(data)
    problems: list[str] = []
    people: list[PersonIn] = []
    notices: list[str] = []
    nameless: list[bool] = []
    cards = 0
    # Card by card as they are found, so the problems come in the order of the file.
    for card in _cards(_logical_lines(text.removeprefix("\ufeff")), problems):
        cards += 1
        person = _person(card, problems, notices, nameless)
        if person is not None:
            people.append(person)
    if not cards and not problems:
        raise ImportProblem(
            "no vCard in it (no BEGIN:VCARD found): export your contacts as vCards (.vcf)"
        )
    if problems:
        shown = capped(problems, MAX_PROBLEMS)
        raise ImportProblem(shown[0], more=shown[1:])
    return Batch(
        source="vCard", people=tuple(people), notices=(*notices, *_nameless_notice(nameless))
    )


def _nameless_notice(nameless: list[bool]) -> tuple[str, ...]:
    """The one notice about the cards skipped for want of a name; ``nameless`` says for each
    whether it had an email, a phone or a profile."""
    if not nameless:
        return ()
    count = len(nameless)
    notice = f"{count} {'card' if count == 1 else 'cards'} without a name skipped"
    reachable = sum(nameless)
    if reachable:
        them = "it" if reachable == 1 else "them"
        notice += (
            f" ({reachable} with an email, phone or profile: name {them} in your address book "
            f"to import {them})"
        )
    return (notice,)


def _decode(data: bytes) -> str:
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(f"line {line}: not UTF-8 text; save it as UTF-8") from None


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each property on one line, with the number of the line it starts on.

    A line that starts with a space or tab continues the one before (RFC 6350 3.2); in vCard
    2.1, a quoted-printable value that ends with ``=`` continues on the next line whatever it
    starts with. A blank line ends a property.
    """
    parts: list[str] = []
    start = 0
    quoted = False
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if not line.strip():
            if parts:
                yield start, "".join(parts)
            parts, quoted = [], False
        elif parts and quoted:
            parts.append("\n" + line)  # the decoder takes "=\n" for a soft line break
        elif parts and line[0] in " \t":
            parts.append(line[1:])
        else:
            if parts:
                yield start, "".join(parts)
            parts, start = [line], number
            quoted = "QUOTED-PRINTABLE" in line.partition(":")[0].upper()
        quoted = quoted and line.endswith("=")
    if parts:
        yield start, "".join(parts)


def _cards(lines: Iterator[tuple[int, str]], problems: list[str]) -> Iterator[_Card]:
    """The cards among ``lines``, numbered from 1; text outside a card is passed over."""
    number, start, inside = 0, 0, False
    body: list[tuple[int, str]] = []
    for line_number, line in lines:
        boundary = _BOUNDARY.fullmatch(line)
        kind = boundary[1].upper() if boundary else ""
        if kind == "BEGIN":
            if inside:
                problems.append(
                    f"card {number} (line {start}): no END:VCARD before the next "
                    f"BEGIN:VCARD (line {line_number}); add it"
                )
            number, start, body, inside = number + 1, line_number, [], True
            if number > MAX_CARDS:
                problems.append(f"more than {MAX_CARDS} cards in one file: import it in parts")
                return
        elif kind == "END" and not inside:
            problems.append(f"line {line_number}: END:VCARD without a BEGIN:VCARD before it")
        elif kind == "END":
            inside = False
            yield _Card(number, start, tuple(body))
        elif inside:
            body.append((line_number, line))
    if inside:
        problems.append(
            f"card {number} (line {start}): no END:VCARD; the file may have been cut short"
        )


def _properties(card: _Card, problems: list[str]) -> list[_Property]:
    """The card's properties; a line that cannot be read is a problem."""
    found: list[_Property] = []
    for number, line in card.lines:
        try:
            found.extend(_property(line, number))
        except _VOBJECT_ERRORS as error:
            shown = line if len(line) <= 40 else line[:40] + "…"
            problems.append(
                f"line {number} (card {card.number}): cannot be read as a vCard property "
                f"({_reason(error)}): {shown}; correct or delete the line"
            )
    return found


def _property(line: str, number: int) -> list[_Property]:
    """The property on ``line`` as vobject reads it, or none when it holds binary data (a
    photo, a sound, a key: nothing a person's record keeps)."""
    if not _PROPERTY.match(line):
        raise ValueError("no property name before a colon")
    prop, pairs, value, group = vobject.base.parseLine(line, number)
    if any("QUOTED-PRINTABLE" in v.upper() for pair in pairs for v in pair):
        # vobject decodes quoted-printable text, in its CHARSET, as it builds the line.
        value = vobject.base.ContentLine(prop, pairs, value, group).value
    params: dict[str, list[str]] = {}
    for pair in pairs:
        # vCard 2.1 writes a type alone: "EMAIL;PREF;INTERNET:" for TYPE=PREF,INTERNET.
        key, values = ("TYPE", pair) if len(pair) == 1 else (pair[0].upper(), pair[1:])
        params.setdefault(key, []).extend(str(v) for v in values)
    encoding = {v.upper() for v in (*params.get("ENCODING", ()), *params.get("TYPE", ()))}
    if encoding & {"B", "BASE64"}:
        return []
    return [_Property(str(prop).upper(), str(group or ""), params, str(value), number)]


def _reason(error: Exception) -> str:
    if isinstance(error, LookupError):
        return "an unknown character set"
    if isinstance(error, vobject.base.VObjectError):
        return "no property name before a colon"
    return str(error).split(":")[0] or type(error).__name__


def _person(
    card: _Card, problems: list[str], notices: list[str], nameless: list[bool]
) -> PersonIn | None:
    """The person on ``card``; None for a card skipped (with a notice, or counted in
    ``nameless`` with whether it had an address) or that has problems."""
    where = f"card {card.number} (line {card.line})"
    props = _properties(card, problems)

    def first(prop: str) -> str | None:
        return next((p.raw for p in props if p.name == prop), None)

    person_name = clean_line(unescape(first("FN") or ""))
    if not person_name:
        family, given, additional = (_components(first("N") or "") + [""] * 3)[:3]
        person_name = clean_line(" ".join(w for w in (given, additional, family) if w))
    kind = unescape(first("KIND") or first("X-ADDRESSBOOKSERVER-KIND") or "").strip().lower()
    what = _SKIPPED_KINDS.get(kind)
    if unescape(first("X-ABSHOWAS") or "").strip().upper() == "COMPANY":
        what = "a company"
    if what:
        notices.append(f"{where}: {person_name or 'a card'} is {what}, not a person; skipped")
        return None
    org, title = first("ORG"), first("TITLE")
    emails = _ranked(p.text.strip().removeprefix("mailto:") for p in _by_rank(props, "EMAIL"))
    phones = _ranked(p.text.strip().removeprefix("tel:") for p in _by_rank(props, "TEL"))
    if not person_name:
        nameless.append(bool(emails or phones or _linkedin(props)))
        return None
    return PersonIn(
        name=person_name,
        where=where,
        title=clean_line(unescape(title or "")),
        company=clean_line(unescape(_split(org or "", ";")[0])),
        email=clean_line(emails[0], _ADDRESS_MAX) if emails else "",
        linkedin=_linkedin(props),
        phone=clean_line(phones[0]) if phones else "",
        notes=_notes(props, emails[1:], phones[1:]),
        tidbits=tuple(t for p in props if p.name == "X-FOLLOWUP-TIDBIT" if (t := _tidbit(p))),
    )


def _components(raw: str) -> list[str]:
    """The parts of N split at unescaped semicolons; a part's own list (given names
    "Ann,Marie") is joined with spaces."""
    return [
        " ".join(w for w in (unescape(v).strip() for v in _split(part, ",")) if w)
        for part in _split(raw, ";")
    ]


def _split(raw: str, separator: str) -> list[str]:
    """``raw`` split at each ``separator`` that is not escaped with a backslash."""
    parts: list[str] = []
    current: list[str] = []
    for token in re.findall(rf"\\.|[^\\{separator}]+|.", raw, re.DOTALL):
        if token == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    return [*parts, "".join(current)]


def _by_rank(props: list[_Property], prop: str) -> list[_Property]:
    """The properties called ``prop``, preferred first: by PREF (4.0, 1 is most preferred),
    then those typed pref (3.0, 2.1), then the rest, each in the order of the card."""

    def rank(p: _Property) -> int:
        pref = p.params.get("PREF", [""])[0]
        if re.fullmatch(r"[0-9]{1,3}", pref):
            return int(pref)
        return 1 if "pref" in p.types() else 101

    return sorted((p for p in props if p.name == prop), key=rank)


def _ranked(values: Iterator[str]) -> list[str]:
    """The values that are not blank, without repeats, in order."""
    return list(dict.fromkeys(v for v in values if v))


def _linkedin(props: list[_Property]) -> str:
    """The LinkedIn profile: a social profile of type linkedin, else a LinkedIn URL."""
    for p in props:
        if p.name not in ("X-SOCIALPROFILE", "SOCIALPROFILE"):
            continue
        value = p.text.strip()
        if "linkedin" not in p.types("TYPE", "SERVICE-TYPE") and not _LINKEDIN.match(value):
            continue
        user = next(iter(p.params.get("X-USER", ())), "")
        if value.lower().startswith("x-apple:") or not value:
            value = value[len("x-apple:") :] or user
        if value and "/" not in value and "." not in value:
            value = f"https://www.linkedin.com/in/{value}"  # a bare user name
        if value:
            return normalise_linkedin(value)
    labels = {p.group: fold(p.text) for p in props if p.name == "X-ABLABEL" and p.group}
    for p in props:
        if p.name == "URL" and (_LINKEDIN.match(p.text) or labels.get(p.group) == "linkedin"):
            return normalise_linkedin(p.text.strip())
    return ""


def _notes(props: list[_Property], emails: list[str], phones: list[str]) -> str:
    """NOTE (or followup's own notes), then the emails and phones not taken."""
    own = [p for p in props if p.name == "X-FOLLOWUP-NOTES"]
    parts = [p.text for p in (own or [p for p in props if p.name == "NOTE"])]
    if emails:
        parts.append("Other emails: " + ", ".join(emails))
    if phones:
        parts.append("Other phones: " + ", ".join(phones))
    return clean_text("\n\n".join(part for part in parts if part.strip()))


def _tidbit(p: _Property) -> str:
    return clean_text(p.text, 10_000).strip()
