"""generator.project: where things are, and the settings read from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.project import Project, Settings, find_project
from tests.helpers import REPO


def test_folders() -> None:
    project = Project(Path("/p"))
    assert (project.config_file, project.docs, project.generated, project.timeline, project.site) == (
        Path("/p/mkdocs.yml"),
        Path("/p/docs"),
        Path("/p/docs/generated"),
        Path("/p/timeline"),
        Path("/p/site"),
    )


def test_find_project_walks_up_to_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "timeline" / "2024").mkdir(parents=True)
    assert find_project(tmp_path / "timeline" / "2024") == Project(tmp_path)
    assert find_project(REPO / "generator") == Project(REPO)


def test_find_project_falls_back_to_the_start(tmp_path: Path) -> None:
    assert find_project(tmp_path) == Project(tmp_path)


@pytest.mark.parametrize(
    ("config", "settings"),
    [
        ("site_name: x\n", Settings()),
        (
            "site_name: x\nsite_url: https://timeline.example.org/\nextra:\n  timeline:\n"
            "    repo_url: https://github.com/org/repo\n    edit_branch: trunk\n",
            Settings(
                repo_url="https://github.com/org/repo", edit_branch="trunk", site_url="https://timeline.example.org/"
            ),
        ),
        ('site_name: x\nextra:\n  timeline:\n    repo_url: ""\n', Settings()),
        ("site_name: x\nextra:\n", Settings()),
        ("site_name: [unclosed\n", Settings()),
    ],
)
def test_settings(tmp_path: Path, config: str, settings: Settings) -> None:
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert Project(tmp_path).settings() == settings


def test_settings_without_mkdocs_yml(tmp_path: Path) -> None:
    assert Project(tmp_path).settings() == Settings()


def test_the_repository_settings() -> None:
    assert Project(REPO).settings() == Settings(repo_url=None, edit_branch="main", site_url=None)
