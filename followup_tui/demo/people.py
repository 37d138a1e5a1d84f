"""The people of the demo: interviewers and recruiters, with what was learned and what was sent.

Dates come in as ``today`` and the day Acme Cloud said no, and every touch is placed relative to
one of them. Each company's people have their own module, in the order the demo lists them.
"""

from __future__ import annotations

from datetime import date

from ..domain import Contact
from . import acme, fjord, later, recent
from .cast import Days


def demo_contacts(today: date, acme_no: date) -> tuple[Contact, ...]:
    """Fourteen people, from a panel met yesterday to a connection kept warm for half a year."""
    days = Days(today, acme_no)
    return (*recent.people(days), *fjord.people(days), *acme.people(days), *later.people(days))
