"""The building blocks of a clean value: fresh ids, field cleaning and bounds checks.

Every domain class is a frozen dataclass. Changes are made with :func:`dataclasses.replace`, which
runs ``__post_init__`` again, so a model object is always clean: user text has lost its control
characters and every value is within bounds, however it was built (a form, an import, the store).
"""

from __future__ import annotations

import secrets

from .text import URL_MAX, clean_line, clean_text


def new_id(prefix: str) -> str:
    """Return a fresh random id such as ``iv_3f9a1b2c4d5e``; 48 random bits make clashes moot."""
    return f"{prefix}_{secrets.token_hex(6)}"


def set_field(obj: object, name: str, value: object) -> None:
    """Set a field of a frozen dataclass, from its own ``__post_init__``."""
    object.__setattr__(obj, name, value)


def clean_fields(
    obj: object,
    lines: tuple[str, ...] = (),
    urls: tuple[str, ...] = (),
    texts: tuple[str, ...] = (),
) -> None:
    """Clean the named fields of ``obj``: one-line text, links and addresses, free text."""
    for name in lines:
        set_field(obj, name, clean_line(getattr(obj, name)))
    for name in urls:
        set_field(obj, name, clean_line(getattr(obj, name), URL_MAX))
    for name in texts:
        set_field(obj, name, clean_text(getattr(obj, name)))


def require(condition: bool, message: str) -> None:
    """Refuse a value out of bounds with ``message``, as a ValueError."""
    if not condition:
        raise ValueError(message)
