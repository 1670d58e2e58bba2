"""Two builds of the same commit are byte-identical, whatever the machine's settings.

The same commit (the bundled timeline plus every inert hostile case, so that odd text is part
of the input) is checked out twice into different folders, its files written in opposite orders
and with different modification times, then built by ``timeline build`` in two processes that
differ in PYTHONHASHSEED, time zone, locale and cache folder. Every file of the two sites and of
the two generated folders must be identical, and the build time MkDocs records (the gzip header
of sitemap.xml.gz) must be the last commit's day: SOURCE_DATE_EPOCH comes from git.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from generator.project import Project
from tests.hostile._support import CORPUS, REPO, inert_case_bytes, load_cases, new_project

COMMIT_TIME = 1714979289
"""2024-05-06 07:08:09 UTC, the time of the commit both checkouts are made from."""


def _sources() -> dict[str, bytes]:
    """The commit's timeline: the bundled events and every inert case, with the hostile tag vocabulary."""
    files = {
        p.relative_to(REPO / "timeline").as_posix(): p.read_bytes()
        for p in (REPO / "timeline").rglob("*")
        if p.is_file() and p.name != "tags.yaml"
    }
    files["tags.yaml"] = (CORPUS / "tags" / "inert-site.yaml").read_bytes()
    for case in load_cases():
        if case["outcome"] == "inert":
            name = Path(case["file"]).name
            files[f"{name[:4]}/{name}"] = inert_case_bytes(case)
    return files


def _checkout(root: Path, reverse: bool, mtime: int) -> Project:
    """A git repository holding the commit, its timeline files written in the given order."""
    project = new_project(root)
    shutil.rmtree(project.timeline)
    for relative, data in sorted(_sources().items(), reverse=reverse):
        target = project.timeline / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(target, (mtime, mtime))
    env = {**_git_env(), "GIT_AUTHOR_DATE": f"@{COMMIT_TIME} +0000", "GIT_COMMITTER_DATE": f"@{COMMIT_TIME} +0000"}
    for command in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "Timeline"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True, capture_output=True, timeout=60)
    return project


def _git_env() -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {
        **keep,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def _build(project: Project, cache: Path, settings: dict[str, str]) -> subprocess.Popen[str]:
    """``timeline build`` in its own process, so that the environment applies from the start.

    Started, not waited for: the two builds run side by side on the two cores (half the wait), and
    being in different folders, neither can see the other's files."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "TZ")}
    env.update(settings, XDG_CACHE_HOME=str(cache))
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=project.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finished(build: subprocess.Popen[str]) -> None:
    output, _ = build.communicate(timeout=600)
    assert build.returncode == 0, output


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    first = _checkout(tmp_path / "first-checkout", reverse=False, mtime=1_600_000_000)
    second = _checkout(tmp_path / "elsewhere" / "second", reverse=True, mtime=1_800_000_000)
    builds = [
        _build(
            first,
            tmp_path / "cache-1",
            {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        ),
        _build(
            second,
            tmp_path / "cache-2",
            {"PYTHONHASHSEED": "4242", "TZ": "America/Adak", "LC_ALL": "C", "LANG": "tr_TR.UTF-8"},
        ),
    ]
    for build in builds:
        _finished(build)
    for folder in ("site", "docs/generated"):
        a, b = _files(first.root / folder), _files(second.root / folder)
        assert sorted(a) == sorted(b), f"{folder}: different files"
        different = sorted(name for name in a if a[name] != b[name])
        assert different == [], f"{folder}: these files differ between the two builds"
    assert len(_files(first.site)) > 100
    with (first.site / "sitemap.xml.gz").open("rb") as sitemap:
        header = sitemap.read(8)
    # MkDocs stamps the sitemap with the build's date (midnight UTC) taken from SOURCE_DATE_EPOCH
    assert struct.unpack("<I", header[4:8])[0] == COMMIT_TIME // 86400 * 86400, "the build time is not the commit's"
