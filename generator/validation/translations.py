"""Check translation files, ``<YYYY>/<id>.<language>.yaml`` and ``tags.<language>.yaml``.

A translation file is contributor text like an event file, so it goes through the same
safe loader, the same schema machinery and the same text rules, with ``path:line``
messages. It is then matched to its English event: a translation of the English text as
it is now must have a text for every claim, figure and correction; one of an older version
is outdated (a warning, naming the version to record once it is updated). Events without a
translation are warnings too: the site shows their English text, marked as such.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from generator import languages
from generator.loader.files import display
from generator.loader.nodes import Mapping, load
from generator.loader.typed import to_data
from generator.model import ClaimText, CorrectionText, Event, FigureText, Tag, TagText, Translation
from generator.problems import Problem, Severity, errors
from generator.translation import claims_match, text_version
from generator.validation.markdown import markdown_problems
from generator.validation.rules import Context, check_blank, check_invisible, check_text
from generator.validation.schema import PLAIN_TEXT_PATTERN
from generator.validation.structure import check_structure

Translations = dict[tuple[str, str], Translation]
"""Translations by event id and language."""
_TEXT = re.compile(PLAIN_TEXT_PATTERN)
NAMES = {"ru": "Russian", "uk": "Ukrainian"}
"""Language names in check's messages, which are in English like the rest of them."""


def read_translations(files: list[tuple[Path, str]], events: list[Event]) -> tuple[Translations, list[Problem]]:
    """Every translation file that passed its checks, and the problems of all of them."""
    by_id = {e.id: e for e in events}
    found: Translations = {}
    problems: list[Problem] = []
    for path, language in files:
        translation, more = _read(path, language, by_id)
        problems += more
        if translation is not None:
            found[(translation.event_id, language)] = translation
    return found, problems


def _read(path: Path, language: str, events: dict[str, Event]) -> tuple[Translation | None, list[Problem]]:
    shown = display(path)
    event_id = path.name.removesuffix(f".{language}.yaml")
    event = events.get(event_id)
    if event is None or Path(event.path).parent.name != path.parent.name:
        where = f"timeline/{path.parent.name}/{event_id}.yaml"
        message = f"a translation of an event that does not exist: no {where} beside it (or it has errors)"
        return None, [Problem(shown, 0, 0, "", message)]
    document = load(path, shown)
    root = document.root
    if root is None:
        return None, list(document.problems)
    if not isinstance(root, Mapping):
        return None, [
            Problem(shown, root.line, root.col, "", "expected a mapping of fields (translates:, title:, ...)")
        ]
    data = to_data(root)
    problems = check_structure(shown, root, data, "translation")
    ctx = Context(shown, event_id, path.parent.name, root, data, {})
    for rule in (check_text, check_invisible, check_blank):
        problems += rule(ctx)
    problems += _summary(ctx, event)
    if errors(problems):
        return None, problems
    translation = _translation(event_id, language, shown, data)
    problems += _against_english(ctx, event, translation)
    return (None if errors(problems) else translation), problems


def _summary(ctx: Context, event: Event) -> list[Problem]:
    """The same Markdown rules as the English summary, with the same anchors to link to."""
    summary = ctx.data.get("summary")
    node = ctx.root.items.get("summary") if isinstance(ctx.root, Mapping) else None
    if not isinstance(summary, str) or node is None:
        return []
    sections = {"summary", "claims", "sources"} | ({"corrections"} if event.corrections else set())
    anchors = frozenset(sections | {f"source-{n}" for n in range(1, len(event.sources) + 1)})
    start = 1 if getattr(node, "block", False) else 0
    return [
        ctx.problem(["summary"], m, line_offset=start + offset) for offset, m in markdown_problems(summary, anchors)
    ]


def _translation(event_id: str, language: str, shown: str, data: dict[str, Any]) -> Translation:
    return Translation(
        event_id=event_id,
        language=language,
        path=shown,
        translates=data["translates"],
        reviewed=data["reviewed"],
        title=data["title"],
        summary=data["summary"],
        content_note=data.get("content_note"),
        place=data.get("place"),
        claims=tuple(
            ClaimText(
                by=c["by"],
                says=c["says"],
                figures=tuple(FigureText(description=f["description"], scope=f["scope"]) for f in c.get("figures", [])),
            )
            for c in data.get("claims", [])
        ),
        corrections=tuple(CorrectionText(change=c["change"], reason=c["reason"]) for c in data.get("corrections", [])),
    )


def _against_english(ctx: Context, event: Event, translation: Translation) -> list[Problem]:
    """Outdated is a warning; a translation of the current text that leaves parts out is an error."""
    version = text_version(event)
    if translation.translates != version:
        return [
            ctx.problem(
                ["translates"],
                f"outdated: the English text in {event.path} has changed since this translation was written. "
                f"Bring the translation up to date, then write 'translates: {version}'",
                severity=Severity.WARNING,
            )
        ]
    problems = []
    if not claims_match(event, translation):
        counts = ", ".join(str(len(c.figures)) for c in event.claims)
        problems.append(
            ctx.problem(
                ["claims"],
                f"the English has {len(event.claims)} claims (with {counts} figures); "
                "translate each, in the same order",
            )
        )
    if len(translation.corrections) != len(event.corrections):
        problems.append(
            ctx.problem(["corrections"], f"the English has {len(event.corrections)} corrections; translate each")
        )
    if event.content_note and not translation.content_note:
        problems.append(ctx.problem([], "the English has a content note; translate it", key="content_note"))
    return problems


def untranslated(events: list[Event], found: Translations, files: list[tuple[Path, str]]) -> dict[str, list[str]]:
    """The events without a translation, by language (a file that failed its checks says so already)."""
    tried = {(path.name, language) for path, language in files}
    return {
        language: sorted(
            e.path
            for e in events
            if (e.id, language) not in found and (f"{e.id}.{language}.yaml", language) not in tried
        )
        for language in languages.TRANSLATED
    }


def _events_have(count: int) -> str:
    return "1 event has" if count == 1 else f"{count} events have"


NOTE_LISTS = 5
"""Events named in a note about missing translations; the rest are counted."""


def untranslated_notes(missing: dict[str, list[str]], paths: tuple[Path, ...] = ()) -> list[str]:
    """What ``check`` says about events without a translation: a note per language, not a warning
    per file. A missing translation never fails a check (the page shows the English, marked as
    such), so that a contributor who writes only English can still add an event."""
    chosen = [os.path.normpath(p) for p in paths]
    notes = []
    for language, events in sorted(missing.items()):
        events = [e for e in events if not chosen or any(os.path.normpath(e).startswith(c) for c in chosen)]
        if not events:
            continue
        shown = ", ".join(events[:NOTE_LISTS]) + (
            f" and {len(events) - NOTE_LISTS} more" if len(events) > NOTE_LISTS else ""
        )
        name = NAMES[language]
        notes.append(
            f"note: {_events_have(len(events))} no {name} translation yet, so the {name} site shows their English "
            f"text: {shown}. To translate one, add <id>.{language}.yaml beside it "
            "(CONTRIBUTING.md, Translating an event)"
        )
    return notes


def read_tag_translations(
    files: dict[str, Path], tags: dict[str, Tag]
) -> tuple[dict[str, dict[str, TagText]], list[Problem]]:
    """Each language's tag names and descriptions, by tag id."""
    found: dict[str, dict[str, TagText]] = {}
    problems: list[Problem] = []
    for language, path in sorted(files.items()):
        found[language], more = _read_tag_file(path, tags)
        problems += more
    return found, problems


def _read_tag_file(path: Path, tags: dict[str, Tag]) -> tuple[dict[str, TagText], list[Problem]]:
    shown = display(path)
    document = load(path, shown)
    root = document.root
    if root is None:
        return {}, list(document.problems)
    if not isinstance(root, Mapping):
        return {}, [Problem(shown, root.line, root.col, "", "expected a mapping of tag ids to name: and description:")]
    texts: dict[str, TagText] = {}
    problems: list[Problem] = []
    for tag_id, node in root.items.items():
        line, col = root.key_positions[tag_id]
        data = to_data(node)
        if tag_id not in tags:
            problems.append(Problem(shown, line, col, tag_id, "not a tag of tags.yaml; use the same ids"))
            continue
        text = _tag_text(shown, node, data)
        if isinstance(text, TagText):
            texts[tag_id] = text
        else:
            problems += [Problem(shown, line, col, tag_id, message) for message in text]
    return texts, problems


def _tag_text(shown: str, node: Any, data: Any) -> TagText | list[str]:
    """A tag's words, or what is wrong with them."""
    if not isinstance(data, dict) or set(data) != {"name", "description"}:
        return ["expected name: and description:, nothing else"]
    if not all(isinstance(v, str) and _TEXT.match(v) for v in data.values()):
        return ["name and description are each one line of plain text, without control characters"]
    ctx = Context(shown, "", "", node, data, {})
    messages = [p.message for rule in (check_text, check_invisible, check_blank) for p in rule(ctx)]
    return messages or TagText(name=data["name"], description=data["description"])
