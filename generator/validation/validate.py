"""Run every rule on every file, then build the model from the files that passed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.files import display, find
from generator.loader import Document, Mapping
from generator.model import Event, Tag
from generator.parsing import load_all
from generator.problems import Problem, errors
from generator.tags import load_tags
from generator.validation import crossfile
from generator.validation.convert import to_event
from generator.validation.rules import Context, check_rules
from generator.validation.structure import check_structure
from generator.validation.typed import to_data


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

    @property
    def ok(self) -> bool:
        """True when nothing stops the build."""
        return not errors(self.problems)


def validate(source: Path, cache_dir: Path | None = None) -> Result:
    """Check the timeline folder ``source`` and build its events."""
    found = find(source)
    tags, problems = load_tags(found.tags)
    problems += found.problems
    events: list[Event] = []
    ids: dict[str, list[str]] = defaultdict(list)
    lines: dict[str, int] = {}
    documents = load_all(found.events, [display(p) for p in found.events], cache_dir)
    for path, document in zip(found.events, documents):
        event_id = path.stem
        ids[event_id.casefold()].append(document.path)
        event, file_problems = _check_document(document, event_id, path.parent.name, tags)
        problems += file_problems
        if event is not None and not errors(file_problems):
            events.append(event)
            if isinstance(document.root, Mapping) and "related" in document.root.key_positions:
                lines[event_id] = document.root.key_positions["related"][0]
    problems += crossfile.check_unique_ids(ids)
    problems += crossfile.check_related(events, lines)
    problems += crossfile.check_duplicates(events)
    clashing = {p for paths in ids.values() if len(paths) > 1 for p in paths}
    events = [e for e in events if e.path not in clashing]
    files = len(found.events) + (1 if found.tags else 0)
    return Result(events, tags, sorted(set(problems)), files)


def _check_document(document: Document, event_id: str, year_folder: str,
                    tags: dict[str, Tag]) -> tuple[Event | None, list[Problem]]:
    if document.root is None:
        return None, list(document.problems)
    if not isinstance(document.root, Mapping):
        return None, [Problem(document.path, document.root.line, document.root.col, "",
                              "expected a mapping of fields (title:, date:, ...)")]
    data = to_data(document.root)
    problems = check_structure(document.path, document.root, data)
    ctx = Context(document.path, event_id, year_folder, document.root, data, tags)
    problems += check_rules(ctx)
    if errors(problems):
        return None, problems
    return to_event(event_id, document.path, data), problems
