"""Regenerate only what an edit changed: the preview loop of ``timeline serve``.

A :class:`Regenerator` lives as long as the preview. It remembers the checked
files, the events, each event's list row and data-download lines, and the
timeline it last rendered. After an edit it re-checks only files whose bytes
changed, works out which pages can show the changed events (the events' own
pages, their neighbours in time, events that may list them as related, and the
listings that contain them) and renders only those. A test compares the result
with a full generation after random edits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator import pipeline
from generator.model import Event
from generator.pipeline import Run
from generator.problems import Problem, errors
from generator.project import Project, Settings
from generator.renderer import urls
from generator.renderer.outputs import other_files
from generator.renderer.pages import SiteRenderer
from generator.renderer.pagination import PAGE_SIZE
from generator.timeline import NEIGHBOURS, Timeline
from generator.validation import Result, validate
from generator.validation.cache import default_cache_dir
from generator.validation.folder import Memory


@dataclass
class Regenerator:
    """Keeps what the last generation used, so that the next renders only what changed.

    It is the pipeline's :class:`~generator.pipeline.Steps` for ``serve``: the build sequence is
    the pipeline's, only checking and rendering remember.
    """

    project: Project
    source: Path
    target: Path | None = None
    memory: Memory = field(default_factory=Memory)
    exports: dict[tuple[str, str], str] = field(default_factory=dict)
    renderer: SiteRenderer | None = None
    previous: Timeline | None = None
    context: str = ""
    rendered: int = 0
    """How many pages the last run rendered (the rest were known to be unchanged)."""

    def run(self) -> Run:
        """Check, then write the generated folder, rendering only pages an edit can change."""
        return pipeline.run(self.project, self.source, target=self.target, steps=self)

    def check(self, source: Path) -> Result:
        """Re-check only files whose bytes changed; duplicates are left to ``check`` and ``build``."""
        return validate(source, default_cache_dir(source), self.memory, duplicates=False)

    def generate(
        self, timeline: Timeline, settings: Settings, docs: Path
    ) -> tuple[dict[str, bytes], list[Problem], set[str] | None]:
        """The pages an edit can change, the other files, and every page's path to keep."""
        context = _context(timeline, settings)
        if self.renderer is None or context != self.context:
            self.renderer, self.previous, self.context = SiteRenderer(settings), None, context
            self.exports.clear()
        files, problems = other_files(timeline, settings, docs, self.exports)
        if errors(problems):
            return files, problems, None
        plan = self.renderer.pages(timeline)
        wanted = set(plan) if self.previous is None else affected(self.previous, timeline) & set(plan)
        for path in sorted(wanted):
            files[path] = plan[path]().encode("utf-8")
        self.rendered = len(wanted)
        self.previous = timeline
        self.renderer.forget_rows(timeline)
        _forget(self.exports, timeline)
        return files, problems, set(plan) | set(files)


def _context(timeline: Timeline, settings: Settings) -> str:
    """What every page depends on: the tag vocabulary and the settings."""
    tags = [asdict(t) for t in timeline.tags.values()]
    text = json.dumps([tags, asdict(settings)], sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _forget(cache: dict[tuple[str, str], str], timeline: Timeline) -> None:
    """Keep cached export lines only for events that still exist."""
    live = {e.fingerprint for e in timeline.events}
    for key in [k for k in cache if k[1] not in live]:
        del cache[key]


def affected(old: Timeline, new: Timeline) -> set[str]:
    """The pages whose content can differ between two versions of the timeline."""
    before = {e.id: e.fingerprint for e in old.events}
    after = {e.id: e.fingerprint for e in new.events}
    changed = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
    if not changed:
        return set()
    pages = urls.indexes()
    for version in (old, new):
        for event_id in changed:
            event = version.by_id.get(event_id)
            if event is not None:
                pages |= {urls.event(e.id) for e in _shown_with(version, event)}
                pages |= _listings(version, event)
    pages |= _timeline_pages(old, new, changed)
    pages |= _figure_pages(old, new, changed)
    return pages


def _shown_with(timeline: Timeline, event: Event) -> list[Event]:
    """Events whose pages can show ``event``: itself, its neighbours, and possible related events."""
    shown = [event]
    shown += [e for e in (timeline.previous(event), timeline.next(event)) if e is not None]
    shown += [timeline.by_id[r] for r in event.related if r in timeline.by_id]
    shown += timeline.named_by(event)
    for tag in event.tags:
        events = timeline.by_tag.get(tag, [])
        here = timeline.tag_position(tag, event)
        # related() looks NEIGHBOURS positions either way; one more covers a shift by insertion
        shown += events[max(0, here - NEIGHBOURS - 1) : here + NEIGHBOURS + 2]
    return shown


def _all_pages(first: str, count: int) -> set[str]:
    return set(urls.listing(first, -(-count // PAGE_SIZE)))


def _listings(timeline: Timeline, event: Event) -> set[str]:
    """Every page of the year, tag and place listings that contain ``event``."""
    pages: set[str] = set()
    for year in event.date.years():
        pages |= _all_pages(urls.year(year), len(timeline.by_year[year]))
    for tag in event.tags:
        pages |= _all_pages(urls.tag(tag), len(timeline.by_tag.get(tag, [])))
    for slug, events in timeline.places.items():
        if events[0].location.name == event.location.name and events[0].location.country == event.location.country:
            pages |= _all_pages(urls.place(slug), len(events))
    return pages


def _rows_pages(base: str, before: list[str], after: list[str], changed: set[str]) -> set[str]:
    """The pages of a listing whose rows can differ, given each version's row owners in order.

    When both versions list the same owners in the same order, only the pages holding a
    changed owner's rows; otherwise every page from the first difference on, since rows shift.
    """
    count = max(len(before), len(after))
    pages = max(1, -(-count // PAGE_SIZE))
    if before == after:
        first = [i for i, owner in enumerate(after) if owner in changed]
        return {urls.page_path(base, i // PAGE_SIZE + 1) for i in first}
    start = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after))
    )
    return {urls.page_path(base, n) for n in range(start // PAGE_SIZE + 1, pages + 1)}


def _timeline_pages(old: Timeline, new: Timeline, changed: set[str]) -> set[str]:
    """Timeline pages whose rows can differ."""
    return _rows_pages(urls.timeline(), [e.id for e in old.events], [e.id for e in new.events], changed)


def _figure_pages(old: Timeline, new: Timeline, changed: set[str]) -> set[str]:
    """Figure pages whose rows can differ; the first page too when any figure changed (its chart)."""
    before = [row.event.id for row in old.figures()]
    after = [row.event.id for row in new.figures()]
    pages = _rows_pages(urls.figures(), before, after, changed)
    return pages | {urls.figures()} if changed & (set(before) | set(after)) else pages
