"""The site and the generated pages are replaced only by a build that succeeded as a whole.

A project is built once; each test works on its own copy of it, breaks the next build in one
way (a refused file, a MkDocs failure in strict mode, a failed search index, a crash) and checks
that the previous site and pages are still there, byte for byte, with nothing half-built left
beside them. A successful rebuild after deleting an event leaves no trace of it anywhere, and
no build writes outside the generated folder and the site folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.project import Project
from generator.site import build as site_build
from tests.hostile._support import CORPUS, VALID_EVENT, build, install, new_project

OTHER_ID = "2024-01-20-second-event"
OTHER = (
    VALID_EVENT.read_bytes()
    .replace(b'date: "2024-01-15"', b'date: "2024-01-20"')
    .replace(b"Soldiers reportedly refuse to advance near Kupiansk", b"A second, separate refusal reported near Lyman")
)


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below ``folder``: its content hash and modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[path.relative_to(folder).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return out


def _outside_outputs(project: Project) -> dict[str, tuple[str, int]]:
    """Every file of the project except the site and the generated pages (and their staging folders),
    and the check cache, .cache/timeline-check/ (git-ignored, rewritten by every check)."""
    tree = _tree(project.root)
    outputs = ("site/", "site.", "docs/generated/", "docs/generated.", ".cache/timeline-check/")
    return {k: v for k, v in tree.items() if not k.startswith(outputs)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("atomic")
    project = new_project(root / "project")
    install(project.timeline, "2024/2024-01-15-valid.yaml", VALID_EVENT.read_bytes())
    install(project.timeline, f"2024/{OTHER_ID}.yaml", OTHER)
    outcome = build(project, root / "cache")
    assert outcome.ok, [p.format() for p in outcome.problems] + outcome.messages
    return project


@pytest.fixture
def project(built: Project, tmp_path: Path) -> Iterator[Project]:
    """A private copy of the built project, with its site and generated pages."""
    copy = tmp_path / "project"
    shutil.copytree(built.root, copy, symlinks=True)
    yield Project(copy)


def _assert_untouched(
    project: Project, site: dict[str, tuple[str, int]], pages: dict[str, tuple[str, int]], inode: int
) -> None:
    assert _tree(project.site) == site
    assert _tree(project.generated) == pages
    assert project.site.stat().st_ino == inode, "the site folder was replaced"
    leftovers = sorted(
        p.name
        for p in [*project.root.iterdir(), *project.docs.iterdir()]
        if p.name.endswith((".partial", ".parts", ".old"))
    )
    assert leftovers == []


def _edit_the_valid_event(project: Project) -> None:
    """A change the check accepts, so that the next build gets as far as MkDocs."""
    install(
        project.timeline,
        "2024/2024-01-15-valid.yaml",
        VALID_EVENT.read_bytes().replace(b"Kupiansk sector", b"Kupiansk front sector"),
    )


def _snapshot(project: Project) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]], int]:
    assert (project.site / "index.html").is_file() and (project.generated / "index.md").is_file()
    return _tree(project.site), _tree(project.generated), project.site.stat().st_ino


def test_a_refused_file_leaves_the_previous_site_untouched(project: Project, tmp_path: Path) -> None:
    before = _snapshot(project)
    hostile = CORPUS / "events" / "2024-01-15-summary-script.yaml"
    install(project.timeline, f"2024/{hostile.name}", hostile.read_bytes())
    outcome = build(project, tmp_path / "cache")
    assert not outcome.ok and not outcome.check.ok
    _assert_untouched(project, *before)


def test_a_failed_mkdocs_build_leaves_the_previous_site_untouched(project: Project, tmp_path: Path) -> None:
    """The check passes, MkDocs (strict) fails on a broken link in a hand-written page."""
    before = _snapshot(project)
    (project.docs / "broken.md").write_text("# Broken\n\nSee [a page that does not exist](missing.md).\n")
    outcome = build(project, tmp_path / "cache")
    assert outcome.check.ok and not outcome.ok
    assert any("missing.md" in message for message in outcome.messages), outcome.messages
    _assert_untouched(project, *before)


def test_a_failed_search_index_leaves_the_previous_site_untouched(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind itself fails (its wrapper runs the program it is told to: here one that exits with 1)."""
    before = _snapshot(project)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false") or "/bin/false")
    _edit_the_valid_event(project)
    outcome = build(project, tmp_path / "cache")
    assert outcome.check.ok and not outcome.ok
    _assert_untouched(project, *before)


def crashing_build(config_file: Path, docs_dir: Path, site_root: Path, language: str, built: object) -> None:
    """In place of a language's build, in its worker process: half a site written, then a crash."""
    (site_root / "half-written.html").parent.mkdir(parents=True, exist_ok=True)
    (site_root / "half-written.html").write_text("<p>half</p>")
    if language != "en":
        raise RuntimeError("MkDocs crashed half-way")


def test_a_crash_during_the_build_leaves_the_previous_site_untouched(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error nobody planned for, in a language's worker process, propagates and still replaces nothing.

    The worker runs the function it is sent by name, so this module's ``crashing_build`` replaces
    the real one there too.
    """
    before = _snapshot(project)
    monkeypatch.setattr(site_build, "build_language", crashing_build)
    _edit_the_valid_event(project)
    with pytest.raises(RuntimeError, match="half-way"):
        build(project, tmp_path / "cache")
    _assert_untouched(project, *before)


def dying_build(config_file: Path, docs_dir: Path, site_root: Path, language: str, built: object) -> None:
    """In place of a language's build, in its worker process: the process ends at once, as the
    system ends one that runs out of memory."""
    os._exit(9)


def test_a_build_worker_that_dies_is_one_clear_message_and_replaces_nothing(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(project)
    monkeypatch.setattr(site_build, "build_language", dying_build)
    _edit_the_valid_event(project)
    outcome = build(project, tmp_path / "cache")
    assert outcome.check.ok and not outcome.ok
    assert outcome.messages == [site_build.BROKEN_WORKER]
    _assert_untouched(project, *before)


def test_a_deleted_event_leaves_no_stale_page_and_nothing_is_written_elsewhere(
    project: Project, tmp_path: Path
) -> None:
    assert (project.site / "events" / OTHER_ID / "index.html").is_file()
    outside = _outside_outputs(project)
    (project.timeline / "2024" / f"{OTHER_ID}.yaml").unlink()
    outside.pop(f"timeline/2024/{OTHER_ID}.yaml")
    outcome = build(project, tmp_path / "cache")
    assert outcome.ok, [p.format() for p in outcome.problems] + outcome.messages
    assert not (project.site / "events" / OTHER_ID).exists()
    assert not (project.generated / "events" / f"{OTHER_ID}.md").exists()
    for folder in (project.site, project.generated):
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            if path.suffix == ".pf_fragment":
                data = gzip.decompress(data)
            assert OTHER_ID.encode() not in data, f"{path} still mentions the deleted event"
    events = json.loads((project.site / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert [e["id"] for e in events] == ["2024-01-15-valid"]
    assert _outside_outputs(project) == outside, "the build wrote outside site/ and docs/generated/"
    assert sorted(p.name for p in project.root.iterdir()) == sorted(
        [".cache", "CONTRIBUTING.md", "docs", "mkdocs.yml", "site", "timeline"]
    )
    assert [p.name for p in (project.root / ".cache").iterdir()] == ["timeline-check"]
    assert sorted(p.name for p in project.docs.iterdir()) == sorted(
        [p.name for p in (Path(__file__).parents[1] / "docs").iterdir() if not p.name.startswith("generated")]
        + ["generated"]
    )


def test_build_strict_with_warnings_leaves_the_previous_site_untouched(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warnings fail ``build --strict`` before anything is written: the previous site is not swapped out."""
    before = _snapshot(project)
    look_alike = VALID_EVENT.read_bytes().replace(b'date: "2024-01-15"', b'date: "2024-01-16"')
    install(project.timeline, "2024/2024-01-16-look-alike.yaml", look_alike)
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["build", "--strict"])
    assert result.exit_code == 1, result.output
    assert ": warning: looks like timeline/2024/2024-01-15-valid.yaml" in result.output, result.output
    assert result.output.endswith(
        "Error: build stopped: --strict fails on the warnings above; the previous site is unchanged\n"
    )
    _assert_untouched(project, *before)
    result = CliRunner().invoke(main, ["build"])  # without --strict the same timeline builds
    assert result.exit_code == 0, result.output
