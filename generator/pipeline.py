"""The one build sequence of ``build``, ``generate`` and ``serve``: check, generate, write, build the site.

Every step that can refuse runs before anything is written: problems with the files,
problems found while generating, and (with ``strict``) warnings. Only then are the
pages written, into a staging copy when a site is built, so that the previous pages
and site stay in place unless the whole build succeeds. :class:`Run` says how it went.
"""

from __future__ import annotations

import shutil
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Protocol

from generator import languages
from generator.problems import Problem, errors
from generator.project import Project, Settings
from generator.renderer import generated_files
from generator.site import build_site, in_fresh_process
from generator.timeline import Timeline
from generator.validation import Result, validate
from generator.validation.cache import default_cache_dir
from generator.writer import Files, WriteReport, stage_copy, swap, write_tree


class Stop(Enum):
    """Why a run stopped before the end; each value is what the CLI says."""

    PROBLEMS = "build stopped: fix the problems above"
    STRICT = "build stopped: --strict fails on the warnings above; the previous site is unchanged"
    SITE = "MkDocs build failed; the previous site is unchanged"
    ENDED = (
        "build stopped: the process checking and generating the pages ended without finishing (the system "
        "stopped it, most often for lack of memory); the previous site is unchanged"
    )


@dataclass(frozen=True)
class Checked:
    """What a run keeps of its check: counts, not the checked timeline.

    Nothing holds the timeline once the pages are written (at 10,000 events in three languages it
    is about 480 MB), and :func:`build` sends the run back from the process that checked: a few
    numbers, not the whole timeline, cross between the two.
    """

    files: int
    """How many files were checked."""
    events: int
    """How many events passed."""
    ok: bool
    """True when the check found nothing that stops the build."""

    @classmethod
    def of(cls, result: Result) -> Checked:
        return cls(result.files, len(result.events), result.ok)


@dataclass(frozen=True, kw_only=True)
class Run:
    """What a build or a generation did."""

    check: Checked
    """The check of the timeline folder: its counts."""
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
    target: Path | None = None,
    strict: bool = False,
    steps: Steps | None = None,
) -> Run:
    """Check, generate, and write the generated folder (``target``, by default the project's).

    Pages are generated in the languages of the project's settings.
    """
    with languages.building(project.settings().languages):
        return _run(project, source, target, strict, steps or Full(), staged=False)


def _run(project: Project, source: Path, target: Path | None, strict: bool, steps: Steps, *, staged: bool) -> Run:
    """The build sequence up to the generated folder; ``staged``: into a staging copy of it (:func:`build`)."""
    result = steps.check(source)
    checked, problems = Checked.of(result), list(result.problems)
    if not result.ok:
        return Run(check=checked, problems=problems, stopped=Stop.PROBLEMS)
    files, more, keep = steps.generate(
        Timeline(result.events, result.tags, result.redirects, result.translations, result.tag_texts),
        project.settings(),
        project.docs,
    )
    problems += more
    if errors(problems):
        return Run(check=checked, problems=problems, stopped=Stop.PROBLEMS)
    if strict and problems:
        return Run(check=checked, problems=problems, stopped=Stop.STRICT)
    if not staged:
        report = write_tree(target or project.generated, files, keep=keep)
        return Run(check=checked, problems=problems, report=report)
    staging = _staging(project)
    try:
        stage_copy(project.generated, staging)
        report = write_tree(staging, files, keep=keep)
    except BaseException:  # an unexpected crash: the previous pages stay, and no half-written copy lingers
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Run(check=checked, problems=problems, report=report)


def _staging(project: Project) -> Path:
    return project.generated.with_name(f"{project.generated.name}.partial")


def build(project: Project, source: Path, site_dir: Path, *, strict: bool = False) -> Run:
    """``timeline build``: the whole run, into ``site_dir``.

    The pages are written into a staging copy of the generated folder and built with MkDocs, and
    both are swapped in only if the whole build succeeded. Checking and generating run in a
    process of their own that ends once the pages are written, so that the timeline's memory is
    gone before the MkDocs builds start (a process that lets go of it keeps much of it: 246 MB at
    10,000 events in three languages; benchmarks/README.md).
    """
    try:
        staged = in_fresh_process(_stage, project, source, strict)
    except BrokenProcessPool:  # the system ended it (out of memory, most likely): no traceback
        return Run(check=Checked(0, 0, False), stopped=Stop.ENDED)
    if not staged.ok:
        return staged
    staging = _staging(project)
    try:
        with languages.building(project.settings().languages):
            site = build_site(project.config_file, staging, site_dir)
    except BaseException:  # an unexpected crash: the previous pages stay, and no half-written copy lingers
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not site.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return replace(staged, stopped=Stop.SITE, messages=site.messages)
    swap(staging, project.generated)
    return replace(staged, messages=site.messages)


def _stage(project: Project, source: Path, strict: bool) -> Run:
    """Check, generate and write the staging copy of the generated folder (in :func:`build`'s own process)."""
    with languages.building(project.settings().languages):
        return _run(project, source, None, strict, Full(), staged=True)


def regenerate(project: Project, source: Path, target: Path | None = None) -> Run:
    """``timeline generate``: the generated folder only, written in place."""
    return run(project, source, target=target)
