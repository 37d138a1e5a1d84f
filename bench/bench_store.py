"""How long the store takes with a big file: 10,000 interviews and 40,000 contacts.

Run with ``python bench/bench_store.py``; it prints figures and asserts nothing.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from followup_tui.domain import Company, Contact, Dataset, Interview, Touch, TouchKind
from followup_tui.store.store import Store

INTERVIEWS = 10_000
CONTACTS = 40_000
COMPANIES = 2_000


def make_dataset(seed: int = 1) -> Dataset:
    """A large, varied dataset, the same for a given seed."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    companies = tuple(
        Company(f"co_{i}", f"Company {i}", cooling_off_months=rng.choice([None, 6]))
        for i in range(COMPANIES)
    )
    contacts = tuple(
        Contact(
            f"ct_{i}",
            f"Person {i} Surname",
            title="Engineering Manager",
            company=f"Company {i % COMPANIES}",
            email=f"p{i}@example.com",
            linkedin=f"https://www.linkedin.com/in/person-{i}",
            tidbits=("runs marathons", "has two cats"),
            tags=("python", "backend"),
            notes="Met at the onsite; talked about distributed systems for a while.",
            touches=tuple(
                Touch(
                    f"t_{i}_{k}",
                    start + timedelta(days=rng.randrange(1500)),
                    TouchKind.THANK_YOU,
                    text="Thanks for your time today!",
                )
                for k in range(2)
            ),
        )
        for i in range(CONTACTS)
    )
    interviews = tuple(
        Interview(
            f"iv_{i}",
            f"co_{i % COMPANIES}",
            "Senior Software Engineer",
            level="L5",
            rounds=tuple(start + timedelta(days=rng.randrange(1500)) for _ in range(3)),
            panel=tuple(f"ct_{(4 * i + k) % CONTACTS}" for k in range(3)),
            recruiter_id=f"ct_{(4 * i + 3) % CONTACTS}",
            notes="Went well.",
            tags=("remote",),
        )
        for i in range(INTERVIEWS)
    )
    return Dataset(companies=companies, interviews=interviews, contacts=contacts)


def timed(label: str, action):  # type: ignore[no-untyped-def]
    """Run ``action`` once and print how long it took."""
    began = time.perf_counter()
    result = action()
    print(f"{label:<42} {1000 * (time.perf_counter() - began):8.1f} ms")
    return result


def main() -> None:
    """Print timings for load, put, flush and replace_all."""
    dataset = make_dataset()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "followup.json"
        with Store.open(path) as store:
            timed("replace_all (50k records)", lambda: store.replace_all(dataset))
            timed("flush", store.flush)
        print(f"{'file size':<42} {path.stat().st_size / 1e6:8.1f} MB")
        store = timed("open (load + validate)", lambda: Store.open(path))
        contact = store.contacts["ct_123"]
        began = time.perf_counter()
        for n in range(1000):
            store.put(Contact(contact.id, contact.name, notes=f"edit {n}"))
        print(f"{'put (mean of 1000, existing id)':<42} {(time.perf_counter() - began):8.3f} ms")
        timed("delete_contact (cascade over interviews)", lambda: store.delete_contact("ct_5"))
        timed("flush after edits", store.flush)
        timed("dataset() snapshot", store.dataset)
        store.close()


if __name__ == "__main__":
    main()
