"""Rules across files: unique ids, links between events, likely duplicates."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

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


TITLE_WINDOW_DAYS = 31
"""Events with very similar titles are compared only when they start within this many days."""
TITLE_SIMILARITY = 0.6
"""Share of title words two titles must have in common (Jaccard index) to look alike."""
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or as is are was were be been has have had its it
    that this these those their his her who which after before over into than says say said reportedly
    allegedly reported reports report""".split()
)
"""Words that say nothing about which incident a title describes."""


def title_words(title: str) -> frozenset[str]:
    """The words that identify what a title is about: casefolded, without stopwords or a plural ``s``."""
    words = set()
    for word in re.findall(r"\w+", title.casefold()):
        if word in STOPWORDS:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(words)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _similar_titles(ordered: list[Event]) -> Iterator[tuple[Event, Event]]:
    """(earlier, later) pairs with very similar titles that start within the title window.

    A set-similarity join with prefix filtering keeps this near linear: each title's
    rarest words are indexed, and two titles at least TITLE_SIMILARITY alike must
    share one of them, so common words never produce candidates.
    """
    words = [title_words(e.title) for e in ordered]
    frequency = Counter(w for ws in words for w in ws)
    index: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(ordered):
        mine = sorted(words[i], key=lambda w: (frequency[w], w))
        prefix = mine[:len(mine) - math.ceil(TITLE_SIMILARITY * len(mine) - 1e-9) + 1]
        day = event.date.earliest()
        seen: set[int] = set()
        for word in prefix:
            for j in reversed(index[word]):  # nearest first; the index is in date order
                if (day - ordered[j].date.earliest()).days > TITLE_WINDOW_DAYS:
                    break
                if j not in seen:
                    seen.add(j)
                    if _similarity(words[i], words[j]) >= TITLE_SIMILARITY:
                        yield ordered[j], event
            index[word].append(i)


def _same_place(ordered: list[Event]) -> Iterator[tuple[Event, Event]]:
    """(earlier, later) pairs at the same place whose days are known and at most NEAR_DAYS apart."""
    by_place: dict[str, list[Event]] = defaultdict(list)
    for event in ordered:
        if event.date.precision_days() <= NEAR_DAYS:
            by_place[f"{event.location.country}:{event.location.name.casefold()}"].append(event)
    for group in by_place.values():
        for i, later in enumerate(group):
            for earlier in reversed(group[:i]):
                # spans here are at most NEAR_DAYS long, so nothing earlier than this can be near
                if (later.date.earliest() - earlier.date.earliest()).days > 2 * NEAR_DAYS:
                    break
                if (later.date.earliest() - earlier.date.latest()).days <= NEAR_DAYS:
                    yield earlier, later


def check_duplicates(events: list[Event]) -> list[Problem]:
    """Warn when an event looks like another (same place within a few days, or very similar titles) unless related."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    related = {(e.id, r) for e in events for r in e.related}
    flagged: set[tuple[str, str]] = set()
    problems = []
    pairs = [(a, b, f"same place within {NEAR_DAYS} days") for a, b in _same_place(ordered)]
    pairs += [(a, b, "very similar title") for a, b in _similar_titles(ordered)]
    for a, b, why in pairs:
        key = (min(a.id, b.id), max(a.id, b.id))
        if key in flagged or (a.id, b.id) in related or (b.id, a.id) in related:
            continue
        flagged.add(key)
        # The warning goes on the file added last: in a pull request, that is the new one.
        new, old = (a, b) if (a.added, a.sort_key) > (b.added, b.sort_key) else (b, a)
        problems.append(Problem(new.path, 1, 1, "", f"looks like {old.path} ({why}); if it is the same event, "
                                f"merge the two files; if not, add {old.id} to related", Severity.WARNING))
    return problems
