"""The keys of the daily review."""

from __future__ import annotations

from .command import Command

REVIEW: tuple[Command, ...] = (
    Command(
        "review.connection",
        "connection",
        "A",
        "Connection",
        "Log what happened with the item's person: accepted, replied, declined, ignored (dated)",
        "review",
        show=False,
    ),
    Command("review.copy", "copy_note", "c", "Copy", "Copy the note for this item", "review"),
    Command(
        "review.sent",
        "mark_sent",
        "s",
        "Sent / done",
        "Log the note as sent (or mark the item done) and move to the next",
        "review",
    ),
    Command(
        "review.undo",
        "undo_sent",
        "u",
        "Undo sent",
        "Take back the last note logged as sent, and its item comes back to the queue",
        "review",
        show=False,
    ),
    Command(
        "review.snooze",
        "snooze",
        "z",
        "Snooze",
        "Hide the item until tomorrow, next week or a date you choose",
        "review",
    ),
    Command(
        "review.dismiss",
        "dismiss_item",
        "x",
        "Dismiss",
        "Dismiss the item for good, with a reason",
        "review",
    ),
    Command(
        "review.open",
        "open_item",
        "enter",
        "Open",
        "Open the interview or person on the main screen",
        "review",
    ),
    Command("review.next", "next_item", "n", "Next", "Go to the next item", "review"),
    Command(
        "review.previous", "previous_item", "p", "Previous", "Go to the previous item", "review"
    ),
    Command(
        "review.template",
        "cycle_template",
        "t",
        "Template",
        "Use the next template for this note",
        "review",
    ),
    Command("review.back", "back", "escape", "Back", "Back to the main screen", "review"),
)
