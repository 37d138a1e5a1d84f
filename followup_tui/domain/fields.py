"""The building blocks of a clean value: fresh ids, field cleaning and bounds checks.

Every domain class is a frozen dataclass. Changes are made with :func:`dataclasses.replace`, which
runs ``__post_init__`` again, so a model object is always clean: user text has lost its control
characters and every value is within bounds, however it was built (a form, an import, the store).
"""

from __future__ import annotations

import re
import secrets

from .text import LINE_MAX, TEXT_MAX, URL_MAX, clean_line, clean_text

# What clean_line would take out or change in a value that is not ``isprintable()``: controls
# (tab, newline, carriage return and ESC among them), DEL, C1 controls (8-bit CSI among them),
# the line and paragraph separators and the bidi controls. clean_text keeps tab and newline and
# changes the rest. A value without them, trimmed and within its bound, is already clean, and
# is left as it is: most text read back from the file is, and cleaning it all again was most of
# the time a load took. tests/domain/test_fields.py holds clean_fields to the cleaners.
_LINE_NEEDS_CLEANING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
_TEXT_NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


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
    """Clean the named fields of ``obj``: one-line text, links and addresses, free text.

    A value that is clean already is left alone without calling the cleaner: the checks below
    are the cleaners' own fast paths widened by one regex, inlined because this runs for every
    field of every record of a file being loaded.
    """
    for name in lines:
        value = getattr(obj, name)
        if not (
            (value.isprintable() or not _LINE_NEEDS_CLEANING.search(value))
            and len(value) <= LINE_MAX
            and value == value.strip()
        ):
            set_field(obj, name, clean_line(value))
    for name in urls:
        value = getattr(obj, name)
        if not (
            (value.isprintable() or not _LINE_NEEDS_CLEANING.search(value))
            and len(value) <= URL_MAX
            and value == value.strip()
        ):
            set_field(obj, name, clean_line(value, URL_MAX))
    for name in texts:
        value = getattr(obj, name)
        if not (
            (value.isprintable() or not _TEXT_NEEDS_CLEANING.search(value))
            and len(value) <= TEXT_MAX
        ):
            set_field(obj, name, clean_text(value))


def require(condition: bool, message: str) -> None:
    """Refuse a value out of bounds with ``message``, as a ValueError."""
    if not condition:
        raise ValueError(message)
