"""How fast search answers a keystroke over 10,000 interviews and 40,000 contacts.

Run with ``python bench/bench_search.py``; it builds realistic data in memory (accented names,
titles, tidbits, notes and touches), times the index build, then types each query one
keystroke at a time and prints the median, p95 and worst time per keystroke, the time to clear
the query back to everything, and the time of one incremental update. It asserts nothing.
Targets: median <= 5 ms, worst <= 20 ms per keystroke, with the app's limit of 50 per group.
Then it times pasted queries, from 200 characters to a million, which are cut to the query
limits (issue 9): no paste may cost more than the worst keystroke.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from dataclasses import replace
from datetime import date, timedelta

from followup_tui.domain import Company, Contact, Interview, Stage, Touch
from followup_tui.search import SearchIndex

INTERVIEWS, CONTACTS, COMPANIES = 10_000, 40_000, 2_000
LIMIT = 50
TODAY = date(2026, 11, 26)
FIRST = [
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Anna",
    "Marcus",
    "Priya",
    "Yoko",
    "Daniel",
    "Leila",
    "Mateo",
    "Noa",
    "Amara",
    "Oliver",
    "Chloé",
    "François",
    "Björn",
    "Ana",
    "Jürgen",
    "Sam",
    "Maria",
    "John",
    "Wei",
    "Fatima",
    "Ingrid",
    "Kofi",
    "Aoife",
    "Raúl",
    "Emma",
]
LAST = [
    "Álvarez-Núñez",
    "Müller",
    "Wróbel",
    "Kjær",
    "Schmidt",
    "Okafor",
    "Raman",
    "Tanaka",
    "Grant",
    "Haddad",
    "Bell",
    "Nwosu",
    "Dubois",
    "Johansson",
    "García",
    "Smith",
    "Chen",
    "Kowalski",
    "Ó Briain",
    "Lindqvist",
    "Novák",
    "Rossi",
    "Silva",
    "Brown",
    "Öztürk",
]
TITLES = [
    "Engineering Manager",
    "Staff Engineer",
    "Principal Engineer",
    "Senior SRE",
    "Recruiter",
    "Talent Partner",
    "VP Engineering",
    "Director of Engineering",
    "Product Manager",
    "Data Scientist",
    "Tech Lead",
]
ROLES = [
    "Backend Engineer",
    "Platform Engineer",
    "Staff Platform Engineer",
    "Data Engineer",
    "Senior Software Engineer",
    "Engineering Lead",
    "Site Reliability Engineer",
]
TIDBITS = [
    "Opening a microbrewery with his brother",
    "Training for a marathon",
    "Runs the monthly Rust meetup",
    "Keen birdwatcher",
    "Plays correspondence chess",
    "Just back from parental leave",
    "Learning Japanese",
    "Coaches under-10 football",
]
NOTES = [
    "Great conversation about distributed systems and on-call.",
    "Asked about the team's roadmap; promised to share a paper on consensus.",
    "Follow up after the offsite.",
    "",
]
WORDS = [
    "Acme",
    "Kestrel",
    "Fjord",
    "Halcyon",
    "Lumen",
    "Orchard",
    "Tessellate",
    "Nimbus",
    "Quartz",
    "Borealis",
    "Cobalt",
    "Meridian",
    "Zephyr",
    "Aurora",
    "Vertex",
]
QUERIES = [
    "jose",
    "eng man",
    "microbrew",
    "company:acme eng",
    "stage:rejected",
    "muler",
    "alvarez",
    "sam smith",
    "platform",
    "e",
]


def make(rng: random.Random) -> tuple[dict[str, Company], dict[str, Interview], dict[str, Contact]]:
    """The data, as the store's mappings."""
    companies = {
        f"co_{i}": Company(f"co_{i}", f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}")
        for i in range(COMPANIES)
    }
    interviews = {}
    for i in range(INTERVIEWS):
        rounds = tuple(TODAY - timedelta(days=rng.randrange(1500)) for _ in range(3))
        interviews[f"iv_{i}"] = Interview(
            f"iv_{i}",
            f"co_{i % COMPANIES}",
            rng.choice(ROLES),
            rounds=rounds,
            panel=tuple(f"ct_{4 * i + k}" for k in range(3)),
            recruiter_id=f"ct_{4 * i + 3}",
            stage=rng.choice(list(Stage)),
            notes=rng.choice(NOTES),
            tags=("remote",) * (i % 2),
        )
    contacts = {}
    for j in range(CONTACTS):
        contacts[f"ct_{j}"] = Contact(
            f"ct_{j}",
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            title=rng.choice(TITLES),
            company=companies[f"co_{(j // 4) % COMPANIES}"].name,
            tidbits=(rng.choice(TIDBITS),) if j % 3 == 0 else (),
            notes=rng.choice(NOTES),
            touches=tuple(
                Touch(f"t_{j}_{k}", TODAY, text="Saw this and thought of you")
                for k in range(rng.randrange(3))
            ),
        )
    return companies, interviews, contacts


def pastes(rng: random.Random) -> dict[str, str]:
    """Pasted queries: the worst that fits the limits, then far past them."""
    page = " ".join(rng.choice(NOTES) for _ in range(20_000))
    return {
        "'a o' (typed, for comparison)": "a o",
        "200 characters of notes": page[:200],
        "8 one-letter words": "a n c k p t l r",
        "a 1,000,000-letter word": "abcdefghij" * 100_000,
        "1,000,000 characters of notes": page[:1_000_000],
        "1,000,000 characters of 'e '": "e " * 500_000,
    }


def ms(seconds: float) -> str:
    return f"{1000 * seconds:7.2f} ms"


def main() -> None:
    """Print the figures."""
    companies, interviews, contacts = make(random.Random(1))
    began = time.perf_counter()
    index = SearchIndex.build(companies, interviews, contacts)
    # Long-lived data: keep the garbage collector from walking it on every full collection,
    # as the app does after loading (a full pass over 50,000 records costs tens of ms).
    gc.collect()
    gc.freeze()
    print(
        f"build ({INTERVIEWS:,} interviews, {CONTACTS:,} contacts)  "
        f"{ms(time.perf_counter() - began)}"
    )
    times: list[float] = []
    for query in QUERIES:
        worst = 0.0
        for end in range(1, len(query) + 1):
            began = time.perf_counter()
            index.search(query[:end], limit=LIMIT)
            took = time.perf_counter() - began
            times.append(took)
            worst = max(worst, took)
        print(f"  {query!r:<22} worst keystroke {ms(worst)}")
    times.sort()
    print(
        f"per keystroke ({len(times)}):  median {ms(statistics.median(times))}  "
        f"p95 {ms(times[int(0.95 * len(times))])}  max {ms(times[-1])}"
    )
    clears = []
    for _ in range(20):
        began = time.perf_counter()
        index.search("", limit=LIMIT)
        clears.append(time.perf_counter() - began)
    print(
        f"clear to empty (all items):  median {ms(statistics.median(clears))}  "
        f"max {ms(max(clears))}"
    )
    for name, pasted in pastes(random.Random(2)).items():
        for limit in (LIMIT, 100):  # the bench's limit, then the search screen's
            took = []
            for _ in range(5):
                began = time.perf_counter()
                index.search(pasted, limit=limit)
                took.append(time.perf_counter() - began)
            print(
                f"pasted {name:<32} limit {limit:>3}:  median {ms(statistics.median(took))}  "
                f"max {ms(max(took))}"
            )
    updates = []
    for i in range(200):
        interview = interviews[f"iv_{i}"]
        began = time.perf_counter()
        index.update_interview(replace(interview, notes=interview.notes + " edited"))
        updates.append(time.perf_counter() - began)
    contact_updates = []
    for j in range(200):
        contact = contacts[f"ct_{j}"]
        began = time.perf_counter()
        index.update_contact(replace(contact, name=contact.name + " Jr"))
        contact_updates.append(time.perf_counter() - began)
    print(f"update one interview:  median {ms(statistics.median(updates))}  max {ms(max(updates))}")
    print(
        f"rename one contact:    median {ms(statistics.median(contact_updates))}  "
        f"max {ms(max(contact_updates))}"
    )


if __name__ == "__main__":
    main()
