"""How a build's processes use memory: the collector's pace, and giving freed memory back.

A build at 10,000 events in three languages runs the generator and two MkDocs builds at once,
and the whole must stay under a gigabyte (benchmarks/README.md). Python keeps most of what it
frees for its own later use, which counts against that whole; :func:`give_back` returns it.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def tune_gc() -> None:
    """Collect garbage less often: a large timeline keeps hundreds of thousands of long-lived
    objects (events, pages, MkDocs' page tree) and creates few reference cycles, and with the
    default thresholds the collector re-scans them over and over. Measured on 3,000 events, the
    MkDocs build took 93 s with the defaults and 39 s with these, using 173 MB instead of 129 MB.
    """
    gc.set_threshold(200_000, 100, 1000)


def keep_for_good() -> None:
    """Move every object alive now out of the collector's sight (``gc.freeze``).

    Called once a build's lasting objects exist (MkDocs' files and navigation), so that the
    frequent collections of :func:`give_back` scan only what pages leave behind, not the whole
    site each time; what is frozen is still freed when nothing refers to it.
    """
    gc.collect()
    gc.freeze()


def let_go() -> None:
    """Undo :func:`keep_for_good`: the collector sees every object again."""
    gc.unfreeze()


def give_back() -> None:
    """Free the garbage with reference cycles, then return free memory to the system.

    Python hands large blocks to the C library, which keeps freed ones for reuse; ``malloc_trim``
    (glibc) releases them. Measured on one MkDocs build at 10,000 events, collecting and trimming
    every 200 pages kept the process at 270-315 MB (374 MB at its largest) where it had held 420-450 MB.
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None on a system without it (macOS, musl)."""
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)  # the C library this process already uses
    except OSError:
        return None


def fresh_processes(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each started for one task and ended with it.

    A process kept for a next task would keep the memory of its last one (Python returns little
    of it to the system). Spawned, not forked: a forked process would start with a copy of this
    one's memory (the whole timeline and its pages), and fork is unsafe in a process that has
    started threads (serve). Tasks must be importable by name, their arguments and results
    picklable; a process the system ends raises ``BrokenProcessPool``.
    """
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1)


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a process started for it (:func:`fresh_processes`), which ends with it
    and takes all its memory along. Raises what the function raised, and ``BrokenProcessPool``
    when the system ended the process (out of memory, most likely)."""
    with fresh_processes(1) as pool:
        return pool.submit(function, *args).result()
