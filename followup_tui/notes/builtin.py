"""The notes followup ships with, written for this project.

Placeholders in braces are filled in by :mod:`followup_tui.notes`. A user may edit a built-in: the
edited copy is stored under the same id and wins over the one here, so an upgrade never overwrites
a person's wording.
"""

from __future__ import annotations

from ..domain import Channel, Template, TouchKind
from .builtin_asks import FOR_RECRUITERS, NUDGES, PENDING_EMAIL, SHORT_DECISION_INVITE

BUILTIN_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="tpl_thank_you",
        name="Thank-you after a round",
        kind=TouchKind.THANK_YOU,
        channel=Channel.EMAIL,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for making time to talk with me {interview_date} about the {role} role "
            "at {company}. I came away with a much clearer picture of how your team works, and "
            "I enjoyed the conversation.\n\n"
            "If anything I said raised a question, I would be glad to follow up.\n\n"
            "Best,\n{signature}"
        ),
    ),
    Template(
        id="tpl_decision_invite",
        name="After the decision: connect (LinkedIn invitation)",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_INVITE,
        builtin=True,
        body=(
            "Hi {first_name}, thank you for your time on the {role} interview at {company} "
            "{interview_date}. {recruiter} let me know it was not a fit, but I enjoyed meeting "
            "you and the team. I would like to stay in touch and hope you will connect. "
            "{my_name}"
        ),
    ),
    Template(
        id=SHORT_DECISION_INVITE,
        name="After the decision: connect (short invitation, free account)",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_INVITE,
        builtin=True,
        body=(
            "Hi {first_name}, thanks for your time on the {role} role at {company}. "
            "{recruiter} said it's not a fit, but I enjoyed meeting you and the team. "
            "Let's connect and keep in touch!"
        ),
    ),
    Template(
        id="tpl_decision_message",
        name="After the decision: not selected, let's keep in touch",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for the time you gave me {interview_date} on the {role} role at "
            "{company}. I heard from {recruiter} that it was not a fit this time. I am "
            "disappointed, of course, but I really enjoyed meeting you and the team.\n\n"
            "I would be glad to stay in touch, and I hope our paths cross again.\n\n"
            "{signature}"
        ),
    ),
    Template(
        id="tpl_decision_email",
        name="After the decision: not selected, by email",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.EMAIL,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you for the time you gave me {interview_date} on the {role} role at "
            "{company}. {recruiter} has let me know it was not a fit this time. That is a "
            "pity, but meeting you and the team was a real pleasure.\n\n"
            "I sent you an invitation on LinkedIn as well; I would be glad to stay in touch "
            "there, or here.\n\n"
            "Best,\n{signature}"
        ),
    ),
    Template(
        id="tpl_decision_own",
        name="After the decision: I chose another path",
        kind=TouchKind.DECISION_NOTE,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name},\n\n"
            "Thank you again for the time you spent with me {interview_date} on the {role} "
            "role at {company}. I have decided to take a different path for now, which was not "
            "an easy call: I liked the team and the problems you are working on.\n\n"
            "I would be glad to stay in touch, and I hope our paths cross again.\n\n"
            "{signature}"
        ),
    ),
    Template(
        id="tpl_checkin_article",
        name="Check-in: an article",
        kind=TouchKind.ARTICLE,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name}, I came across this piece and thought of our conversation about "
            "the work at {their_company}: [link]. Curious what you make of it.\n\n{my_name}"
        ),
    ),
    Template(
        id="tpl_checkin_event",
        name="Check-in: an event or conference",
        kind=TouchKind.EVENT,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name}, [event] is coming up on [date] and the programme looks close to "
            "what your team does. Are you thinking of going? It would be good to say hello in "
            "person.\n\n{my_name}"
        ),
    ),
    Template(
        id="tpl_checkin_news",
        name="Check-in: news about their company",
        kind=TouchKind.COMPANY_NEWS,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name}, I just read about [the news] at {their_company}. "
            "Congratulations to you and the team; it sounds like a busy stretch. "
            "I hope it is going well.\n\n"
            "{my_name}"
        ),
    ),
    Template(
        id="tpl_checkin_personal",
        name="Check-in: something personal",
        kind=TouchKind.PERSONAL,
        channel=Channel.LINKEDIN_MESSAGE,
        builtin=True,
        body=(
            "Hi {first_name}, something you told me when we spoke came back to me today "
            "({tidbit}). How is it going?\n\n{my_name}"
        ),
    ),
    *FOR_RECRUITERS,
    *NUDGES,
    PENDING_EMAIL,
)
