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
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator import languages, pipeline
from generator.loader.files import display
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
from generator.validation.convert import to_event
from generator.validation.file import check_file
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
    renderers: dict[str, SiteRenderer] = field(default_factory=dict)
    """A renderer per language, each caching its list rows."""
    previous: dict[str, Timeline] = field(default_factory=dict)
    """The timeline each language's pages were last rendered from."""
    context: str = ""
    rendered: int = 0
    """How many pages the last run rendered (the rest were known to be unchanged)."""
    changed: set[str] | None = None
    """The event files the watcher saw change since the last run (None: any may have)."""

    def run(self) -> Run:
        """Check, then write the generated folder, rendering only pages an edit can change."""
        return pipeline.run(self.project, self.source, target=self.target, steps=self)

    def quick(self, changed: set[str]) -> dict[str, bytes]:
        """The own pages of edited events, rendered at once against the last timeline.

        The first half of an edit: an event file in ``changed`` (full paths) that was in the
        last timeline and passes its per-file rules gets its page rendered with the timeline as
        it was plus this edit, so the open page can show it before the cross-file rules,
        listings and downloads are redone (:meth:`run`, which writes the page again only if
        its text then differs). New, removed and broken files wait for :meth:`run`.
        """
        last, renderer = self.previous.get(languages.DEFAULT), self.renderers.get(languages.DEFAULT)
        if last is None or renderer is None:
            return {}
        old = {e.path: e for e in last.events}
        edited: dict[str, Event] = {}
        for path in sorted(changed):
            event = old.get(display(Path(path)))
            if event is not None and (new := _event_of(path, event, last)) is not None:
                edited[event.id] = new
        if not edited:
            return {}
        timeline = Timeline([edited.get(e.id, e) for e in last.events], last.tags)
        return {urls.event(i): renderer.event_page(timeline, e).encode("utf-8") for i, e in sorted(edited.items())}

    def check(self, source: Path) -> Result:
        """Re-check only files whose bytes changed; duplicates are left to ``check`` and ``build``."""
        changed, self.changed = self.changed, None
        return validate(source, default_cache_dir(source), self.memory, duplicates=False, changed=changed)

    def generate(
        self, timeline: Timeline, settings: Settings, docs: Path
    ) -> tuple[dict[str, bytes], list[Problem], set[str] | None]:
        """The pages an edit can change, the other files, and every page's path to keep."""
        context = _context(timeline, settings)
        if context != self.context:
            self.renderers = {language: SiteRenderer(settings) for language in languages.LANGUAGES}
            self.previous, self.context = {}, context
            self.exports.clear()
        files, problems = other_files(timeline, settings, docs, self.exports)
        if errors(problems):
            return files, problems, None
        keep = set(files)
        self.rendered = 0
        for language in languages.built():  # English first: the page being edited is most likely English
            with languages.speaking(language):
                keep |= self._render(timeline.in_language(language), language, files)
        _forget(self.exports, timeline)
        return files, problems, keep

    def _render(self, timeline: Timeline, language: str, files: dict[str, bytes]) -> set[str]:
        """Render the pages of one language's site that an edit can change; return all its pages."""
        renderer, previous = self.renderers[language], self.previous.get(language)
        plan = renderer.pages(timeline)
        wanted = set(plan) if previous is None else affected(previous, timeline) & set(plan)
        for path in sorted(wanted):
            files[path] = plan[path]().encode("utf-8")
        self.rendered += len(wanted)
        self.previous[language] = timeline
        renderer.forget_rows(timeline)
        return set(plan)


def _event_of(path: str, event: Event, timeline: Timeline) -> Event | None:
    """The event file at ``path`` (which held ``event``) read again, if it passes its per-file rules."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    result = check_file(raw, event.path, event.id, os.path.basename(os.path.dirname(path)), timeline.tags)
    if result.data is None or errors(result.problems):
        return None
    # A fingerprint of its own: the renderer caches list rows by fingerprint.
    fingerprint = "quick-" + hashlib.blake2b(raw, digest_size=16).hexdigest()
    try:
        return to_event(event.id, event.path, result.data, fingerprint)
    except (KeyError, TypeError, ValueError):
        return None


def _context(timeline: Timeline, settings: Settings) -> str:
    """What every page depends on: the tag vocabulary and the settings."""
    tags = [asdict(t) for t in timeline.tags.values()]
    text = json.dumps([tags, asdict(settings)], sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _forget(cache: dict[tuple[str, str], str], timeline: Timeline) -> None:
    """Keep cached export lines only for events that still exist."""
    live = {e.fingerprint for e in timeline.events}
    # a key may join the fingerprints of the event's versions in every language (events.json)
    for key in [k for k in cache if k[1].split("|", 1)[0] not in live]:
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
    # an old address names the event it now leads to, with its title (timeline/redirects.yaml)
    pages |= {urls.event(r.old_id) for r in new.redirects if r.to in changed}
    pages |= _timeline_pages(old, new, changed)
    pages |= _figure_pages(old, new, changed)
    if old.version != new.version:  # every event page cites the dataset's version
        pages |= {urls.event(e.id) for e in new.events}
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
    """Every page of the year, tag, place and region listings that contain ``event``."""
    pages: set[str] = set()
    for year in event.date.years():
        pages |= _all_pages(urls.year(year), len(timeline.by_year[year]))
    for tag in event.tags:
        pages |= _all_pages(urls.tag(tag), len(timeline.by_tag.get(tag, [])))
    for slug, events in timeline.places.items():
        if events[0].location.name == event.location.name and events[0].location.country == event.location.country:
            pages |= _all_pages(urls.place(slug), len(events))
    if event.location.region:
        pages |= _all_pages(urls.region(event.location.region), len(timeline.by_region.get(event.location.region, [])))
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
    """Timeline pages whose rows can differ, and the first page, whose time axis shows every event."""
    rows = _rows_pages(urls.timeline(), [e.id for e in old.events], [e.id for e in new.events], changed)
    return rows | {urls.timeline()}


def _figure_pages(old: Timeline, new: Timeline, changed: set[str]) -> set[str]:
    """Figure pages whose rows can differ; the first page too when any figure changed (its chart)."""
    before = [row.event.id for row in old.figures()]
    after = [row.event.id for row in new.figures()]
    pages = _rows_pages(urls.figures(), before, after, changed)
    return pages | {urls.figures()} if changed & (set(before) | set(after)) else pages
