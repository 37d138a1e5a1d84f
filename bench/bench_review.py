"""How long the daily review takes over 10,000 interviews and 40,000 contacts.

Run with ``python bench/bench_review.py``; it builds the data in memory, prints figures (the best
of five runs of each call) and asserts nothing. Two shapes of data, both of that size:

- **steady**: someone who keeps up. Most people were written to within their cadence, decided
  interviews had their notes, a few rounds were this week: a few hundred items are due.
- **backlog**: every date at random over the last years, so about half of everyone is due at
  once (some 20,000 items). A worst case: the time then goes into building the items.

The target is well under 200 ms for ``due_items``. Also timed: what the main screen's markers
(``due_by_interview``), the review screen (``overview``) and ``followup today``
(``render_today``) each work out from the data.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Settings,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.review import due_by_interview, overview, render_today
from followup_tui.review.queue import due_items, invites_used, progress, upcoming

INTERVIEWS = 10_000
CONTACTS = 4 * INTERVIEWS  # a panel of three and a recruiter each
COMPANIES = 2_000
TODAY = date(2026, 11, 26)
S = ConnectionStatus
STATUSES = (
    [S.NOT_CONTACTED] * 8
    + [S.NOTE_DRAFTED, S.INVITE_SENT, S.INVITE_SENT, S.IGNORED]
    + [S.CONNECTED] * 6
    + [S.REPLIED] * 2
)
ROTATING = [
    TouchKind.ARTICLE,
    TouchKind.EVENT,
    TouchKind.COMPANY_NEWS,
    TouchKind.PERSONAL,
    TouchKind.REPLY,
    TouchKind.OTHER,
]
CLOSED = [Stage.REJECTED, Stage.REJECTED, Stage.DECLINED, Stage.ACCEPTED, Stage.WITHDRAWN]


def make_dataset(*, steady: bool, seed: int = 1) -> Dataset:
    """10,000 interviews at 2,000 companies, and their 40,000 people, as of TODAY."""
    rng = random.Random(seed)

    def ago(most: int) -> date:
        return TODAY - timedelta(days=rng.randrange(most))

    companies = tuple(
        Company(
            f"co_{i}",
            f"Company {i}",
            cooling_off_months=rng.choice([None, None, 6, 12]),
            cooling_off_source="careers page",
        )
        for i in range(COMPANIES)
    )
    interviews = []
    for i in range(INTERVIEWS):
        rounds = tuple(ago(1500) for _ in range(3))
        recent = max(rounds) > TODAY - timedelta(days=30)
        stage = (
            rng.choice([Stage.INTERVIEWED, Stage.AWAITING_DECISION])
            if recent or not steady
            else rng.choice(CLOSED)
        )
        interviews.append(
            Interview(
                f"iv_{i}",
                f"co_{i % COMPANIES}",
                "Senior Software Engineer",
                rounds=rounds,
                panel=tuple(f"ct_{4 * i + k}" for k in range(3)),
                recruiter_id=f"ct_{4 * i + 3}",
                stage=stage,
                decision_date=max(rounds) + timedelta(days=10),
                closure_received=rng.random() < 0.8,
            )
        )
    contacts = []
    for j in range(CONTACTS):
        interview = interviews[j // 4]
        last_round = max(interview.rounds)
        touches = (
            [
                Touch(
                    f"t_{j}_0",
                    last_round,
                    TouchKind.THANK_YOU,
                    Channel.EMAIL,
                    "Thanks!",
                    interview_id=interview.id,
                )
            ]
            if steady and rng.random() < 0.9
            else []
        )
        if steady and interview.stage in (Stage.REJECTED, Stage.DECLINED) and rng.random() < 0.97:
            touches.append(
                Touch(
                    f"t_{j}_1",
                    last_round + timedelta(days=11),
                    TouchKind.DECISION_NOTE,
                    Channel.LINKEDIN_INVITE,
                    "Thank you, let's keep in touch",
                    interview_id=interview.id,
                )
            )
        status = rng.choice(STATUSES)
        lately = 31 if steady and rng.random() < 0.97 else 400
        touches += [
            Touch(
                f"t_{j}_{k}",
                ago(lately),
                rng.choice(ROTATING),
                rng.choice(list(Channel)),
                "Saw this and thought of you",
            )
            for k in range(2, 2 + rng.randrange(1 if steady else 0, 4))
        ]
        if status is S.INVITE_SENT:
            touches.append(
                Touch(
                    f"t_{j}_9",
                    ago(15 if steady else 400),
                    TouchKind.INVITE,
                    Channel.LINKEDIN_INVITE,
                    "Glad we met; may I connect?",
                )
            )
        contacts.append(
            Contact(
                f"ct_{j}",
                f"Person {j} Surname",
                title="Engineering Manager",
                company=f"Company {j % COMPANIES}",
                status=status,
                tidbits=("runs marathons",) if j % 3 else (),
                touches=tuple(touches),
            )
        )
    return Dataset(Settings(), companies, tuple(interviews), tuple(contacts))


def timed(label: str, action: Callable[[], Any], runs: int = 5) -> Any:
    """Run ``action`` ``runs`` times and print the best time."""
    best, result = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - began)
    print(f"{label:<42} {1000 * best:8.1f} ms")
    return result


def main() -> None:
    """Print timings for the review's calls on both shapes of data."""
    for name, steady in (("steady", True), ("backlog", False)):
        dataset = make_dataset(steady=steady)
        items = timed(f"{name}: due_items", partial(due_items, dataset, TODAY))
        print(f"{name + ':   items due':<42} {len(items):8d}")
        for label, call in (
            ("upcoming (60 days)", upcoming),
            ("progress", progress),
            ("invites_used", invites_used),
            ("due_by_interview (main screen)", due_by_interview),
            ("overview (review screen)", overview),
            ("render_today (followup today)", render_today),
        ):
            timed(f"{name}: {label}", partial(call, dataset, TODAY))


if __name__ == "__main__":
    main()
