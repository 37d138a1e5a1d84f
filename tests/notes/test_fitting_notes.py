"""The note that fits: written to the recruiter, to a panelist, for a late decision, for a
pending invitation; and the built-ins' words for each."""

from __future__ import annotations

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
    TouchKind,
)
from followup_tui.notes import (
    BUILTIN_TEMPLATES,
    NoteContext,
    default_template,
    is_recruiter,
    limit_status,
    render,
)
from followup_tui.notes.builtin_asks import FOR_RECRUITERS

TODAY = date(2026, 12, 2)
S = ConnectionStatus
BUILTINS = list(BUILTIN_TEMPLATES)
BY_ID = {t.id: t for t in BUILTINS}
RECRUITER_IDS = {t.id for t in FOR_RECRUITERS}

DANA = Contact("ct_dana", "Dana Okafor", title="Recruiter", company="Fjord Health")
LIAM = Contact("ct_liam", "Liam Brandt", title="Engineering Manager", company="Fjord Health")
FJORD = Company("co_fjord", "Fjord Health")
ROLE = Interview(
    "iv_fjord",
    "co_fjord",
    "Backend Engineer, Claims",
    rounds=(TODAY - timedelta(days=20),),
    panel=("ct_liam",),
    recruiter_id="ct_dana",
    stage=Stage.REJECTED,
    decision_date=TODAY - timedelta(days=3),
    closure_received=True,
)
ME = Settings(your_name="Sam Rivera")


def ctx(
    contact: Contact = DANA,
    *,
    status: ConnectionStatus = S.NOT_CONTACTED,
    email: str = "",
    months: int | None = None,
    stage: Stage = Stage.REJECTED,
    days_since_round: int = 20,
    settings: Settings = ME,
) -> NoteContext:
    interview = replace(ROLE, stage=stage, rounds=(TODAY - timedelta(days=days_since_round),))
    return NoteContext(
        replace(contact, status=status, email=email),
        settings,
        TODAY,
        interview,
        replace(FJORD, cooling_off_months=months),
        DANA,
    )


def chosen(context: NoteContext) -> str:
    return default_template(BUILTINS, context).id


# --- the recruiter -----------------------------------------------------------------------------


def test_the_recruiter_is_told_apart_by_the_interview() -> None:
    assert is_recruiter(ctx(DANA))
    assert not is_recruiter(ctx(LIAM))
    assert not is_recruiter(replace(ctx(DANA), interview=None))


@pytest.mark.parametrize(
    ("status", "email", "months", "expected"),
    [
        (S.CONNECTED, "", None, "tpl_recruiter_reapply"),
        (S.REPLIED, "dana@fjord.example", None, "tpl_recruiter_reapply"),
        (S.NOT_CONTACTED, "dana@fjord.example", None, "tpl_recruiter_reapply_email"),
        (S.NOT_CONTACTED, "", None, "tpl_recruiter_invite"),
        (S.NOT_CONTACTED, "dana@fjord.example", 6, "tpl_recruiter_invite"),
        (S.CONNECTED, "dana@fjord.example", 6, "tpl_recruiter_thanks"),
    ],
)
def test_after_the_decision_the_recruiter_gets_a_note_written_to_her(
    status: ConnectionStatus, email: str, months: int | None, expected: str
) -> None:
    assert chosen(ctx(DANA, status=status, email=email, months=months)) == expected


@pytest.mark.parametrize("template", FOR_RECRUITERS, ids=lambda t: t.id)
def test_a_recruiters_note_never_speaks_of_her_in_the_third_person(template: Template) -> None:
    out = render(template, ctx(DANA))
    assert out.count("Dana") == 1 and out.startswith("Hi Dana,")
    assert "Fjord Health" in out and "Backend Engineer, Claims" in out
    assert "[" not in out


def test_the_reapply_question_asks_about_other_roles_and_a_waiting_period() -> None:
    for tid in ("tpl_recruiter_reapply", "tpl_recruiter_reapply_email"):
        out = render(BY_ID[tid], ctx(DANA, status=S.CONNECTED)).lower()
        assert "apply again" in out and "another role" in out and "level" in out
        assert "waiting period" in out
    assert BY_ID["tpl_recruiter_reapply"].channel is Channel.LINKEDIN_MESSAGE
    assert BY_ID["tpl_recruiter_reapply_email"].channel is Channel.EMAIL


def test_the_recruiters_invitation_fits_a_free_account() -> None:
    out = render(BY_ID["tpl_recruiter_invite"], ctx(DANA))
    assert not limit_status(out, 200)[2]


@given(
    st.sampled_from(list(S)),
    st.sampled_from(["", "x@y.example"]),
    st.sampled_from([None, 0, 6]),
    st.sampled_from(list(Stage)),
    st.integers(-5, 60),
    st.booleans(),
)
def test_no_one_but_the_recruiter_gets_a_recruiters_note(
    status: ConnectionStatus,
    email: str,
    months: int | None,
    stage: Stage,
    days: int,
    free: bool,
) -> None:
    settings = replace(ME, linkedin_free_account=free)
    context = ctx(LIAM, status=status, email=email, months=months, stage=stage)
    context = replace(context, settings=settings)
    context = replace(
        context, interview=replace(ROLE, stage=stage, rounds=(TODAY - timedelta(days=days),))
    )
    assert chosen(context) not in RECRUITER_IDS
    decision = [t for t in BUILTINS if t.kind is TouchKind.DECISION_NOTE]
    assert default_template(decision, context).id not in RECRUITER_IDS


# --- a panelist after the decision -------------------------------------------------------------


def test_a_panelist_not_connected_gets_the_invitation_that_fits_the_account() -> None:
    assert chosen(ctx(LIAM)) == "tpl_decision_invite"
    free = replace(ME, linkedin_free_account=True)
    assert chosen(ctx(LIAM, settings=free)) == "tpl_decision_invite_short"
    assert chosen(ctx(LIAM, status=S.CONNECTED)) == "tpl_decision_message"


@pytest.mark.parametrize(
    ("tid", "limit"), [("tpl_decision_invite", 300), ("tpl_decision_invite_short", 200)]
)
def test_the_panelists_invitation_says_it_all_within_its_limit(tid: str, limit: int) -> None:
    out = render(BY_ID[tid], ctx(LIAM))
    count, _, over = limit_status(out, limit)
    assert not over, count
    assert out.startswith("Hi Liam,")
    assert "Fjord Health" in out and "Backend Engineer, Claims" in out
    assert "Dana said" in out or "Dana let me know" in out  # heard from the recruiter
    assert "not a fit" in out
    assert "meeting you and the team" in out
    assert "connect" in out and ("stay in touch" in out or "keep in touch" in out)
    assert "[" not in out


def test_the_long_invitation_says_when() -> None:
    assert "three weeks ago" in render(BY_ID["tpl_decision_invite"], ctx(LIAM))


def test_the_panelists_message_names_the_recruiter_and_leaves_reapplying_to_her() -> None:
    out = render(BY_ID["tpl_decision_message"], ctx(LIAM, status=S.CONNECTED))
    assert "I heard from Dana" in out and "Fjord Health" in out
    assert "apply again" not in out and "waiting period" not in out


# --- a late decision, a pending invitation -----------------------------------------------------


@pytest.mark.parametrize("stage", [Stage.INTERVIEWED, Stage.AWAITING_DECISION])
def test_a_late_decision_gets_a_polite_nudge(stage: Stage) -> None:
    late = ctx(DANA, status=S.CONNECTED, stage=stage, days_since_round=11)
    assert chosen(late) == "tpl_nudge_message"
    by_email = ctx(DANA, email="d@f.example", stage=stage, days_since_round=11)
    assert chosen(by_email) == "tpl_nudge_email"
    # The review asks for a note of the kind OTHER: the nudge is the one among those.
    others = [t for t in BUILTINS if t.kind is TouchKind.OTHER]
    assert default_template(others, late).id == "tpl_nudge_message"
    out = render(BY_ID["tpl_nudge_message"], late)
    assert "news" in out and "Fjord Health" in out and "[" not in out


def test_no_nudge_before_the_decision_is_late() -> None:
    on_time = ctx(DANA, status=S.CONNECTED, stage=Stage.AWAITING_DECISION, days_since_round=10)
    assert not chosen(on_time).startswith("tpl_nudge")
    recent = ctx(DANA, status=S.CONNECTED, stage=Stage.INTERVIEWED, days_since_round=3)
    assert chosen(recent) == "tpl_thank_you"


def test_a_pending_invitation_gets_an_email_when_the_address_is_known() -> None:
    pending = NoteContext(replace(LIAM, status=S.INVITE_SENT, email="l@f.example"), ME, TODAY)
    assert chosen(pending) == "tpl_invite_pending_email"
    others = [t for t in BUILTINS if t.kind is TouchKind.OTHER]
    assert default_template(others, pending).id == "tpl_invite_pending_email"
    out = render(BY_ID["tpl_invite_pending_email"], pending)
    assert "[" not in out and "invitation" in out
    no_email = NoteContext(replace(LIAM, status=S.INVITE_SENT), ME, TODAY)
    assert chosen(no_email) != "tpl_invite_pending_email"


def test_with_a_recruiter_the_nudge_is_hers_alone() -> None:
    late = ctx(LIAM, status=S.CONNECTED, stage=Stage.AWAITING_DECISION, days_since_round=11)
    assert not chosen(late).startswith("tpl_nudge")
    assert late.interview is not None
    no_recruiter = replace(late, interview=replace(late.interview, recruiter_id=None))
    assert chosen(no_recruiter) == "tpl_nudge_message"
