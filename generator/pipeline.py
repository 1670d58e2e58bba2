"""The one build sequence of ``build``, ``generate`` and ``serve``: check, generate, write, build the site.

Every step that can refuse runs before anything is written: problems with the files,
problems found while generating, and (with ``strict``) warnings. Only then are the
pages written, into a staging copy when a site is built, so that the previous pages
and site stay in place unless the whole build succeeds. :class:`Run` says how it went.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol

from generator import languages
from generator.problems import Problem, errors
from generator.project import Project, Settings
from generator.renderer import generated_files
from generator.site import build_site
from generator.timeline import Timeline
from generator.validation import Result, validate
from generator.validation.cache import default_cache_dir
from generator.writer import Files, WriteReport, stage_copy, swap, write_tree


class Stop(Enum):
    """Why a run stopped before the end; each value is what the CLI says."""

    PROBLEMS = "build stopped: fix the problems above"
    STRICT = "build stopped: --strict fails on the warnings above; the previous site is unchanged"
    SITE = "MkDocs build failed; the previous site is unchanged"


@dataclass(frozen=True, kw_only=True)
class Run:
    """What a build or a generation did."""

    check: Result
    """The check of the timeline folder: its files, events and problems."""
    problems: list[Problem] = field(default_factory=list)
    """Problems from the check and from generation."""
    stopped: Stop | None = None
    """Why the run stopped; None when it finished. Nothing was replaced unless it finished."""
    report: WriteReport | None = None
    """What was written to the generated folder, when anything was."""
    messages: list[str] = field(default_factory=list)
    """What MkDocs said, when a site was built."""

    @property
    def ok(self) -> bool:
        return self.stopped is None


class Steps(Protocol):
    """How a run checks and generates: in full (``build``, ``generate``) or incrementally (``serve``)."""

    def check(self, source: Path) -> Result: ...

    def generate(
        self, timeline: Timeline, settings: Settings, docs: Path
    ) -> tuple[Files, list[Problem], set[str] | None]:
        """The files to write, the problems, and which existing files to keep (None: only those written).

        The problems must be known when this returns: the files may be made only as they are written.
        """
        ...


class Full:
    """Check every file (through the content-keyed cache) and generate every page."""

    def __init__(self, use_cache: bool = True) -> None:
        self.use_cache = use_cache

    def check(self, source: Path) -> Result:
        return check(source, self.use_cache)

    def generate(
        self, timeline: Timeline, settings: Settings, docs: Path
    ) -> tuple[Files, list[Problem], set[str] | None]:
        # made one at a time as they are written: three languages' pages need not all be in memory
        files, problems = generated_files(timeline, settings, docs)
        return files, problems, None


def check(source: Path, use_cache: bool = True) -> Result:
    """Run every rule on the timeline folder."""
    return validate(source, default_cache_dir(source) if use_cache else None)


def run(
    project: Project,
    source: Path,
    *,
    site_dir: Path | None = None,
    target: Path | None = None,
    strict: bool = False,
    steps: Steps | None = None,
) -> Run:
    """Check, generate, and write the generated folder (``target``, by default the project's).

    With ``site_dir``, the pages are written into a staging copy and built with MkDocs, and both
    are swapped in only if the build succeeded. The site is built in the languages of its settings.
    """
    with languages.building(project.settings().languages):
        return _run(project, source, site_dir, target, strict, steps or Full())


def _run(project: Project, source: Path, site_dir: Path | None, target: Path | None, strict: bool, steps: Steps) -> Run:
    result = steps.check(source)
    problems = list(result.problems)
    if not result.ok:
        return Run(check=result, problems=problems, stopped=Stop.PROBLEMS)
    files, more, keep = steps.generate(
        Timeline(result.events, result.tags, result.redirects, result.translations, result.tag_texts),
        project.settings(),
        project.docs,
    )
    problems += more
    if errors(problems):
        return Run(check=result, problems=problems, stopped=Stop.PROBLEMS)
    if strict and problems:
        return Run(check=result, problems=problems, stopped=Stop.STRICT)
    if site_dir is None:
        report = write_tree(target or project.generated, files, keep=keep)
        return Run(check=result, problems=problems, report=report)
    return _build(project, site_dir, files, keep, result, problems)


def _build(
    project: Project,
    site_dir: Path,
    files: Files,
    keep: set[str] | None,
    result: Result,
    problems: list[Problem],
) -> Run:
    """Write into a staging copy of the generated folder, build it, and swap both in on success."""
    staging = project.generated.with_name(f"{project.generated.name}.partial")
    try:
        stage_copy(project.generated, staging)
        report = write_tree(staging, files, keep=keep)
        site = build_site(project.config_file, staging, site_dir)
    except BaseException:  # an unexpected crash: the previous pages stay, and no half-written copy lingers
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not site.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return Run(check=result, problems=problems, stopped=Stop.SITE, report=report, messages=site.messages)
    swap(staging, project.generated)
    return Run(check=result, problems=problems, report=report, messages=site.messages)


def build(project: Project, source: Path, site_dir: Path, *, strict: bool = False) -> Run:
    """``timeline build``: the whole run, into ``site_dir``."""
    return run(project, source, site_dir=site_dir, strict=strict)


def regenerate(project: Project, source: Path, target: Path | None = None) -> Run:
    """``timeline generate``: the generated folder only, written in place."""
    return run(project, source, target=target)
