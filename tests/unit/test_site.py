"""generator.site.build: the reproducible build date. The MkDocs build itself is tested in tests/test_build.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.site.build import source_date_epoch


def test_an_explicit_epoch_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert source_date_epoch(tmp_path) == "1234567890"


def test_the_last_commit_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {
        "GIT_AUTHOR_DATE": "2024-07-11T12:00:00Z",
        "GIT_COMMITTER_DATE": "2024-07-11T12:00:00Z",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    for command in (["git", "init", "-q"], ["git", "commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True)
    assert source_date_epoch(tmp_path) == "1720699200"


def test_outside_a_repository_the_epoch_is_zero(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert source_date_epoch(tmp_path) == "0"
