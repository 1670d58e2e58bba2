"""The timeline as readers browse it: events in order, and the indexes over them.

Built once from the validated events, before any page is rendered, so that every
page can use cross-event data: years, tags, places, figures, neighbours and
related events.
"""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from generator import languages
from generator.model import Claim, Event, Figure, Redirect, Tag, TagText, Translation
from generator.translation import translate, translate_tag
from generator.vocabulary import STATUSES

RELATED_LIMIT = 5
"""How many related events an event page lists."""
NEIGHBOURS = 10
"""Tag-based related events are drawn from this many neighbours in time on each side,
so that finding them stays linear in the number of events."""


def place_key(name: str) -> str:
    """A place name compared case- and Unicode-insensitively: NFKC, case-folded, NFKC again
    (``Kupiansk``, ``KUPIANSK`` and fullwidth ``Ｋｕｐｉａｎｓｋ`` are one place)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def place_slug(country: str, name: str) -> str:
    """A URL-safe slug for a place, from its name alone, so a page never moves because another
    event arrived; names with no ASCII letters fall back to a stable hash of :func:`place_key`.
    Two names with one slug but different keys are refused by ``check`` (validation/places.py)."""
    key = place_key(name)
    words = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:60].strip("-")
    if not words:
        words = hashlib.blake2b(key.encode(), digest_size=5).hexdigest()
    return f"{country.lower()}-{words}"


@dataclass(frozen=True)
class FigureRow:
    """A reported number with everything a reader needs to weigh it."""

    figure: Figure
    claim: Claim
    event: Event


@dataclass(frozen=True, kw_only=True)
class Sourcing:
    """How well the timeline as a whole can be traced to reporting a reader can open."""

    events: int
    """Events in the timeline."""
    sources: int
    """Distinct sources: one per address, and one per publisher and headline without one."""
    publishers: int
    """Distinct publishers cited."""
    linked_events: int
    """Events with at least one source that has an address."""

    @property
    def linked_percent(self) -> int:
        """The share of events with a source a reader can open, in whole percent (rounded down)."""
        return self.linked_events * 100 // self.events if self.events else 0


@dataclass(frozen=True, kw_only=True)
class Publisher:
    """A publisher cited by the timeline, with the events that cite it."""

    name: str
    events: list[Event]
    """The citing events, in timeline order."""


@dataclass
class Timeline:
    """All events in order (earliest possible day, then id), with their indexes."""

    events: list[Event]
    tags: dict[str, Tag]
    redirects: list[Redirect] = field(default_factory=list)
    """Old addresses of renamed, merged and removed events, by date of the change."""
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    """Each event's text in other languages, by event id and language."""
    tag_texts: dict[str, dict[str, TagText]] = field(default_factory=dict)
    """Tag names and descriptions in other languages, by language and tag id."""
    by_id: dict[str, Event] = field(init=False)
    by_year: dict[int, list[Event]] = field(init=False)
    by_tag: dict[str, list[Event]] = field(init=False)
    places: dict[str, list[Event]] = field(init=False)
    """Events by place slug (see :func:`place_slug`), in order of first appearance."""

    def __post_init__(self) -> None:
        self.events = sorted(self.events, key=lambda e: e.sort_key)
        self.by_id = {e.id: e for e in self.events}
        self.by_year = defaultdict(list)
        self.by_tag = {tag: [] for tag in sorted(self.tags)}
        self.places = defaultdict(list)
        for event in self.events:
            # an event whose range spans years is listed under each year it overlaps
            for year in event.date.years():
                self.by_year[year].append(event)
            for tag in event.tags:
                self.by_tag[tag].append(event)
            self.places[place_slug(event.location.country, event.location.name)].append(event)
        self._index = {e.id: i for i, e in enumerate(self.events)}
        self._tag_index = {(tag, e.id): i for tag, events in self.by_tag.items() for i, e in enumerate(events)}
        self._named_by: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for other in event.related:
                self._named_by[other].append(event)

    def in_language(self, language: str) -> Timeline:
        """The timeline as shown on the site in ``language``: translated text where there is one.

        Made once per language and kept: the feeds, the downloads and every page ask for it.
        """
        if language == languages.DEFAULT:
            return self
        made: dict[str, Timeline] = self.__dict__.setdefault("_in_language", {})
        if language not in made:
            texts = self.tag_texts.get(language, {})
            tags = {i: translate_tag(tag, texts.get(i)) for i, tag in self.tags.items()}
            made[language] = self.translated(
                lambda event: translate(event, language, self.translations.get((event.id, language))), tags
            )
        return made[language]

    def translated(self, change: Callable[[Event], Event], tags: dict[str, Tag]) -> Timeline:
        """This timeline with each event's text changed by ``change`` (a translation) and other tag words.

        The order and the indexes stay those of this timeline, so every page keeps its address
        in every language: a place's page, for one, is named after the place's English name.
        """
        new = copy.copy(self)
        new.__dict__.pop("_in_language", None)
        for name, attribute in vars(Timeline).items():
            if isinstance(attribute, cached_property):  # computed from the English events
                new.__dict__.pop(name, None)
        swapped = {e.id: change(e) for e in self.events}

        def swap(events: list[Event]) -> list[Event]:
            return [swapped[e.id] for e in events]

        new.tags = tags
        new.events = swap(self.events)
        new.by_id = {i: swapped[i] for i in self.by_id}
        new.by_year = {year: swap(events) for year, events in self.by_year.items()}
        new.by_tag = {tag: swap(events) for tag, events in self.by_tag.items()}
        new.places = {slug: swap(events) for slug, events in self.places.items()}
        new._named_by = {i: swap(events) for i, events in self._named_by.items()}
        return new

    def previous_ids(self, event: Event) -> list[str]:
        """The old ids that now lead to ``event`` (it was renamed from them, or they were merged into it)."""
        return sorted(r.old_id for r in self.redirects if r.to == event.id)

    @cached_property
    def version(self) -> str:
        """The dataset's version: the day of its last change (an event added or corrected, or an
        address renamed, merged or removed), so that a build of the same data is the same."""
        days = [e.updated for e in self.events] + [r.date for r in self.redirects]
        return max(days).isoformat() if days else "unreleased"

    @cached_property
    def countries(self) -> list[str]:
        """Country codes with events, sorted."""
        return sorted({e.location.country for e in self.events})

    @cached_property
    def by_region(self) -> dict[str, list[Event]]:
        """Events by the ISO 3166-2 code of their location's region, codes sorted, events in order."""
        regions: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            if event.location.region:
                regions[event.location.region].append(event)
        return dict(sorted(regions.items()))

    @cached_property
    def publishers(self) -> list[Publisher]:
        """Every publisher cited, most-cited first (then by name), each with its events in order."""
        citing: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for name in dict.fromkeys(source.publisher for source in event.sources):
                citing[name].append(event)
        ordered = sorted(citing.items(), key=lambda item: (-len(item[1]), item[0].casefold(), item[0]))
        return [Publisher(name=name, events=events) for name, events in ordered]

    @cached_property
    def sourcing(self) -> Sourcing:
        """The counts the home and About pages give."""
        sources = {
            source.url or f"{source.publisher}\0{source.title}" for event in self.events for source in event.sources
        }
        return Sourcing(
            events=len(self.events),
            sources=len(sources),
            publishers=len(self.publishers),
            linked_events=sum(1 for event in self.events if any(source.url for source in event.sources)),
        )

    @cached_property
    def status_counts(self) -> dict[str, int]:
        """How many events have each status, in the methodology's order; statuses no event has are left out."""
        counts = Counter(e.status for e in self.events)
        return {status: counts[status] for status in STATUSES if counts[status]}

    @property
    def years(self) -> list[int]:
        """Years with events, oldest first."""
        return sorted(self.by_year)

    def previous(self, event: Event) -> Event | None:
        """The event before this one in timeline order."""
        i = self._index[event.id]
        return self.events[i - 1] if i > 0 else None

    def next(self, event: Event) -> Event | None:
        """The event after this one in timeline order."""
        i = self._index[event.id]
        return self.events[i + 1] if i + 1 < len(self.events) else None

    def named_by(self, event: Event) -> list[Event]:
        """Events that list ``event`` under ``related``."""
        return list(self._named_by.get(event.id, []))

    def tag_position(self, tag: str, event: Event) -> int:
        """Where ``event`` sits in the events of ``tag``."""
        return self._tag_index[(tag, event.id)]

    def related(self, event: Event) -> list[Event]:
        """Events named as related (either way), then nearby events sharing the most tags."""
        named = [self.by_id[r] for r in event.related if r in self.by_id]
        named += [e for e in self._named_by.get(event.id, []) if e not in named]
        scores: dict[str, int] = defaultdict(int)
        for tag in event.tags:
            events = self.by_tag.get(tag, [])
            here = self._tag_index[(tag, event.id)]
            for other in events[max(0, here - NEIGHBOURS) : here + NEIGHBOURS + 1]:
                if other.id != event.id:
                    scores[other.id] += 1
        day = event.date.earliest()
        ranked = sorted(
            (self.by_id[i] for i in scores if self.by_id[i] not in named),
            key=lambda e: (-scores[e.id], abs((e.date.earliest() - day).days), e.id),
        )
        return (named + ranked)[:RELATED_LIMIT]

    def figures(self) -> list[FigureRow]:
        """Every reported number, in timeline order of its event."""
        return list(self._figures)

    @cached_property
    def _figures(self) -> list[FigureRow]:
        return [FigureRow(f, c, e) for e in self.events for c in e.claims for f in c.figures]

    def latest(self, count: int) -> list[Event]:
        """The most recent events by date, newest first."""
        return list(reversed(self.events[-count:])) if count > 0 else []

    def recently_added(self, count: int) -> list[Event]:
        """Events by date added or corrected, newest first."""
        return sorted(self.events, key=lambda e: (e.updated, e.sort_key), reverse=True)[:count]
