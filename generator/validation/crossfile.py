"""Rules across files: unique ids, links between events, likely duplicates."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta

from generator.model import Event
from generator.problems import Problem, Severity

NEAR_DAYS = 3
"""Events at the same place within this many days may be the same incident."""


def check_unique_ids(files: dict[str, list[str]]) -> list[Problem]:
    """No two files share an id, even in different folders or differing only by case."""
    problems = []
    for paths in files.values():
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(p for p in paths if p != path)
                problems.append(Problem(path, 1, 1, "", f"duplicate event id; also used by {others}"))
    return problems


def check_related(events: list[Event], lines: dict[str, int]) -> list[Problem]:
    """Related ids name events that exist."""
    known = {e.id for e in events}
    problems = []
    for event in events:
        for other in event.related:
            if other not in known:
                problems.append(Problem(event.path, lines.get(event.id, 1), 1, "related",
                                        f"unknown event id {other!r}"))
    return problems


def _title_key(title: str) -> str:
    return " ".join(sorted(set(re.findall(r"\w+", title.casefold()))))


def check_duplicates(events: list[Event]) -> list[Problem]:
    """Warn when an event looks like another: same place within a few days, or the same title words."""
    problems = []
    known_pairs = {(e.id, r) for e in events for r in e.related} | {(r, e.id) for e in events for r in e.related}
    flagged: set[tuple[str, str]] = set()
    by_place: dict[str, list[Event]] = defaultdict(list)
    by_title: dict[str, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.sort_key):
        by_place[event.location.name.casefold()].append(event)
        by_title[_title_key(event.title)].append(event)

    def flag(a: Event, b: Event, why: str) -> None:
        if (a.id, b.id) in known_pairs or (a.id, b.id) in flagged:
            return
        flagged.add((a.id, b.id))
        problems.append(Problem(b.path, 1, 1, "", f"looks like {a.path} ({why}); if they are different events, "
                                f"list {a.id} under related", Severity.WARNING))

    for group in by_place.values():
        for i, later in enumerate(group):
            for earlier in reversed(group[:i]):
                if later.date.earliest() - earlier.date.latest() > timedelta(days=NEAR_DAYS):
                    break
                if later.date.precision_days() <= NEAR_DAYS and earlier.date.precision_days() <= NEAR_DAYS:
                    flag(earlier, later, f"same place within {NEAR_DAYS} days")
    for group in by_title.values():
        for earlier, later in zip(group, group[1:]):
            flag(earlier, later, "same title words")
    return problems
