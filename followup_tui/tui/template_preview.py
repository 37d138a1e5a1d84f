"""What the templates screen shows beside the editor: a preview, its count, the placeholders.

Plain functions from a template body and a context to :class:`~textual.content.Content`, so the
screen stays about editing and the preview can be tested on its own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from textual.content import Content

from ..domain import Channel, Company, Contact, Interview, Settings, Stage
from ..notes import GAP, PLACEHOLDERS, NoteContext, gap, limit_status, render

# Anything in braces that is not a placeholder reaches the note as typed; the editor says so.
_BRACED = re.compile(r"\{([^{}\s]{1,40})\}")


def sample_context(settings: Settings, today: date) -> NoteContext:
    """A made-up person and interview, for previewing a template when nobody is selected."""
    contact = Contact(
        "ct_sample",
        "Alex Example",
        title="Engineering Manager",
        company="Example Corp",
        tidbits=("Runs the local Rust meetup",),
    )
    recruiter = Contact("ct_sample_recruiter", "Jordan Sample", title="Recruiter")
    interview = Interview(
        "iv_sample",
        "co_sample",
        "Backend Engineer",
        level="Senior",
        rounds=(today - timedelta(days=1),),
        panel=(contact.id,),
        recruiter_id=recruiter.id,
        stage=Stage.INTERVIEWED,
    )
    return NoteContext(
        contact=contact,
        settings=settings,
        today=today,
        interview=interview,
        company=Company("co_sample", "Example Corp"),
        recruiter=recruiter,
    )


def placeholder_reference() -> Content:
    """Every placeholder, what it stands for, and the gap left when the value is unknown."""
    return Content("\n").join(
        Content.assemble(
            (f"{{{name}}}", "bold $accent"), f"  {help}  ", (f"(else {gap(name)})", "$text-muted")
        )
        for name, help in PLACEHOLDERS.items()
    )


def preview_content(body: str, channel: Channel, ctx: NoteContext) -> tuple[Content, Content]:
    """The note as it would be sent (gaps highlighted), and its count against the channel."""
    text = render(body, ctx)
    preview = Content(text)
    for match in GAP.finditer(text):
        preview = preview.stylize("bold $warning", match.start(), match.end())
    count, limit, over = limit_status(text, ctx.settings.limit_for(channel))
    counter = (
        f"{count} / {limit} characters" if limit is not None else f"{count} characters, no limit"
    )
    style = "bold $error" if over else "$text-muted"
    parts = [Content.styled(f"{counter} ({channel.label})", style)]
    if over:
        parts.append(Content.styled(f"  {count - (limit or 0)} over the limit", "$error"))
    unknown = sorted({m for m in _BRACED.findall(body) if m not in PLACEHOLDERS})
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        parts.append(Content.styled(f"\nNot a placeholder, sent as typed: {names}", "$warning"))
    return preview, Content.assemble(*parts)
