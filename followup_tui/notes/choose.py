"""The template that fits: the built-ins and the user's own, the one to open on, the next one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..domain import Channel, ConnectionStatus, Stage, Template, TouchKind
from .builtin import BUILTIN_TEMPLATES
from .render import NoteContext


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
_CONNECTED = frozenset({ConnectionStatus.CONNECTED, ConnectionStatus.REPLIED})


def _sent(ctx: NoteContext, kind: TouchKind) -> bool:
    interview_id = ctx.interview.id if ctx.interview else None
    return any(
        t.kind is kind and t.interview_id == interview_id for t in ctx.contact.sent_touches()
    )


def _wanted(ctx: NoteContext) -> list[tuple[TouchKind, Channel | None]]:
    """The kinds (and channels) that fit the situation, best first; None means any channel.

    A note already sent for this interview is not suggested again: after the post-decision
    note, it is time for check-ins.
    """
    interview, contact = ctx.interview, ctx.contact
    if (
        interview is not None
        and interview.stage in _CLOSED
        and not _sent(ctx, TouchKind.DECISION_NOTE)
    ):
        channel = (
            Channel.LINKEDIN_INVITE if contact.status.not_reached else Channel.LINKEDIN_MESSAGE
        )
        return [(TouchKind.DECISION_NOTE, channel), (TouchKind.DECISION_NOTE, None)]
    last = interview.last_round if interview else None
    if (
        interview is not None
        and interview.stage in _WAITING
        and last is not None
        and 0 <= (ctx.today - last).days <= THANK_YOU_TEMPLATE_DAYS
        and not _sent(ctx, TouchKind.THANK_YOU)
    ):
        return [(TouchKind.THANK_YOU, None)]
    if contact.status in _CONNECTED or contact.sent_touches():
        return [
            (TouchKind.PERSONAL if contact.tidbits else TouchKind.ARTICLE, None),
            (TouchKind.ARTICLE, None),
        ]
    return []


def default_template(templates: Sequence[Template], ctx: NoteContext) -> Template:
    """Return the template that fits the situation, in this order of precedence.

    1. The interview was closed (rejected, declined, withdrawn): a post-decision note, as a
       LinkedIn invitation if you are not connected yet (status not contacted or note
       drafted), otherwise as a LinkedIn message; failing that, on any channel.
    2. The last round was in the past :data:`THANK_YOU_TEMPLATE_DAYS` days (today included)
       and the interview is scheduled, interviewed or awaiting a decision: a thank-you.
    3. You are connected (or they replied): a personal check-in if you noted a tidbit about
       them, else an article to share.
    4. Otherwise, or when no template of the wanted kind exists: the first template.

    Raises ValueError when ``templates`` is empty.
    """
    if not templates:
        raise ValueError("there are no templates to choose from")
    wanted = _wanted(ctx)
    own = ctx.interview is not None and ctx.interview.stage in (Stage.DECLINED, Stage.WITHDRAWN)
    if own and wanted and wanted[0][0] is TouchKind.DECISION_NOTE:
        for template in templates:
            if template.id == OWN_DECISION_TEMPLATE:
                return template
    for kind, channel in wanted:
        for template in templates:
            if template.kind is kind and channel in (None, template.channel):
                return template
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
