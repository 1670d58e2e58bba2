"""generator.pipeline: check, then write the generated folder only when nothing stops it.

The MkDocs build (pipeline.build) is tested end to end in tests/test_build.py.
"""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

from generator import pipeline
from generator.validation import Result
from tests.helpers import BROKEN, SMALL, make_project


def test_regenerate_writes_the_generated_folder(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    outcome = pipeline.regenerate(project, SMALL)
    assert outcome.ok and outcome.check.ok and outcome.problems == [] and outcome.messages == []
    assert outcome.report is not None
    assert (project.generated / "events" / "2023-watchdog-counts-desertion-cases.md").is_file()
    assert (project.generated / "data" / "events.json").is_file()
    again = pipeline.regenerate(project, SMALL)
    assert again.report is not None
    assert (again.report.written, again.report.removed) == ([], [])
    assert again.report.unchanged == len(outcome.report.written)


def test_regenerate_prunes_a_deleted_event(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    source = tmp_path / "timeline"
    shutil.copytree(SMALL, source)
    pipeline.regenerate(project, source)
    (source / "2023" / "2023-watchdog-counts-desertion-cases.yaml").unlink()
    (source / "2024" / "2024-07-11-soldier-shoots-two-comrades.yaml").write_text(
        (source / "2024" / "2024-07-11-soldier-shoots-two-comrades.yaml")
        .read_text(encoding="utf-8")
        .replace("related: [2023-watchdog-counts-desertion-cases]\n", ""),
        encoding="utf-8",
    )
    outcome = pipeline.regenerate(project, source)
    assert outcome.report is not None
    assert "events/2023-watchdog-counts-desertion-cases.md" in outcome.report.removed
    assert "years/2023.md" in outcome.report.removed
    assert not (project.generated / "events" / "2023-watchdog-counts-desertion-cases.md").exists()


def test_regenerate_writes_nothing_when_check_fails(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    outcome = pipeline.regenerate(project, BROKEN)
    assert not outcome.check.ok
    assert outcome.report is None
    assert outcome.problems == pipeline.check(BROKEN, use_cache=False).problems
    assert not project.generated.exists()


def test_check_without_the_cache(tmp_path: Path) -> None:
    assert pipeline.check(SMALL, use_cache=False).problems == []


class _Watched(pipeline.Full):
    """The full steps, remembering (weakly) the events their check returned."""

    def __init__(self) -> None:
        super().__init__(use_cache=False)
        self.events: list[weakref.ref[object]] = []

    def check(self, source: Path) -> Result:
        result = super().check(source)
        self.events = [weakref.ref(event) for event in result.events]
        return result


def test_a_run_keeps_counts_not_the_checked_timeline(tmp_path: Path) -> None:
    """Once the pages are written nothing holds the checked events: the run keeps only counts (and
    ``timeline build`` sends it back from the process that checked and generated)."""
    project = make_project(tmp_path)
    steps = _Watched()
    outcome = pipeline.run(project, SMALL, steps=steps)
    gc.collect()
    assert outcome.ok and outcome.check.events == len(steps.events) > 0
    assert [ref() for ref in steps.events if ref() is not None] == []
