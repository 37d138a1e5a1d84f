"""Save one edit, crash-safe, against TinyDB's stock ``JSONStorage`` writing the same data.

In a fresh interpreter (``python bench/measure_save.py DB RUNS``, which prints JSON), over a copy
of the data: each run changes one contact's notes through the store and times ``put`` plus
``flush`` (what the app's save worker does after an edit: encode, write a temp file, fsync,
rename, fsync the folder). Then it times ``TinyDB(path)``'s default storage writing the document
that save produced (``json.dumps``, write in place, fsync), which is what every single change
costs with stock TinyDB, before it even reads the file back. The two alternate in one process,
so they share its memory and its garbage collector.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def save_one_edit(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(seconds per save of one edit, seconds per stock JSONStorage write), ``runs`` of each."""
    import shutil

    from tinydb import TinyDB

    from followup_tui.store import Store

    folder = Path(tempfile.mkdtemp(prefix="followup-bench-save-"))
    ours, stock_path = folder / "followup.json", folder / "stock.json"
    shutil.copyfile(db, ours)
    saves: list[float] = []
    writes: list[float] = []
    with Store.open(ours) as store, TinyDB(stock_path) as stock:
        contacts = list(store.contacts.values())
        for run in range(runs):
            contact = contacts[(run * 7919) % len(contacts)]
            edited = dataclasses.replace(contact, notes=f"{contact.notes} (edit {run})".strip())
            start = time.perf_counter()
            store.put(edited)
            store.flush()
            saves.append(time.perf_counter() - start)
            document = json.loads(ours.read_bytes())
            start = time.perf_counter()
            stock.storage.write(document)
            writes.append(time.perf_counter() - start)
    shutil.rmtree(folder)
    return saves, writes


def in_child(db: Path, runs: int, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """:func:`save_one_edit` in a fresh interpreter, as the app would run it."""
    done = subprocess.run(
        [sys.executable, str(HERE / "measure_save.py"), str(db), str(runs)],
        check=True,
        capture_output=True,
        env=env,
    )
    saves, writes = json.loads(done.stdout)
    return saves, writes


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    print(json.dumps(save_one_edit(Path(sys.argv[1]), int(sys.argv[2]))))
