"""The store on real files: round trips, cascades, permissions, bad files, schemas, the lock."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from followup_tui.domain import (
    Channel,
    Cleared,
    Company,
    Contact,
    Dataset,
    Dismissal,
    Interview,
    ReviewState,
    Settings,
    Snooze,
    Template,
    Touch,
    TouchKind,
)
from followup_tui.store.store import SCHEMA_VERSION, Store, StoreError, StoreLocked


def sample() -> Dataset:
    """A small dataset in which every kind of reference is used."""
    ann = Contact(
        "ct_ann",
        "Ann Lee",
        title="EM",
        tidbits=("chess", "two cats"),
        touches=(
            Touch(
                "t_1", date(2024, 3, 2), TouchKind.THANK_YOU, text="Thanks!", interview_id="iv_1"
            ),
        ),
    )
    bob = Contact("ct_bob", "Bob Roe", company="Acme")
    return Dataset(
        settings=Settings(your_name="Sam", keymap={"quit": "ctrl+q"}),
        companies=(Company("co_acme", "Acme", cooling_off_months=6), Company("co_init", "Initech")),
        interviews=(
            Interview(
                "iv_1",
                "co_acme",
                "Engineer",
                rounds=(date(2024, 3, 1),),
                panel=("ct_ann", "ct_bob"),
                recruiter_id="ct_bob",
            ),
            Interview("iv_2", "co_init", "Lead", panel=("ct_ann",), recruiter_id="ct_ann"),
        ),
        contacts=(ann, bob),
        templates=(Template("tp_1", "Thanks", TouchKind.THANK_YOU, Channel.EMAIL, "Hi {first}"),),
    )


def fill(store: Store, dataset: Dataset) -> None:
    """Put every record of ``dataset`` one by one."""
    store.set_settings(dataset.settings)
    records: list[Company | Interview | Contact | Template] = [
        *dataset.companies,
        *dataset.interviews,
        *dataset.contacts,
        *dataset.templates,
    ]
    for record in records:
        store.put(record)


def files_in(folder: Path) -> set[str]:
    """The names in ``folder``, less the lock sidecar (which may or may not linger)."""
    return {name for name in os.listdir(folder) if not name.endswith(".lock")}


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (another process, hence another lock owner)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store, sample())
        assert store.dirty
        store.flush()
        assert not store.dirty
    with Store.open(db_path) as store:
        assert store.dataset() == sample()
        assert isinstance(store.interviews["iv_1"], Interview)


def test_changes_are_kept_by_close_without_flush(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_1", "Acme"))
    with Store.open(db_path, read_only=True) as store:
        assert list(store.companies) == ["co_1"]


def test_insertion_order_survives_updates_and_reopening(db_path: Path) -> None:
    ids = [f"co_{n}" for n in range(25, 0, -1)]  # more than 9, so "10" < "2" would show
    with Store.open(db_path) as store:
        for id in ids:
            store.put(Company(id, id.upper()))
        store.put(Company("co_20", "Renamed"))
        assert list(store.companies) == ids
    with Store.open(db_path) as store:
        assert list(store.companies) == ids
        assert store.companies["co_20"].name == "Renamed"
        store.put(Company("co_new", "New"))
        assert list(store.companies)[-1] == "co_new"


def test_views_are_read_only_and_live(db_path: Path) -> None:
    with Store.open(db_path) as store:
        view = store.companies
        store.put(Company("co_1", "Acme"))
        assert "co_1" in view
        with pytest.raises(TypeError):
            view["co_2"] = Company("co_2", "X")  # type: ignore[index]
        store.replace_all(sample())
        assert list(view) == ["co_acme", "co_init"]


def test_first_open_creates_an_empty_current_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.dataset() == Dataset()
        assert not store.dirty
    assert json.loads(db_path.read_bytes())["meta"] == {"1": {"schema": SCHEMA_VERSION}}


def test_put_rejects_foreign_objects(db_path: Path) -> None:
    with Store.open(db_path) as store, pytest.raises(TypeError):
        store.put(Settings())  # type: ignore[arg-type]


def test_delete_contact_leaves_panels_and_recruiters(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store, sample())
        store.delete_contact("ct_ann")
        assert "ct_ann" not in store.contacts
        assert store.interviews["iv_1"].panel == ("ct_bob",)
        assert store.interviews["iv_2"].panel == ()
        assert store.interviews["iv_2"].recruiter_id is None
        store.delete_contact("ct_bob")
        assert store.interviews["iv_1"].recruiter_id is None
    with Store.open(db_path) as store:
        assert store.interviews["iv_1"].panel == ()
        with pytest.raises(KeyError):
            store.delete_contact("ct_ann")


def test_delete_interview_unlinks_touches(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store, sample())
        store.delete_interview("iv_1")
        assert list(store.interviews) == ["iv_2"]
        touch = store.contacts["ct_ann"].touches[0]
        assert touch.interview_id is None and touch.text == "Thanks!"


def test_delete_company_refuses_while_referenced_or_cascades(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store, sample())
        with pytest.raises(StoreError, match="Acme"):
            store.delete_company("co_acme")
        assert "co_acme" in store.companies and "iv_1" in store.interviews
        store.delete_company("co_acme", cascade=True)
        assert list(store.companies) == ["co_init"]
        assert list(store.interviews) == ["iv_2"]
        store.delete_interview("iv_2")
        store.delete_company("co_init")
        store.delete_template("tp_1")
    with Store.open(db_path) as store:
        data = store.dataset()
        assert (data.companies, data.interviews, data.templates) == ((), (), ())
        assert len(data.contacts) == 2


def test_replace_all_swaps_everything(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.put(Company("co_old", "Old"))
        store.replace_all(sample())
        assert store.dataset() == sample()
        store.put(Company("co_more", "More"))
        with pytest.raises(ValueError, match="co_x"):
            store.replace_all(Dataset(companies=(Company("co_x", "A"), Company("co_x", "B"))))
        assert "co_more" in store.companies
    with Store.open(db_path) as store:
        assert list(store.companies) == ["co_acme", "co_init", "co_more"]


def test_read_only_refuses_writes_and_leaves_the_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        fill(store, sample())
    before = db_path.read_bytes()
    with Store.open(db_path, read_only=True) as store:
        assert store.read_only and store.dataset() == sample()
        attempts: list[Callable[[], object]] = [
            lambda: store.put(Company("co_9", "X")),
            lambda: store.set_settings(Settings()),
            lambda: store.delete_contact("ct_ann"),
            lambda: store.replace_all(Dataset()),
        ]
        for attempt in attempts:
            with pytest.raises(StoreError, match="opened read-only"):
                attempt()
        store.flush()  # nothing to save: not an error
    assert db_path.read_bytes() == before


def test_read_only_does_not_create_a_missing_file(db_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        Store.open(db_path, read_only=True)
    assert not db_path.parent.exists()


def test_closed_store_refuses_writes_and_closes_twice(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.put(Company("co_1", "X"))


def test_flush_from_a_thread_while_mutating(db_path: Path) -> None:
    with Store.open(db_path) as store:
        done = threading.Event()

        def flusher() -> None:
            while not done.is_set():
                store.flush()

        worker = threading.Thread(target=flusher)
        worker.start()
        try:
            for n in range(300):
                store.put(Contact(f"ct_{n}", f"Person {n}"))
                if n % 3 == 0:
                    store.delete_contact(f"ct_{n}")
        finally:
            done.set()
            worker.join()
        expected = store.dataset()
    with Store.open(db_path) as store:
        assert store.dataset() == expected
        assert len(store.contacts) == 200


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_new_folders_and_file_are_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "followup.json"
    with Store.open(path) as store:
        for folder in (tmp_path / "a", tmp_path / "a" / "b"):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(Path(f"{path}.lock").stat().st_mode) == 0o600
        path.chmod(0o644)  # even a file someone opened up becomes private again on save
        store.put(Company("co_1", "Acme"))
        store.flush()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700


@pytest.mark.usefixtures("umask_022")
def test_existing_folders_keep_their_mode(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    with Store.open(tmp_path / "new" / "followup.json"):
        pass
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700


def _valid_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION}}}))
    data["interviews"] = {
        "1": {"id": "iv_1", "company_id": "co_1", "role": "Dev", "rounds": ["2024-13-45"]}
    }
    return data


UNREADABLE = {
    "broken JSON": (b'{"broken', "not valid JSON"),
    "empty": (b"", "empty"),
    "blank": (b"  \n\t ", "empty"),
    "array": (b"[]", "expected an object"),
    "meta not a table": (b'{"meta": 5}', "$.meta"),
    "no meta": (b'{"companies": {}}', "$.meta"),
    "meta without schema": (b'{"meta": {"1": {}}}', "schema"),
    "table not an object": (b'{"meta": {"1": {"schema": 2}}, "contacts": []}', "$.contacts"),
    "record not an object": (
        b'{"meta": {"1": {"schema": 2}}, "contacts": {"1": 3}}',
        '$.contacts["1"]',
    ),
    "bad date": (json.dumps(_valid_file()).encode(), '$.interviews["1"].rounds[0]'),
    "missing field": (
        b'{"meta": {"1": {"schema": 2}}, "contacts": {"1": {"id": "c"}}}',
        '$.contacts["1"]',
    ),
    "duplicate id": (
        b'{"meta": {"1": {"schema": 2}}, "companies": {"1": {"id": "c", "name": '
        b'"A"}, "2": {"id": "c", "name": "B"}}}',
        "already the id",
    ),
    "bad settings": (
        b'{"meta": {"1": {"schema": 2}}, "settings": {"1": {"default_cadence_days": 0}}}',
        "$.settings",
    ),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize(("content", "problem"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_file_is_reported_and_left_alone(
    db_path: Path, content: bytes, problem: str, read_only: bool
) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(db_path, read_only=read_only)
    message = str(caught.value)
    assert str(db_path) in message and problem in message
    assert "\n" not in message
    assert db_path.read_bytes() == content
    assert files_in(db_path.parent) == {"followup.json"}
    with pytest.raises(StoreError):  # the lock was released on the way out: same error again
        Store.open(db_path)


def test_a_directory_is_not_a_data_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_permissions(db_path: Path) -> None:
    with Store.open(db_path):
        pass
    db_path.chmod(0)
    try:
        with pytest.raises(StoreError, match="permission denied"):
            Store.open(db_path)
    finally:
        db_path.chmod(0o600)


def test_newer_schema_is_refused_and_untouched(db_path: Path) -> None:
    db_path.parent.mkdir()
    content = b'{"meta": {"1": {"schema": 4}}, "futuristic": {"1": {"x": 1}}}'
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match=r"newer followup \(schema 4\); this one reads up to 3"):
        Store.open(db_path)
    assert db_path.read_bytes() == content
    assert files_in(db_path.parent) == {"followup.json"}


V1 = {
    "meta": {"1": {"schema": 1}},
    "settings": {"1": {"your_name": "Sam"}},
    "companies": {"1": {"id": "co_1", "name": "Acme"}},
    "interviews": {
        "1": {
            "id": "iv_1",
            "company_id": "co_1",
            "role": "Dev",
            "date": "2024-03-01",
            "panel": ["ct_1"],
        },
        "2": {"id": "iv_2", "company_id": "co_1", "role": "Lead", "date": None},
    },
    "contacts": {
        "1": {"id": "ct_1", "name": "Ann Lee", "tidbits": "chess\n\n  two cats \n"},
        "2": {"id": "ct_2", "name": "Bob", "tidbits": ""},
    },
}


def test_older_schema_is_backed_up_and_migrated(db_path: Path) -> None:
    db_path.parent.mkdir()
    original = json.dumps(V1, indent=2).encode()
    db_path.write_bytes(original)
    with Store.open(db_path) as store:
        assert store.interviews["iv_1"].rounds == (date(2024, 3, 1),)
        assert store.interviews["iv_2"].rounds == ()
        assert store.contacts["ct_1"].tidbits == ("chess", "two cats")
        assert store.contacts["ct_2"].tidbits == ()
        assert store.settings.your_name == "Sam"
        assert not store.dirty
    backups = [name for name in files_in(db_path.parent) if name != "followup.json"]
    assert len(backups) == 1
    assert re.fullmatch(r"followup\.json\.bak-v1-\d{8}T\d{6}", backups[0])
    backup = db_path.parent / backups[0]
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    saved = json.loads(db_path.read_bytes())
    assert saved["meta"] == {"1": {"schema": SCHEMA_VERSION}}
    assert saved["interviews"]["1"]["rounds"] == ["2024-03-01"]
    assert "date" not in saved["interviews"]["1"]


def test_older_schema_read_only_is_migrated_in_memory_only(db_path: Path) -> None:
    db_path.parent.mkdir()
    original = json.dumps(V1).encode()
    db_path.write_bytes(original)
    with Store.open(db_path, read_only=True) as store:
        assert store.contacts["ct_1"].tidbits == ("chess", "two cats")
    assert db_path.read_bytes() == original
    assert files_in(db_path.parent) == {"followup.json"}


def test_older_schema_that_fails_validation_gets_no_backup(db_path: Path) -> None:
    db_path.parent.mkdir()
    bad = json.loads(json.dumps(V1))
    bad["interviews"]["1"]["date"] = "not a date"
    content = json.dumps(bad).encode()
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match=r'\$\.interviews\["1"\]\.rounds\[0\]'):
        Store.open(db_path)
    assert db_path.read_bytes() == content
    assert files_in(db_path.parent) == {"followup.json"}


def test_unknown_tables_are_kept(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b'{"meta": {"1": {"schema": 2}}, "extra": {"1": {"x": 1}}}')
    with Store.open(db_path) as store:
        store.put(Company("co_1", "Acme"))
    assert json.loads(db_path.read_bytes())["extra"] == {"1": {"x": 1}}


def test_second_open_in_this_process_is_locked(db_path: Path) -> None:
    with Store.open(db_path):
        with pytest.raises(StoreLocked):
            Store.open(db_path)
        with Store.open(db_path, read_only=True) as reader:  # readers take no lock
            assert reader.dataset() == Dataset()
    Store.open(db_path).close()


OPEN_AND_REPORT = """
import sys
from followup_tui.store import Store, StoreLocked
try:
    Store.open(sys.argv[1] if len(sys.argv) > 1 else {path!r}).close()
except StoreLocked as error:
    print(error)
    sys.exit(3)
print("opened")
"""


def test_lock_across_processes(db_path: Path) -> None:
    code = OPEN_AND_REPORT.format(path=str(db_path))
    with Store.open(db_path):
        result = run_python(code)
        assert result.returncode == 3, result.stderr
        assert result.stdout.strip() == (
            f"{db_path} is in use by another followup (lock file {db_path}.lock); close it first"
        )
    result = run_python(code)
    assert result.returncode == 0 and result.stdout.strip() == "opened", result.stderr


def test_lock_of_a_dead_process_does_not_block(db_path: Path) -> None:
    died = run_python(
        "import os\nfrom followup_tui.domain import Company\nfrom followup_tui.store import Store\n"
        f"s = Store.open({str(db_path)!r})\ns.put(Company('co_1', 'Acme'))\ns.flush()\n"
        "os._exit(9)\n"
    )
    assert died.returncode == 9, died.stderr
    with Store.open(db_path) as store:
        assert list(store.companies) == ["co_1"]


def test_settings_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_settings(replace(Settings(), signature="Best,\nSam", email_limit=2000))
    with Store.open(db_path) as store:
        assert store.settings.signature == "Best,\nSam"
        assert store.settings.email_limit == 2000


REVIEW = ReviewState(
    snoozed=(Snooze("keep_in_touch:ct_ann:2024-04-01", date(2024, 4, 8)),),
    dismissed=(Dismissal("reapply_open:co_acme:2024-09-01", "not again", date(2024, 8, 30)),),
    cleared=(Cleared("thank_you:iv_1:ct_ann:2024-03-01", date(2024, 3, 1)),),
)


def test_review_state_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.review == ReviewState()
        store.set_review(REVIEW)
        assert store.dirty and store.review == REVIEW
    with Store.open(db_path) as store:
        assert store.review == REVIEW
        assert store.dataset().review == REVIEW
        store.replace_all(sample())
        assert store.review == ReviewState()
    with Store.open(db_path) as store:
        assert store.review == ReviewState()
        store.replace_all(replace(sample(), review=REVIEW))
    with Store.open(db_path, read_only=True) as store:
        assert store.dataset() == replace(sample(), review=REVIEW)
        with pytest.raises(StoreError, match="opened read-only"):
            store.set_review(ReviewState())


def test_a_file_without_a_review_table_reads_as_an_empty_review(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(
        json.dumps(
            {"meta": {"1": {"schema": 2}}, "companies": {"1": {"id": "co_1", "name": "Acme"}}}
        ).encode()
    )
    with Store.open(db_path) as store:
        assert store.review == ReviewState()
        assert list(store.companies) == ["co_1"]
        assert not store.dirty


@pytest.mark.parametrize(
    ("review", "problem"),
    [
        (b"[]", "$.review: expected an object"),
        (
            b'{"1": {"snoozed": [{"key": "k", "until": "someday"}]}}',
            '$.review["1"].snoozed[0].until',
        ),
    ],
)
def test_a_broken_review_table_is_refused(db_path: Path, review: bytes, problem: str) -> None:
    db_path.parent.mkdir()
    content = b'{"meta": {"1": {"schema": 2}}, "review": ' + review + b"}"
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(db_path)
    assert problem in str(caught.value)
    assert db_path.read_bytes() == content


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "followup.json"
    with Store.open(real):
        pass
    link = tmp_path / "followup.json"
    link.symlink_to(real)
    with Store.open(link) as store:
        store.put(Company("co_1", "Acme"))
    assert link.is_symlink()
    with Store.open(real) as store:
        assert list(store.companies) == ["co_1"]


def test_listeners_hear_every_change(db_path: Path) -> None:
    from followup_tui.domain import Company, Contact

    heard: list[tuple[str, str, bool]] = []
    with Store.open(db_path) as store:
        store.subscribe(lambda table, id, record: heard.append((table, id, record is None)))
        store.put(Company(id="co_1", name="Acme"))
        store.put(Contact(id="ct_1", name="Ann"))
        store.delete_contact("ct_1")
        store.set_settings(store.settings)
        store.set_review(store.review)
        store.replace_all(store.dataset())
    assert heard == [
        ("companies", "co_1", False),
        ("contacts", "ct_1", False),
        ("contacts", "ct_1", True),
        ("settings", "1", False),
        ("review", "1", False),
        ("*", "", True),
    ]
