"""The people of the demo: interviewers and recruiters, with what was learned and what was sent.

Split from :mod:`followup_tui.demo` so each file reads as one thing. Dates come in as ``today``
and the day Acme Cloud said no, and every touch is placed relative to one of them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ..domain import Channel, ConnectionStatus, Contact, Employment, Touch, TouchKind, TouchStatus

EMAIL = Channel.EMAIL
MESSAGE = Channel.LINKEDIN_MESSAGE
INVITE = Channel.LINKEDIN_INVITE
ELSEWHERE = Channel.OTHER


def note(
    on: date,
    kind: TouchKind,
    channel: Channel,
    text: str,
    *,
    link: str = "",
    interview: str | None = None,
    draft: bool = False,
) -> Touch:
    """One touch; :func:`person` gives it its id."""
    return Touch(
        id="tc",
        date=on,
        kind=kind,
        channel=channel,
        text=text,
        link=link,
        status=TouchStatus.DRAFT if draft else TouchStatus.SENT,
        interview_id=interview,
    )


def person(
    key: str,
    name: str,
    title: str,
    company: str,
    status: ConnectionStatus,
    touches: tuple[Touch, ...] = (),
    **more: Any,
) -> Contact:
    """A contact ``ct_<key>`` whose touches are numbered ``tc_<key>_1``, ``tc_<key>_2``, ..."""
    numbered = tuple(replace(t, id=f"tc_{key}_{i}") for i, t in enumerate(touches, 1))
    domain = company.lower().replace(" ", "")
    return Contact(
        id=f"ct_{key}",
        name=name,
        title=title,
        company=company,
        status=status,
        email=f"{key}@{domain}.example",
        linkedin=f"https://example.com/in/{key}",
        touches=numbered,
        **more,
    )


def demo_contacts(today: date, acme_no: date) -> tuple[Contact, ...]:
    """Fourteen people, from a panel met yesterday to a connection kept warm for half a year."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    def acme(days: int) -> date:
        return acme_no + timedelta(days=days)

    S = ConnectionStatus  # short aliases keep the table readable
    K = TouchKind
    return (
        # Kestrel Robotics: the final round was yesterday and no one has been thanked yet.
        person(
            "jose",
            "José Álvarez-Núñez",
            "Engineering Manager",
            "Kestrel Robotics",
            S.NOT_CONTACTED,
            tags=("hiring-manager",),
            tidbits=("Runs the monthly Rust meetup downtown and is always after speakers.",),
        ),
        person(
            "yoko",
            "田中 陽子",
            "Senior Robotics Engineer",
            "Kestrel Robotics",
            S.NOT_CONTACTED,
            tidbits=("Training for her first full marathon; long runs every Sunday.",),
        ),
        person(
            "priya",
            "Priya Raman",
            "Staff Engineer",
            "Kestrel Robotics",
            S.NOT_CONTACTED,
            notes="Asked the sharpest question of the day, about back-pressure in the fleet "
            "telemetry pipeline.",
        ),
        # Lumen Health: still waiting to hear, sixteen days after the last round.
        person(
            "anna",
            "Анна Смирнова",
            "Head of Data",
            "Lumen Health",
            S.REPLIED,
            tidbits=(
                "Relocating from Berlin to Lisbon in a few months; asked about "
                "good neighbourhoods.",
            ),
            touches=(
                note(
                    ago(15),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you for the candid talk about the data platform roadmap, Anna.",
                    interview="iv_lumen_data",
                ),
                note(
                    ago(14),
                    K.REPLY,
                    EMAIL,
                    "Thanks Sam, lovely to meet you. We hope to have news by the end of next week.",
                    interview="iv_lumen_data",
                ),
            ),
        ),
        person(
            "marcus",
            "Marcus Bell",
            "Senior Data Engineer",
            "Lumen Health",
            S.NOTE_DRAFTED,
            tidbits=("Became a dad the week before the interview: a daughter, Ivy.",),
            touches=(
                note(
                    ago(15),
                    K.THANK_YOU,
                    EMAIL,
                    "Thanks for walking me through your dbt "
                    "setup, Marcus, and congratulations again!",
                    interview="iv_lumen_data",
                ),
                note(
                    today,
                    K.INVITE,
                    INVITE,
                    "Hi Marcus, I enjoyed our chat about lineage "
                    "tooling and would like to stay in touch. Hope Ivy lets you sleep!",
                    draft=True,
                ),
            ),
        ),
        # Fjord Analytics: a no three days ago, with feedback; the panel has not had a note yet.
        person(
            "soren",
            "Søren Kjær",
            "Principal Engineer",
            "Fjord Analytics",
            S.CONNECTED,
            tags=("platform",),
            tidbits=("Opening a microbrewery with his brother; first batch is a rye pale ale.",),
            touches=(
                note(
                    ago(18),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you for the whiteboard session on multi-region failover, Søren.",
                    interview="iv_fjord_platform",
                ),
                note(
                    ago(18),
                    K.INVITE,
                    INVITE,
                    "Hi Søren, thanks for today. I'd be glad to "
                    "keep in touch, whatever the outcome.",
                ),
                note(
                    ago(17),
                    K.REPLY,
                    MESSAGE,
                    "Accepted, and good luck! Come by the brewery when it opens.",
                ),
            ),
        ),
        person(
            "zoe",
            "Zoë Müller",
            "Engineering Manager",
            "Fjord Analytics",
            S.INVITE_SENT,
            tidbits=("Coaches her daughter's under-10 football team on Saturday mornings.",),
            touches=(
                note(
                    ago(18),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you, Zoë, for the honest picture of on-call at Fjord.",
                    interview="iv_fjord_platform",
                ),
                note(
                    ago(17),
                    K.INVITE,
                    INVITE,
                    "Hi Zoë, I enjoyed our talk about sustainable on-call. May I connect?",
                ),
            ),
        ),
        person(
            "noa",
            "נועה כהן",
            "Technical Recruiter",
            "Fjord Analytics",
            S.CONNECTED,
            tags=("recruiter",),
            phone="+1 555 0142",
            touches=(
                note(
                    ago(45),
                    K.INVITE,
                    INVITE,
                    "Hi Noa, thanks for reaching out about the "
                    "Staff Platform role. Happy to connect.",
                ),
                note(
                    ago(3),
                    K.REPLY,
                    EMAIL,
                    "Sorry Sam, the team chose another candidate. "
                    "Written feedback is below; they'd like to hear from you again.",
                    interview="iv_fjord_platform",
                ),
            ),
        ),
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
            notes="Hiring manager. Never accepted the invitation (withdrawn); leave it be.",
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
            ),
        ),
        # Halcyon Pay: an offer on the table.
        person(
            "amara",
            "Amara Nwosu",
            "VP Engineering",
            "Halcyon Pay",
            S.CONNECTED,
            tags=("hiring-manager",),
            touches=(
                note(
                    ago(11),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you, Amara, for the time and the clear picture of the team.",
                    interview="iv_halcyon_backend",
                ),
                note(ago(11), K.INVITE, INVITE, "Hi Amara, glad we met today."),
                note(
                    ago(4),
                    K.REPLY,
                    EMAIL,
                    "The offer letter is on its way. Take the time you need.",
                    interview="iv_halcyon_backend",
                ),
            ),
        ),
        # Tessellate Games: withdrew months ago, and the hiring manager became a connection.
        person(
            "leila",
            "ليلى حداد",
            "Head of Tools Engineering",
            "Tessellate Games",
            S.CONNECTED,
            cadence_days=45,
            tags=("games", "mentor"),
            tidbits=(
                "Recommended a book on game design; says the chapter on playtesting "
                "applies to internal tools too.",
            ),
            touches=(
                note(
                    ago(131),
                    K.THANK_YOU,
                    EMAIL,
                    "Thank you, Leila, for the studio tour.",
                    interview="iv_tessellate_lead",
                ),
                note(
                    ago(119),
                    K.DECISION_NOTE,
                    EMAIL,
                    "I've withdrawn because of the move, but I'd love to keep in touch.",
                    interview="iv_tessellate_lead",
                ),
                note(ago(119), K.INVITE, INVITE, "Hi Leila, hope we stay in touch."),
                note(
                    ago(110),
                    K.REPLY,
                    MESSAGE,
                    "Of course. We open remote roles now and then; I'll tell you.",
                ),
                note(
                    ago(80),
                    K.PERSONAL,
                    MESSAGE,
                    "Finished the book you recommended. The "
                    "playtesting chapter changed how I write design docs.",
                ),
                note(
                    ago(50),
                    K.EVENT,
                    MESSAGE,
                    "The Build Tools Summit has a track on asset pipelines. Are you going?",
                    link="https://example.com/events/build-tools-summit",
                ),
            ),
        ),
        # Orchard Labs: the panel is in a few days; the recruiter confirmed.
        person(
            "mateo",
            "Mateo Rossi",
            "Talent Partner",
            "Orchard Labs",
            S.REPLIED,
            tags=("recruiter",),
            touches=(
                note(
                    ago(6),
                    K.REPLY,
                    EMAIL,
                    "Confirmed: three interviews back to back, video links to follow.",
                    interview="iv_orchard_devex",
                ),
            ),
        ),
    )
