"""Rules the packages share, each defined once in the domain and tested here once."""

from __future__ import annotations

import dataclasses

from followup_tui.domain import RECORD_TABLES, ConnectionStatus, Dataset


def test_not_reached_is_nobody_written_to_yet() -> None:
    reached = {status for status in ConnectionStatus if not status.not_reached}
    assert {s for s in ConnectionStatus if s.not_reached} == {
        ConnectionStatus.NOT_CONTACTED,
        ConnectionStatus.NOTE_DRAFTED,
    }
    assert ConnectionStatus.INVITE_SENT in reached and ConnectionStatus.IGNORED in reached


def test_record_tables_are_the_datasets_record_fields_in_order() -> None:
    fields = [f.name for f in dataclasses.fields(Dataset)]
    assert list(RECORD_TABLES) == [name for name in fields if name not in ("settings", "review")]
    full = Dataset()
    for name, kind in RECORD_TABLES.items():
        assert getattr(full, name) == ()
        assert kind.__name__ in Dataset.__annotations__[name]
