"""Fjord Analytics: a no three days ago, with feedback, and a panel owed a note."""

from __future__ import annotations

from ..domain import ConnectionStatus, Contact, TouchKind
from .cast import EMAIL, INVITE, MESSAGE, Days, note, person


def people(days: Days) -> tuple[Contact, ...]:
    """Their contacts, in the order the demo lists them."""
    ago = days.ago
    S = ConnectionStatus  # short aliases keep the table readable
    K = TouchKind
    return (
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
    )
