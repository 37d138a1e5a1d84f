"""The garbage collector kept from stopping the UI while someone types.

CPython's cyclic collector stops every thread while it runs, and a full collection walks every
container alive. Three things keep it off the UI's back:

- what is alive once the data is loaded (millions of objects at 10,000 interviews) and the search
  index once built live as long as the app and are never garbage: they are frozen out of the
  collector's sight (:func:`freeze_loaded`, :func:`building`);
- while the app runs, full collections are held (:func:`hold_full_collections`): young ones still
  run as usual and free short-lived garbage, and reference counting frees everything else;
- the app runs the full collection itself once the user has been idle a moment
  (:func:`collect_if_due`), instead of in the middle of a burst of keys (it walks Textual's own
  caches, 10 to 30 ms); the first idle moment instead freezes what the start built
  (:func:`settle`), which is most of what a full collection would walk.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The third threshold while full collections are held: in effect never.
HELD = 1_000_000_000
#: Collections of the middle generation after which a full one is due, as CPython's own default.
FULL_EVERY = 10
#: ... and after which it runs whether or not the user is idle (someone who never stops).
FULL_ANYWAY = 50 * FULL_EVERY

_lock = threading.Lock()
_holds = 0
_third = gc.get_threshold()[2]


def freeze_loaded() -> None:
    """Keep everything alive now (the data just loaded) out of every later collection."""
    gc.freeze()


def hold_full_collections() -> None:
    """Hold off automatic full collections until as many :func:`release` calls; nestable, and
    safe from any thread."""
    global _holds, _third
    with _lock:
        if _holds == 0:
            first, second, _third = gc.get_threshold()
            gc.set_threshold(first, second, HELD)
        _holds += 1


def release() -> None:
    """Undo one :func:`hold_full_collections`; the last one lets full collections run again."""
    global _holds
    with _lock:
        _holds -= 1
        if _holds == 0:
            first, second, _ = gc.get_threshold()
            gc.set_threshold(first, second, _third)


@contextmanager
def building() -> Iterator[None]:
    """Only young collections while the block builds a long-lived structure; then freeze it."""
    hold_full_collections()
    try:
        yield
    finally:
        gc.freeze()  # what was built lives on: out of sight before full collections return
        release()


def settle() -> None:
    """Free the young garbage, then freeze what is left: what a screen built to be shown lives
    as long as it does (the main screen, as long as the app); its drawn lines, which make most
    of it, hold no cycles and are freed as ever when a cache lets them go."""
    gc.collect(1)
    gc.freeze()


def collect_if_due(idle: bool) -> bool:
    """Run the held full collection if enough has happened since the last (and the user is
    ``idle``, unless far too much has); whether it ran."""
    pending = gc.get_count()[2]
    if pending < FULL_EVERY or (not idle and pending < FULL_ANYWAY):
        return False
    gc.collect()
    return True
