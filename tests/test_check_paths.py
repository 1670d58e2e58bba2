"""``timeline check PATH...``: the problems of the given files or folders, read with the whole timeline,
and a word about an event file saved outside ``timeline/``, which would otherwise be ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.helpers import BUNDLED, VALID_EVENT, checked_files, edit, event_files, make_project

EVENT = "timeline/2024/2024-07-11-belgorod-soldier-shoots-comrades.yaml"
STRAY = "stray: this looks like an event file, but only files in timeline/<year>/ are checked and published"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_project(tmp_path, BUNDLED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def _events(project: Path) -> list[Path]:
    return event_files(project / "timeline")


def test_a_clean_clone_reports_nothing(project: Path) -> None:
    result = _check("--strict")
    assert (result.output, result.exit_code) == (f"0 problems in {checked_files(project / 'timeline')} files\n", 0)


def test_a_file_is_checked_with_the_rest_of_the_timeline(project: Path) -> None:
    """A copy under a new name is a duplicate of its original: a rule across files, shown for the file asked about."""
    original = _events(project)[0]
    copy = original.with_name(original.stem + "-copy.yaml")
    shutil.copy2(original, copy)
    shown = str(copy.relative_to(project))
    result = _check(shown)
    lines = result.output.splitlines()
    assert lines[-1] == "1 problem in 1 file"
    assert lines[0].startswith(f"{shown}:1:1: warning: looks like {original.relative_to(project)}")
    assert result.exit_code == 0, "a warning fails only with --strict"
    other = str(_events(project)[-1].relative_to(project))
    assert _check(other).output == "0 problems in 1 file\n", "another file's problems are not shown"


def test_a_folder_is_checked_file_by_file(project: Path) -> None:
    bad = project / "timeline" / "2023" / "2023-01-01-bad-status.yaml"
    bad.write_text(
        edit(VALID_EVENT, 'date: "2024-07-11"', 'date: "2023-01-01"').replace(
            "status: reported\ntags", "status: verified\ntags"
        ),
        encoding="utf-8",
    )
    result = _check("timeline/2023")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        "timeline/2023/2023-01-01-bad-status.yaml:4:9: status: expected one of"
    )
    assert result.output.endswith(f" in {len(list((project / 'timeline' / '2023').glob('*.yaml')))} files\n")
    assert _check("timeline/2024").exit_code == 0


def test_an_event_saved_outside_the_timeline_is_reported(project: Path) -> None:
    (project / "2024-07-11-my-event.yaml").write_text(VALID_EVENT, encoding="utf-8")
    expected = f"2024-07-11-my-event.yaml:1:1: {STRAY.removeprefix('stray: ')}; move it to timeline/2024/"
    result = _check()
    assert (result.exit_code, result.output.splitlines()[0]) == (1, expected)
    given = _check("2024-07-11-my-event.yaml")
    assert (given.exit_code, given.output) == (1, f"{expected}\n1 problem in 1 file\n")


def test_an_event_in_docs_is_reported_and_other_yaml_is_not(project: Path) -> None:
    (project / "docs" / "event.yml").write_text(VALID_EVENT, encoding="utf-8")
    result = _check()
    assert [line.split(":")[0] for line in result.output.splitlines()[:-1]] == ["docs/event.yml"]
    other = _check("mkdocs.yml")
    assert other.output == (
        "mkdocs.yml:0:0: warning: not in timeline/ and not an event file, so there is nothing to check in it\n"
        "1 problem in 1 file\n"
    )
    assert other.exit_code == 0


def test_a_path_that_does_not_exist_is_a_usage_error(project: Path) -> None:
    result = _check("timeline/2024/no-such-file.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.output
