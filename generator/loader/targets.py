"""What ``timeline check PATH...`` looks at: the timeline's files among the paths, and stray events.

The cross-file rules need the whole timeline, so ``check`` always reads all of it and then shows
the problems of the files asked about. A file outside ``timeline/`` is never part of the site; when
it looks like an event, it was most likely saved in the wrong folder, and saying so beats silence.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.loader.files import display
from generator.loader.nodes import Mapping, Scalar, parse
from generator.problems import Problem, Severity, ordered

EVENT_KEYS = frozenset({"title", "date", "summary", "claims", "sources", "tags", "location", "status"})
"""Keys of an event file; a mapping with several of them, title or date among them, looks like one."""
YAML_SUFFIXES = (".yaml", ".yml")
SKIPPED_FOLDERS = frozenset({"node_modules", "site", "generated", "__pycache__"})
"""Folders never searched for stray events (besides hidden ones): installed or built files."""


def chosen(
    problems: list[Problem], files: int, paths: Sequence[Path], timeline: Path, root: Path
) -> tuple[list[Problem], int]:
    """The problems to show and the number of files they come from: of ``paths``, or all and the strays nearby."""
    if not paths:
        return ordered(problems + strays(nearby(root))), files
    folder = timeline.resolve()
    wanted = [path.resolve() for path in paths]
    within = [path for path in wanted if inside(path, folder) or inside(folder, path)]
    outside = [found for path in wanted if path not in within for found in yaml_files(path)]
    shown = select(problems, within) + strays(outside) + not_events(outside)
    counted = {found for path in within for found in yaml_files(path) if inside(found, folder)}
    return ordered(shown), len(counted) + len(outside)


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it (both resolved)."""
    return path == folder or folder in path.parents


def select(problems: Iterable[Problem], paths: list[Path]) -> list[Problem]:
    """The problems of the files at or below ``paths`` (resolved)."""
    return [p for p in problems if any(inside(Path(p.path).resolve(), target) for target in paths)]


def yaml_files(path: Path) -> list[Path]:
    """``path`` itself, or the YAML files below a folder, sorted, skipping hidden and built folders."""
    if not path.is_dir():
        return [path]
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        found += [Path(root) / name for name in sorted(files) if name.endswith(YAML_SUFFIXES)]
    return found


def looks_like_an_event(path: Path) -> Scalar | None:
    """The date of a file that looks like an event (an empty one when it has none), else None."""
    try:
        document = parse(path.read_bytes(), str(path))
    except OSError:
        return None
    root = document.root
    if not isinstance(root, Mapping) or len(EVENT_KEYS & set(root.items)) < 3:
        return None
    if "title" not in root.items and "date" not in root.items:
        return None
    date = root.items.get("date")
    return date if isinstance(date, Scalar) else Scalar("", 1, 1, quoted=False)


def strays(paths: Iterable[Path]) -> list[Problem]:
    """An error for each file among ``paths`` that looks like an event but lies outside the timeline."""
    problems = []
    for path in paths:
        date = looks_like_an_event(path)
        if date is None:
            continue
        year = date.value[:4] if date.value[:4].isdigit() else "<year>"
        problems.append(
            Problem(
                display(path),
                1,
                1,
                "",
                f"this looks like an event file, but only files in timeline/<year>/ are checked and published; "
                f"move it to timeline/{year}/",
            )
        )
    return problems


def not_events(paths: Iterable[Path]) -> list[Problem]:
    """A warning for each file given outside the timeline that does not look like an event either."""
    return [
        Problem(
            display(path),
            0,
            0,
            "",
            "not in timeline/ and not an event file, so there is nothing to check in it",
            Severity.WARNING,
        )
        for path in paths
        if looks_like_an_event(path) is None
    ]


def nearby(root: Path) -> list[Path]:
    """Where a stray event is likely saved: the project's top folder and docs/ (without generated pages)."""
    top = [p for p in sorted(root.iterdir()) if p.is_file() and p.suffix in YAML_SUFFIXES and p.name != "mkdocs.yml"]
    docs = root / "docs"
    return top + (yaml_files(docs) if docs.is_dir() else [])


class GitError(Exception):
    """``git diff`` could not list the changed files; the message says why."""


def pull_request_files(changed: tuple[str, ...], base: str | None, cwd: Path) -> set[str] | None:
    """The files of a pull request, from ``--changed`` or from git against ``--base``; None for all."""
    named = {os.path.normpath(c) for c in changed}
    if base:
        return changed_files(base, cwd) | named
    return named or None


def changed_files(base: str, cwd: Path) -> set[str]:
    """The files changed between ``base`` and HEAD (``git diff --name-only base...HEAD``), as paths from ``cwd``."""
    if base.startswith("-"):  # would be read as an option of git
        raise GitError(f"expected a commit or a branch as the base; got {base!r}")
    try:
        listed = subprocess.run(
            ["git", "diff", "--name-only", "-z", "--relative", f"{base}...HEAD"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise GitError(f"git diff against {base!r} failed: {detail.strip()}") from exc
    return {os.path.normpath(name) for name in listed.split("\0") if name}
