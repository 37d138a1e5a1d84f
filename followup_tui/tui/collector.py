"""The garbage collector (and the interpreter lock) kept from stopping the UI.

CPython's cyclic collector stops every thread while it runs, and a full collection walks every
container alive. Four things keep it off the UI's back:

- what is alive once the data is loaded (millions of objects at 10,000 interviews) and the search
  index once built live as long as the app and are never garbage: they are frozen out of the
  collector's sight (:func:`freeze_loaded`, :func:`building`);
- while the app runs, full collections are held (:func:`hold_full_collections`): young ones still
  run as usual and free short-lived garbage, and reference counting frees everything else;
- the app runs the full collection itself once the user has been idle a moment
  (:func:`collect_if_due`), instead of in the middle of a burst of keys (it walks Textual's own
  caches, 10 to 30 ms); the first idle moment instead freezes what the start built
  (:func:`settle`), which is most of what a full collection would walk;
- work in a thread that pauses the collector (the review's rules do) ends with what was made
  meanwhile frozen, not walked all at once (:func:`paused_then_frozen`).

While the index is built in a thread, the interpreter also hands its lock to the UI thread
sooner (:func:`building`).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The third threshold while full collections are held: in effect never.
HELD = 1_000_000_000
#: Collections of the middle generation after which a full one is due, as CPython's own default.
FULL_EVERY = 10
#: ... and after which it runs whether or not the user is idle (someone who never stops).
FULL_ANYWAY = 50 * FULL_EVERY

#: Seconds between the interpreter's hand-overs of its lock while a structure is built in a
#: thread (Python's default is 0.005).
BUILD_SWITCH = 0.001

_lock = threading.Lock()
_holds = 0
_third = gc.get_threshold()[2]
_builders = 0
_switch = sys.getswitchinterval()


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
    """Only young collections while the block builds a long-lived structure (in a thread); then
    freeze it. Meanwhile the interpreter hands its lock over every :data:`BUILD_SWITCH`
    seconds, not every 5 ms: the UI thread, woken by a key or a timer, waits that much less
    for its turn at each step of a frame."""
    global _builders, _switch
    hold_full_collections()
    with _lock:
        if _builders == 0:
            _switch = sys.getswitchinterval()
            sys.setswitchinterval(BUILD_SWITCH)
        _builders += 1
    try:
        yield
    finally:
        gc.freeze()  # what was built lives on: out of sight before full collections return
        with _lock:
            _builders -= 1
            if _builders == 0:
                sys.setswitchinterval(_switch)
        release()


@contextmanager
def paused_then_frozen() -> Iterator[None]:
    """Pause the collector while a thread works through the whole data, then freeze what was
    made meanwhile instead of leaving it to the next young collection.

    The review's rules pause the collector themselves, for every thread: what the UI makes
    meanwhile piles up young, and the first collection after walks all of it at once (86,000
    objects after the first frame at 10,000 interviews: an 88 ms stop). Frozen, it is never
    walked; what of it is garbage without a cycle is freed as ever, and the few cycles the UI
    made in those milliseconds are kept.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


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
