"""Data shaped like a real job search, seeded, at any size: what every benchmark measures on.

N interviews at N/5 companies. Each company has a pool of about 12 people, and each interview
draws 3 to 5 panel members and a recruiter from its company's pool, so people sit on about two
panels each (about 2.2 N people in all). Each person has 1 to 3 tidbits of 40 to 200 characters
and 1 to 4 touches of 150 to 600 characters; each interview has notes of 200 to 1,000
characters. Names are accented. Most people are caught up, as a real user is: their last note
went out within their cadence. ``backlog=True`` spreads every date at random instead.

Run ``python bench/shape.py 10000 /tmp/followup-10k.json`` to write a data file (through the
real store) for trying the app by hand: ``followup --db /tmp/followup-10k.json``.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Stage,
    Touch,
    TouchKind,
)

TODAY = date(2026, 11, 26)
POOL = 12
FIRST = "José Zoë Łukasz Søren Anna Marcus Priya Yoko Daniel Leila Mateo Noa Amara Oliver Chloé "
FIRST += "François Björn Ana Jürgen Sam Maria John Wei Fatima Ingrid Kofi Aoife Raúl Emma Dana"
LAST = "Álvarez-Núñez Müller Wróbel Kjær Schmidt Okafor Raman Tanaka Grant Haddad Bell Nwosu "
LAST += "Dubois Johansson García Smith Chen Kowalski Lindqvist Novák Rossi Silva Brown Öztürk"
TITLES = (
    "Engineering Manager",
    "Staff Engineer",
    "Principal Engineer",
    "Senior SRE",
    "VP Engineering",
    "Director of Engineering",
    "Product Manager",
    "Data Scientist",
    "Tech Lead",
)
ROLES = (
    "Backend Engineer",
    "Platform Engineer",
    "Staff Platform Engineer",
    "Data Engineer",
    "Senior Software Engineer",
    "Engineering Lead",
    "Site Reliability Engineer",
)
WORDS = [
    "the",
    "team",
    "talked",
    "about",
    "on-call",
    "rotations,",
    "service",
    "ownership",
    "and",
    "how",
    "incidents",
    "are",
    "reviewed;",
    "we",
    "compared",
    "notes",
    "on",
    "migrating",
    "a",
    "monolith,",
    "the",
    "trade-offs",
    "of",
    "event",
    "sourcing,",
    "a",
    "conference",
    "talk",
    "on",
    "consensus,",
    "their",
    "football",
    "club's",
    "season,",
    "a",
    "new",
    "microbrewery",
    "opening",
    "downtown,",
    "mentoring",
    "juniors,",
    "hiring",
    "loops,",
    "the",
    "roadmap",
    "for",
    "next",
    "year",
    "and",
    "a",
    "paper",
    "worth",
    "reading",
]
COMPANY_WORDS = "Acme Kestrel Fjord Halcyon Lumen Orchard Tessellate Nimbus Quartz Borealis"
COMPANY_WORDS += " Cobalt Meridian Zephyr Aurora Vertex Northwind Contoso Fabrikam Tailspin"
STAGES = (Stage.REJECTED, Stage.REJECTED, Stage.REJECTED, Stage.INTERVIEWED, Stage.OFFER)


def prose(rng: random.Random, low: int, high: int) -> str:
    """A sentence-like text between ``low`` and ``high`` characters long."""
    target = rng.randint(low, high)
    words: list[str] = []
    length = 0
    while length < target:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:target].rstrip()
    return text[0].upper() + text[1:] + "."


def dataset(n: int, *, seed: int = 7, backlog: bool = False) -> Dataset:
    """``n`` interviews, shaped as the module says."""
    rng = random.Random(seed)
    firsts, lasts = FIRST.split(), LAST.split()
    brands = COMPANY_WORDS.split()
    companies = [
        Company(f"co{i}", f"{brands[i % len(brands)]} {i // len(brands) or ''}".strip())
        for i in range(max(1, n // 5))
    ]
    contacts: list[Contact] = []
    pools: list[list[str]] = []
    for company in companies:
        pool = []
        for _ in range(POOL):
            cid = f"ct{len(contacts)}"
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            recruiter = len(pool) == 0
            contacts.append(
                Contact(
                    cid,
                    name,
                    title="Recruiter" if recruiter else rng.choice(TITLES),
                    company=company.name,
                    email=f"{cid}@example.com" if rng.random() < 0.5 else "",
                    tidbits=tuple(prose(rng, 40, 200) for _ in range(rng.randint(1, 3))),
                    status=ConnectionStatus.CONNECTED,
                )
            )
            pool.append(cid)
        pools.append(pool)
    interviews = []
    used: set[str] = set()
    for i in range(n):
        c = i % len(companies)
        pool = pools[c]
        day = TODAY - timedelta(days=rng.randint(1, 3 * 365))
        panel = tuple(rng.sample(pool[1:], rng.randint(3, 5)))
        used.update(panel)
        used.add(pool[0])
        stage = rng.choice(STAGES)
        interviews.append(
            Interview(
                f"iv{i}",
                companies[c].id,
                rng.choice(ROLES),
                rounds=(day,),
                panel=panel,
                recruiter_id=pool[0],
                stage=stage,
                decision_date=day + timedelta(days=10) if stage is not Stage.INTERVIEWED else None,
                notes=prose(rng, 200, 1000),
            )
        )
    people = []
    for contact in contacts:
        if contact.id not in used:
            continue
        count = rng.randint(1, 4)
        if backlog:
            days = sorted(rng.randint(1, 3 * 365) for _ in range(count))
        else:  # caught up: the latest note went out within the month
            days = sorted({rng.randint(1, 25), *(rng.randint(30, 3 * 365) for _ in range(count))})
        touches = tuple(
            Touch(
                f"{contact.id}t{k}",
                TODAY - timedelta(days=d),
                TouchKind.ARTICLE if k else TouchKind.THANK_YOU,
                Channel.LINKEDIN_MESSAGE,
                prose(rng, 150, 600),
            )
            for k, d in enumerate(sorted(days, reverse=True))
        )
        people.append(Contact(**{**_fields(contact), "touches": touches}))
    return Dataset(companies=tuple(companies), interviews=tuple(interviews), contacts=tuple(people))


def _fields(contact: Contact) -> dict[str, object]:
    return {name: getattr(contact, name) for name in contact.__dataclass_fields__}


def write(n: int, path: Path, *, seed: int = 7, backlog: bool = False) -> Path:
    """Write the data for ``n`` interviews to ``path`` through the real store."""
    from followup_tui.store import Store

    with Store.open(path) as store:
        store.replace_all(dataset(n, seed=seed, backlog=backlog))
    return path


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    write(size, target, backlog="--backlog" in sys.argv)
    print(f"{target}: {size} interviews, {target.stat().st_size / 1e6:.1f} MB")
