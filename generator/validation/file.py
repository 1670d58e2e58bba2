"""Check one event file: parse it, apply the schema and every per-file rule.

A pure function of the file's bytes, its place and the tag vocabulary, so that
files can be checked in worker processes and the results cached by content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.loader import nodes as loader
from generator.loader.nodes import Mapping
from generator.loader.typed import to_data
from generator.model import Tag
from generator.problems import Problem, errors, ordered
from generator.validation.rules import Context, check_rules
from generator.validation.structure import check_structure


@dataclass(frozen=True)
class FileResult:
    """What checking one file found."""

    problems: list[Problem]
    """Problems of this file alone (cross-file rules run later)."""
    data: dict[str, Any] | None
    """The file's typed data when no per-file rule found an error, else None."""
    related_line: int = 1
    """The line of the ``related:`` key, for cross-file problems about it."""


def check_file(raw: bytes, path: str, event_id: str, year_folder: str, tags: dict[str, Tag]) -> FileResult:
    """Every per-file problem of one event file, and its data if it passed."""
    document = loader.parse(raw, path)
    root = document.root
    if root is None:
        return FileResult(list(document.problems), None)
    if not isinstance(root, Mapping):
        return FileResult(
            [Problem(path, root.line, root.col, "", "expected a mapping of fields (title:, date:, ...)")], None
        )
    data = to_data(root)
    problems = check_structure(path, root, data)
    problems += check_rules(Context(path, event_id, year_folder, root, data, tags))
    related_line = root.key_positions.get("related", (1, 1))[0]
    return FileResult(ordered(problems), None if errors(problems) else data, related_line)
