"""What the daily review draws: queue lines, the day's head, the empty state, an item's detail.

Functions from the review's values to :class:`~textual.content.Content`, kept apart from the
screen's keys and state in :mod:`.review`.
"""

from __future__ import annotations

from textual.content import Content

from ...review import ItemKind, Overview, ReviewItem, by_kind

KIND_LABEL = {
    ItemKind.THANK_YOU: "thank-you",
    ItemKind.DECISION_NOTE: "post-decision note",
    ItemKind.KEEP_IN_TOUCH: "keep in touch",
    ItemKind.INVITE_PENDING: "invitation pending",
    ItemKind.DECISION_OVERDUE: "decision overdue",
    ItemKind.REAPPLY_OPEN: "reapply window",
}


def item_content(item: ReviewItem) -> Content:
    """One queue line: overdue marker, kind, who and where."""
    who = item.contact or item.company
    return Content.assemble(
        ("● " if item.overdue else "  ", "bold $warning"),
        (f"{KIND_LABEL[item.kind]:<19}", "$accent"),
        (who, "bold"),
        (f" · {item.company}" if item.contact else "", "$text-muted"),
    )


def head_content(view: Overview) -> Content:
    """The day, the progress, the invitations, the counts by kind and any advice."""
    counts = "  ".join(
        f"{KIND_LABEL[kind]} {len(items)}" for kind, items in by_kind(view.items).items() if items
    )
    invites = f"invitations this month {view.invites}" + (
        f"/{view.budget}" if view.budget is not None else ""
    )
    head = [
        Content.assemble(
            ("Daily review", "bold"),
            f" · {view.today:%A %d %B %Y} · ",
            (f"{view.done} of {view.total} done today", "bold $success"),
            f" · {invites}",
        )
    ]
    if counts:
        head.append(Content.styled(f"\n{counts}", "$text-muted"))
    if view.advice:
        head.append(Content.styled(f"\n{view.advice}", "$warning"))
    return Content("").join(head)


def empty_content(view: Overview) -> Content:
    """Nothing due: what comes next, and the way back."""
    nxt = view.upcoming
    then = (
        f"Next: {KIND_LABEL[nxt.kind]} for {nxt.contact or nxt.company} on {nxt.since:%a %d %b}."
        if nxt
        else "Nothing is coming up either."
    )
    return Content(f"Nothing due today. {then}\n\nPress Esc to go back.")


def item_detail(item: ReviewItem | None) -> Content:
    """What the item asks for: kind and due day, summary, suggestion."""
    if item is None:
        return Content("")
    lines = [
        Content.assemble(
            (KIND_LABEL[item.kind].capitalize(), "bold $accent"),
            f" · due {item.due:%a %d %b}",
            (" (overdue)" if item.overdue else "", "$warning"),
        ),
        Content(item.summary),
    ]
    if item.suggestion:
        lines.append(Content.styled(item.suggestion, "italic"))
    return Content("\n").join(lines)
