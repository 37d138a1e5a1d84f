"""Notes: placeholders and their gaps, date phrasing, choosing a template, limits, repeats."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Interview,
    Settings,
    Stage,
    Template,
    Touch,
    TouchKind,
    relative_date,
)
from followup_tui.domain.text import clean_line
from followup_tui.notes import (
    GAP,
    PLACEHOLDERS,
    NoteContext,
    all_templates,
    char_count,
    default_template,
    gap,
    limit_status,
    near_duplicates,
    next_template,
    render,
    similarity,
)
from followup_tui.notes.builtin import BUILTIN_TEMPLATES

TODAY = date(2026, 5, 14)  # a Thursday
S = ConnectionStatus

PRIYA = Contact(
    "ct_priya",
    "Priya Raman",
    title="Staff Engineer",
    company="Kestrel Robotics",
    tidbits=("Runs the monthly Rust meetup downtown.", "Has two cats."),
)
NOA = Contact("ct_noa", "Noa Levi", title="Recruiter", company="Kestrel Robotics")
KESTREL = Company("co_kestrel", "Kestrel Robotics")
FLEET = Interview(
    "iv_fleet",
    "co_kestrel",
    "Backend Engineer, Fleet Platform",
    level="Senior",
    rounds=(TODAY - timedelta(days=8), TODAY - timedelta(days=1)),
    panel=("ct_priya",),
    recruiter_id="ct_noa",
    stage=Stage.INTERVIEWED,
)
SAM = Settings(your_name="Sam Rivera", signature="Sam Rivera\nBackend engineer")
FULL = NoteContext(PRIYA, SAM, TODAY, FLEET, KESTREL, NOA)
BARE = NoteContext(Contact("ct_x", "Priya"), Settings(), TODAY)
BUILTINS = list(BUILTIN_TEMPLATES)


def template(
    tid: str,
    kind: TouchKind = TouchKind.OTHER,
    channel: Channel = Channel.EMAIL,
    name: str | None = None,
) -> Template:
    return Template(tid, name or tid, kind, channel, "Hi {first_name}")


# --- placeholders ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("first_name", "Priya"),
        ("name", "Priya Raman"),
        ("title", "Staff Engineer"),
        ("company", "Kestrel Robotics"),
        ("role", "Backend Engineer, Fleet Platform"),
        ("level", "Senior"),
        ("recruiter", "Noa"),
        ("interview_date", "yesterday"),
        ("my_name", "Sam Rivera"),
        ("signature", "Sam Rivera\nBackend engineer"),
        ("tidbit", "Runs the monthly Rust meetup downtown"),
    ],
)
def test_every_placeholder_is_filled_in(key: str, expected: str) -> None:
    assert render(f"<{{{key}}}>", FULL) == f"<{expected}>"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("title", "[title]"),
        ("company", "[company]"),
        ("role", "[role]"),
        ("level", "[level]"),
        ("recruiter", "[recruiter's name]"),
        ("interview_date", "[interview date]"),
        ("my_name", "[your name]"),
        ("signature", "[your name]"),
        ("tidbit", "[something they mentioned]"),
    ],
)
def test_every_missing_value_leaves_a_visible_gap(key: str, expected: str) -> None:
    assert render(f"<{{{key}}}>", BARE) == f"<{expected}>"


def test_placeholders_are_documented_and_all_known() -> None:
    assert set(PLACEHOLDERS) == {
        "first_name",
        "name",
        "title",
        "company",
        "their_company",
        "role",
        "level",
        "recruiter",
        "interview_date",
        "my_name",
        "signature",
        "tidbit",
    }
    assert all(desc and "\n" not in desc for desc in PLACEHOLDERS.values())
    body = " ".join(f"{{{key}}}" for key in PLACEHOLDERS)
    for ctx in (FULL, BARE, NoteContext(PRIYA, Settings(), TODAY, replace(FLEET, rounds=()))):
        out = render(body, ctx)
        assert "{" not in out and "None" not in out
        assert "  " not in out  # nothing rendered as an empty hole


def test_no_interview_and_no_company_anywhere_gives_gaps_not_none() -> None:
    ctx = NoteContext(
        Contact("ct_a", "Ada"), Settings(), TODAY, Interview("iv", "co", "Engineer"), None, None
    )
    out = render(next(t for t in BUILTIN_TEMPLATES if t.id == "tpl_decision_message"), ctx)
    assert "None" not in out
    for hole in ("[interview date]", "[company]", "[recruiter's name]", "[your name]"):
        assert hole in out


def test_company_comes_from_the_interview_then_from_the_contact() -> None:
    moved = replace(PRIYA, company="NewCo")
    assert render("{company}", replace(FULL, contact=moved)) == "Kestrel Robotics"
    assert render("{company}", replace(FULL, contact=moved, company=None)) == "NewCo"
    assert (
        render("{company}", replace(FULL, contact=replace(PRIYA, company=""), company=None))
        == "[company]"
    )


def test_signature_falls_back_to_your_name_then_to_a_gap() -> None:
    assert render("{signature}", replace(FULL, settings=Settings(your_name="Sam"))) == "Sam"
    assert render("{signature}", replace(FULL, settings=Settings())) == "[your name]"


def test_interview_date_is_the_last_round_in_words() -> None:
    older = replace(FLEET, rounds=(date(2026, 3, 2), date(2026, 3, 9)))
    assert render("{interview_date}", replace(FULL, interview=older)) == "in March"


@pytest.mark.parametrize(
    ("tidbit", "expected"),
    [
        ("Runs the Rust meetup.", "Runs the Rust meetup"),
        ("Training for a marathon!!", "Training for a marathon"),
        ("NASA alum, loves rockets.", "NASA alum, loves rockets"),
        ("AI's biggest sceptic", "AI's biggest sceptic"),
        ("GitHub Actions fan", "GitHub Actions fan"),
        ("McKinsey before this", "McKinsey before this"),
        ("I'm told he climbs.", "I'm told he climbs"),
        ("A keen sailor", "A keen sailor"),
        ("arsenal fan, went to the final", "arsenal fan, went to the final"),
        ("Arsenal fan, went to the final", "Arsenal fan, went to the final"),
        ("iOS developer at heart", "iOS developer at heart"),
        ("Élise is her daughter", "Élise is her daughter"),  # a name keeps its capital
        ("Two\nlines  of\ttext.", "Two lines of text"),
        ("42 marathons so far", "42 marathons so far"),
        ('"Quoted" words', '"Quoted" words'),
        ("家族と京都へ。", "家族と京都へ。"),
        ("!!!", "[something they mentioned]"),
    ],
)
def test_tidbit_is_shaped_to_sit_in_a_sentence(tidbit: str, expected: str) -> None:
    ctx = replace(FULL, contact=replace(PRIYA, tidbits=(tidbit,)))
    assert render("{tidbit}", ctx) == expected


@pytest.mark.parametrize(
    "body",
    [
        "{nickname}",
        "{",
        "}",
        "}{",
        "{}",
        "{0}",
        "{0.__class__}",
        "{first_name!r}",
        "{first_name:>10}",
        "{FIRST_NAME}",
        "{ first_name }",
        "%(name)s",
        "$name",
        "{{",
        "}}",
        "{__import__('os')}",
        "{contact.name}",
    ],
)
def test_unknown_placeholders_and_stray_braces_stay_as_typed(body: str) -> None:
    assert render(body, FULL) == body
    assert render(f"Hi {{first_name}} {body}", FULL) == f"Hi Priya {body}"


def test_doubled_braces_are_not_an_escape() -> None:
    assert render("{{first_name}}", FULL) == "{Priya}"


def test_values_are_not_expanded_again() -> None:
    sly = Contact("ct_s", "{title} {0.__class__}", title="{name}")
    assert render("{name}|{title}", replace(FULL, contact=sly)) == "{title} {0.__class__}|{name}"


@pytest.mark.parametrize(
    "text",
    [
        "[b]x[/]",
        "[link=https://x]y[/link]",
        "🙂👩‍👩‍👧 done",
        "שלום עליכם",
        "مرحبا",
        "\u202eevil",
        "%s %d",
        "\\n",
    ],
)
def test_hostile_text_passes_through_as_data(text: str) -> None:
    assert render(text, FULL) == text
    person = Contact("ct_h", f"{text} Doe".strip())
    out = render("Hi {name}, {first_name}!", replace(FULL, contact=person))
    assert out == f"Hi {person.name}, {person.first_name}!"


def test_render_takes_a_template_or_its_body() -> None:
    assert render(BUILTIN_TEMPLATES[0], FULL) == render(BUILTIN_TEMPLATES[0].body, FULL)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("title", "[title]"),
        ("recruiter", "[recruiter's name]"),
        ("my_name", "[your name]"),
        ("interview_date", "[interview date]"),
        ("recruiter's name", "[recruiter's name]"),
        ("link", "[link]"),
    ],
)
def test_gap(name: str, expected: str) -> None:
    assert gap(name) == expected


names = st.text(min_size=1).filter(lambda s: bool(clean_line(s)))
contacts = st.builds(
    Contact,
    id=st.just("ct_h"),
    name=names,
    title=st.text(),
    company=st.text(),
    tidbits=st.lists(st.text(), max_size=2).map(tuple),
    status=st.sampled_from(ConnectionStatus),
)
interviews = st.builds(
    Interview,
    id=st.just("iv_h"),
    company_id=st.just("co_h"),
    role=names,
    level=st.text(),
    rounds=st.lists(st.dates(), max_size=3).map(tuple),
    stage=st.sampled_from(Stage),
)
contexts = st.builds(
    NoteContext,
    contact=contacts,
    settings=st.builds(Settings, your_name=st.text(), signature=st.text()),
    today=st.dates(),
    interview=st.none() | interviews,
    company=st.none() | st.builds(Company, id=st.just("co_h"), name=names),
    recruiter=st.none() | contacts,
)
all_placeholders = " ".join(f"{{{key}}}" for key in PLACEHOLDERS)


@given(body=st.text() | st.text(alphabet="{}_abcdefghijklmnopqrstuvwxyz0. "), ctx=contexts)
def test_render_never_raises(body: str, ctx: NoteContext) -> None:
    out = render(body, ctx)
    assert isinstance(out, str)
    if "{" not in body:
        assert out == body
    assert isinstance(render(body + all_placeholders, ctx), str)


@given(ctx=contexts)
def test_every_builtin_renders_for_anyone(ctx: NoteContext) -> None:
    for tpl in BUILTIN_TEMPLATES:
        assert render(tpl, ctx).strip()
    assert default_template(BUILTINS, ctx) in BUILTINS


# --- relative dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "day", "expected"),
    [
        # Sunday 17 May 2026: the week runs Monday 11 to Sunday 17.
        ("2026-05-17", "2026-05-17", "today"),
        ("2026-05-17", "2026-05-16", "yesterday"),
        ("2026-05-17", "2026-05-15", "on Friday"),
        ("2026-05-17", "2026-05-11", "on Monday"),
        ("2026-05-17", "2026-05-10", "last week"),
        ("2026-05-17", "2026-05-04", "last week"),
        ("2026-05-17", "2026-05-03", "two weeks ago"),
        ("2026-05-17", "2026-04-27", "two weeks ago"),
        ("2026-05-17", "2026-04-26", "three weeks ago"),
        ("2026-05-17", "2026-04-20", "three weeks ago"),
        ("2026-05-17", "2026-04-19", "last month"),
        ("2026-05-17", "2026-04-01", "last month"),
        ("2026-05-17", "2026-03-31", "in March"),
        ("2026-05-17", "2026-01-01", "in January"),
        ("2026-05-17", "2025-12-31", "in December 2025"),
        ("2026-05-17", "2025-05-17", "in May 2025"),
        ("2026-05-17", "2026-05-18", "tomorrow"),
        ("2026-05-17", "2026-05-19", "next week"),
        ("2026-05-17", "2026-05-24", "next week"),
        ("2026-05-17", "2026-05-25", "in two weeks"),
        ("2026-05-17", "2026-06-01", "in three weeks"),
        ("2026-05-17", "2026-06-07", "in three weeks"),
        ("2026-05-17", "2026-06-08", "next month"),
        ("2026-05-17", "2026-06-30", "next month"),
        ("2026-05-17", "2026-07-01", "in July"),
        ("2026-05-17", "2026-12-31", "in December"),
        ("2026-05-17", "2027-01-01", "in January 2027"),
        # Monday 11 May: Saturday is already last week; the rest of this week is "on ...".
        ("2026-05-11", "2026-05-10", "yesterday"),
        ("2026-05-11", "2026-05-09", "last week"),
        ("2026-05-11", "2026-05-12", "tomorrow"),
        ("2026-05-11", "2026-05-13", "on Wednesday"),
        ("2026-05-11", "2026-05-17", "on Sunday"),
        ("2026-05-11", "2026-05-18", "next week"),
        ("2026-05-13", "2026-05-11", "on Monday"),
        ("2026-05-13", "2026-05-15", "on Friday"),
        ("2026-05-13", "2026-05-10", "last week"),
        # More than three weeks, same month.
        ("2026-05-31", "2026-05-03", "earlier this month"),
        ("2026-05-31", "2026-05-04", "three weeks ago"),
        ("2026-05-01", "2026-05-25", "later this month"),
        ("2026-05-01", "2026-05-24", "in three weeks"),
        # The year turns on a Thursday: its week began on Monday 29 December.
        ("2026-01-01", "2025-12-31", "yesterday"),
        ("2026-01-01", "2025-12-30", "on Tuesday"),
        ("2026-01-01", "2025-12-29", "on Monday"),
        ("2026-01-01", "2025-12-28", "last week"),
        ("2026-01-01", "2025-12-21", "two weeks ago"),
        ("2026-01-01", "2025-12-14", "three weeks ago"),
        ("2026-01-01", "2025-12-07", "last month"),
        ("2026-01-01", "2025-12-01", "last month"),
        ("2026-01-01", "2025-11-30", "in November 2025"),
        ("2026-01-01", "2026-01-04", "on Sunday"),
        ("2026-01-01", "2026-01-05", "next week"),
        ("2025-12-31", "2026-01-01", "tomorrow"),
        ("2025-12-31", "2026-01-02", "on Friday"),
        ("2025-12-31", "2026-01-05", "next week"),
        ("2025-12-31", "2026-01-12", "in two weeks"),
        ("2025-12-31", "2026-01-19", "in three weeks"),
        ("2025-12-31", "2026-01-26", "next month"),
        ("2025-12-31", "2026-01-31", "next month"),
        ("2025-12-31", "2026-02-01", "in February 2026"),
        # The month turns on a Monday.
        ("2026-06-01", "2026-05-31", "yesterday"),
        ("2026-06-01", "2026-05-30", "last week"),
        ("2026-06-01", "2026-05-25", "last week"),
        ("2026-06-01", "2026-05-24", "two weeks ago"),
        ("2026-06-01", "2026-05-11", "three weeks ago"),
        ("2026-06-01", "2026-05-10", "last month"),
        ("2026-06-01", "2026-05-01", "last month"),
        ("2026-06-01", "2026-04-30", "in April"),
        # Leap years.
        ("2024-03-01", "2024-02-29", "yesterday"),
        ("2024-03-01", "2024-02-26", "on Monday"),
        ("2024-03-01", "2024-02-25", "last week"),
        ("2024-03-01", "2024-01-31", "in January"),
        ("2024-03-31", "2024-02-29", "last month"),
        # The ends of the calendar.
        ("0001-01-03", "0001-01-01", "on Monday"),
        ("9999-12-31", "0001-01-01", "in January 1"),
        ("0001-01-01", "9999-12-31", "in December 9999"),
    ],
)
def test_relative_date(today: str, day: str, expected: str) -> None:
    assert relative_date(date.fromisoformat(day), date.fromisoformat(today)) == expected


PAST = re.compile(
    r"yesterday|on [A-Z][a-z]+day|last (week|month)|(two|three) weeks ago"
    r"|earlier this month|in [A-Z][a-z]+( \d+)?"
)
FUTURE = re.compile(
    r"tomorrow|on [A-Z][a-z]+day|next (week|month)|in (two|three) weeks"
    r"|later this month|in [A-Z][a-z]+( \d+)?"
)


@given(day=st.dates(), today=st.dates())
def test_relative_date_reads_forwards_or_backwards(day: date, today: date) -> None:
    words = relative_date(day, today)
    if day != today:
        assert (PAST if day < today else FUTURE).fullmatch(words), words
    if abs((today - day).days) > 27:
        assert words.startswith(("last month", "next month", "in ", "earlier", "later"))
    if words.startswith("in ") and "weeks" not in words:  # "in March" or "in March 2024"
        assert words.endswith(f" {day.year}") == (day.year != today.year)


# --- choosing a template -----------------------------------------------------------------------


def test_all_templates_without_edits_are_the_builtins_in_order() -> None:
    assert all_templates({}) == BUILTINS


def test_an_edited_builtin_takes_its_place_and_own_templates_follow_by_name() -> None:
    edited = replace(BUILTIN_TEMPLATES[1], body="My own words, {first_name}.")
    own = [
        template("tpl_b", name="beta"),
        template("tpl_a", name="Alpha"),
        template("tpl_c", name="gamma"),
    ]
    stored = {t.id: t for t in (own[0], edited, own[1], own[2])}
    result = all_templates(stored)
    assert result[: len(BUILTINS)] == [BUILTINS[0], edited, *BUILTINS[2:]]
    assert [t.name for t in result[len(BUILTINS) :]] == ["Alpha", "beta", "gamma"]


def ctx_for(
    stage: Stage | None,
    status: ConnectionStatus = S.NOT_CONTACTED,
    days_since_round: int | None = 1,
    tidbits: tuple[str, ...] = (),
) -> NoteContext:
    contact = replace(PRIYA, status=status, tidbits=tidbits)
    if stage is None:
        return NoteContext(contact, SAM, TODAY)
    rounds = () if days_since_round is None else (TODAY - timedelta(days=days_since_round),)
    return NoteContext(contact, SAM, TODAY, replace(FLEET, stage=stage, rounds=rounds), KESTREL)


@pytest.mark.parametrize("stage", [Stage.REJECTED])
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.NOT_CONTACTED, "tpl_decision_invite"),
        (S.NOTE_DRAFTED, "tpl_decision_invite"),
        (S.INVITE_SENT, "tpl_decision_email"),  # no message reaches them yet
        (S.CONNECTED, "tpl_decision_message"),
        (S.REPLIED, "tpl_decision_message"),
        (S.IGNORED, "tpl_decision_message"),
    ],
)
def test_after_a_decision_the_decision_note(
    stage: Stage, status: ConnectionStatus, expected: str
) -> None:
    assert default_template(BUILTINS, ctx_for(stage, status, 30)).id == expected


@pytest.mark.parametrize("stage", [Stage.DECLINED, Stage.WITHDRAWN])
def test_a_process_you_ended_gets_the_note_written_for_that(stage: Stage) -> None:
    assert default_template(BUILTINS, ctx_for(stage, S.CONNECTED, 30)).id == "tpl_decision_own"


def test_after_the_decision_note_went_out_a_check_in_is_suggested() -> None:
    ctx = ctx_for(Stage.REJECTED, S.CONNECTED, 30)
    sent = Touch(id="tc_1", date=TODAY, kind=TouchKind.DECISION_NOTE, interview_id=FLEET.id)
    ctx = replace(ctx, contact=replace(ctx.contact, touches=(sent,)))
    assert default_template(BUILTINS, ctx).kind is not TouchKind.DECISION_NOTE


def test_a_decision_note_on_another_channel_when_the_preferred_one_is_missing() -> None:
    only_message = [t for t in BUILTINS if t.channel is not Channel.LINKEDIN_INVITE]
    assert default_template(only_message, ctx_for(Stage.REJECTED)).id == "tpl_decision_message"
    no_decision = [t for t in BUILTINS if t.kind is not TouchKind.DECISION_NOTE]
    assert default_template(no_decision, ctx_for(Stage.REJECTED)) == no_decision[0]


@pytest.mark.parametrize("stage", [Stage.SCHEDULED, Stage.INTERVIEWED, Stage.AWAITING_DECISION])
@pytest.mark.parametrize("days", [0, 1, 7])
def test_a_thank_you_within_a_week_of_the_round(stage: Stage, days: int) -> None:
    assert default_template(BUILTINS, ctx_for(stage, S.CONNECTED, days)).id == "tpl_thank_you"


@pytest.mark.parametrize(
    ("stage", "days"),
    [
        (Stage.INTERVIEWED, 8),
        (Stage.SCHEDULED, -3),
        (Stage.AWAITING_DECISION, None),
        (Stage.APPLIED, 1),
        (Stage.OFFER, 1),
        (Stage.ACCEPTED, 1),
    ],
)
def test_no_thank_you_outside_that_week_or_stage(stage: Stage, days: int | None) -> None:
    assert default_template(BUILTINS, ctx_for(stage, S.NOT_CONTACTED, days)) == BUILTINS[0]
    connected = ctx_for(stage, S.CONNECTED, days)
    assert default_template(BUILTINS, connected).id == "tpl_checkin_article"


@pytest.mark.parametrize("status", [S.CONNECTED, S.REPLIED])
def test_a_check_in_for_connections(status: ConnectionStatus) -> None:
    assert default_template(BUILTINS, ctx_for(None, status)).id == "tpl_checkin_article"
    with_tidbit = ctx_for(None, status, tidbits=("Has two cats",))
    assert default_template(BUILTINS, with_tidbit).id == "tpl_checkin_personal"
    no_personal = [t for t in BUILTINS if t.kind is not TouchKind.PERSONAL]
    assert default_template(no_personal, with_tidbit).id == "tpl_checkin_article"


@pytest.mark.parametrize("status", [S.NOT_CONTACTED, S.NOTE_DRAFTED, S.INVITE_SENT, S.IGNORED])
def test_otherwise_the_first_template(status: ConnectionStatus) -> None:
    own = [template("tpl_mine"), *BUILTINS]
    assert default_template(own, ctx_for(None, status, tidbits=("x",))).id == "tpl_mine"


def test_no_templates_at_all_is_an_error() -> None:
    with pytest.raises(ValueError, match="no templates"):
        default_template([], FULL)
    with pytest.raises(ValueError, match="no templates"):
        next_template([], "tpl_thank_you")


def test_next_template_cycles_both_ways() -> None:
    ids = [t.id for t in BUILTINS]
    assert next_template(BUILTINS, ids[0]).id == ids[1]
    assert next_template(BUILTINS, ids[-1]).id == ids[0]
    assert next_template(BUILTINS, ids[0], -1).id == ids[-1]
    assert next_template(BUILTINS, ids[1], 2).id == ids[3]
    assert next_template(BUILTINS, ids[2], 0).id == ids[2]
    assert next_template(BUILTINS, ids[0], len(ids) * 3 + 1).id == ids[1]
    assert next_template(BUILTINS, "tpl_gone").id == ids[0]
    assert next_template(BUILTINS, "tpl_gone", -1).id == ids[-1]
    one = [template("tpl_one")]
    assert next_template(one, "tpl_one") == one[0]


# --- limits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("abc", 3),
        ("abc  \n\n ", 3),
        ("  abc", 5),
        ("a\nb", 3),
        ("a\r\nb", 3),
        ("a\rb", 3),
        ("a\r\n\r\nb\r\n", 4),
        ("é", 1),
        ("e\u0301", 2),
        ("日本", 2),
        ("🙂", 2),
        ("👩‍👩‍👧", 8),
        ("שלום", 4),
    ],
)
def test_char_count(text: str, count: int) -> None:
    assert char_count(text) == count


@pytest.mark.parametrize("limit", [300, 200])
def test_limit_status_over_by_one(limit: int) -> None:
    assert limit_status("x" * limit, limit) == (limit, limit, False)
    assert limit_status("x" * limit + " \n", limit) == (limit, limit, False)
    assert limit_status("x" * (limit + 1), limit) == (limit + 1, limit, True)
    assert limit_status("x" * (limit - 1) + "🙂", limit) == (limit + 1, limit, True)


def test_no_limit_is_never_over() -> None:
    assert limit_status("x" * 100_000, None) == (100_000, None, False)


# --- repeats -----------------------------------------------------------------------------------


BODY = (
    "Thank you for the time you gave me last week for the platform role. I am disappointed, "
    "of course, but I really liked meeting the team and would be glad to keep in touch. "
    "If it would make sense to apply again later, I would welcome your view.\n\nSam"
)


def test_identical_notes_are_alike() -> None:
    assert similarity(BODY, BODY) == 1.0
    assert similarity(f"Hi Anna,\n\n{BODY}", f"Hi Anna,\n\n{BODY.upper()}  ") == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hi Anna,\n\n", "Hello Marcus!\n"),
        ("Hi Anna, ", "Dear Dr. Smith-Jones,\n"),
        ("Anna -\n", "Good morning Søren Kjær, "),
        ("Hey there!\n", ""),
    ],
)
def test_a_different_greeting_is_still_the_same_note(a: str, b: str) -> None:
    assert similarity(a + BODY, b + BODY) >= 0.8
    assert near_duplicates(a + BODY, {"tc_1": b + BODY}) == ["tc_1"]


def test_unrelated_notes_are_not_alike() -> None:
    other = (
        "Hi Anna, I came across this piece about column stores and thought of our chat on "
        "the data platform at Lumen Health. Curious what you make of it.\n\nSam"
    )
    assert similarity(BODY, other) < 0.3
    assert similarity(BODY, render(BUILTIN_TEMPLATES[1], FULL)) < 0.3


def test_similarity_is_symmetric_and_bounded() -> None:
    texts = ["", "Hi", "Hi Anna,", "one two", BODY, BODY[:80], render(BUILTIN_TEMPLATES[2], FULL)]
    for a in texts:
        for b in texts:
            assert 0.0 <= similarity(a, b) == similarity(b, a) <= 1.0
    assert similarity("Hi Anna,", "Hi Bob,") == 0.0  # nothing but a greeting to compare


def test_near_duplicates_lists_the_close_ones_closest_first() -> None:
    edited = BODY.replace("platform role", "data role")
    others = {
        "tc_far": "Congratulations on the launch!",
        "tc_edit": f"Hi Bo,\n{edited}",
        "tc_same": f"Hi Cy,\n{BODY}",
    }
    assert near_duplicates(f"Hi Al,\n{BODY}", others) == ["tc_same", "tc_edit"]
    assert near_duplicates(f"Hi Al,\n{BODY}", others, threshold=1.0) == ["tc_same"]
    assert near_duplicates(BODY, {}) == []


# --- the built-ins -----------------------------------------------------------------------------

# Check-ins come months later and are about the person, not the interview, so they leave the role
# out; so does the hello by email after an invitation left pending, which is not about a round.
WITHOUT_ROLE = {
    "tpl_invite_pending_email",
    "tpl_checkin_article",
    "tpl_checkin_event",
    "tpl_checkin_news",
    "tpl_checkin_personal",
}
WITHOUT_COMPANY = {"tpl_invite_pending_email", "tpl_checkin_event", "tpl_checkin_personal"}


@pytest.mark.parametrize("tpl", BUILTINS, ids=lambda t: t.id)
def test_builtins_name_the_person_the_role_and_the_company(tpl: Template) -> None:
    out = render(tpl, FULL)
    assert "Priya" in out
    assert (FLEET.role in out) is (tpl.id not in WITHOUT_ROLE)
    assert (KESTREL.name in out) is (tpl.id not in WITHOUT_COMPANY)
    assert "{" not in out and "None" not in out
    assert not [hole for hole in map(gap, PLACEHOLDERS) if hole in out]


@pytest.mark.parametrize(
    ("name", "role", "me"),
    [
        ("Priya Raman", "Backend Engineer, Fleet Platform", "Sam Rivera"),
        ("José Álvarez-Núñez", "Senior Software Engineer, Payments Infrastructure", "Sam Rivera"),
        ("Anna", "Data Platform Engineer", "Alexandra Papadopoulou-Brightwater"),
    ],
)
def test_the_decision_invitation_fits_linkedins_limit(name: str, role: str, me: str) -> None:
    invite = next(t for t in BUILTINS if t.id == "tpl_decision_invite")
    assert invite.channel is Channel.LINKEDIN_INVITE
    ctx = NoteContext(
        Contact("ct_t", name), Settings(your_name=me), TODAY, Interview("iv_t", "co_t", role)
    )
    _, limit, over = limit_status(render(invite, ctx), ctx.settings.limit_for(invite.channel))
    assert limit == 300 and not over


# --- speed -------------------------------------------------------------------------------------


def best_of(runs: int, call: object) -> float:
    assert callable(call)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def test_render_is_quick_enough_for_every_keystroke() -> None:
    assert best_of(50, lambda: render(BUILTIN_TEMPLATES[2], FULL)) < 0.001


def test_similarity_is_quick_for_kilobyte_notes() -> None:
    a = (BODY + " ") * 5
    b = a.replace("team", "people")
    assert len(a) > 1000
    assert best_of(20, lambda: similarity(a, b)) < 0.001


def test_every_gap_left_is_one_the_editor_warns_of() -> None:
    """notes.GAP, the one pattern of a gap, finds every gap render() and the built-ins leave."""
    for name in PLACEHOLDERS:
        assert GAP.fullmatch(gap(name))
    for template in BUILTIN_TEMPLATES:
        for found in re.findall(r"\[[^\]]*\]", template.body):
            assert GAP.fullmatch(found), found
    assert not GAP.search("no [gap\nacross lines] and [] is none")
