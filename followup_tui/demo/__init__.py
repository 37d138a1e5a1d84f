"""The built-in demo data: a job search with every kind of follow-up due, built for any day."""

from __future__ import annotations

from .dataset import demo_dataset

__all__ = [
    "demo_dataset",
]
