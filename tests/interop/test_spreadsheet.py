"""The spreadsheet importer: columns by name, panels from rows, Excel's habits, every problem
by its line, and followup's own CSV report read back."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.demo import demo_dataset
from followup_tui.domain import Company, Contact, Dataset, Interview, Stage
from followup_tui.interop import ImportProblem, export_csv
from followup_tui.interop.incoming import Batch, InterviewIn
from followup_tui.interop.spreadsheet import PROBLEMS_MAX, read_spreadsheet
from followup_tui.interop.spreadsheet_columns import header_key, parse_stage

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 26)

SIMPLE = (
    "Company,Role,Date,Interviewer,Stage\n"
    "Acme,SRE,2025-03-04,Ann Lee,interviewed\n"
    "Acme,SRE,2025-03-04,Bo Chen,interviewed\n"
    "Initech,Developer,4 Mar 2025,,applied\n"
)


def problems(data: bytes | str, **options: object) -> tuple[str, ...]:
    with pytest.raises(ImportProblem) as caught:
        read_spreadsheet(data, **options)  # type: ignore[arg-type]
    return caught.value.problems


def shape(batch: Batch) -> list[tuple[str, str, date | None, Stage | None, tuple[str, ...]]]:
    return [
        (i.company, i.role, i.on, i.stage, tuple(p.name for p in i.panel)) for i in batch.interviews
    ]


def only(batch: Batch) -> InterviewIn:
    (interview,) = batch.interviews
    return interview


# followup's own report, read back


def test_the_demo_exported_as_csv_reads_back_as_the_same_interviews_and_people() -> None:
    dataset = demo_dataset(TODAY)
    batch = read_spreadsheet(export_csv(dataset))
    names = {c.id: c.name for c in dataset.companies}
    contacts = {c.id: c for c in dataset.contacts}
    assert sorted((i.company, i.role, i.on, i.stage) for i in batch.interviews) == sorted(
        (names[i.company_id], i.role, i.last_round, i.stage) for i in dataset.interviews
    )
    for interview in dataset.interviews:
        (read,) = [
            i
            for i in batch.interviews
            if (i.company, i.role, i.on)
            == (names[interview.company_id], interview.role, interview.last_round)
        ]
        assert read.notes == interview.notes
        assert sorted((p.name, p.title, p.email, p.linkedin) for p in read.panel) == sorted(
            (c.name, c.title, c.email, c.linkedin) for c in (contacts[i] for i in interview.people)
        )
    assert any("not read: status, last touch, next due" in n for n in batch.notices)


def test_cells_neutralised_by_the_report_read_back_as_they_were() -> None:
    # the report has one person per row: a name that looks like a list stays one name
    names = ["=Ann Lee", "+Bo", "-Carl", "@dee", "'Quoted' Name", "O'Brien", "Ann & Bo; Cy, Di Ek"]
    people = tuple(Contact(id=f"ct_{i}", name=n, title="=1+1") for i, n in enumerate(names))
    dataset = Dataset(
        companies=(Company(id="co_1", name="=Acme"),),
        contacts=people,
        interviews=(
            Interview(
                id="iv_1",
                company_id="co_1",
                role="-SRE",
                rounds=(TODAY,),
                panel=tuple(p.id for p in people),
                notes="=SUM(A1:A2)\n@here",
            ),
        ),
    )
    interview = only(read_spreadsheet(export_csv(dataset)))
    assert (interview.company, interview.role, interview.notes) == (
        "=Acme",
        "-SRE",
        "=SUM(A1:A2)\n@here",
    )
    assert [(p.name, p.title) for p in interview.panel] == [(n, "=1+1") for n in names]


# the sample sheet of twenty interviews


def test_a_sheet_of_twenty_interviews_with_mixed_names_and_date_styles() -> None:
    batch = read_spreadsheet((DATA / "spreadsheet_20.csv").read_bytes())
    assert len(batch.interviews) == 20
    assert batch.notices == (
        "not a column followup knows: Referral; the values are kept in the interviews' notes",
    )
    by_company = {(i.company, i.role): i for i in batch.interviews}
    kestrel = by_company["Kestrel Robotics", "Backend Engineer"]
    assert kestrel.on == date(2025, 3, 14)
    assert kestrel.stage is Stage.AWAITING_DECISION
    assert [p.name for p in kestrel.panel] == [
        "José Álvarez-Núñez",
        "田中 陽子",
        "Priya Raman",
        "Marcus Bell",
    ]
    assert kestrel.notes == "Final onsite\nReferral: Ines Duarte"
    # 14/03/2025 settles the file as day first: 03/04/2025 is 3 April
    assert by_company["Lumen Health", "Data Platform Engineer"].on == date(2025, 4, 3)
    assert by_company["Lumen Health", "Data Platform Engineer"].stage is Stage.REJECTED
    assert by_company["Halcyon Pay", "Senior Backend Engineer, Ledger"].on == date(2025, 3, 4)
    assert by_company["Granite Systems", "Infrastructure Engineer"].on == date(2025, 6, 10)
    assert by_company["Lark Music", "Data Engineer"].stage is Stage.ACCEPTED
    fjord = by_company["Fjord Analytics", "Data Engineer"]
    assert "=Ana Costa" in [p.name for p in fjord.panel]
    # the same interviewer on two rows is one person, with the details of both
    delta = by_company["Delta Logistics", "Backend Engineer"]
    assert [(p.name, p.email, p.linkedin) for p in delta.panel] == [
        ("Omar Farouk", "omar@delta.example", "https://www.linkedin.com/in/omarfarouk"),
        ("Hannah Schmidt", "hannah@delta.example", ""),
    ]
    applied = by_company["Tessellate Games", "Senior Tools Engineer"]
    assert (applied.on, applied.panel, applied.where) == (None, (), "line 15")
    assert sorted(len(i.panel) for i in batch.interviews).count(4) == 1


def test_the_same_sheet_with_an_impossible_date_on_line_7_is_refused_naming_line_7() -> None:
    found = problems((DATA / "spreadsheet_20_bad.csv").read_bytes())
    assert found == ("line 7: February 30, 2025 is not a date (February 2025 has 28 days)",)


# Excel's habits


def test_bom_or_none_bytes_or_text_crlf_or_lf_read_the_same() -> None:
    expected = shape(read_spreadsheet(SIMPLE))
    crlf = SIMPLE.replace("\n", "\r\n")
    for data in (
        SIMPLE.encode(),
        b"\xef\xbb\xbf" + SIMPLE.encode(),
        crlf.encode(),
        "\ufeff" + crlf,
    ):
        assert shape(read_spreadsheet(data)) == expected
    assert expected == [
        ("Acme", "SRE", date(2025, 3, 4), Stage.INTERVIEWED, ("Ann Lee", "Bo Chen")),
        ("Initech", "Developer", date(2025, 3, 4), Stage.APPLIED, ()),
    ]


def test_semicolons_tabs_and_excels_sep_line() -> None:
    expected = shape(read_spreadsheet(SIMPLE))
    semicolons = SIMPLE.replace(",", ";")
    assert shape(read_spreadsheet(semicolons.encode("utf-8-sig"))) == expected
    assert shape(read_spreadsheet(SIMPLE.replace(",", "\t"))) == expected
    assert shape(read_spreadsheet("sep=;\r\n" + semicolons)) == expected
    # a European sheet keeps commas inside its cells
    european = "Firma;Company;Role;Notes\nx;Acme;SRE;one, two, three\n"
    assert only(read_spreadsheet(european)).notes == "one, two, three\nFirma: x"


def test_a_sep_line_counts_as_a_line() -> None:
    found = problems("sep=;\nCompany;Role;Date\nAcme;SRE;31/02/2025\n")
    assert found == ("line 3: 31/02/2025 is not a date (February 2025 has 28 days)",)


def test_trailing_empty_columns_and_empty_rows_are_ignored() -> None:
    sheet = "Company,Role,Date,\r\n\r\n,,,\r\nAcme,SRE,2025-03-04,\r\n,,,\r\n\r\n"
    batch = read_spreadsheet(sheet)
    assert shape(batch) == [("Acme", "SRE", date(2025, 3, 4), None, ())]
    assert batch.notices == ()
    assert only(batch).where == "line 4"


def test_utf16_and_windows_1252() -> None:
    assert shape(read_spreadsheet(SIMPLE.encode("utf-16"))) == shape(read_spreadsheet(SIMPLE))
    sheet = "Company,Role,Interviewer\nSociété Générale,Développeur,José\n"
    batch = read_spreadsheet(sheet.encode("cp1252"), name="jobs.csv")
    assert [p.name for p in only(batch).panel] == ["José"]
    assert only(batch).company == "Société Générale"
    assert batch.notices[0].startswith("jobs.csv is not UTF-8: read as Windows-1252")


def test_bytes_that_are_no_text_are_refused_in_one_line_that_does_not_name_the_file() -> None:
    # The command line puts the file's name before every problem: a reader must not, too.
    assert problems(b"Company,Role\n\x81\x8d,x\n", name="x.csv") == (
        "not UTF-8 text: save the sheet as CSV UTF-8",
    )
    assert problems(b"\x00\x01\x02\xff" * 10, name="x.csv") == (
        "not a text file: save the sheet as CSV UTF-8",
    )


def test_an_empty_file_and_a_header_alone() -> None:
    assert problems(b"", name="x.csv") == ("the file is empty: a spreadsheet needs a header row",)
    assert problems("\r\n ,, \r\n") == ("the file is empty: a spreadsheet needs a header row",)
    assert read_spreadsheet("Company,Role\r\n").interviews == ()


# columns


def test_headers_match_without_case_spaces_or_punctuation() -> None:
    assert header_key(" E-Mail ") == header_key("e_mail") == "email"
    assert header_key("Organisation") == "organisation"
    sheet = (
        "ORGANIZATION,position,Interview_Date,Contact Name,TITLE,E-mail,LinkedIn URL,Phone,"
        "Outcome,Comments\n"
        "Acme,SRE,2025-03-04,Ann Lee,CTO,ann@acme.example,https://linkedin.com/in/ann,"
        "+1 555 0100,Offer,Nice team\n"
    )
    interview = only(read_spreadsheet(sheet))
    assert (interview.company, interview.role, interview.on, interview.stage, interview.notes) == (
        "Acme",
        "SRE",
        date(2025, 3, 4),
        Stage.OFFER,
        "Nice team",
    )
    (ann,) = interview.panel
    assert (ann.name, ann.title, ann.email, ann.linkedin, ann.phone, ann.where) == (
        "Ann Lee",
        "CTO",
        "ann@acme.example",
        "https://linkedin.com/in/ann",
        "+1 555 0100",
        "line 2",
    )


@pytest.mark.parametrize(
    "header", ["Interviewers", "Interviewer(s)", "Panel", "Panelists", "Hiring manager"]
)
def test_the_person_column_under_the_names_people_give_it(header: str) -> None:
    interview = only(read_spreadsheet(f"Company,Role,{header},Email\nAcme,SRE,Ann Lee,a@x\n"))
    assert [(p.name, p.email) for p in interview.panel] == [("Ann Lee", "a@x")]


def test_every_person_column_gives_people_on_the_panel() -> None:
    sheet = "Company,Role,Interviewer,Hiring manager\nAcme,SRE,Ann Lee,Bo Chen\n"
    assert [p.name for p in only(read_spreadsheet(sheet)).panel] == ["Ann Lee", "Bo Chen"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ('"Gavin Belson, Richard Hendricks"', ["Gavin Belson", "Richard Hendricks"]),
        ("Erlich Bachman & Jared Dunn", ["Erlich Bachman", "Jared Dunn"]),
        ("Monica Hall; Laurie Bream", ["Monica Hall", "Laurie Bream"]),
        ('"Big Head\nDinesh"', ["Big Head", "Dinesh"]),
        ('"Big Head\r\nDinesh\r\n"', ["Big Head", "Dinesh"]),
        ("Erlich Bachman and Jared Dunn", ["Erlich Bachman", "Jared Dunn"]),
        ("Ann and Bo", ["Ann", "Bo"]),
        ('"Ann, Bo and Carl"', ["Ann", "Bo", "Carl"]),
        ('"Lee, Ann; Chen, Bo"', ["Lee, Ann", "Chen, Bo"]),
        ('"Ann Lee (CTO, Sales and Ops)"', ["Ann Lee (CTO, Sales and Ops)"]),
        ("Ann Lee; ann lee", ["Ann Lee"]),
        ("Ferdinand Anderson", ["Ferdinand Anderson"]),
    ],
)
def test_a_person_cell_naming_several_people_gives_them_all(cell: str, names: list[str]) -> None:
    interview = only(read_spreadsheet(f"Company,Role,Interviewer\nAcme,SRE,{cell}\n"))
    assert [p.name for p in interview.panel] == names


@pytest.mark.parametrize("cell", ["Lee, Ann", "Hendricks, Richard", "Martin Luther King, Jr."])
def test_family_comma_given_is_one_person(cell: str) -> None:
    sheet = f'Company,Role,Interviewer,Email\nAcme,SRE,"{cell}",a@x\n'
    batch = read_spreadsheet(sheet)
    assert [(p.name, p.email) for p in only(batch).panel] == [(cell, "a@x")]
    assert batch.notices == ()


def test_the_details_of_a_row_naming_several_people_are_kept_in_the_notes() -> None:
    sheet = (
        "Company,Role,Interviewer,E-mail,Title,Notes\n"
        'Hooli,SRE,"Gavin Belson, Richard Hendricks",gavin@hooli.example,CEO,Tense\n'
        "Hooli,SRE,Jared Dunn,jared@hooli.example,COO,\n"
    )
    batch = read_spreadsheet(sheet)
    interview = only(batch)
    # whose email and title they are, nobody can tell: neither person gets them
    assert [(p.name, p.email, p.title) for p in interview.panel] == [
        ("Gavin Belson", "", ""),
        ("Richard Hendricks", "", ""),
        ("Jared Dunn", "jared@hooli.example", "COO"),
    ]
    assert interview.notes == "Tense\nE-mail: gavin@hooli.example\nTitle: CEO"
    assert batch.notices == (
        "line 2: several people on one row, so its title, email, profile and phone are kept in "
        "the interview's notes, not given to one of them",
    )


def test_details_without_a_name_hint_at_the_column_the_names_may_be_in() -> None:
    (found,) = problems("Company,Role,Who,Email\nAcme,SRE,Ann Lee,ann@acme.example\n")
    assert found == (
        "line 2: a title, email or profile but no person's name: no column is the person's; if "
        "Who holds the names, call it Interviewer"
    )
    (found,) = problems("Company,Role,Interviewer,Email\nAcme,SRE,,ann@acme.example\n")
    assert found == (
        "line 2: a title, email or profile but no person's name: fill the Interviewer cell"
    )


def test_status_is_the_stage_unless_a_stage_column_is_there() -> None:
    alone = only(read_spreadsheet("Company,Role,Status\nAcme,SRE,Rejected\n"))
    assert alone.stage is Stage.REJECTED
    both = read_spreadsheet("Company,Role,Stage,Status\nAcme,SRE,offer,connected\n")
    assert only(both).stage is Stage.OFFER
    assert both.notices == (
        "not read: Status (a person's connection status and dates, which followup works out "
        "from their history)",
    )


def test_job_title_is_the_role_unless_a_role_column_is_there() -> None:
    alone = only(read_spreadsheet("Company,Job Title,Name\nAcme,SRE,Ann\n"))
    assert alone.role == "SRE"
    both = only(read_spreadsheet("Company,Role,Name,Job Title\nAcme,SRE,Ann,CTO\n"))
    assert (both.role, both.panel[0].title) == ("SRE", "CTO")


def test_unknown_columns_and_cells_past_the_header_are_kept_in_the_notes() -> None:
    sheet = "Company,Role,Salary,,Notes\nAcme,SRE,100k,,hi,extra\nAcme,SRE,,,,\n"
    batch = read_spreadsheet(sheet)
    assert only(batch).notes == "hi\nSalary: 100k\ncolumn 6: extra"
    assert batch.notices == (
        "not a column followup knows: Salary, column 6; the values are kept in the interviews' "
        "notes",
    )


def test_a_missing_company_or_role_column_is_named_with_its_usual_names() -> None:
    assert problems("Name,Date\nAnn,2025-01-01\n") == (
        "line 1: no company column (the header has Name, Date): name one Company, Employer or "
        "Organization",
        "line 1: no role column (the header has Name, Date): name one Role, Position or Job Title",
    )


def test_two_columns_for_one_thing_are_refused() -> None:
    assert problems("Company,Role,Email,E-mail\nAcme,SRE,a@b,c@d\n") == (
        "line 1: the columns Email and E-mail both give the email: keep one",
    )


# stages


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Awaiting decision", Stage.AWAITING_DECISION),
        ("awaiting_decision", Stage.AWAITING_DECISION),
        ("NO", Stage.REJECTED),
        ("Not selected", Stage.REJECTED),
        ("declined", Stage.DECLINED),
        ("Offer accepted", Stage.ACCEPTED),
        ("interviewing", Stage.INTERVIEWED),
        ("withdrew", Stage.WITHDRAWN),
        ("Ghosted", Stage.REJECTED),
        ("no response", Stage.REJECTED),
        ("No reply", Stage.REJECTED),
        ("Phone screen", Stage.INTERVIEWED),
        ("screening", Stage.INTERVIEWED),
        ("Final round", Stage.INTERVIEWED),
        ("onsite", Stage.INTERVIEWED),
        ("On-site", Stage.INTERVIEWED),
        ("Technical interview", Stage.INTERVIEWED),
        ("Offer declined", Stage.DECLINED),
    ],
)
def test_stages_as_people_write_them(text: str, stage: Stage) -> None:
    assert parse_stage(text) is stage


def test_an_unknown_stage_names_the_line_the_value_and_the_stages() -> None:
    (found,) = problems("Company,Role,Stage\nAcme,SRE,maybe\n")
    assert found.startswith('line 2: "maybe" is not a stage: write one of applied, scheduled,')
    assert found.endswith("declined, withdrawn")


def test_one_interview_with_two_stages_is_refused() -> None:
    sheet = (
        "Company,Role,Date,Name,Stage\nAcme,SRE,2025-01-02,Ann,offer\nacme,sre,2025-01-02,Bo,no\n"
    )
    assert problems(sheet) == (
        "line 3: stage rejected, but line 2 says offer for the same interview: give one",
    )


# dates


def test_an_ambiguous_file_stops_with_the_lines_and_the_option() -> None:
    sheet = (
        "Company,Role,Date\nAcme,SRE,03/04/2025\nInitech,Dev,2025-01-01\nUmbrella,QA,05/06/2025\n"
    )
    assert problems(sheet) == (
        "lines 2, 4: dates such as 03/04/2025 could be day/month or month/day, and no date in the "
        "file settles it: pass --date-format dmy or mdy",
    )
    assert [i.on for i in read_spreadsheet(sheet, date_order="dmy").interviews] == [
        date(2025, 4, 3),
        date(2025, 1, 1),
        date(2025, 6, 5),
    ]
    assert read_spreadsheet(sheet, date_order="mdy").interviews[0].on == date(2025, 3, 4)


def test_a_file_that_settles_its_order_needs_no_option_and_an_option_against_it_is_refused() -> (
    None
):
    sheet = "Company,Role,Date\nAcme,SRE,03/04/2025\nInitech,Dev,3/14/2025\n"
    assert read_spreadsheet(sheet).interviews[0].on == date(2025, 3, 4)
    assert problems(sheet, date_order="dmy") == (
        "line 3: 3/14/2025 is not a date in day/month/year order (no month 14)",
    )


def test_a_dotted_file_is_day_first_unless_the_file_or_the_person_says_otherwise() -> None:
    sheet = "Company,Role,Date\nAcme,SRE,04.03.2025\nInitech,Dev,05.06.2025\n"
    assert [i.on for i in read_spreadsheet(sheet).interviews] == [
        date(2025, 3, 4),
        date(2025, 6, 5),
    ]
    assert read_spreadsheet(sheet, date_order="mdy").interviews[0].on == date(2025, 4, 3)
    settled = sheet + "Umbrella,QA,03/14/2025\n"
    assert read_spreadsheet(settled).interviews[0].on == date(2025, 4, 3)


def test_a_file_whose_dates_disagree_is_refused() -> None:
    sheet = "Company,Role,Date\nAcme,SRE,14/03/2025\nInitech,Dev,03/14/2025\n"
    assert problems(sheet) == (
        "line 2: 14/03/2025 puts the day first, but line 3: 03/14/2025 puts the month first: "
        "correct one, or pass --date-format dmy or mdy",
    )


# every problem, by its physical line


def test_every_problem_is_reported_with_its_physical_line() -> None:
    sheet = (
        "Company,Role,Date,Stage,Notes,Title\r\n"
        'Acme,SRE,2025-02-30,offer,"a note\r\non two lines\r\nor three",\r\n'
        "\r\n"
        "Initech,Dev,2025-01-01,perhaps,,\r\n"
        ",Dev,2025-01-01,,,\r\n"
        "Umbrella,,soon,,,CTO\r\n"
    )
    assert problems(sheet) == (
        "line 2: 2025-02-30 is not a date (February 2025 has 28 days)",
        'line 6: "perhaps" is not a stage: write one of applied, scheduled, interviewed, '
        "awaiting decision, rejected, offer, accepted, declined, withdrawn",
        "line 7: no company: fill the Company cell",
        "line 8: no role: fill the Role cell",
        "line 8: soon is not a date: write it like 2025-03-04 or 4 Mar 2025",
        "line 8: a title, email or profile but no person's name, and no column of names: add "
        "one called Interviewer",
    )


def test_a_flood_of_problems_is_cut_with_a_count() -> None:
    sheet = "Company,Role\n" + ",x\n" * (PROBLEMS_MAX + 50)
    found = problems(sheet)
    assert len(found) == PROBLEMS_MAX + 1
    assert found[-1] == "and 50 more problems"
    # one left out is one problem, in the shape the command line counts
    assert problems("Company,Role\n" + ",x\n" * (PROBLEMS_MAX + 1))[-1] == "and 1 more problem"
    assert re.fullmatch(r"and (\d+) more problems?", found[-1])


def test_a_header_with_a_flood_of_problems_is_cut_too() -> None:
    header = "Company,Role," + ",".join(["Email"] * (PROBLEMS_MAX + 3))
    found = problems(header + "\n")
    assert len(found) == PROBLEMS_MAX + 1
    assert found[-1] == "and 2 more problems"


def test_a_cell_over_the_csv_limit_is_a_problem_not_a_crash() -> None:
    (found,) = problems("Company,Role\nAcme," + "x" * 200_000 + "\n")
    assert found.startswith("line 2: field larger than field limit")


def test_user_text_is_cleaned_on_the_way_in() -> None:
    sheet = (
        'Company,Role,Name,Notes\n"Ac\x1b[31mme",SRE\u202e,"Ann\x1b[1;2m\tLee","one\x07\r\ntwo"\n'
    )
    interview = only(read_spreadsheet(sheet))
    assert (interview.company, interview.role, interview.panel[0].name, interview.notes) == (
        "Acme",
        "SRE",
        "Ann Lee",
        "one\ntwo",
    )


# junk


@settings(max_examples=50)
@given(st.binary(max_size=400))
def test_junk_bytes_never_crash(data: bytes) -> None:
    try:
        read_spreadsheet(data)
    except ImportProblem as problem:
        assert all("\n" not in line for line in problem.problems)


CELL = st.text(st.sampled_from("ab1/;,\"'=\r\n\t -:Mar2025é\x00\x1b"), max_size=12)


@settings(max_examples=50)
@given(st.lists(st.lists(CELL, max_size=7), max_size=8), st.sampled_from([None, "dmy", "mdy"]))
def test_junk_rows_under_a_real_header_never_crash(
    rows: list[list[str]], order: str | None
) -> None:
    text = "Company,Role,Date,Name,Stage,Email,Notes\r\n" + "\r\n".join(",".join(r) for r in rows)
    try:
        batch = read_spreadsheet(text, date_order=order)  # type: ignore[arg-type]
    except ImportProblem:
        return
    for interview in batch.interviews:
        assert interview.company and interview.role
