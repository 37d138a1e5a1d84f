"""Turning model objects into JSON-ready values and back, with validation.

msgspec does the work: it decodes straight into our frozen dataclasses, checks every type on the
way, runs each ``__post_init__`` (so text is cleaned and bounds are checked) and names the exact
place of the first problem, such as ``$.interviews[3].rounds[0]``. It is also the fastest JSON
codec we could find, which keeps saving a large file cheap.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

_encoder = msgspec.json.Encoder(order="deterministic")
# "sorted" also orders a dataclass's fields by name, as ``to_builtins`` + "deterministic" does.
_sorted_encoder = msgspec.json.Encoder(order="sorted")


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


def encode_sorted(value: object) -> bytes:
    """Encode model objects (or plain values) straight to JSON: the same bytes as
    ``encode_json(to_builtins(value))``, without building the plain values first."""
    return _sorted_encoder.encode(value)


def decode_json(data: bytes | str) -> Any:
    """Decode JSON text into plain Python values, or raise :class:`FormatError`."""
    try:
        return msgspec.json.decode(data)
    except msgspec.DecodeError as error:
        # msgspec 0.23 reports bad UTF-8 as a DecodeError with no position; earlier versions
        # raise UnicodeError. Either way, name the byte where the text goes wrong.
        wrong = _wrong_encoding(data)
        if wrong:
            raise FormatError(wrong) from None
        if "UTF-8" in str(error):
            raise FormatError(_bad_text(data)) from None
        raise FormatError(f"not valid JSON ({error})") from None
    except UnicodeError:
        raise FormatError(_wrong_encoding(data) or _bad_text(data)) from None
    except RecursionError:
        raise FormatError("not valid JSON: nested far too deeply") from None


def find_duplicate_key(data: bytes | str) -> str | None:
    """The place of the first key that appears twice in one object (``$.contacts[2].name``),
    or None when there is none, or when ``data`` is not JSON (:func:`decode_json` says why).

    A decoder keeps only the last of two equal keys, silently; this finds them. It decodes the
    whole text once more, so it is for imports, where a person must learn what was dropped.
    """
    found: list[_Duplicated] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) < len(pairs) and not found:
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    result = _Duplicated(result, key)
                    found.append(result)
                    break
                seen.add(key)
        return result

    try:
        document = json.loads(data, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):
        return None
    if not found:
        return None
    return _place_of(document, found[0], "$")


class _Duplicated(dict[str, Any]):
    """An object that had a key twice; ``key`` is the first such key."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.key = key


def _place_of(value: Any, target: _Duplicated, path: str) -> str | None:
    if value is target:
        return f"{path}.{target.key}"
    children = value.items() if isinstance(value, dict) else enumerate(value)
    for name, child in children:
        if isinstance(child, dict | list):
            step = f"[{name}]" if isinstance(name, int) else f".{name}"
            place = _place_of(child, target, path + step)
            if place:
                return place
    return None


def _wrong_encoding(data: bytes | str) -> str:
    """Name the encoding of text that is not UTF-8 JSON but plainly another Unicode encoding."""
    if isinstance(data, str):
        return "the text starts with a byte-order mark (BOM)" if data[:1] == "\ufeff" else ""
    head = data[:4]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or (
        len(head) == 4 and (head[:3] == b"\x00\x00\x00" or head[1:] == b"\x00\x00\x00")
    ):
        return "this file is UTF-32; save it as UTF-8"
    # JSON starts with an ASCII character, so UTF-16 puts a zero byte first or second.
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(head) >= 2 and (head[0] == 0) != (head[1] == 0)
    ):
        return "this file is UTF-16; save it as UTF-8"
    if head.startswith(b"\xef\xbb\xbf"):
        return "the file starts with a byte-order mark (BOM); save it as UTF-8 without one"
    return ""


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


@contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Hold off the cyclic garbage collector while a whole file's worth of objects is built.

    Decoding builds millions of containers, none of them garbage, and each allocation burst
    triggers collections that rescan all of them: pausing cuts the load time of a big file by
    more than half. Reference counting still frees everything as usual.

    With ``freeze`` (for data that lives as long as the process), everything alive when the
    block ends is moved out of the collector's sight (``gc.freeze``) before it is enabled again:
    otherwise the first collections afterwards scan every object just built, stopping every
    thread for as long (a quarter of a second and more at 10,000 interviews). Frozen objects are
    still freed by reference counting when dropped; only a reference cycle alive at that moment
    would outlive its last use, and the model has none. Freezing twice is harmless.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
