"""The whole build: check, then generate, then MkDocs, replacing outputs only on success."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problem, errors
from generator.project import Project
from generator.renderer.outputs import generate
from generator.site.build import build_site
from generator.timeline import Timeline
from generator.validation import Result, validate
from generator.validation.cache import default_cache_dir
from generator.writer import WriteReport, stage_copy, swap, write_tree


@dataclass
class Outcome:
    """What a build or a generation did."""

    check: Result
    problems: list[Problem] = field(default_factory=list)
    """Problems from check and generation."""
    report: WriteReport | None = None
    build_messages: list[str] = field(default_factory=list)
    built: bool = False


def check(source: Path, use_cache: bool = True) -> Result:
    """Run every rule on the timeline folder."""
    return validate(source, default_cache_dir(source) if use_cache else None)


def regenerate(project: Project, source: Path, target: Path | None = None) -> Outcome:
    """Check and write the generated folder in place (for ``serve`` and quick previews)."""
    result = check(source)
    outcome = Outcome(result, list(result.problems))
    if not result.ok:
        return outcome
    files, problems = generate(Timeline(result.events, result.tags), project.settings(), project.docs)
    outcome.problems += problems
    if errors(problems):
        return outcome
    outcome.report = write_tree(target or project.generated, files)
    return outcome


def build(project: Project, source: Path, site_dir: Path) -> Outcome:
    """Check, generate into a staging copy, build the site; swap both in only if all succeeded."""
    result = check(source)
    outcome = Outcome(result, list(result.problems))
    if not result.ok:
        return outcome
    files, problems = generate(Timeline(result.events, result.tags), project.settings(), project.docs)
    outcome.problems += problems
    if errors(problems):
        return outcome
    staging = project.generated.with_name(f"{project.generated.name}.partial")
    try:
        stage_copy(project.generated, staging)
        outcome.report = write_tree(staging, files)
        site = build_site(project.config_file, staging, site_dir)
    except BaseException:  # an unexpected crash: the previous pages stay, and no half-written copy lingers
        shutil.rmtree(staging, ignore_errors=True)
        raise
    outcome.build_messages = site.messages
    if not site.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return outcome
    swap(staging, project.generated)
    outcome.built = True
    return outcome
