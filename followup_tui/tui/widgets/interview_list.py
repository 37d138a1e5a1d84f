"""The interview list: one line per interview, drawn only for the rows on screen."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from ...domain import Stage
from ...review import InterviewRow
from .virtual_list import VirtualList

STAGE_SHORT = {
    Stage.APPLIED: "applied",
    Stage.SCHEDULED: "scheduled",
    Stage.INTERVIEWED: "interviewed",
    Stage.AWAITING_DECISION: "awaiting",
    Stage.REJECTED: "rejected",
    Stage.OFFER: "offer",
    Stage.ACCEPTED: "accepted",
    Stage.DECLINED: "declined",
    Stage.WITHDRAWN: "withdrawn",
}
_STAGE_STYLE = {
    Stage.OFFER: "$success",
    Stage.ACCEPTED: "$success",
    Stage.REJECTED: "$text-muted",
    Stage.WITHDRAWN: "$text-muted",
    Stage.DECLINED: "$text-muted",
}


def short_date(day: date | None, today: date) -> str:
    """``12 Nov`` this year, ``Nov 24`` another year, blank when unknown; always 6 wide."""
    if day is None:
        return " " * 6
    return f"{day:%d %b}" if day.year == today.year else f"{day:%b %y}"


def row_content(row: InterviewRow, width: int, today: date) -> Content:
    """One interview as one line: a due marker, company and role, last round, stage."""
    interview = row.interview
    marker = Content.styled("● ", "bold $warning") if row.due else Content("  ")
    # Narrow lists drop the date before they cut the company and role down to nothing.
    when = f" {short_date(interview.last_round, today)} " if width >= 46 else " "
    right = Content.assemble(
        (when, "$text-muted"),
        (f"{STAGE_SHORT[interview.stage]:<11}", _STAGE_STYLE.get(interview.stage, "")),
    )
    room = max(4, width - 2 - right.cell_length)
    # Share the room: the company never takes more than half, so the role always shows.
    company = Content.styled(row.company, "bold")
    share = max(room // 2 - 2, room - 3 - len(interview.role), 3)
    if company.cell_length > share:
        company = company.truncate(share, ellipsis=True)
    title = Content.assemble(company, " · ", interview.role)
    return Content.assemble(marker, title.truncate(room, ellipsis=True, pad=True), right)


class InterviewList(VirtualList[InterviewRow]):
    """The list of interviews; rows come from :func:`followup_tui.review.interview_rows`."""

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(self._interview_row, id=id, empty_text="No interviews in this stage")
        self.today = today

    def _interview_row(self, row: InterviewRow, index: int) -> Content:
        return row_content(row, self.scrollable_content_region.width or 40, self.today)
