"""What the user sets up: preferences, channel limits, the keymap, and note templates."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import clean_fields, require, set_field
from .kinds import Channel, TouchKind
from .people import CADENCE_DAYS_MAX
from .text import clean_line, has_control


def _clean_keymap(keymap: dict[str, str]) -> dict[str, str]:
    # Binding ids and keys reach the footer and Textual's bindings: no control characters there.
    # An import refuses them (with the place); this keeps any other route clean too.
    if not any(has_control(binding_id + keys) for binding_id, keys in keymap.items()):
        return keymap
    cleaned = {clean_line(binding_id): clean_line(keys) for binding_id, keys in keymap.items()}
    return {binding_id: keys for binding_id, keys in cleaned.items() if binding_id and keys}


@dataclass(frozen=True, slots=True)
class Template:
    """A note with placeholders, for one kind of touch on one channel."""

    id: str
    name: str
    kind: TouchKind
    channel: Channel
    body: str
    builtin: bool = False

    def __post_init__(self) -> None:
        clean_fields(self, lines=("id", "name"), texts=("body",))
        require(bool(self.id), "a template needs an id")
        require(bool(self.name), "a template needs a name")


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's preferences."""

    your_name: str = ""
    signature: str = ""
    default_cadence_days: int = 30
    linkedin_free_account: bool = False
    linkedin_invite_limit: int = 300
    linkedin_invite_free_limit: int = 200
    linkedin_message_limit: int = 8_000
    email_limit: int | None = None
    decision_overdue_days: int = 10
    invite_budget: int | None = 5
    keymap: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        clean_fields(self, lines=("your_name",), texts=("signature",))
        set_field(self, "keymap", _clean_keymap(self.keymap))
        require(
            1 <= self.default_cadence_days <= CADENCE_DAYS_MAX,
            f"default_cadence_days must be between 1 and {CADENCE_DAYS_MAX}",
        )
        require(
            1 <= self.decision_overdue_days <= 365,
            "decision_overdue_days must be between 1 and 365",
        )

    def limit_for(self, channel: Channel) -> int | None:
        """The character limit of a channel, or None when it has none."""
        if channel is Channel.LINKEDIN_INVITE:
            return (
                self.linkedin_invite_free_limit
                if self.linkedin_free_account
                else self.linkedin_invite_limit
            )
        if channel is Channel.LINKEDIN_MESSAGE:
            return self.linkedin_message_limit
        if channel is Channel.EMAIL:
            return self.email_limit
        return None
