"""Acme Cloud: a no half a year ago, and connections kept warm since."""

from __future__ import annotations

from ..domain import ConnectionStatus, Contact, Employment, TouchKind
from .cast import ELSEWHERE, EMAIL, INVITE, MESSAGE, Days, note, person


def people(days: Days) -> tuple[Contact, ...]:
    """Their contacts, in the order the demo lists them."""
    ago, acme = days.ago, days.acme
    S = ConnectionStatus  # short aliases keep the table readable
    K = TouchKind
    return (
        # Acme Cloud: a no half a year ago, and the connection has been kept warm since.
        person(
            "daniel",
            "Daniel Okafor",
            "Senior SRE",
            "Acme Cloud",
            S.CONNECTED,
            tags=("sre", "referrer"),
            tidbits=("Keen birdwatcher; spends his leave counting waders on the coast.",),
            touches=(
                note(
                    acme(-8),
                    K.THANK_YOU,
                    EMAIL,
                    "Thanks for the incident-review exercise, "
                    "Daniel. The best interview hour I've had in a while.",
                    interview="iv_acme_platform",
                ),
                note(
                    acme(2),
                    K.DECISION_NOTE,
                    MESSAGE,
                    "Not this time, but I learned a lot "
                    "from your questions. I hope our paths cross again.",
                    interview="iv_acme_platform",
                ),
                note(acme(2), K.INVITE, INVITE, "Hi Daniel, I'd love to stay in touch."),
                note(acme(3), K.INVITE_ACCEPTED, ELSEWHERE, "Accepted the invitation."),
                note(acme(3), K.REPLY, MESSAGE, "Glad to! Ping me when you reapply."),
                note(
                    ago(95),
                    K.EVENT,
                    EMAIL,
                    "Are you going to SREcon? I'll be at the Tuesday talks on alert fatigue.",
                    link="https://example.com/events/srecon",
                ),
                note(
                    ago(64),
                    K.PERSONAL,
                    MESSAGE,
                    "Hope the coast trip was good. Did the godwits turn up this year?",
                ),
                note(
                    ago(34),
                    K.ARTICLE,
                    MESSAGE,
                    "A clear write-up on error budgets that made me think of your SLO dashboards.",
                    link="https://example.com/articles/error-budgets-in-practice",
                ),
            ),
        ),
        person(
            "lukasz",
            "Łukasz Wróbel",
            "Principal Engineer",
            "Halcyon Pay",
            S.CONNECTED,
            company_since=ago(120),
            past=(Employment("Acme Cloud", "Staff Engineer", until=ago(121)),),
            tidbits=("Plays correspondence chess and challenged me to a game.",),
            touches=(
                note(
                    acme(-8),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you for the design round, Łukasz.",
                    interview="iv_acme_platform",
                ),
                note(
                    acme(2),
                    K.DECISION_NOTE,
                    MESSAGE,
                    "Acme went another way, but your round was a pleasure. Thank you!",
                    interview="iv_acme_platform",
                ),
                note(acme(2), K.INVITE, INVITE, "Hi Łukasz, may I connect?"),
                note(acme(4), K.INVITE_ACCEPTED, ELSEWHERE, "Accepted the invitation."),
                note(
                    ago(118),
                    K.COMPANY_NEWS,
                    MESSAGE,
                    "Congratulations on joining Halcyon "
                    "Pay! Their ledger rewrite sounds like your kind of problem.",
                    link="https://example.com/news/halcyon-ledger",
                ),
                note(
                    ago(70),
                    K.OTHER,
                    ELSEWHERE,
                    "Caught up at DevOpsDays; he said Halcyon is hiring backend engineers.",
                ),
                note(
                    ago(11),
                    K.THANK_YOU,
                    EMAIL,
                    "Thanks for the second round, Łukasz. Nice "
                    "to be on the same side of the table again.",
                    interview="iv_halcyon_backend",
                ),
            ),
        ),
        person(
            "oliver",
            "Oliver Grant",
            "Director of Engineering",
            "Acme Cloud",
            S.IGNORED,
            notes="Hiring manager. Left the first invitation unanswered and declined the "
            "second; leave it be.",
            touches=(
                note(
                    acme(-8),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you for your time, Oliver.",
                    interview="iv_acme_platform",
                ),
                note(acme(2), K.INVITE, INVITE, "Hi Oliver, thanks again for considering me."),
                note(
                    acme(45),
                    K.INVITE_WITHDRAWN,
                    INVITE,
                    "No answer after six weeks, so I withdrew the invitation.",
                ),
                note(acme(44), K.INVITE_IGNORED, ELSEWHERE, "No answer after six weeks."),
                note(acme(70), K.INVITE, INVITE, "Hi Oliver, may I try once more to connect?"),
                note(acme(75), K.INVITE_DECLINED, ELSEWHERE, "Declined the invitation."),
            ),
        ),
    )
