"""Turning model objects into JSON-ready values and back, with validation.

msgspec does the work: it decodes straight into our frozen dataclasses, checks every type on the
way, runs each ``__post_init__`` (so text is cleaned and bounds are checked) and names the exact
place of the first problem, such as ``$.interviews[3].rounds[0]``. It is also the fastest JSON
codec we could find, which keeps saving a large file cheap.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

_encoder = msgspec.json.Encoder(order="deterministic")


class FormatError(ValueError):
    """A document does not have the shape followup expects; the message says where and why."""


def to_builtins(value: object) -> Any:
    """Return ``value`` as plain dicts, lists, strings and numbers (dates as ISO strings)."""
    return msgspec.to_builtins(value, order="deterministic")


def convert(data: object, kind: type[T], where: str = "$") -> T:
    """Validate plain data and build a ``kind`` from it, or raise :class:`FormatError`."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as error:
        raise FormatError(_describe(error, where)) from None


def encode_json(value: object) -> bytes:
    """Encode to compact, deterministic JSON bytes (UTF-8)."""
    return _encoder.encode(value)


def decode_json(data: bytes | str) -> Any:
    """Decode JSON text into plain Python values, or raise :class:`FormatError`."""
    try:
        return msgspec.json.decode(data)
    except msgspec.DecodeError as error:
        # msgspec 0.23 reports bad UTF-8 as a DecodeError with no position; earlier versions
        # raise UnicodeError. Either way, name the byte where the text goes wrong.
        if "UTF-8" in str(error):
            raise FormatError(_bad_text(data)) from None
        raise FormatError(f"not valid JSON ({error})") from None
    except UnicodeError:
        raise FormatError(_bad_text(data)) from None
    except RecursionError:
        raise FormatError("not valid JSON: nested far too deeply") from None


def _bad_text(data: bytes | str) -> str:
    # The decoder's position is within one JSON string; decoding the whole text finds the real one.
    try:
        data.decode() if isinstance(data, bytes) else data.encode()
    except UnicodeError as error:
        unit = "byte" if isinstance(data, bytes) else "character"
        return f"not valid UTF-8 text (at {unit} {getattr(error, 'start', 0)})"
    return "not valid UTF-8 text"


def _describe(error: msgspec.ValidationError, where: str) -> str:
    message = str(error)
    # msgspec says "... - at `$.a[0]`"; put the place first and root it where we were asked to.
    if " - at `$" in message:
        text, _, path = message.rpartition(" - at `")
        return f"{where}{path.rstrip('`')[1:]}: {text}"
    return f"{where}: {message}"
