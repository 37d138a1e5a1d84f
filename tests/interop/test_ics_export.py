"""The calendar export: read back with icalendar, the same UIDs from one export to the next, and
(when khal is installed) imported into a real calendar."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from followup_tui.demo import demo_dataset
from followup_tui.domain import (
    Channel,
    Company,
    ConnectionStatus,
    Contact,
    Dataset,
    Interview,
    Stage,
    Touch,
    TouchKind,
)
from followup_tui.interop import export_ics
from followup_tui.interop.ics_export import EVENT_TITLES, PRODID, event_title, event_uid
from followup_tui.review import ItemKind, due_ahead

from ..tools import needs_tool

TODAY = date(2026, 3, 14)


def events(data: bytes) -> list[Event]:
    """The events of an export, parsed the way a calendar would."""
    calendar = Calendar.from_ical(data)
    assert str(calendar["prodid"]) == PRODID and str(calendar["version"]) == "2.0"
    return [event for event in calendar.walk("VEVENT") if isinstance(event, Event)]


def by_uid(data: bytes) -> dict[str, Event]:
    found = {str(event["uid"]): event for event in events(data)}
    assert len(found) == len(events(data)), "a UID twice"
    return found


def keep_in_touch_with(name: str, company: str = "Acme", title: str = "SRE") -> Dataset:
    """One person whose keep-in-touch note is due in ten days."""
    last = Touch("tc_1", TODAY - timedelta(days=20), TouchKind.ARTICLE, Channel.EMAIL, "Hi")
    person = Contact(
        "ct_1",
        name,
        company=company,
        title=title,
        touches=(last,),
        status=ConnectionStatus.CONNECTED,
    )
    return Dataset(contacts=(person,))


def test_the_demo_comes_back_with_its_days_titles_and_uids() -> None:
    data = demo_dataset(TODAY)
    ahead = due_ahead(data, TODAY)
    found = events(export_ics(data, TODAY))
    assert len(found) == len(ahead) > 10
    for due, event in zip(ahead, found, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day: DATE, not DATE-TIME
        assert start == due.day >= TODAY and end == start + timedelta(days=1)
        assert str(event["summary"]) == event_title(due.item)
        assert str(event["uid"]) == event_uid(due.item)
        assert event.decoded("dtstamp").date() == TODAY
        assert event.categories == [due.item.kind.value]
        assert str(event["transp"]) == "TRANSPARENT"
        lines = str(event["description"]).split("\n")
        assert lines[:2] == [due.item.summary, due.item.suggestion]
    titles = {str(event["summary"]): event.decoded("dtstart") for event in found}
    thanks = "Thank-you note: Priya Raman (Kestrel Robotics, Backend Engineer, Fleet Platform)"
    assert titles[thanks] == TODAY  # the round was yesterday: overdue, so today
    assert titles["Reapply window: Acme Cloud (Platform Engineer)"] > TODAY
    uids = by_uid(export_ics(data, TODAY))
    assert uids["keep_in_touch:ct_anna@followup"].decoded("dtstart") == TODAY + timedelta(16)
    assert not any(uid.startswith("keep_in_touch:ct_zoe") for uid in uids)  # a note waits


def test_an_item_due_in_ten_days_is_an_all_day_event_on_that_day() -> None:
    [event] = events(export_ics(keep_in_touch_with("Ann Lee"), TODAY))
    assert event.decoded("dtstart") == TODAY + timedelta(days=10)
    assert event.decoded("dtend") == TODAY + timedelta(days=11)
    assert str(event["summary"]) == "Keep in touch: Ann Lee (Acme, SRE)"
    assert str(event["uid"]) == "keep_in_touch:ct_1@followup"
    assert events(export_ics(keep_in_touch_with("Ann Lee"), TODAY, 9)) == []


def test_two_exports_of_a_day_are_the_same_bytes() -> None:
    data = demo_dataset(TODAY)
    assert export_ics(data, TODAY) == export_ics(data, TODAY)
    assert by_uid(export_ics(data, TODAY)).keys() == by_uid(export_ics(data, TODAY, 91)).keys()


def test_a_keep_in_touch_event_keeps_its_uid_when_its_day_moves() -> None:
    data = demo_dataset(TODAY)
    before = by_uid(export_ics(data, TODAY))
    daniel = next(c for c in data.contacts if c.id == "ct_daniel")
    sent = Touch("tc_sent", TODAY, TouchKind.ARTICLE, Channel.EMAIL, "This made me think of you")
    moved = replace(daniel, touches=(*daniel.touches, sent))
    later = replace(data, contacts=tuple(moved if c is daniel else c for c in data.contacts))
    after = by_uid(export_ics(later, TODAY))
    assert after.keys() == before.keys()
    uid = "keep_in_touch:ct_daniel@followup"
    assert before[uid].decoded("dtstart") == TODAY  # overdue
    assert after[uid].decoded("dtstart") == TODAY + timedelta(days=30)
    # A day later the same events keep their UIDs, and a newer SEQUENCE says which is newer.
    tomorrow = by_uid(export_ics(later, TODAY + timedelta(days=1)))
    assert uid in tomorrow and tomorrow[uid].sequence == after[uid].sequence + 1


def test_nothing_due_is_a_valid_empty_calendar() -> None:
    data = export_ics(Dataset(), TODAY)
    assert events(data) == []
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")


def test_days_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="from 0 to"):
        export_ics(Dataset(), TODAY, -1)


HOSTILE = [
    "[Ann] Lee, Jr.; \\n not a newline",
    "Zoë; DROP TABLE, 'x'",
    "BEGIN:VEVENT",
    "END:VCALENDAR\nUID:evil",
    "🙂 Émilie 🚀",
    "נועה כהן",
    "ليلى حداد (الرياض)",
    "A" * 200,
]


@pytest.mark.parametrize("name", HOSTILE)
def test_names_come_back_as_typed(name: str) -> None:
    data = keep_in_touch_with(name, company="Acme, Inc.; EU", title="SRE\\Ops")
    person = data.contacts[0]
    [event] = events(export_ics(data, TODAY))
    assert str(event["summary"]) == f"Keep in touch: {person.name} (Acme, Inc.; EU, SRE\\Ops)"
    assert str(event["uid"]) == "keep_in_touch:ct_1@followup"


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=60), company=st.text(max_size=30))
def test_any_name_comes_back_as_the_model_keeps_it(name: str, company: str) -> None:
    try:
        data = keep_in_touch_with(name, company=company)
    except ValueError:
        return  # nothing left of the name once cleaned: the model refuses it
    [event] = events(export_ics(data, TODAY))
    assert str(event["summary"]) == event_title(due_ahead(data, TODAY)[0].item)
    assert data.contacts[0].name in str(event["summary"])


def test_titles_for_every_kind_and_odd_ids_make_safe_uids() -> None:
    assert set(EVENT_TITLES) == set(ItemKind)
    data = keep_in_touch_with("Ann")
    odd = replace(data.contacts[0], id="ct 1@x;y")
    [due] = due_ahead(replace(data, contacts=(odd,)), TODAY)
    assert event_uid(due.item) == "keep_in_touch:ct%201%40x%3By@followup"
    alone = replace(due.item, contact=None, contact_id=None, role="")
    assert event_title(alone) == "Keep in touch: Acme"
    assert event_title(replace(alone, company="")) == "Keep in touch"


def test_a_reapply_window_names_the_company_and_its_roles() -> None:
    acme = Company("co_1", "Acme; EU", cooling_off_months=1)
    no = Interview(
        "iv_1", "co_1", "SRE, Platform", stage=Stage.REJECTED, decision_date=date(2026, 2, 19)
    )
    [event] = events(export_ics(Dataset(companies=(acme,), interviews=(no,)), TODAY))
    assert str(event["summary"]) == "Reapply window: Acme; EU (SRE, Platform)"
    assert event.decoded("dtstart") == date(2026, 3, 19)  # the day it opens, not a week before
    assert str(event["uid"]) == "reapply_open:co_1@followup"


@needs_tool("khal")
def test_the_demo_imports_into_khal_and_a_newer_export_updates_it(tmp_path: Path) -> None:
    program = shutil.which("khal")
    assert program is not None, "khal is not on PATH"
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[followup]]\npath = {tmp_path / 'calendar'}\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n"
        "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ntimeformat = %H:%M\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[default]\ndefault_calendar = followup\n",
        encoding="utf-8",
    )

    def khal(*args: str) -> str:
        done = subprocess.run(
            [program, "--config", str(config), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def shown() -> list[str]:
        """Every event of the 92 days from today, as "day title", once each."""
        window = (str(TODAY), str(TODAY + timedelta(days=91)))
        out = khal(
            "list", "--once", "--format", "{start-date} {title}", "--day-format", "", *window
        )
        return sorted(line for line in out.splitlines() if line.strip())

    def expected(data: Dataset) -> list[str]:
        return sorted({f"{due.day} {event_title(due.item)}" for due in due_ahead(data, TODAY)})

    data = demo_dataset(TODAY)
    first = tmp_path / "first.ics"
    first.write_bytes(export_ics(data, TODAY))
    khal("import", "--batch", str(first))
    assert shown() == expected(data)
    # Daniel is written to: his keep-in-touch event moves a month on, and nothing doubles.
    daniel = next(c for c in data.contacts if c.id == "ct_daniel")
    sent = Touch("tc_sent", TODAY, TouchKind.ARTICLE, Channel.EMAIL, "An article for you")
    moved = replace(daniel, touches=(*daniel.touches, sent), status=ConnectionStatus.REPLIED)
    later = replace(data, contacts=tuple(moved if c is daniel else c for c in data.contacts))
    second = tmp_path / "second.ics"
    second.write_bytes(export_ics(later, TODAY))
    khal("import", "--batch", str(second))
    assert shown() == expected(later) != expected(data)
    # One file per event, named after its UID (khal leaves its temporary copies beside them).
    assert len(list((tmp_path / "calendar").glob("*.ics"))) == len(due_ahead(later, TODAY))
