"""Rules across files: unique ids, links between events, likely duplicates.

The duplicate search stays near linear for tens of thousands of events: places are
compared only within a few days, and titles only through their rarest words.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from generator.model import Event
from generator.problems import Problem, Severity

NEAR_DAYS = 3
"""Events at the same place within this many days may be the same incident."""
TITLE_WINDOW_DAYS = 31
"""Events with very similar titles are compared only when they start within this many days."""
TITLE_SIMILARITY = 0.6
"""Share of title words two titles must have in common (Jaccard index) to look alike."""
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "it",
        "that",
        "this",
        "these",
        "those",
        "their",
        "his",
        "her",
        "who",
        "which",
        "after",
        "before",
        "over",
        "into",
        "than",
        "says",
        "say",
        "said",
        "reportedly",
        "allegedly",
        "reported",
        "reports",
        "report",
    }
)
"""Words that say nothing about which incident a title describes."""


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
                problems.append(
                    Problem(event.path, lines.get(event.id, 1), 1, "related", f"unknown event id {other!r}")
                )
    return problems


def title_words(title: str) -> frozenset[str]:
    """The words that identify what a title is about: casefolded, without stopwords or a plural ``s``."""
    words = set()
    for word in re.findall(r"\w+", title.casefold()):
        if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue  # "Ukraine's" gives "ukraine" and a lone "s"
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(words)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The Jaccard index: shared words over all words."""
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a and b else 0.0


def _similar_titles(ordered: list[Event]) -> dict[int, int]:
    """For each event (by position), the nearest earlier one with a very similar title within the window.

    A set-similarity join with prefix filtering keeps this near linear: each title's
    rarest words are indexed, and two titles at least TITLE_SIMILARITY alike must
    share one of them, so common words never produce candidates.
    """
    words = [title_words(e.title) for e in ordered]
    frequency = Counter(w for ws in words for w in ws)
    days = [e.date.earliest().toordinal() for e in ordered]
    index: dict[str, list[int]] = defaultdict(list)
    found: dict[int, int] = {}
    for i, mine in enumerate(words):
        rarest = sorted(mine, key=lambda w: (frequency[w], w))
        prefix = rarest[: len(rarest) - math.ceil(TITLE_SIMILARITY * len(rarest) - 1e-9) + 1]
        best, seen = -1, set()
        for word in prefix:
            for j in reversed(index[word]):  # nearest first; the index is in date order
                if j <= best or days[i] - days[j] > TITLE_WINDOW_DAYS:
                    break
                if j not in seen:
                    seen.add(j)
                    if _similarity(mine, words[j]) >= TITLE_SIMILARITY:
                        best = j
                        break
            index[word].append(i)
        if best >= 0:
            found[i] = best
    return found


def _same_place(ordered: list[Event]) -> dict[int, int]:
    """For each event (by position), the nearest earlier one at the same place at most NEAR_DAYS apart.

    Only events whose day is known (to within NEAR_DAYS) are compared.
    """
    by_place: dict[str, list[int]] = defaultdict(list)
    found: dict[int, int] = {}
    for i, event in enumerate(ordered):
        if event.date.precision_days() > NEAR_DAYS:
            continue
        group = by_place[f"{event.location.country}:{event.location.name.casefold()}"]
        for j in reversed(group):
            earlier = ordered[j].date
            # spans here are at most NEAR_DAYS long, so nothing before this one can be near
            if (event.date.earliest() - earlier.earliest()).days > 2 * NEAR_DAYS:
                break
            if (event.date.earliest() - earlier.latest()).days <= NEAR_DAYS:
                found[i] = j
                break
        group.append(i)
    return found


def check_duplicates(events: list[Event]) -> list[Problem]:
    """Warning: an event looks like another (same place within a few days, or a very similar title)."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    related = {(e.id, r) for e in events for r in e.related}
    places, titles = _same_place(ordered), _similar_titles(ordered)
    problems = []
    for i, later in enumerate(ordered):
        if i in places:
            earlier, why = ordered[places[i]], f"same place within {NEAR_DAYS} days"
        elif i in titles:
            earlier, why = ordered[titles[i]], "very similar title"
        else:
            continue
        if (later.id, earlier.id) in related or (earlier.id, later.id) in related:
            continue
        # The warning goes on the file added last: in a pull request, that is the new one.
        new, old = (
            (later, earlier) if (later.added, later.sort_key) >= (earlier.added, earlier.sort_key) else (earlier, later)
        )
        problems.append(
            Problem(
                new.path,
                1,
                1,
                "",
                f"looks like {old.path} ({why}); if it is the same event, "
                f"merge the two files; if not, add {old.id} to related",
                Severity.WARNING,
            )
        )
    return problems
