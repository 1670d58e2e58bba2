"""Run every rule on every file, then build the model from the files that passed."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.loader.files import Found, display, find
from generator.model import Event, Redirect, Tag, TagText
from generator.problems import Problem, errors, ordered
from generator.validation import crossfile, sources
from generator.validation.cache import Job, check_all
from generator.validation.convert import to_event
from generator.validation.file import FileResult, check_file
from generator.validation.hosts import load_refused_hosts
from generator.validation.places import check_place_addresses
from generator.validation.redirects import read_redirects
from generator.validation.tags import load_tags
from generator.validation.translations import Translations, read_tag_translations, read_translations, untranslated


@dataclass
class Result:
    """What checking a timeline folder found."""

    events: list[Event] = field(default_factory=list)
    """Every event that passed, in no particular order."""
    tags: dict[str, Tag] = field(default_factory=dict)
    """The tag vocabulary."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem, sorted by file and line."""
    files: int = 0
    """How many files were checked."""
    redirects: list[Redirect] = field(default_factory=list)
    """Old addresses of renamed, merged and removed events (``timeline/redirects.yaml``)."""
    translations: Translations = field(default_factory=dict)
    """Each event's text in Russian and Ukrainian, by event id and language, where translated."""
    tag_texts: dict[str, dict[str, TagText]] = field(default_factory=dict)
    """Tag names and descriptions by language, then tag id (``timeline/tags.<language>.yaml``)."""
    untranslated: dict[str, list[str]] = field(default_factory=dict)
    """The files of the events without a translation, by language."""

    @property
    def ok(self) -> bool:
        """True when nothing stops the build."""
        return not errors(self.problems)


@dataclass
class Memory:
    """What one process remembers between checks of the same folder (``timeline serve``)."""

    results: dict[str, FileResult] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)
    """Each event file's bytes at the last check, by path, for files the watcher says are unchanged."""


def validate(
    source: Path,
    cache_dir: Path | None = None,
    memory: Memory | None = None,
    duplicates: bool = True,
    changed: set[str] | None = None,
) -> Result:
    """Check the timeline folder ``source`` and build its events.

    ``duplicates=False`` skips the search for look-alike events, which only gives warnings
    (``timeline serve`` prints none, and it is the slowest cross-file rule). ``changed``, with
    ``memory``, names the only files that may differ from the last check (``serve``'s watcher
    says which): the others are not read again.
    """
    found = find(source)
    tags, problems = load_tags(found.tags)
    hosts, host_problems = load_refused_hosts(found.refused_hosts)
    problems += host_problems
    problems += found.problems
    jobs, raws = _read(found.events, memory, changed, problems)
    events: list[Event] = []
    ids: dict[str, list[str]] = defaultdict(list)
    lines: dict[str, int] = {}
    known = memory.events if memory is not None else {}
    seen: dict[str, Event] = {}
    for job, (fingerprint, result) in zip(
        jobs, check_all(jobs, tags, cache_dir, memory.results if memory is not None else None), strict=True
    ):
        _, shown, event_id, _ = job
        ids[event_id.casefold()].append(shown)
        event = known.get(fingerprint)
        if event is None and result.data is not None:
            try:
                event = to_event(event_id, shown, result.data, fingerprint)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                # Only a damaged cache entry can fail here: check the file itself again.
                result = check_file(*job, tags)
                event = to_event(event_id, shown, result.data, fingerprint) if result.data is not None else None
        problems += result.problems
        if event is not None:
            seen[fingerprint] = event
            events.append(event)
            lines[event_id] = result.related_line
    if memory is not None:
        memory.events = seen
        memory.raw = raws
    problems += _across_files(events, ids, lines, hosts)
    redirects, more = read_redirects(found.redirects, events)
    problems += more
    if duplicates:
        problems += crossfile.check_duplicates(events)
    clashing = {p for paths in ids.values() if len(paths) > 1 for p in paths}
    events = [e for e in events if e.path not in clashing]
    translations, tag_texts, missing = _translations(found, events, tags, problems)
    files = len(found.events) + len(found.translations) + len(found.tag_translations)
    files += sum(1 for f in (found.tags, found.refused_hosts, found.redirects) if f)
    return Result(events, tags, ordered(problems), files, redirects, translations, tag_texts, missing)


def _across_files(
    events: list[Event], ids: dict[str, list[str]], lines: dict[str, int], hosts: dict[str, Any]
) -> list[Problem]:
    """The rules across files that always run: ids, related events, sources, place addresses."""
    problems = crossfile.check_unique_ids(ids)
    problems += crossfile.check_related(events, lines)
    problems += sources.check_hosts(events, hosts)
    problems += sources.check_one_description(events)
    problems += check_place_addresses(events)
    return problems


def _translations(
    found: Found, events: list[Event], tags: dict[str, Tag], problems: list[Problem]
) -> tuple[Translations, dict[str, dict[str, TagText]], dict[str, list[str]]]:
    """The translations of the events and the tags, adding their problems to ``problems``."""
    translations, more = read_translations(found.translations, events)
    problems += more
    tag_texts, more = read_tag_translations(found.tag_translations, tags)
    problems += more
    return translations, tag_texts, untranslated(events, translations, found.translations)


def _read(
    paths: list[Path], memory: Memory | None, changed: set[str] | None, problems: list[Problem]
) -> tuple[list[Job], dict[str, bytes]]:
    """A job for each event file, and its bytes by path; a file that cannot be read is a problem."""
    jobs: list[Job] = []
    raws: dict[str, bytes] = {}
    for path in paths:
        # os.path on strings: Path.stem and Path.parent build new paths, 10,000 times a check
        text = str(path)
        shown, folder = display(path), os.path.dirname(text)
        try:
            raw = _remembered(memory, changed, text)
            if raw is None:
                with open(text, "rb") as handle:
                    raw = handle.read()
            raws[text] = raw
            jobs.append((raw, shown, os.path.basename(text)[: -len(".yaml")], os.path.basename(folder)))
        except OSError as exc:
            problems.append(Problem(shown, 0, 0, "", f"cannot read file: {exc.strerror}"))
    return jobs, raws


def _remembered(memory: Memory | None, changed: set[str] | None, path: str) -> bytes | None:
    """The bytes read at the last check, when the watcher says the file has not changed since."""
    if memory is None or changed is None or path in changed:
        return None
    return memory.raw.get(path)
