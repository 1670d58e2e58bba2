"""Fixtures shared by the whole suite.

``small_site`` (session)
    The small fixture timeline (tests/fixtures/small/) built once with the real MkDocs, in
    strict mode, in a temporary project: a :class:`tests.helpers.BuiltSite`. Tests must only
    read it; a test that changes a site builds its own with ``tests.helpers.make_project``.
``in_repo``
    Runs the test with the repository root as working directory, which is where contributors
    run ``timeline`` and what the printed paths are relative to.

Every test also runs with ``XDG_CACHE_HOME`` pointing into a temporary folder: tools that
follow it (MkDocs, Pagefind) cache there, and the suite must neither write into the home folder nor reuse
a cache from another run or another version of the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from tests.helpers import REPO, SMALL, BuiltSite, make_project


@pytest.fixture(scope="session", autouse=True)
def _private_check_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository root, made the working directory for this test."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The small fixture timeline, built once with the real MkDocs in strict mode."""
    project = make_project(tmp_path_factory.mktemp("small-site"))
    with pytest.MonkeyPatch.context() as patch:
        # The build sets SOURCE_DATE_EPOCH for MkDocs; keep it from leaking into later tests.
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        outcome = pipeline.build(project, SMALL, project.site)
    if not outcome.ok:
        problems = [p.format() for p in outcome.problems]
        raise AssertionError(f"the small fixture site did not build: {problems + outcome.messages}")
    yield BuiltSite(project, project.site, outcome)
