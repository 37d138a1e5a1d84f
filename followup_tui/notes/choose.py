"""The template that fits: the built-ins and the user's own, the one to open on, the next one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..domain import Channel, ConnectionStatus, Stage, Template, TouchKind
from .builtin import BUILTIN_TEMPLATES
from .builtin_asks import (
    FOR_RECRUITERS,
    NUDGE_EMAIL,
    NUDGE_MESSAGE,
    PENDING_EMAIL_ID,
    RECRUITER_INVITE,
    RECRUITER_REAPPLY,
    RECRUITER_REAPPLY_EMAIL,
    RECRUITER_THANKS,
)
from .measure import char_count
from .render import NoteContext, render


def all_templates(stored: Mapping[str, Template]) -> list[Template]:
    """Return the templates to offer: the built-ins, then the user's own sorted by name.

    A stored template with a built-in's id is the user's edit of it and takes its place, in the
    built-in's position.
    """
    by_id = {t.id: t for t in stored.values()}
    builtin_ids = {t.id for t in BUILTIN_TEMPLATES}
    builtins = [by_id.get(t.id, t) for t in BUILTIN_TEMPLATES]
    own = sorted(
        (t for t in by_id.values() if t.id not in builtin_ids),
        key=lambda t: (t.name.casefold(), t.id),
    )
    return builtins + own


#: The editor opens on a thank-you template for this many days after the last round (the review
#: lists a thank-you for a shorter time: see review.rounds.THANK_YOU_ITEM_DAYS).
THANK_YOU_TEMPLATE_DAYS = 7
#: The built-in note for a process you ended yourself (an offer declined, an application withdrawn).
OWN_DECISION_TEMPLATE = "tpl_decision_own"
_CLOSED = frozenset({Stage.REJECTED, Stage.DECLINED, Stage.WITHDRAWN})
_WAITING = frozenset({Stage.SCHEDULED, Stage.INTERVIEWED, Stage.AWAITING_DECISION})
#: After the rounds, before the answer: the stages in which a decision can be late.
_DECIDING = frozenset({Stage.INTERVIEWED, Stage.AWAITING_DECISION})
_CONNECTED = frozenset({ConnectionStatus.CONNECTED, ConnectionStatus.REPLIED})
#: Written to the recruiter: never offered to anyone else.
_RECRUITER_ONLY = frozenset(t.id for t in FOR_RECRUITERS)

#: What fits, best first: a template by id, or any of a kind (on a channel; None for any).
_Want = str | tuple[TouchKind, Channel | None]


def _sent(ctx: NoteContext, kind: TouchKind) -> bool:
    interview_id = ctx.interview.id if ctx.interview else None
    return any(
        t.kind is kind and t.interview_id == interview_id for t in ctx.contact.sent_touches()
    )


def is_recruiter(ctx: NoteContext) -> bool:
    """The note is for the recruiter of its interview (``interview.recruiter_id``)."""
    return ctx.interview is not None and ctx.interview.recruiter_id == ctx.contact.id


def _reachable(ctx: NoteContext) -> tuple[bool, bool]:
    """(connected on LinkedIn, an email address known)."""
    return not ctx.contact.status.not_reached, bool(ctx.contact.email)


def _to_recruiter(ctx: NoteContext) -> list[_Want]:
    """After the decision, to the recruiter: ask about applying again while no cooling-off
    period is known (by LinkedIn message, else email), else thank them; an invitation when
    there is no other way to reach them."""
    connected, email = _reachable(ctx)
    known = ctx.company is not None and ctx.company.cooling_off_months is not None
    if not known and connected:
        return [RECRUITER_REAPPLY, RECRUITER_REAPPLY_EMAIL]
    if not known and email:
        return [RECRUITER_REAPPLY_EMAIL, RECRUITER_INVITE]
    return [RECRUITER_THANKS if connected else RECRUITER_INVITE]


def _late(ctx: NoteContext) -> list[_Want]:
    """A polite nudge when the decision is later than the settings allow, to the recruiter
    (or to the panel when there is none): the review asks one person, and so does this."""
    interview = ctx.interview
    last = interview.last_round if interview else None
    if interview is None or interview.stage not in _DECIDING or last is None:
        return []
    if interview.recruiter_id is not None and not is_recruiter(ctx):
        return []
    if (ctx.today - last).days <= ctx.settings.decision_overdue_days:
        return []
    connected, email = _reachable(ctx)
    return [NUDGE_EMAIL, NUDGE_MESSAGE] if email and not connected else [NUDGE_MESSAGE]


def _wanted(ctx: NoteContext) -> list[_Want]:
    """What fits the situation, best first (see :func:`default_template`).

    A note already sent for this interview is not suggested again: after the post-decision
    note, it is time for check-ins.
    """
    interview, contact = ctx.interview, ctx.contact
    if (
        interview is not None
        and interview.stage in _CLOSED
        and not _sent(ctx, TouchKind.DECISION_NOTE)
    ):
        if interview.stage in (Stage.DECLINED, Stage.WITHDRAWN):
            return [OWN_DECISION_TEMPLATE, (TouchKind.DECISION_NOTE, None)]
        if is_recruiter(ctx):
            return [*_to_recruiter(ctx), (TouchKind.DECISION_NOTE, None)]
        if contact.status.not_reached:
            channel = Channel.LINKEDIN_INVITE
        elif contact.status is ConnectionStatus.INVITE_SENT:
            channel = Channel.EMAIL  # the invitation is not accepted: no message reaches them
        else:
            channel = Channel.LINKEDIN_MESSAGE
        return [(TouchKind.DECISION_NOTE, channel), (TouchKind.DECISION_NOTE, None)]
    last = interview.last_round if interview else None
    wanted: list[_Want] = []
    if (
        interview is not None
        and interview.stage in _WAITING
        and last is not None
        and 0 <= (ctx.today - last).days <= THANK_YOU_TEMPLATE_DAYS
        and not _sent(ctx, TouchKind.THANK_YOU)
    ):
        wanted.append((TouchKind.THANK_YOU, None))
    wanted += _late(ctx)
    if wanted:
        return wanted
    if contact.status is ConnectionStatus.INVITE_SENT and contact.email:
        wanted.append(PENDING_EMAIL_ID)
    pending = contact.status is ConnectionStatus.INVITE_SENT  # no LinkedIn message reaches them
    if contact.status in _CONNECTED or (contact.sent_touches() and not pending):
        wanted += [
            (TouchKind.PERSONAL if contact.tidbits else TouchKind.ARTICLE, None),
            (TouchKind.ARTICLE, None),
        ]
    return wanted


def _fits(template: Template, ctx: NoteContext) -> bool:
    limit = ctx.settings.limit_for(template.channel)
    return limit is None or char_count(render(template, ctx)) <= limit


def _of_kind(
    templates: Sequence[Template], ctx: NoteContext, kind: TouchKind, channel: Channel | None
) -> Template | None:
    """The first template of ``kind`` (on ``channel``) that is not the recruiter's alone (to
    anyone else), preferring one that fits its channel's limit when rendered."""
    recruiter = is_recruiter(ctx)
    found = [
        t
        for t in templates
        if t.kind is kind
        and channel in (None, t.channel)
        and (recruiter or t.id not in _RECRUITER_ONLY)
    ]
    if len(found) > 1:
        return next((t for t in found if _fits(t, ctx)), found[0])
    return found[0] if found else None


def default_template(templates: Sequence[Template], ctx: NoteContext) -> Template:
    """Return the template that fits the situation, in this order of precedence.

    1. The interview was closed: a post-decision note.

       - You ended it (declined, withdrawn): the note written for that.
       - To the interview's recruiter: while the company's cooling-off period is not known,
         the note asking whether to apply again (a LinkedIn message if connected, else the
         email version if their address is known); otherwise a thank-you written to them
         (a message if connected, else an invitation).
       - To anyone else: a LinkedIn invitation if you are not connected yet (status not
         contacted or note drafted), an email while your invitation is pending, otherwise a
         LinkedIn message; failing that, on any channel. Of several that fit, the first whose
         text fits the channel's limit (the short invitation for a free LinkedIn account).

    2. The last round was in the past :data:`THANK_YOU_TEMPLATE_DAYS` days (today included)
       and the interview is scheduled, interviewed or awaiting a decision: a thank-you. And
       when the decision is later than the settings' *decision overdue* days: to the recruiter
       (to anyone on the panel if there is none), a polite nudge, by email if you are not
       connected and have their address, else by LinkedIn message.
    3. An invitation is pending and you have their email address: a hello by email.
    4. You are connected (or they replied), or wrote to them before and no invitation is
       pending: a personal check-in if you noted a tidbit about them, else an article to share.
    5. Otherwise, or when no template that fits exists: the first template.

    Templates written to a recruiter are never chosen for anyone else. Raises ValueError when
    ``templates`` is empty.
    """
    if not templates:
        raise ValueError("there are no templates to choose from")
    by_id = {t.id: t for t in templates}
    for want in _wanted(ctx):
        found = by_id.get(want) if isinstance(want, str) else _of_kind(templates, ctx, *want)
        if found is not None:
            return found
    return templates[0]


def next_template(templates: Sequence[Template], current_id: str, step: int = 1) -> Template:
    """Return the template ``step`` places after ``current_id`` (before, if negative), wrapping.

    An id that is not in the list starts from the first template (from the last when stepping
    backwards). Raises ValueError when ``templates`` is empty.
    """
    if not templates:
        raise ValueError("there are no templates to choose from")
    ids = [t.id for t in templates]
    if current_id not in ids:
        return templates[0] if step >= 0 else templates[-1]
    return templates[(ids.index(current_id) + step) % len(templates)]
