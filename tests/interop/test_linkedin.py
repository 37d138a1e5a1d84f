"""LinkedIn's data export read into a Batch: the ZIP, Connections.csv and Invitations.csv."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain import has_control
from followup_tui.interop import linkedin
from followup_tui.interop.format import ImportProblem
from followup_tui.interop.incoming import Batch
from followup_tui.interop.linkedin import is_linkedin, normalise_linkedin, read_linkedin

DATA = Path(__file__).parent / "data"
CONNECTIONS = (DATA / "Connections.csv").read_bytes()
INVITATIONS = (DATA / "Invitations.csv").read_bytes()
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
INVITE_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"


def zipped(members: dict[str, bytes]) -> bytes:
    """A ZIP in memory holding ``members`` (name to content), compressed as LinkedIn does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def problems_of(data: bytes, name: str = "the file") -> tuple[str, ...]:
    with pytest.raises(ImportProblem) as caught:
        read_linkedin(data, name)
    return caught.value.problems


def test_connections_skip_the_preamble_and_read_every_named_row() -> None:
    batch = read_linkedin(CONNECTIONS, "Connections.csv")

    assert batch.source == "LinkedIn"
    assert batch.invitations == () and batch.interviews == () and batch.people == ()
    names = [c.person.name for c in batch.connections]
    assert names == [
        "Ann Lee",
        "José Núñez",
        "Björn Ødegård",
        "Chloé O’Brien",
        "Priya Raman",
        "Wei Zhang",
        "Sam",
        "María García López",
        "Dmitri Ivanov",
    ]
    ann = batch.connections[0]
    assert ann.on == date(2026, 3, 14)
    assert ann.person.where == "Connections.csv line 5"
    assert (ann.person.company, ann.person.title, ann.person.email) == ("Acme", "CTO", "")
    assert ann.person.linkedin == "https://www.linkedin.com/in/annlee"


def test_connections_keep_quoted_commas_accents_and_dates() -> None:
    by_name = {c.person.name: c for c in read_linkedin(CONNECTIONS).connections}

    assert by_name["José Núñez"].person.company == "Fjord, Ltd."
    assert by_name["José Núñez"].on == date(2026, 2, 2)
    assert by_name["Chloé O’Brien"].person.title == 'Head of "Data", EMEA'
    assert by_name["María García López"].person.company == "Pérez & Hijos, S.L."
    assert by_name["Björn Ødegård"].person.email == "bjorn@example.com"
    assert by_name["Björn Ødegård"].on == date(2025, 2, 28)
    assert by_name["Dmitri Ivanov"].on == date(2026, 3, 9)  # one-digit day
    assert by_name["Wei Zhang"].person.linkedin == "https://www.linkedin.com/in/weizhang"
    assert by_name["Dmitri Ivanov"].person.where == "Connections.csv line 14"


def test_nameless_rows_are_counted_not_refused() -> None:
    text = HEADER + ",,,,,,10 Jan 2026\nAnn,Lee,,,Acme,CTO,14 Mar 2026\n,,,,,,nonsense\n"

    batch = read_linkedin(text.encode())

    assert [c.person.name for c in batch.connections] == ["Ann Lee"]
    assert batch.notices == (
        "Connections.csv: 2 connections without a name skipped "
        "(LinkedIn leaves out the names of some)",
    )
    assert read_linkedin(CONNECTIONS).notices[0].startswith("Connections.csv: 1 connection ")


def test_blank_lines_and_a_file_without_preamble_read_too() -> None:
    text = HEADER + "\n\nAnn,Lee,,,Acme,CTO,14 Mar 2026\n\n"

    batch = read_linkedin(text.encode())

    assert [(c.person.where, c.on) for c in batch.connections] == [
        ("Connections.csv line 4", date(2026, 3, 14))
    ]
    assert batch.notices == ()


def test_invitations_keep_only_those_you_sent() -> None:
    batch = read_linkedin(INVITATIONS, "Invitations.csv")

    assert batch.connections == ()
    sent = [(i.person.name, i.on, i.person.where) for i in batch.invitations]
    assert sent == [
        ("Ann Lee", date(2026, 3, 14), "Invitations.csv line 2"),
        ("José Núñez", date(2026, 2, 1), "Invitations.csv line 5"),
        ("Priya Raman", date(2025, 12, 24), "Invitations.csv line 6"),
    ]
    ann, jose, priya = batch.invitations
    assert ann.message == (
        "Hi Ann, thank you for today's interview.\n"
        "It was great to meet you, and I'd like to stay in touch."
    )
    assert jose.message == ""
    assert priya.message == 'Hello Priya, a "great" chat about platforms: let\'s connect.'
    assert priya.person.linkedin == "https://www.linkedin.com/in/priya-raman"
    assert jose.person.linkedin == "https://www.linkedin.com/in/jos%C3%A9-n%C3%BA%C3%B1ez"


def test_invitations_with_no_name_or_an_unknown_direction_are_counted() -> None:
    text = INVITE_HEADER + (
        'Me,,"3/14/26, 9:05 AM",,OUTGOING,,\nMe,Ann Lee,"3/14/26, 9:05 AM",,WITHDRAWN,,\n'
    )

    batch = read_linkedin(text.encode())

    assert batch.invitations == ()
    assert batch.notices == (
        "Invitations.csv: 1 invitation to no name skipped",
        "Invitations.csv: 1 row neither OUTGOING nor INCOMING skipped",
    )


def test_a_zip_is_read_at_any_depth_and_in_any_case() -> None:
    data = zipped(
        {
            "Basic_LinkedInDataExport_03-14-2026/CONNECTIONS.CSV": CONNECTIONS,
            "Basic_LinkedInDataExport_03-14-2026/deep/invitations.csv": INVITATIONS,
            "Basic_LinkedInDataExport_03-14-2026/Profile.csv": b"First Name,Last Name\nMe,Me\n",
            "Basic_LinkedInDataExport_03-14-2026/": b"",
            "__MACOSX/._Connections.csv": b"\x00\x05\x16\x07junk",
        }
    )

    batch = read_linkedin(data, "export.zip")

    assert len(batch.connections) == 9 and len(batch.invitations) == 3
    assert batch.connections[0].person.where == "Connections.csv line 5"
    assert batch.notices == read_linkedin(CONNECTIONS).notices
    assert is_linkedin(data)


def test_a_zip_with_only_one_of_the_files_is_read() -> None:
    batch = read_linkedin(zipped({"Invitations.csv": INVITATIONS}), "export.zip")

    assert batch.connections == () and len(batch.invitations) == 3


def test_a_zip_without_either_file_is_a_problem() -> None:
    data = zipped({"Profile.csv": b"First Name,Last Name\n", "Messages.csv": b"x\n"})

    (problem,) = problems_of(data, "export.zip")

    assert problem.startswith("a ZIP without Connections.csv or Invitations.csv")
    assert not is_linkedin(data)
    assert problems_of(zipped({}), "empty.zip")[0].startswith("a ZIP without")


def test_a_zip_with_two_connections_files_is_a_problem() -> None:
    data = zipped({"a/Connections.csv": CONNECTIONS, "b/connections.csv": CONNECTIONS})

    (problem,) = problems_of(data, "export.zip")

    assert problem.startswith(
        "the ZIP holds 2 files named Connections.csv (a/Connections.csv, b/connections.csv)"
    )


def test_a_damaged_zip_is_a_problem() -> None:
    data = zipped({"Connections.csv": CONNECTIONS})

    (problem,) = problems_of(data[: len(data) // 2], "export.zip")

    assert problem.startswith("cannot be read as a ZIP")
    assert not is_linkedin(data[: len(data) // 2])


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin, "MEMBER_MAX_MB", 1)
    bomb = zipped({"Connections.csv": HEADER.encode() + b" " * (2 * 1024 * 1024)})
    assert len(bomb) < 10_000

    (problem,) = problems_of(bomb, "export.zip")

    # the command line adds "; nothing was imported": the reader does not say it too
    assert problem == (
        "Connections.csv unpacks to more than 1 MB, more than LinkedIn's export ever holds"
    )


def test_a_zip_that_lies_about_its_size_is_still_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin, "MEMBER_MAX_MB", 1)
    content = HEADER.encode() + b" " * (2 * 1024 * 1024)
    data = bytearray(zipped({"Connections.csv": content}))
    # Claim 100 bytes unpacked, in the local header (offset 22) and the central directory (24).
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")

    (problem,) = problems_of(bytes(data), "export.zip")

    assert problem.startswith("Connections.csv ")


def test_a_zip_member_with_the_wrong_header_is_a_problem() -> None:
    (problem,) = problems_of(zipped({"Connections.csv": INVITATIONS}), "export.zip")

    assert problem.startswith("Connections.csv is not LinkedIn's Connections.csv")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"name,company,role\nAnn,Acme,CTO\n",
        b'{"format": "followup"}',
        b"BEGIN:VCARD\r\nEND:VCARD\r\n",
        b"First Name,Last Name\nAnn,Lee\n",  # two known columns are not enough
    ],
)
def test_data_that_is_not_linkedin_is_a_problem(data: bytes) -> None:
    (problem,) = problems_of(data, "x.csv")

    assert problem.startswith("not LinkedIn's Connections.csv or Invitations.csv")
    assert not is_linkedin(data)


def test_is_linkedin_knows_both_files_and_their_zip() -> None:
    assert is_linkedin(CONNECTIONS)
    assert is_linkedin(INVITATIONS)
    assert is_linkedin(b"\xef\xbb\xbf" + HEADER.encode())
    assert is_linkedin(zipped({"x/Connections.csv": b""}))


def test_a_header_without_a_required_column_names_its_line() -> None:
    text = "Notes:\n\nFirst Name,Last Name,URL,Company,Position\nAnn,Lee,,Acme,CTO\n"

    (problem,) = problems_of(text.encode(), "Connections.csv")

    assert problem == (
        "line 3: the header has no Connected On column; "
        "Connections.csv needs First Name, Last Name, Connected On"
    )


def test_every_bad_date_is_reported_with_its_file_and_line() -> None:
    text = HEADER + (
        "Ann,Lee,,,Acme,CTO,14 Mar 2026\n"
        "Bob,Stone,,,Acme,CEO,31 Feb 2026\n"
        "Cy,Young,,,Acme,CFO,\n"
        "Di,Ross,,,Acme,COO,soon\n"
    )

    problems = problems_of(text.encode(), "Connections.csv")

    # a file on its own is named by the caller, not by the reader
    assert [p.split(":")[0] for p in problems] == ["line 3", "line 4", "line 5"]
    assert "February 2026 has 28 days" in problems[0]
    assert problems[1].startswith("line 4: Connected On: an empty cell")
    assert problems[2].endswith("correct or delete the row")


def test_a_bad_date_in_a_zip_names_the_file_in_the_zip_and_the_line() -> None:
    bad = INVITATIONS.replace(b"12/24/25", b"13/24/25")

    problems = problems_of(
        zipped({"export/Connections.csv": CONNECTIONS, "export/Invitations.csv": bad}), "e.zip"
    )

    # the caller names e.zip: the reader names the file in it, by its path there
    assert problems == (
        "export/Invitations.csv line 6: Sent At: 13/24/25, 10:00 PM is not a date in "
        "month/day/year order (no month 13); correct or delete the row",
    )


def test_crlf_and_a_byte_order_mark_read_the_same() -> None:
    for data in (CONNECTIONS, INVITATIONS):
        windows = b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")

        assert read_linkedin(windows) == read_linkedin(data)


def test_utf16_and_windows_1252_read_as_the_spreadsheet_reader_reads_them() -> None:
    # Excel re-saves LinkedIn's file as "Unicode text" (UTF-16) or plain "CSV" (Windows-1252).
    text = CONNECTIONS.decode("utf-8").replace("\n", "\r\n")
    for encoded in (text.encode("utf-16"), ("\ufeff" + text).encode("utf-16-be")):
        assert is_linkedin(encoded)
        assert read_linkedin(encoded).connections == read_linkedin(CONNECTIONS).connections
    western = (HEADER + "Zoë,Ström,,,Société,CTO,1 Mar 2026\n").encode("cp1252")
    assert is_linkedin(western)
    assert is_linkedin(zipped({"Connections.csv": western}))
    batch = read_linkedin(western, "Connections.csv")
    assert [c.person.name for c in batch.connections] == ["Zoë Ström"]
    assert batch.notices[0].startswith("Connections.csv is not UTF-8: read as Windows-1252")
    zipped_batch = read_linkedin(zipped({"export/Connections.csv": western}), "x.zip")
    assert zipped_batch.notices[0].startswith("export/Connections.csv is not UTF-8")


def test_bytes_that_are_no_text_are_refused_naming_no_file() -> None:
    junk = HEADER.encode() + b"\x00\x81\x8d\xff" * 4
    assert problems_of(junk, "Connections.csv") == (
        "not a text file: export it again from LinkedIn, or save it as CSV UTF-8",
    )
    assert problems_of(zipped({"e/Connections.csv": junk}), "x.zip") == (
        "e/Connections.csv is not a text file: export it again from LinkedIn, or save it as "
        "CSV UTF-8",
    )


def test_an_encrypted_member_says_so_in_words() -> None:
    data = bytearray(zipped({"export/Connections.csv": CONNECTIONS}))
    # Set the "encrypted" flag in the local header (offset 6) and the central directory (8).
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 6] |= 1
    data[central + 8] |= 1

    assert problems_of(bytes(data), "x.zip") == (
        "export/Connections.csv is encrypted: export it again from LinkedIn without a password, "
        "or import the CSV file itself",
    )


def test_a_flood_of_problems_is_cut_with_a_count_the_command_line_reads() -> None:
    rows = "".join(f"A{i},B,,,Acme,CTO,soon\n" for i in range(linkedin.PROBLEMS_MAX + 7))

    found = problems_of((HEADER + rows).encode())

    assert len(found) == linkedin.PROBLEMS_MAX + 1
    assert found[-1] == "and 7 more problems"


def test_user_text_is_cleaned() -> None:
    text = HEADER + "\x1b[31mAnn\x07,Lee\u202e,,,Ac\x00me,CTO,14 Mar 2026\n"

    (connection,) = read_linkedin(text.encode()).connections

    assert (connection.person.name, connection.person.company) == ("Ann Lee", "Acme")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/in/annlee", "https://www.linkedin.com/in/annlee"),
        ("http://www.linkedin.com/in/annlee", "https://www.linkedin.com/in/annlee"),
        ("https://linkedin.com/in/annlee", "https://www.linkedin.com/in/annlee"),
        ("linkedin.com/in/annlee", "https://www.linkedin.com/in/annlee"),
        ("www.linkedin.com/in/annlee/", "https://www.linkedin.com/in/annlee"),
        ("https://www.linkedin.com/in/annlee?trk=people", "https://www.linkedin.com/in/annlee"),
        ("https://www.linkedin.com/in/annlee/#about", "https://www.linkedin.com/in/annlee"),
        ("https://uk.linkedin.com/in/annlee", "https://www.linkedin.com/in/annlee"),
        ("https://de.linkedin.com/in/ann-lee-1a2b", "https://www.linkedin.com/in/ann-lee-1a2b"),
        ("HTTPS://WWW.LINKEDIN.COM/IN/AnnLee/", "https://www.linkedin.com/in/annlee"),
        ("  https://www.linkedin.com/in/annlee/details/  ", "https://www.linkedin.com/in/annlee"),
        ("https://www.linkedin.com/in/josé", "https://www.linkedin.com/in/jos%C3%A9"),
        ("https://www.linkedin.com/in/jos%c3%a9", "https://www.linkedin.com/in/jos%C3%A9"),
        ("https://www.linkedin.com/in/JOS%C3%89", "https://www.linkedin.com/in/jos%C3%A9"),
        ("", ""),
        ("  ", ""),
        ("https://example.com/in/annlee", "https://example.com/in/annlee"),
        ("https://evil-linkedin.com/in/x", "https://evil-linkedin.com/in/x"),
        ("https://www.linkedin.com/company/acme", "https://www.linkedin.com/company/acme"),
    ],
)
def test_normalise_linkedin(url: str, expected: str) -> None:
    assert normalise_linkedin(url) == expected


@settings(max_examples=50)
@given(st.text(max_size=40))
def test_normalise_linkedin_is_idempotent(slug: str) -> None:
    once = normalise_linkedin(f"https://uk.linkedin.com/in/{slug}")

    assert normalise_linkedin(once) == once
    assert not has_control(once)
    if once.startswith("https://www.linkedin.com/in/"):
        assert once.isascii()


def _mutated(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, byte in edits:
        out[at % len(out)] = byte
    return bytes(out)


_EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8)
_SOURCES = st.sampled_from(
    [CONNECTIONS, INVITATIONS, zipped({"Connections.csv": CONNECTIONS, "I.csv": INVITATIONS})]
)


@settings(max_examples=50)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: (HEADER + t).encode()),
        st.text(max_size=300).map(lambda t: (INVITE_HEADER + t).encode()),
        st.builds(_mutated, _SOURCES, _EDITS),
    )
)
def test_junk_raises_nothing_but_import_problem(data: bytes) -> None:
    try:
        batch = read_linkedin(data, "junk")
    except ImportProblem as problem:
        assert problem.problems and all(p.isprintable() for p in problem.problems)
    else:
        assert isinstance(batch, Batch)
    assert is_linkedin(data) in (True, False)
