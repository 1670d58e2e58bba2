"""What changed between dataset versions: events added, corrected, renamed, merged and removed.

A version is a day on which the data changed, so the changelog is read from the data itself
(``added``, each correction's date, and ``timeline/redirects.yaml``); nothing is kept beside it
that could drift. Published as a page and as ``data/changelog.json``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from generator.renderer import urls
from generator.renderer.licence import DATA_LICENCE
from generator.timeline import Timeline

PAGE_VERSIONS = 50
"""Versions the page shows; the data file has them all."""
KIND_ORDER = ("added", "corrected", "renamed", "merged", "removed")


@dataclass(frozen=True, kw_only=True)
class Change:
    """One change in one version."""

    kind: str
    """A :data:`KIND_ORDER` value."""
    id: str
    """The event's id; for a renamed, merged or removed event, its old id."""
    title: str
    """The event's title (for a renamed or merged event, the title of the event it now leads to)."""
    text: str
    """What changed and why (a correction, or the reason for a move); empty for an added event."""
    to: str | None = None
    """For a renamed or merged event, the id it now leads to."""


@dataclass(frozen=True, kw_only=True)
class Version:
    """The changes of one day."""

    version: str
    changes: list[Change]


def versions(timeline: Timeline) -> list[Version]:
    """Every version, newest first, each with its changes in a fixed order."""
    days: dict[date, list[Change]] = defaultdict(list)
    for event in timeline.events:
        days[event.added].append(Change(kind="added", id=event.id, title=event.title, text=""))
        for correction in event.corrections:
            text = f"{correction.change} {correction.reason}"
            days[correction.date].append(Change(kind="corrected", id=event.id, title=event.title, text=text))
    for redirect in timeline.redirects:
        target = timeline.by_id.get(redirect.to or "")
        title = target.title if target else ""
        days[redirect.date].append(
            Change(kind=redirect.kind, id=redirect.old_id, title=title, text=redirect.reason, to=redirect.to)
        )
    return [
        Version(version=day.isoformat(), changes=sorted(days[day], key=lambda c: (KIND_ORDER.index(c.kind), c.id)))
        for day in sorted(days, reverse=True)
    ]


def changelog_json(timeline: Timeline) -> str:
    """``data/changelog.json``: every version with its changes."""
    data = {
        "licence": {"id": DATA_LICENCE.id, "url": DATA_LICENCE.url, "attribution": DATA_LICENCE.attribution},
        "version": timeline.version,
        "page": urls.address(urls.changelog()),
        "versions": [asdict(v) for v in versions(timeline)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
