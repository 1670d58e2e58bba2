"""generator.preview and generator.site.live: the pieces of ``timeline serve`` without a browser.

- A page the live site rebuilt after an edit is the page a full MkDocs build makes of the same
  files (a real MkDocs build of the small fixture, no mock).
- The watcher hands over the paths written, and hears nothing when files are only read (the
  preview's own reads once woke it for ever).
- ``validate(changed=...)`` reads again only the files it is told changed.
- A broken save's report puts its own problems first and the rest as one count, is not
  repeated, and the fix is acknowledged.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from generator.pipeline import regenerate
from generator.preview.incremental import Regenerator
from generator.preview.report import Reporter
from generator.preview.serve import Changes, watch
from generator.problems import Problem, Severity
from generator.site.live import LiveSite
from generator.site.plugin import allow_nonce
from generator.validation import validate
from generator.validation.folder import Memory
from tests.helpers import SMALL, make_project

EVENT = "2024-07-11-soldier-shoots-two-comrades"


def _page(site: Path, event_id: str) -> str:
    return (site / "events" / event_id / "index.html").read_text(encoding="utf-8")


def test_a_rebuilt_page_is_the_page_a_full_build_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = make_project(tmp_path / "project", SMALL)
    regenerator = Regenerator(project, project.timeline)
    assert regenerator.run().ok
    live = LiveSite(project.config_file, project.generated, tmp_path / "live")
    assert live.build().ok
    path = project.timeline / "2024" / f"{EVENT}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Soldier reportedly", "Soldier edited"), "utf-8")
    heard: list[str | None] = []
    quick = regenerator.quick({str(path)})
    assert list(quick) == [f"events/{EVENT}.md"]
    run = regenerator.run()
    assert run.ok and run.report is not None
    live.update(run.report.written, run.report.removed, heard.append)
    assert f"events/{EVENT}/" in heard
    assert "Soldier edited" in _page(tmp_path / "live", EVENT)
    assert quick[f"events/{EVENT}.md"] == (project.generated / f"events/{EVENT}.md").read_bytes()

    full = LiveSite(project.config_file, project.generated, tmp_path / "full")
    assert full.build().ok
    for event_id in [EVENT, "2023-watchdog-counts-desertion-cases"]:
        assert _page(tmp_path / "live", event_id) == _page(tmp_path / "full", event_id)
    assert not (tmp_path / "live" / "pagefind").exists(), "search indexing stays out of the edit loop"


def test_the_watcher_hands_over_writes_and_ignores_reads(tmp_path: Path) -> None:
    from watchdog.observers import Observer

    project = make_project(tmp_path / "project", SMALL)
    woken = threading.Event()
    changes = Changes(woken.set)
    observer = Observer()
    watch(observer, project, project.timeline, changes)
    observer.start()
    try:
        time.sleep(0.3)
        for path in project.timeline.rglob("*.yaml"):
            path.read_bytes()
        (project.generated / "x").mkdir(parents=True)
        (project.generated / "x" / "page.md").write_text("generated", encoding="utf-8")
        assert not woken.wait(1.0), f"woken by reads or generated files: {changes.paths}"
        edited = project.timeline / "2024" / f"{EVENT}.yaml"
        edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert woken.wait(5.0)
        time.sleep(0.2)
        paths, everything = changes.take()
        assert paths == {str(edited)} and not everything
    finally:
        observer.stop()
        observer.join()


def test_validate_reads_again_only_the_files_named_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SMALL)
    memory = Memory()
    assert validate(project.timeline, None, memory).ok
    edited = project.timeline / "2024" / f"{EVENT}.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("status: reported", "status: verified", 1), "utf-8")
    assert validate(project.timeline, None, memory, changed=set()).ok, "unchanged by the watcher's word"
    assert not validate(project.timeline, None, memory, changed={str(edited)}).ok


def _problem(path: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(path, 3, 1, "status", message, severity)


def test_a_broken_save_is_reported_once_with_the_rest_as_a_count() -> None:
    reporter = Reporter()
    saved = "timeline/2024/mine.yaml"
    problems = [
        _problem("timeline/2022/other.yaml", "unknown event id 'mine'"),
        _problem("timeline/2023/a.yaml", "looks like b", Severity.WARNING),
        _problem(saved, "got 'verified'"),
        _problem("timeline/2023/b.yaml", "looks like a", Severity.WARNING),
    ]
    lines = reporter.failed(problems, {saved})
    assert lines[0].startswith(saved) and "verified" in lines[0]
    assert lines[1].startswith("timeline/2022/other.yaml")
    assert lines[2] == "(and 2 warnings in other files: run timeline check to see them)"
    assert lines[3].startswith("Not updated")
    assert reporter.failed(problems, {saved}) == ["Still not updated: the same 2 problems as above."]
    fixed = reporter.updated([], {saved}, ["http://127.0.0.1:8000/events/mine/"], 0.1, 0.5)
    assert fixed == [f"Fixed: {saved}, page updated (http://127.0.0.1:8000/events/mine/ in 0.10 s)."]
    assert reporter.updated([], {saved}, [], 0.1, 0.1) == [f"Checked {saved}: no page changed."]


def test_only_the_preview_adds_a_nonce_to_the_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    html = b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'sha256-x'\">"
    assert b"script-src 'self' 'nonce-abc' 'sha256-x'" in allow_nonce(html, "abc")
    project = make_project(tmp_path / "project", SMALL)
    assert regenerate(project, project.timeline).ok
    built = LiveSite(project.config_file, project.generated, tmp_path / "site")
    assert built.build().ok
    scripts = re.search(r"script-src ([^;]+);", _page(tmp_path / "site", EVENT))
    assert scripts is not None and "nonce-" not in scripts.group(1) and "unsafe-inline" not in scripts.group(1)
