"""Search results as ``followup search`` prints them: plain text for a terminal, or JSON.

Plain text fits 80 columns (counted in terminal cells), people first, then interviews; under
each record, the field it matched in and the words around the match. Characters a terminal acts
on, bidi controls among them, are shown as escapes (``\\u202e``).
"""

from __future__ import annotations

from typing import Any

from ..domain import WIDTH, Dataset, fit, terminal_safe
from .hits import SearchResult

_SEP = " · "


def render_search(result: SearchResult, width: int = WIDTH) -> str:
    """The hits as plain text, grouped, each line at most ``width`` cells."""
    if not result.hits:
        return "No matches."
    lines: list[str] = []
    for kind, heading, count in (
        ("contact", "People", result.people),
        ("interview", "Interviews", result.interviews),
    ):
        group = [hit for hit in result.hits if hit.kind == kind]
        if not group:
            continue
        shown = f"{len(group)} of {count}" if len(group) < count else str(count)
        lines += [*([""] if lines else []), f"{heading} ({shown})"]
        for hit in group:
            head = _SEP.join(p for p in (hit.title, hit.subtitle) if p)
            lines.append("  " + head)
            if hit.field and hit.snippet not in head:
                lines.append(f"      {hit.field}: {hit.snippet}")
    return "\n".join(fit(terminal_safe(line, lines=True), width) for line in lines)


def search_json(result: SearchResult, dataset: Dataset) -> list[dict[str, Any]]:
    """The hits as a list of JSON objects, in order, with each record's main fields."""
    contacts = {c.id: c for c in dataset.contacts}
    interviews = {i.id: i for i in dataset.interviews}
    companies = {c.id: c.name for c in dataset.companies}
    out = []
    for hit in result.hits:
        item: dict[str, Any] = {"kind": hit.kind, "id": hit.id}
        if hit.kind == "contact":
            contact = contacts[hit.id]
            item |= {"name": contact.name, "title": contact.title, "company": contact.company}
        else:
            iv = interviews[hit.id]
            item |= {
                "company": companies.get(iv.company_id, ""),
                "role": iv.role,
                "stage": iv.stage.value,
                "last_round": iv.last_round.isoformat() if iv.last_round else None,
            }
        out.append(
            item
            | {
                "field": hit.field,
                "snippet": hit.snippet,
                "spans": [list(span) for span in hit.spans],
                "score": hit.score,
            }
        )
    return out
