"""Read the tag vocabulary, ``timeline/tags.yaml``: each tag with a name and description."""

from __future__ import annotations

import re
from pathlib import Path

from generator.loader.files import display
from generator.loader.nodes import Mapping, Node, Scalar, load
from generator.loader.typed import scalar_value
from generator.model import Tag
from generator.problems import Problem
from generator.validation.markdown import text_problems
from generator.validation.schema import PLAIN_TEXT_PATTERN, SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)
_TEXT = re.compile(PLAIN_TEXT_PATTERN)
_FIELDS = {"name", "description", "content_note"}
RESERVED = frozenset(
    {"index", "con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Tag ids that cannot name a page: tags/index.md is the list of all tags (a tag "index" would
silently replace it), and Windows cannot check out files named after its devices (tags/con.md)."""


def load_tags(path: Path | None) -> tuple[dict[str, Tag], list[Problem]]:
    """The tags by id, and the problems with the file."""
    # Imported here, not at the top: importing generator.validation runs its __init__, which imports
    # this module for load_tags, so a top-level import fails whenever generator.validation.tags is imported first.

    if path is None:
        return {}, [Problem("timeline/tags.yaml", 0, 0, "", "tag vocabulary file is missing")]
    shown = display(path)
    document = load(path, shown)
    if document.root is None:
        return {}, document.problems
    if not isinstance(document.root, Mapping):
        return {}, [Problem(shown, 1, 1, "", "expected a mapping of tag ids to their name and description")]
    if not document.root.items:  # with no vocabulary, the unknown-tag rule cannot run and the build fails later
        return {}, [
            Problem(
                shown,
                document.root.line,
                document.root.col,
                "",
                "no tags defined; expected a mapping of tag ids to their name and description",
            )
        ]
    tags: dict[str, Tag] = {}
    problems: list[Problem] = []
    for tag_id, node in document.root.items.items():
        line, col = document.root.key_positions[tag_id]
        tag, found = _read_tag(tag_id, node, shown, line, col)
        problems += found
        if tag is not None:
            tags[tag_id] = tag
    return tags, problems


def _read_tag(tag_id: str, node: Node, shown: str, line: int, col: int) -> tuple[Tag | None, list[Problem]]:
    """One tag of the vocabulary, or None and the problems that stop it."""
    if not _SLUG.fullmatch(tag_id):  # match would let a final newline through (and crash the page's slug)
        return None, [Problem(shown, line, col, tag_id, "expected lowercase letters and digits joined by hyphens")]
    if tag_id in RESERVED:
        message = f"tag id {tag_id!r} is reserved (it would name the page tags/{tag_id}.md); choose another"
        return None, [Problem(shown, line, col, tag_id, message)]
    if not isinstance(node, Mapping):
        return None, [Problem(shown, node.line, node.col, tag_id, "expected a mapping with name and description")]
    values, problems = _values(tag_id, node, shown)
    for key in ("name", "description"):
        text = values.get(key)
        if not isinstance(text, str) or not _TEXT.match(text):
            problems.append(Problem(shown, node.line, node.col, f"{tag_id}.{key}", "expected one line of plain text"))
            continue
        # the same rules as event text (validation.rules.check_text and check_invisible)
        problems += [Problem(shown, node.line, node.col, f"{tag_id}.{key}", m) for m in text_problems(text)]
    note = values.get("content_note", False)
    if not isinstance(note, bool):
        problems.append(Problem(shown, node.line, node.col, f"{tag_id}.content_note", "expected true or false"))
    if problems:
        return None, problems
    return Tag(id=tag_id, name=str(values["name"]), description=str(values["description"]), content_note=bool(note)), []


def _values(tag_id: str, node: Mapping, shown: str) -> tuple[dict[str, object], list[Problem]]:
    """The tag's known fields as values, and the problems with unknown or nested ones."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for key, value in node.items.items():
        kline, kcol = node.key_positions[key]
        if key not in _FIELDS:
            message = f"unknown field; expected one of: {', '.join(sorted(_FIELDS))}"
            problems.append(Problem(shown, kline, kcol, f"{tag_id}.{key}", message))
        elif not isinstance(value, Scalar):
            problems.append(Problem(shown, value.line, value.col, f"{tag_id}.{key}", "expected a single value"))
        else:
            values[key] = scalar_value(value)
    return values, problems
