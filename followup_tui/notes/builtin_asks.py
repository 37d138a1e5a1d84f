"""The built-ins written to the recruiter, the nudges for a late decision, the email after a
pending invitation, and the short invitation for a free LinkedIn account.

:mod:`.choose` picks among them by id, from the person and the moment: these ids are how it
knows a note is written to a recruiter rather than about one.
"""

from __future__ import annotations

from ..domain import Channel, Template, TouchKind

#: The post-decision invitation that fits LinkedIn's 200 characters for a free account.
SHORT_DECISION_INVITE = "tpl_decision_invite_short"
#: Written to the interview's recruiter after the decision: an invitation, and a message.
RECRUITER_INVITE = "tpl_recruiter_invite"
RECRUITER_THANKS = "tpl_recruiter_thanks"
#: To the recruiter, when no cooling-off period is known: may I apply again, and when?
RECRUITER_REAPPLY = "tpl_recruiter_reapply"
RECRUITER_REAPPLY_EMAIL = "tpl_recruiter_reapply_email"
#: A polite question about a decision that is late.
NUDGE_MESSAGE = "tpl_nudge_message"
NUDGE_EMAIL = "tpl_nudge_email"
#: An email to someone who has not accepted a LinkedIn invitation yet.
PENDING_EMAIL_ID = "tpl_invite_pending_email"

_REAPPLY_QUESTION = (
    "Would it make sense for me to apply again later, for another role or at another level? "
    "And is there a waiting period before I can?"
)

FOR_RECRUITERS: tuple[Template, ...] = (
    Template(
        id=RECRUITER_INVITE,
        name="Recruiter, after the decision: connect (LinkedIn invitation)",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_INVITE,
        builtin=True,
        body=(
            "Hi {first_name}, thank you for guiding me through the {role} process at {company} "
            "and for letting me know. I enjoyed it and would be glad to stay in touch."
        ),
    ),
    Template(
        id=RECRUITER_THANKS,
        name="Recruiter, after the decision: thank you",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for letting me know about the {role} role at {company}, and for guiding "
            "me through the process so kindly. I am disappointed, but I enjoyed meeting the "
            "team.\n\n"
            "I would be glad to stay in touch.\n\n"
            "{signature}"
        ),
    ),
    Template(
        id=RECRUITER_REAPPLY,
        name="Recruiter, after the decision: may I apply again?",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for letting me know about the {role} role, and for your help all "
            "through the process. I enjoyed meeting the team and would still like to work at "
            "{company} one day.\n\n" + _REAPPLY_QUESTION + "\n\nThanks again,\n{signature}"
        ),
    ),
    Template(
        id=RECRUITER_REAPPLY_EMAIL,
        name="Recruiter, after the decision: may I apply again? (email)",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.EMAIL,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for letting me know how the {role} process ended, and for looking after "
            "me so well along the way. I am disappointed, but meeting the team made me keener "
            "on {company}, not less.\n\n" + _REAPPLY_QUESTION + "\n\n"
            "Thank you for your time,\n{signature}"
        ),
    ),
)

NUDGES: tuple[Template, ...] = (
    Template(
        id=NUDGE_MESSAGE,
        name="Decision late: a polite nudge",
        kind=TouchKind.OTHER,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name}, I hope you are well. I am writing about the {role} role at "
            "{company}: my last interview was {interview_date}, and I wondered whether there is "
            "any news on a decision. I am still very interested, and happy to wait if it takes "
            "longer.\n\nThank you,\n{my_name}"
        ),
    ),
    Template(
        id=NUDGE_EMAIL,
        name="Decision late: a polite nudge (email)",
        kind=TouchKind.OTHER,
        channel=Channel.EMAIL,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "I hope your week is going well. I wanted to ask whether there is any news on the "
            "{role} role at {company}; my last interview was {interview_date}. I am still very "
            "interested, and I understand these things can take time.\n\n"
            "Thank you,\n{signature}"
        ),
    ),
)

PENDING_EMAIL = Template(
    id=PENDING_EMAIL_ID,
    name="Invitation pending: say hello by email",
    kind=TouchKind.OTHER,
    channel=Channel.EMAIL,
    builtin=True,
    body=(
        "Hi {first_name},\n\n"
        "I sent you a LinkedIn invitation a little while ago and wanted to say hello here too, "
        "in case it got lost among the others. I enjoyed meeting you and would be glad to stay "
        "in touch.\n\n"
        "Best,\n{signature}"
    ),
)
