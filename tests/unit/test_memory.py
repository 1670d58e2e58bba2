"""generator.site.memory: the collector's pace, giving memory back, and work in a process of its own."""

from __future__ import annotations

import gc
import os
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest

from generator.site import memory


def test_work_in_a_fresh_process_runs_elsewhere_and_returns_its_result() -> None:
    assert memory.in_fresh_process(os.getpid) != os.getpid()
    assert memory.in_fresh_process(sorted, [3, 1, 2]) == [1, 2, 3]


def test_an_error_in_the_fresh_process_is_raised_here() -> None:
    with pytest.raises(ValueError):
        memory.in_fresh_process(int, "not a number")


def test_a_fresh_process_the_system_ends_is_a_broken_pool_not_a_hang() -> None:
    with pytest.raises(BrokenProcessPool):
        memory.in_fresh_process(os._exit, 3)


def test_freezing_hides_objects_from_the_collector_until_let_go() -> None:
    try:
        memory.keep_for_good()
        assert gc.get_freeze_count() > 0
    finally:
        memory.let_go()
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_memory_is_given_back_through_the_c_library_on_linux() -> None:
    assert memory._malloc_trim() is not None
    memory.give_back()
