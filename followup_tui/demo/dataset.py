"""A demo dataset that shows everything followup tracks, on whatever day it is built.

Every date is counted from ``today``, so the demo always has a panel to thank, a decision that is
overdue, a rejection to answer, connections due for their monthly note, an invitation left
pending, and a company you may apply to again. The function is pure: same day, same dataset.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..domain import (
    Company,
    Dataset,
    Feedback,
    FeedbackAbout,
    Interview,
    Settings,
    Stage,
    add_months,
)
from .people import demo_contacts

#: Acme Cloud asks rejected candidates to wait this long before applying again.
ACME_COOLING_OFF_MONTHS = 6

COMPANIES = (
    Company("co_kestrel", "Kestrel Robotics", notes="Warehouse robots; about 400 people."),
    Company("co_lumen", "Lumen Health"),
    Company("co_fjord", "Fjord Analytics", notes="Copenhagen HQ, remote-friendly for platform."),
    Company(
        "co_acme",
        "Acme Cloud",
        cooling_off_months=ACME_COOLING_OFF_MONTHS,
        cooling_off_source="Recruiter said on the phone: wait six months, then reapply",
    ),
    Company("co_halcyon", "Halcyon Pay"),
    Company("co_tessellate", "Tessellate Games"),
    Company("co_orchard", "Orchard Labs", notes="Developer tools; series B last year."),
)

SETTINGS = Settings(your_name="Sam Rivera", signature="Sam Rivera\nBackend & platform engineer")


def acme_decision_date(today: date) -> date:
    """The day Acme Cloud said no, placed so that the cooling-off period ends about now.

    Counting six months back from tomorrow and forward again can land up to three days early,
    because of month ends (31 Aug - 6 months = 28 Feb, + 6 months = 28 Aug), so the day to
    reapply is always between the day before yesterday and tomorrow.
    """
    return add_months(today + timedelta(days=1), -ACME_COOLING_OFF_MONTHS)


def demo_interviews(today: date, acme_no: date) -> tuple[Interview, ...]:
    """Eight applications, one or more at every stage that needs attention."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    def acme(days: int) -> date:
        return acme_no + timedelta(days=days)

    return (
        Interview(
            "iv_kestrel_fleet",
            "co_kestrel",
            "Backend Engineer, Fleet Platform",
            level="Senior",
            rounds=(ago(15), ago(8), ago(1)),
            panel=("ct_jose", "ct_yoko", "ct_priya"),
            stage=Stage.INTERVIEWED,
            tags=("robotics", "onsite"),
            notes="Final onsite yesterday: system design, pairing, and a chat with José about "
            "the team. Send thank-yous while it is fresh.",
        ),
        Interview(
            "iv_lumen_data",
            "co_lumen",
            "Data Platform Engineer",
            level="L5",
            rounds=(ago(30), ago(16)),
            panel=("ct_anna", "ct_marcus"),
            stage=Stage.AWAITING_DECISION,
            tags=("data", "healthcare"),
            notes="Anna promised news within ten days. Worth a gentle nudge.",
        ),
        Interview(
            "iv_fjord_platform",
            "co_fjord",
            "Staff Platform Engineer",
            level="Staff",
            rounds=(ago(40), ago(26), ago(19)),
            panel=("ct_soren", "ct_zoe"),
            recruiter_id="ct_noa",
            stage=Stage.REJECTED,
            decision_date=ago(3),
            closure_received=True,
            feedback=(
                Feedback(
                    FeedbackAbout.ROLE,
                    asked_on=ago(3),
                    received_on=ago(2),
                    text="Strong system design and communication. They wanted more hands-on "
                    "experience running Kubernetes at large scale.",
                ),
                Feedback(
                    FeedbackAbout.TEAM,
                    asked_on=ago(3),
                    received_on=ago(2),
                    text="The platform team is small and needs someone who has been on call "
                    "for it before.",
                ),
            ),
            notes="Noa called first, then sent written feedback. The new platform team may "
            "open a role later on.",
            tags=("platform", "feedback"),
        ),
        Interview(
            "iv_acme_platform",
            "co_acme",
            "Platform Engineer",
            level="L5",
            rounds=(acme(-30), acme(-16), acme(-9)),
            panel=("ct_daniel", "ct_lukasz", "ct_oliver"),
            stage=Stage.REJECTED,
            decision_date=acme_no,
            closure_received=True,
            feedback=(
                Feedback(
                    FeedbackAbout.COMPANY,
                    asked_on=acme(1),
                    received_on=acme(2),
                    text="Company policy: no detailed feedback. Welcome to reapply after six "
                    "months.",
                ),
            ),
            notes="Daniel offered to refer me next time.",
            tags=("platform", "reapply"),
        ),
        Interview(
            "iv_halcyon_backend",
            "co_halcyon",
            "Senior Backend Engineer, Ledger",
            level="L6",
            rounds=(ago(25), ago(12)),
            panel=("ct_lukasz", "ct_amara"),
            stage=Stage.OFFER,
            decision_date=ago(4),
            tags=("payments", "offer"),
            notes="Offer arrived; answer within two weeks. Ask about the on-call rota.",
        ),
        Interview(
            "iv_tessellate_lead",
            "co_tessellate",
            "Engineering Lead, Tools",
            level="Lead",
            rounds=(ago(140), ago(132)),
            panel=("ct_leila",),
            stage=Stage.WITHDRAWN,
            decision_date=ago(120),
            notes="Withdrew: the role needed a move to Montréal.",
        ),
        Interview(
            "iv_tessellate_remote",
            "co_tessellate",
            "Senior Tools Engineer (remote)",
            level="Senior",
            stage=Stage.APPLIED,
            tags=("games", "remote"),
            notes="Leila flagged this opening; applied through the careers page.",
        ),
        Interview(
            "iv_orchard_devex",
            "co_orchard",
            "Developer Experience Engineer",
            level="Senior",
            rounds=(ago(-3),),
            recruiter_id="ct_mateo",
            stage=Stage.SCHEDULED,
            tags=("devex",),
            notes="Prepare: try their CLI, read the plugin API docs, bring questions.",
        ),
    )


def demo_dataset(today: date) -> Dataset:
    """Return the demo dataset as it looks on ``today``."""
    acme_no = acme_decision_date(today)
    return Dataset(
        settings=SETTINGS,
        companies=tuple(
            replace(c, cooling_off_learned_on=acme_no + timedelta(days=2))
            if c.cooling_off_months is not None
            else c
            for c in COMPANIES
        ),
        interviews=demo_interviews(today, acme_no),
        contacts=demo_contacts(today, acme_no),
    )
