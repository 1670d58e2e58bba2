"""What ``timeline new`` offers and how it reads an answer: tags and recent places to choose from,
a number or a word for each, and the command to run next, spelt so that it runs where the
contributor is. The CLI asks; these functions only read answers and raise
:class:`~generator.authoring.skeleton.SkeletonError` with what to type instead.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.skeleton import SkeletonError, check_tag_ids, check_text
from generator.model import Event, Tag
from generator.validation.rules import EVENT_ID

RECENT_PLACES = 8
"""How many places of recently added events are offered."""


@dataclass(frozen=True, kw_only=True)
class Place:
    """A place already used in the timeline, offered as an answer."""

    name: str
    """The place's name, in English."""
    country: str
    """Its ISO 3166-1 alpha-2 code."""
    precision: str
    """How precisely the place is known."""


def recent_places(events: list[Event], count: int = RECENT_PLACES) -> list[Place]:
    """The places of the most recently added events, each once, newest first."""
    places: dict[str, Place] = {}
    for event in sorted(events, key=lambda e: (e.updated, e.sort_key), reverse=True):
        where = event.location
        places.setdefault(where.name, Place(name=where.name, country=where.country, precision=where.precision))
        if len(places) == count:
            break
    return list(places.values())


def numbered(choices: list[str]) -> list[str]:
    """Choices as the lines ``  1. choice`` that the answers' numbers refer to."""
    width = len(str(len(choices)))
    return [f"  {number:>{width}}. {choice}" for number, choice in enumerate(choices, 1)]


def read_tags(answer: str, known: dict[str, Tag]) -> list[str]:
    """Tags by number or by id, separated by commas or spaces."""
    ids = list(known)
    tags = []
    for part in answer.replace(",", " ").split():
        if part.isdigit():
            if not 1 <= int(part) <= len(ids):
                raise SkeletonError(f"tags: there is no tag number {part}; choose between 1 and {len(ids)}")
            part = ids[int(part) - 1]
        tags.append(part)
    if not tags:
        raise SkeletonError("tags: choose at least one, by number or by name")
    return check_tag_ids(tags, known or None)


def read_place(answer: str, places: list[Place]) -> tuple[str, Place | None]:
    """A place by its number among ``places``, or a new one by name."""
    if answer.strip().isdigit():
        number = int(answer)
        if not 1 <= number <= len(places):
            raise SkeletonError(f"location: there is no place number {number}; type a number or a new place")
        return places[number - 1].name, places[number - 1]
    return check_text("location", answer.strip()), None


def read_file_id(answer: str, timeline: Path) -> str:
    """A new file name: an event id no file has yet."""
    name = answer.strip().removesuffix(".yaml")
    if not EVENT_ID.fullmatch(name):
        raise SkeletonError(f"file name: expected the date and lowercase words joined by hyphens; got {answer!r}")
    if any(timeline.glob(f"*/{name}.yaml")):
        raise SkeletonError(f"file name: {name}.yaml exists already; choose another name")
    return name


def next_command(arguments: str, cwd: Path) -> str:
    """``timeline ARGS`` spelt so that it runs in ``cwd``: by its path when the venv is not active."""
    here = Path(sys.executable).parent / "timeline"
    found = shutil.which("timeline")
    if found and Path(found).resolve() == here.resolve():
        return f"timeline {arguments}"
    relative = os.path.relpath(here, cwd)
    if relative.startswith(os.pardir):  # the venv is not below the working folder: its full path runs anywhere
        return f"{here} {arguments}"
    return f"{relative if os.sep in relative else os.curdir + os.sep + relative} {arguments}"
