"""Writing the export file: the same bytes for the same data, and nothing a terminal acts on.

Pure: it turns a :class:`~followup_tui.domain.Dataset` into bytes and writes nothing itself.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..domain import RECORD_TABLES, Dataset, codec, terminal_safe
from .format import FORMAT_NAME, FORMAT_VERSION

# The UTF-8 of what terminal_safe escapes beyond ASCII starts so: DEL, C1 (U+0080-U+009F), then
# U+2028-U+202E and U+2066-U+2069. JSON encoders escape the C0 controls themselves.
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xe2\x80", b"\xe2\x81")


def export_document(dataset: Dataset) -> dict[str, Any]:
    """Return ``dataset`` as the document the export file holds: plain dicts, lists and values."""
    document: dict[str, Any] = msgspec.json.decode(_encode(dataset))
    return document


def export_json(dataset: Dataset) -> bytes:
    """Return the export file: indented UTF-8 JSON, the same bytes for the same data.

    Characters a terminal acts on (bidi controls in a note, say) are written as JSON escapes,
    which read back the same, so the file can be printed as it is (``followup export``).
    """
    data = msgspec.json.format(_encode(dataset), indent=2) + b"\n"
    if any(lead in data for lead in _UNSAFE_LEADS):
        data = terminal_safe(data.decode(), lines=True, json=True).encode()
    return data


def _encode(dataset: Dataset) -> bytes:
    # Records sorted by id, and no timestamp on purpose: the same data always gives the same
    # bytes, so exporting what was just imported gives an identical file.
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": codec.to_builtins(dataset.settings),
    }
    for name in RECORD_TABLES:
        document[name] = codec.to_builtins(sorted(getattr(dataset, name), key=lambda r: r.id))
    document["review"] = codec.to_builtins(dataset.review)  # its lists are sorted by key
    # Encoded in insertion order (codec's encoder sorts keys): header first, fields as declared.
    return msgspec.json.encode(document)
