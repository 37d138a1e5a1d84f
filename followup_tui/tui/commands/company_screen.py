"""The keys of the company view."""

from __future__ import annotations

from .command import Command

COMPANY: tuple[Command, ...] = (
    Command(
        "company.edit",
        "edit_company",
        "e",
        "Edit company",
        "Edit the company: its name, cooling-off period (where and when you learned it), notes",
        "company",
    ),
    Command(
        "company.feedback",
        "add_feedback",
        "f",
        "Add feedback",
        "Add feedback to the highlighted interview (Enter edits what is there)",
        "company",
    ),
    Command(
        "company.delete_feedback",
        "delete_feedback",
        "x",
        "Delete feedback",
        "Delete a piece of the highlighted interview's feedback (asks first)",
        "company",
    ),
    Command("company.close", "close", "escape", "Back", "Close the company view", "company"),
)
