"""Helpers shared by the test suite; other test authors may import them.

The names below are a stable API: change them only together with every caller.

``REPO``, ``FIXTURES``, ``SMALL``, ``BROKEN``, ``BUNDLED``
    The repository root, the fixtures folder, the small and the broken fixture timelines,
    and the bundled timeline (``timeline/``).
``make_project(tmp_path, timeline=None) -> Project``
    A throwaway copy of the project (``mkdocs.yml``, ``docs/`` without ``docs/generated*``,
    ``CONTRIBUTING.md``) to build or run the CLI in, so that tests never write into the
    checkout. With ``timeline``, that folder is copied to ``tmp_path/timeline``.
``VALID_EVENT``, ``VALID_ID``, ``edit(text, old, new)``
    A valid event file whose line numbers the rule tables rely on, its id, and a checked
    one-place replacement for deriving broken variants from it.
``check_event(folder, text, name=VALID_ID, year=None) -> list[str]``
    What ``check`` reports for one event file in a fresh timeline (the small fixture's tags),
    each problem as ``line:col: field: message``.
``format_problems(problems, root) -> list[str]``
    Problems as ``check`` prints them, with paths relative to ``root``.
``make_event(event_id, **fields) -> Event``
    A model event built directly (no file), for tests of the stages after validation.
``BuiltSite``
    What the ``small_site`` fixture (tests/conftest.py) yields: the project, the site
    folder and the build's outcome.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from pathlib import Path

from generator.dates import DateSpan, PartialDate
from generator.loader.files import display, translation_language
from generator.model import Claim, Correction, Event, Figure, Location, Source
from generator.pipeline import Run
from generator.problems import Problem, printable
from generator.project import Project
from generator.validation import validate
from generator.validation.rules import EVENT_ID

REPO = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding mkdocs.yml)."""
FIXTURES = REPO / "tests" / "fixtures"
SMALL = FIXTURES / "small"
"""A small, valid, fictional timeline; its rendered pages are the golden files."""
BROKEN = FIXTURES / "broken"
"""A timeline of deliberately broken files (see tests/test_broken_timeline.py)."""
BUNDLED = REPO / "timeline"
"""The real timeline the site is built from."""


def event_files(timeline: Path) -> list[Path]:
    """The event files of a timeline folder, without their translations (``<id>.ru.yaml``)."""
    return [p for p in sorted(timeline.glob("*/*.yaml")) if translation_language(p.name) is None]


def checked_files(timeline: Path) -> int:
    """How many files ``check`` counts in a timeline folder: events, translations and the YAML files beside them."""
    return len(list(timeline.glob("*/*.yaml"))) + len(list(timeline.glob("*.yaml")))


def without_notes(output: str) -> str:
    """``check``'s output without its notes (events not yet translated): only problems and the count."""
    return "".join(line for line in output.splitlines(keepends=True) if not line.startswith("note: "))


def make_project(tmp_path: Path, timeline: Path | None = None) -> Project:
    """A copy of the project in ``tmp_path`` to build in: mkdocs.yml, docs/ and CONTRIBUTING.md.

    Generated folders (``docs/generated``, ``docs/generated.partial``, ...) are left out so
    that a build starts clean. Pass ``timeline`` to copy a timeline folder to
    ``tmp_path/timeline`` (for commands that use the project's own timeline, such as ``new``).
    """
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy2(REPO / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    shutil.copytree(REPO / "docs", tmp_path / "docs", ignore=_generated_folders)
    if timeline is not None:
        shutil.copytree(timeline, tmp_path / "timeline")
    return Project(tmp_path)


def _generated_folders(folder: str, names: list[str]) -> set[str]:
    if Path(folder).resolve() != (REPO / "docs").resolve():
        return set()
    return {name for name in names if name == "generated" or name.startswith("generated.")}


VALID_ID = "2024-07-11-soldier-shoots-two-comrades"
VALID_EVENT = """\
title: Soldier reportedly shoots two comrades
date: "2024-07-11"
added: "2024-07-20"
status: reported
tags: [violence-between-soldiers]
location:
  name: Belgorod region
  country: RU
  precision: region
content_note: Describes a shooting.
summary: |
  Example Daily reports that a soldier shot two comrades.
claims:
  - by: Example Channel
    kind: telegram-channel
    status: reported
    says: A soldier shot two comrades.
    sources: [example-daily]
sources:
  - id: example-daily
    publisher: Example Daily
    title: A headline
    url: https://example.org/a
    language: en
"""
"""A valid event for the small fixture's tags. Line 1 is ``title``, 4 ``status``, 6 ``location``,
11 ``summary`` (text from line 12), 13 ``claims``, 19 ``sources``; rule tables rely on these lines."""


def edit(text: str, old: str, new: str) -> str:
    """``text`` with its only occurrence of ``old`` replaced by ``new``."""
    count = text.count(old)
    if count != 1:
        raise AssertionError(f"expected {old!r} exactly once in the text, found it {count} times")
    return text.replace(old, new)


def format_problems(problems: Iterable[Problem], root: Path) -> list[str]:
    """Each problem as ``check`` prints it, with ``root/`` removed from the front of its path.

    ``check`` shows paths relative to the working directory when it can, so both forms are removed.
    """
    prefixes = (f"{display(root)}/", f"{root}/")
    lines = []
    for problem in problems:
        line = problem.format()
        lines.append(next((line.removeprefix(p) for p in prefixes if line.startswith(p)), line))
    return lines


def check_event(folder: Path, text: str | bytes, name: str = VALID_ID, year: str | None = None) -> list[str]:
    """What check reports for one event file, as ``line:col: field: message``.

    The file is written to ``folder/<year>/<name>.yaml`` (year defaults to the name's first four
    characters) next to a copy of the small fixture's tags.yaml; ``folder`` must be new or empty.
    Problems of other files (there are none unless the tags are broken) fail the call.
    """
    year = year or name[:4]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SMALL / "tags.yaml", folder / "tags.yaml")
    (folder / year).mkdir(exist_ok=True)
    path = folder / year / f"{name}.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = validate(folder)
    prefix = printable(f"{year}/{name}.yaml:")  # as check prints it
    lines = format_problems(result.problems, folder)
    if stray := [line for line in lines if not line.startswith(prefix)]:
        raise AssertionError(f"problems outside the event file: {stray}")
    return [line.removeprefix(prefix) for line in lines]


def make_event(
    event_id: str,
    *,
    date: str | None = None,
    date_end: str | None = None,
    approximate: bool = False,
    title: str | None = None,
    tags: Sequence[str] = ("desertion",),
    place: str = "Belgorod region",
    country: str = "RU",
    occupied: bool = False,
    added: str = "2024-01-01",
    corrections: Sequence[str] = (),
    figures: Sequence[tuple[str, str, str]] = (),
    related: Sequence[str] = (),
    status: str = "reported",
    summary: str = "A summary.",
) -> Event:
    """An :class:`Event` for stage tests, valid unless the arguments make it otherwise.

    ``date`` defaults to the date the id starts with; ``corrections`` are days (YYYY-MM-DD);
    ``figures`` are (value, unit, counts) triples stated by the event's one claim.
    """
    match = EVENT_ID.match(event_id)
    if match is None:
        raise ValueError(f"not an event id: {event_id!r}")
    first = PartialDate.parse(date or match.group("date"))
    return Event(
        id=event_id,
        path=f"timeline/{first.year}/{event_id}.yaml",
        title=title or match.group("words").replace("-", " ").capitalize(),
        date=DateSpan(first, PartialDate.parse(date_end) if date_end else None, approximate),
        added=Date.fromisoformat(added),
        status=status,
        tags=tuple(tags),
        location=Location(
            name=place, local_name=None, country=country, precision="region", occupied=occupied, lat=None, lon=None
        ),
        content_note=None,
        summary=summary,
        claims=(
            Claim(
                by="Example Channel",
                kind="telegram-channel",
                date=None,
                status="reported",
                says="It happened.",
                source_ids=("s1",),
                figures=tuple(
                    Figure(
                        value=Decimal(v),
                        qualifier="about",
                        unit=unit,
                        counts=counts,
                        description="What is counted",
                        scope="Where and when",
                    )
                    for v, unit, counts in figures
                ),
            ),
        ),
        sources=(
            Source(
                id="s1",
                publisher="Example Daily",
                title="A headline",
                date=None,
                url="https://example.org/a",
                archive_url=None,
            ),
        ),
        related=tuple(related),
        corrections=tuple(
            Correction(date=Date.fromisoformat(day), change="A change.", reason="A reason.") for day in corrections
        ),
    )


@dataclass(frozen=True)
class BuiltSite:
    """The small fixture timeline built with the real MkDocs (see the ``small_site`` fixture)."""

    project: Project
    """The temporary project the site was built in."""
    site: Path
    """The built site folder."""
    outcome: Run
    """What :func:`generator.pipeline.build` returned."""
