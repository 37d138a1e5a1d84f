"""The vCard import: followup's own cards back as they were, Google's, Apple's, 4.0 and 2.1
cards, every problem with its card and line, and no junk that gets past as anything but a
problem."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.interop import ImportProblem, vcard_import
from followup_tui.interop.incoming import PersonIn
from followup_tui.interop.merge import plan_merge
from followup_tui.interop.vcard_export import export_vcf
from followup_tui.interop.vcard_import import read_vcards, unescape

TODAY = date(2026, 11, 26)


def one(text: str | bytes) -> PersonIn:
    (person,) = read_vcards(text).people
    return person


def problems(text: str | bytes, name: str = "x.vcf") -> tuple[str, ...]:
    with pytest.raises(ImportProblem) as caught:
        read_vcards(text, name)
    return caught.value.problems


def test_own_export_reads_back_as_it_was() -> None:
    dataset = demo_dataset(TODAY)
    batch = read_vcards(export_vcf(dataset), "people.vcf")
    assert batch.source == "vCard" and not batch.notices
    people = sorted(dataset.contacts, key=lambda c: c.id)
    assert [p.where for p in batch.people][:2] == ["card 1 (line 1)", "card 2 (line 16)"]
    for back, person in zip(batch.people, people, strict=True):
        assert (back.name, back.title, back.company) == (person.name, person.title, person.company)
        assert (back.email, back.linkedin, back.phone) == (
            person.email,
            person.linkedin,
            person.phone,
        )
        # followup's own fields, not the note made of them for address books
        assert (back.notes, back.tidbits) == (person.notes, person.tidbits)


def test_importing_the_export_into_its_data_changes_nothing() -> None:
    dataset = demo_dataset(TODAY)
    plan = plan_merge(dataset, read_vcards(export_vcf(dataset)), TODAY)
    assert not plan.has_changes, plan.summary(detail=True)
    assert not plan.counts["people"]


GOOGLE = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Ann Lee\r\n"
    "N:Lee;Ann;;;\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:ann@acme.example\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:ann@home.example\r\n"
    "TEL;TYPE=CELL:+1 555 0100\r\n"
    "TEL;TYPE=WORK:+1 555 0199\r\n"
    "ORG:Acme\\, Inc.;Platform\r\n"
    "TITLE:CTO\r\n"
    "item1.URL:https\\://uk.linkedin.com/in/Ann-Lee/?trk=profile\r\n"
    "item1.X-ABLabel:Profile\r\n"
    "item2.URL:https\\://ann.example\r\n"
    "NOTE:Met at a meetup, nice\\nasked about Rust\r\n"
    "CATEGORIES:myContacts\r\n"
    "END:VCARD\r\n"
)


def test_google_contacts_card() -> None:
    assert one(GOOGLE) == PersonIn(
        name="Ann Lee",
        where="card 1 (line 1)",
        title="CTO",
        company="Acme, Inc.",
        email="ann@acme.example",
        linkedin="https://www.linkedin.com/in/ann-lee",
        phone="+1 555 0100",
        # a comma the writer did not escape stays in the text (vobject would cut it there)
        notes="Met at a meetup, nice\nasked about Rust\n\n"
        "Other emails: ann@home.example\n\nOther phones: +1 555 0199",
    )


APPLE = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "PRODID:-//Apple Inc.//macOS 14.5//EN\n"
    "N:Kjær;Søren;;;\n"
    "FN:Søren Kjær\n"
    "ORG:Fjord Analytics;Data\n"
    "TITLE:Principal Engineer\n"
    "EMAIL;type=INTERNET;type=HOME:soren@home.example\n"
    "item1.EMAIL;type=INTERNET;type=pref:soren@fjord.example\n"
    "item1.X-ABLabel:_$!<Other>!$_\n"
    "TEL;type=CELL;type=VOICE;type=pref:+45 20 30 40 50\n"
    "X-SOCIALPROFILE;type=linkedin;x-user=sorenkjaer:http://www.linkedin.com/in/sorenkjaer\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS\n"
    " Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Fjord Analytics\n"
    "ORG:Fjord Analytics;\n"
    "X-ABShowAs:COMPANY\n"
    "END:VCARD\n"
)


def test_apple_contacts_cards() -> None:
    batch = read_vcards(APPLE.encode("utf-8-sig"))  # with a BOM, LF line ends
    (person,) = batch.people
    assert person == PersonIn(
        name="Søren Kjær",
        where="card 1 (line 1)",
        title="Principal Engineer",
        company="Fjord Analytics",
        email="soren@fjord.example",  # the preferred one, in its item1 group
        linkedin="https://www.linkedin.com/in/sorenkjaer",
        phone="+45 20 30 40 50",
        notes="Other emails: soren@home.example",
    )
    assert batch.notices == (
        "card 2 (line 16): Fjord Analytics is a company, not a person; skipped",
    )


@pytest.mark.parametrize(
    ("line", "linkedin"),
    [
        ("X-SOCIALPROFILE;type=linkedin:x-apple:ann-lee", "https://www.linkedin.com/in/ann-lee"),
        ("X-SOCIALPROFILE;type=linkedin;x-user=AnnLee:", "https://www.linkedin.com/in/annlee"),
        ("X-SOCIALPROFILE;type=twitter:https://x.com/ann", ""),
        ("X-SOCIALPROFILE:https://linkedin.com/in/ann/", "https://www.linkedin.com/in/ann"),
        ("item3.URL:https://example.com/ann\nitem3.X-ABLabel:LinkedIn", "https://example.com/ann"),
        ("URL:https://example.com/ann", ""),
        ("URL:www.linkedin.com/in/Anné", "https://www.linkedin.com/in/ann%C3%A9"),
    ],
)
def test_linkedin_from_profiles_and_urls(line: str, linkedin: str) -> None:
    assert one(f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n{line}\nEND:VCARD\n").linkedin == linkedin


VCARD4 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
    "FN;LANGUAGE=de:Zoë Müller\r\n"
    "N:Müller;Zoë;;Dr.;\r\n"
    "EMAIL;TYPE=work;PREF=2:zoe@work.example\r\n"
    "EMAIL;PREF=1:zoe@fjord.example\r\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-555-0123\r\n'
    "SOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/zoe-muller\r\n"
    "ORG:Fjord Analytics\r\n"
    "TITLE:Engineering Manager\r\n"
    "NOTE:Coaches an under-10 football team.\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:group\r\n"
    "FN:Interviewers\r\n"
    "MEMBER:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
    "END:VCARD\r\n"
)


def test_vcard_4() -> None:
    batch = read_vcards(VCARD4)
    assert batch.people == (
        PersonIn(
            name="Zoë Müller",
            where="card 1 (line 1)",
            title="Engineering Manager",
            company="Fjord Analytics",
            email="zoe@fjord.example",
            linkedin="https://www.linkedin.com/in/zoe-muller",
            phone="+1-555-555-0123",
            notes="Coaches an under-10 football team.\n\nOther emails: zoe@work.example",
        ),
    )
    assert batch.notices == ("card 2 (line 14): Interviewers is a group, not a person; skipped",)


def test_vcard_2_1_quoted_printable() -> None:
    card = (
        "BEGIN:VCARD\r\n"
        "VERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB\r\n"
        "EMAIL;INTERNET:zoe@home.example\r\n"
        "EMAIL;PREF;INTERNET:zoe@fjord.example\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the=\r\n"
        " meetup=0D=0Asecond line\r\n"
        "END:VCARD\r\n"
    )
    person = one(card)
    assert (person.name, person.email) == ("Zoë Müller", "zoe@fjord.example")
    assert person.notes == "Met at the meetup\nsecond line\n\nOther emails: zoe@home.example"


def test_line_ends_and_folding_read_alike() -> None:
    folded = GOOGLE.replace("TITLE:CTO", "TITLE:C\r\n T\r\n\tO").replace("FN:Ann", "FN:A\r\n nn")
    expected = one(GOOGLE)
    for text in (folded, folded.replace("\r\n", "\n"), folded.replace("\r\n", "\r")):
        assert one(text) == expected
        assert one(text.encode("utf-8")) == expected
    assert one(("\ufeff" + GOOGLE).encode("utf-16")) == expected


def test_name_from_n_when_fn_is_missing() -> None:
    card = "BEGIN:VCARD\nVERSION:3.0\nN:Lee;Ann,Marie;J.;;\nEND:VCARD\n"
    assert one(card).name == "Ann Marie J. Lee"
    assert one(card.replace("N:Lee;Ann,Marie;J.;;", "N:;Madonna;;;")).name == "Madonna"


def test_every_problem_with_its_card_and_line_in_file_order() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nEND:VCARD\n"  # card 1, lines 1-4: no name, skipped
        "BEGIN:VCARD\nFN:Ann\nthis is not a property\n"  # card 2, lines 5-7
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=klingon:x\nEND:VCARD\n"  # line 8
        "END:VCARD\n"  # line 10: no card to end
        "BEGIN:VCARD\nFN:Bo\n"  # card 3, line 11: never closed before card 4
        "BEGIN:VCARD\nFN:Cy\nEND:VCARD\n"  # card 4: fine
        "BEGIN:VCARD\nFN:Di\n"  # card 5, line 16: the file ends
    )
    # The command line puts the file's name before each problem: the reader does not.
    assert problems(text) == (
        "line 7 (card 2): cannot be read as a vCard property (no property name before a "
        "colon): this is not a property; correct or delete the line",
        "line 8 (card 2): cannot be read as a vCard property (an unknown character set): "
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=k…; correct or delete the line",
        "line 10: END:VCARD without a BEGIN:VCARD before it",
        "card 3 (line 11): no END:VCARD before the next BEGIN:VCARD (line 13); add it",
        "card 5 (line 16): no END:VCARD; the file may have been cut short",
    )


def test_cards_without_a_name_are_skipped_and_counted_not_refused() -> None:
    # Google's "Other contacts": an address and no name, by the hundred.
    other = "BEGIN:VCARD\nVERSION:3.0\nFN:\nN:;;;;\nEMAIL;TYPE=INTERNET:{}@x.org\nEND:VCARD\n"
    empty = "BEGIN:VCARD\nVERSION:3.0\nNOTE:nothing else\nEND:VCARD\n"
    text = other.format("a") + GOOGLE + other.format("b") + empty + other.format("c")
    batch = read_vcards(text)
    assert [p.name for p in batch.people] == ["Ann Lee"]
    assert batch.notices == (
        "4 cards without a name skipped (3 with an email, phone or profile: name them in your "
        "address book to import them)",
    )
    assert read_vcards(empty).notices == ("1 card without a name skipped",)
    assert read_vcards(other.format("a")).notices == (
        "1 card without a name skipped (1 with an email, phone or profile: name it in your "
        "address book to import it)",
    )


@pytest.mark.parametrize("text", ["", "name,email\nAnn,ann@x.org\n", "{}", b"\xef\xbb\xbf"])
def test_not_vcards_at_all(text: str | bytes) -> None:
    assert problems(text, "contacts.csv") == (
        "no vCard in it (no BEGIN:VCARD found): export your contacts as vCards (.vcf)",
    )


def test_not_utf8() -> None:
    data = "BEGIN:VCARD\nFN:Zoë\nEND:VCARD\n".encode("latin-1")
    assert problems(data) == ("line 2: not UTF-8 text; save it as UTF-8",)


def test_work_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    card = "BEGIN:VCARD\nFN:Ann\nnot a property\nEND:VCARD\n"
    monkeypatch.setattr(vcard_import, "MAX_PROBLEMS", 2)
    # exactly this shape, which the command line reads to count every problem
    assert problems(card * 5)[2:] == ("and 3 more problems",)
    assert problems(card * 3)[2:] == ("and 1 more problem",)
    monkeypatch.setattr(vcard_import, "MAX_CARDS", 3)
    assert len(read_vcards(GOOGLE * 3).people) == 3
    assert problems(GOOGLE * 4) == ("more than 3 cards in one file: import it in parts",)


def test_a_line_that_would_stall_vobject_is_a_problem_at_once() -> None:
    # vobject's pattern backtracks without end on this line (it doubles with each ",a").
    found = problems("BEGIN:VCARD\nFN:Ann\nN;X" + ",a" * 200 + "\nEND:VCARD\n")
    assert len(found) == 1 and "line 3 (card 1)" in found[0]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (r"a\,b\;c\\d\ne\Nf\:g", "a,b;c\\d\ne\nf:g"),
        (r"C:\temp\x", r"C:\temp\x"),
        (r"a,b", "a,b"),
        ("\\", "\\"),
    ],
)
def test_unescape(raw: str, text: str) -> None:
    assert unescape(raw) == text


PIECES = st.sampled_from(
    [
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:4.0",
        "FN:",
        "N:",
        "item1.",
        "EMAIL;PREF=",
        "TYPE=pref",
        ";ENCODING=QUOTED-PRINTABLE",
        ";CHARSET=",
        "=C3",
        "X-SOCIALPROFILE;TYPE=linkedin;X-USER=",
        "x-apple:",
        "URL:",
        "linkedin.com/in/",
        "KIND:group",
        "X-FOLLOWUP-NOTES:",
        "PREF=99999999999999",
        ";ENCODING=b",
        "\r\n",
        "\n",
        " ",
        ";",
        ",",
        ":",
        "=",
        '"',
        "\\",
        "\x00",
        "\u2028",
    ]
)
JUNK = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(JUNK, JUNK.map(str.encode), st.binary(max_size=100)))
def test_junk_is_read_or_refused_never_a_crash(data: str | bytes) -> None:
    try:
        batch = read_vcards(data)
    except ImportProblem as problem:
        assert problem.problems and all(re.fullmatch(r"[^\n\r]+", p) for p in problem.problems)
    else:
        assert all(person.name and person.where.startswith("card ") for person in batch.people)
