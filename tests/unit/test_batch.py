"""generator.validation.cache: checking many files with a content-keyed cache, in parallel when worth it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import Tag
from generator.validation import cache as batch
from generator.validation.cache import Job, check_all, default_cache_dir
from generator.validation.file import FileResult, check_file
from tests.helpers import REPO, VALID_EVENT, VALID_ID, edit

TAGS = {
    "violence-between-soldiers": Tag(
        id="violence-between-soldiers", name="Violence", description="Killings.", content_note=True
    )
}
BROKEN = edit(VALID_EVENT, "status: reported\ntags", "status: NO\ntags")


def jobs(*texts: str) -> list[Job]:
    return [
        (text.encode(), f"timeline/2024/{VALID_ID}-{i}.yaml", f"{VALID_ID}-{i}", "2024") for i, text in enumerate(texts)
    ]


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record which files are really checked (not served from a cache)."""
    checked: list[str] = []

    def check(raw: bytes, path: str, *args: object) -> FileResult:
        checked.append(path)
        return check_file(raw, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "check_file", check)
    return checked


def test_results_come_in_order_with_their_fingerprints() -> None:
    results = check_all(jobs(VALID_EVENT, BROKEN), TAGS, None)
    assert [r.data is not None for _, r in results] == [True, False]
    assert results[0][0] != results[1][0]


def test_the_cache_serves_unchanged_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = counting(monkeypatch)
    first = check_all(jobs(VALID_EVENT, BROKEN), TAGS, tmp_path)
    assert len(checked) == 2
    assert len(list(tmp_path.glob("checked-*.json"))) == 1
    second = check_all(jobs(VALID_EVENT, BROKEN), TAGS, tmp_path)
    assert len(checked) == 2
    assert second == first


def test_a_changed_file_or_vocabulary_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = counting(monkeypatch)
    check_all(jobs(VALID_EVENT, BROKEN), TAGS, tmp_path)
    check_all(jobs(VALID_EVENT, BROKEN + "\n"), TAGS, tmp_path)
    assert checked[2:] == [f"timeline/2024/{VALID_ID}-1.yaml"]
    check_all(jobs(VALID_EVENT, BROKEN + "\n"), {}, tmp_path)
    assert len(checked) == 5


def test_the_same_bytes_at_another_path_are_checked_for_that_path(tmp_path: Path) -> None:
    [(_, result)] = check_all(jobs(BROKEN), TAGS, tmp_path)
    moved = [(BROKEN.encode(), "elsewhere/2024/x.yaml", f"{VALID_ID}-0", "2024")]
    [(_, again)] = check_all(moved, TAGS, tmp_path)
    assert [p.path for p in result.problems] == [f"timeline/2024/{VALID_ID}-0.yaml"]
    assert [p.path for p in again.problems] == ["elsewhere/2024/x.yaml"]


@pytest.mark.parametrize("content", ["not json", "[]", '{"k": {"problems": [[1]]}}', '{"k": 3}'])
def test_an_unreadable_cache_is_ignored(tmp_path: Path, content: str) -> None:
    check_all(jobs(BROKEN), TAGS, tmp_path)
    [stored] = tmp_path.glob("checked-*.json")
    stored.write_text(content, encoding="utf-8")
    [(_, result)] = check_all(jobs(VALID_EVENT), TAGS, tmp_path)
    assert result.problems == []
    assert isinstance(json.loads(stored.read_text(encoding="utf-8")), dict)


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    [(_, result)] = check_all(jobs(VALID_EVENT), TAGS, blocker / "cache")
    assert result.problems == []


def test_memory_is_consulted_first(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = counting(monkeypatch)
    memory: dict[str, FileResult] = {}
    check_all(jobs(VALID_EVENT, BROKEN), TAGS, None, memory)
    check_all(jobs(VALID_EVENT, BROKEN), TAGS, None, memory)
    assert len(checked) == 2
    assert len(memory) == 2


def test_parallel_checking_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    many = jobs(*([VALID_EVENT, BROKEN] * 3))
    serial = check_all(many, TAGS, None)
    monkeypatch.setattr(batch, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 2)
    assert check_all(many, TAGS, None) == serial


def test_the_cache_lives_inside_the_project(tmp_path: Path) -> None:
    """In .cache/timeline-check/ next to the timeline folder (git-ignored), never in the home folder."""
    assert default_cache_dir(tmp_path / "timeline") == tmp_path / ".cache" / "timeline-check"
    assert "/.cache/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_entries_of_vanished_files_are_pruned(tmp_path: Path) -> None:
    cache = tmp_path / ".cache" / "timeline-check"
    both = jobs(VALID_EVENT, BROKEN)
    check_all(both, TAGS, cache)
    [stored] = cache.glob("checked-*.json")
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 2
    check_all(both[:1], TAGS, cache)  # the second file was deleted: nothing new to check, one entry to drop
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 1
    assert sorted(p.name for p in cache.iterdir()) == sorted([stored.name, "stamp"])


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / ".cache").symlink_to(elsewhere, target_is_directory=True)
    results = check_all(jobs(VALID_EVENT), TAGS, tmp_path / ".cache" / "timeline-check")
    assert len(results) == 1
    assert list(elsewhere.iterdir()) == []
