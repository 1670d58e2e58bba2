"""generator.loader.files: finding event files; links, hidden and special files are refused, never followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.loader.files import check_tree, display, find


def layout(root: Path, entries: list[str]) -> None:
    """Files (``a/b.yaml``) and folders (``a/``) under ``root``."""
    for entry in entries:
        path = root / entry
        if entry.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x", encoding="utf-8")


def found(root: Path) -> tuple[list[str], str | None, list[str]]:
    result = find(root)
    problems = [f"{Path(p.path).relative_to(root)}: {p.message}" for p in result.problems]
    assert all((p.line, p.col) == (0, 0) for p in result.problems)
    tags = result.tags.relative_to(root).as_posix() if result.tags else None
    return [p.relative_to(root).as_posix() for p in result.events], tags, problems


def test_finds_event_files_in_year_folders_sorted(tmp_path: Path) -> None:
    layout(
        tmp_path,
        ["tags.yaml", "schema.json", "README.md", "2024/2024-b.yaml", "2024/2024-a.yaml", "2022/2022-x.yaml", "2023/"],
    )
    assert found(tmp_path) == (["2022/2022-x.yaml", "2024/2024-a.yaml", "2024/2024-b.yaml"], "tags.yaml", [])


def test_refuses_what_does_not_belong(tmp_path: Path) -> None:
    layout(
        tmp_path,
        [
            "tags.yaml",
            "notes.txt",
            "stray.yaml",
            "drafts/2024-x.yaml",
            "2024/2024-x.yml",
            "2024/sub/2024-y.yaml",
            "202/2024-z.yaml",
            ".hidden",
            "2024/.2024-w.yaml",
        ],
    )
    assert found(tmp_path) == (
        [],
        "tags.yaml",
        [
            ".hidden: hidden files are not allowed in the timeline",
            "202: unexpected folder; event files go in timeline/<YYYY>/",
            "2024/.2024-w.yaml: hidden files are not allowed in the timeline",
            "2024/2024-x.yml: unexpected file; event files end in .yaml",
            "2024/sub: unexpected folder; event files go directly in the year folder",
            "drafts: unexpected folder; event files go in timeline/<YYYY>/",
            "notes.txt: unexpected file; event files go in timeline/<YYYY>/<id>.yaml",
            "stray.yaml: unexpected file; event files go in timeline/<YYYY>/<id>.yaml",
        ],
    )


def test_refuses_symbolic_links_without_following_them(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    layout(outside, ["secret.yaml", "2025/2025-x.yaml"])
    root = tmp_path / "timeline"
    layout(root, ["2024/2024-a.yaml"])
    (root / "2024" / "2024-b.yaml").symlink_to(outside / "secret.yaml")
    (root / "2025").symlink_to(outside / "2025")
    (root / "tags.yaml").symlink_to(outside / "secret.yaml")
    assert found(root) == (
        ["2024/2024-a.yaml"],
        None,
        [
            "2024/2024-b.yaml: symbolic links are not allowed; commit the file itself",
            "2025: symbolic links are not allowed; commit the file itself",
            "tags.yaml: symbolic links are not allowed; commit the file itself",
        ],
    )


def test_refuses_special_files(tmp_path: Path) -> None:
    layout(tmp_path, ["2024/"])
    os.mkfifo(tmp_path / "2024" / "2024-pipe.yaml")
    assert found(tmp_path) == ([], None, ["2024/2024-pipe.yaml: not a regular file"])


def test_a_missing_folder(tmp_path: Path) -> None:
    [problem] = find(tmp_path / "nowhere").problems
    assert problem.message == "timeline folder does not exist"


def test_check_tree_refuses_links_and_special_files_anywhere(tmp_path: Path) -> None:
    layout(tmp_path, ["a.md", "assets/x.css", "deep/er/page.md"])
    (tmp_path / "deep" / "er" / "link.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "linked").symlink_to(tmp_path / "deep")
    os.mkfifo(tmp_path / "assets" / "pipe")
    problems = [(Path(p.path).relative_to(tmp_path).as_posix(), p.message) for p in check_tree(tmp_path)]
    assert problems == [  # folder by folder from the top, each folder sorted
        ("linked", "symbolic links are not allowed; commit the file itself"),
        ("assets/pipe", "not a regular file"),
        ("deep/er/link.md", "symbolic links are not allowed; commit the file itself"),
    ]


def test_display_is_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display(tmp_path / "timeline" / "x.yaml") == "timeline/x.yaml"
    assert display(Path("/elsewhere/x.yaml")) == "/elsewhere/x.yaml"
