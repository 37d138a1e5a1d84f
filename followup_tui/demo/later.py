"""Halcyon Pay, Tessellate Games, Orchard Labs: an offer, a withdrawal, a panel to come."""

from __future__ import annotations

from ..domain import ConnectionStatus, Contact, TouchKind
from .cast import EMAIL, INVITE, MESSAGE, Days, note, person


def people(days: Days) -> tuple[Contact, ...]:
    """Their contacts, in the order the demo lists them."""
    ago = days.ago
    S = ConnectionStatus  # short aliases keep the table readable
    K = TouchKind
    return (
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
