"""Kestrel Robotics and Lumen Health: a round yesterday, and a decision awaited."""

from __future__ import annotations

from ..domain import ConnectionStatus, Contact, TouchKind
from .cast import EMAIL, INVITE, Days, note, person


def people(days: Days) -> tuple[Contact, ...]:
    """Their contacts, in the order the demo lists them."""
    today, ago = days.today, days.ago
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
    )
