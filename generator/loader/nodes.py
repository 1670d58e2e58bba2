"""Read event files into position-carrying YAML nodes, safely.

Events come from strangers' pull requests, so the loader builds its own tree from
libyaml's event stream instead of using a YAML constructor: no Python objects are
ever made, anchors, aliases and tags are refused outright (an alias bomb stops at
its first alias), and every scalar stays the exact string that was written, with
its line and column, until a validation rule reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.loader.yaml_errors import explain
from generator.problems import Problem

MAX_FILE_BYTES = 64 * 1024
"""An event is a page of text; anything bigger is a mistake or an attack."""
MAX_DEPTH = 12
"""Deeper than any valid event needs (event > claims > claim > figures > figure)."""
MAX_NODES = 20_000
"""Bounds the work any single file can cause."""


@dataclass(frozen=True)
class Scalar:
    """A YAML scalar, exactly as written."""

    value: str
    line: int
    col: int
    quoted: bool
    """Quoted and block scalars are always strings; plain ones may read as numbers or booleans."""
    block: bool = False
    """A ``|`` or ``>`` block: its text starts on the line after the key."""


@dataclass(frozen=True)
class Sequence:
    """A YAML sequence with its position."""

    items: list[Node]
    line: int
    col: int


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping with string keys, in file order, with each key's position."""

    items: dict[str, Node]
    key_positions: dict[str, tuple[int, int]]
    line: int
    col: int


Node = Scalar | Sequence | Mapping


@dataclass(frozen=True, kw_only=True)
class Document:
    """A loaded file: its root node, or the problems that stopped loading it."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)


class _Refused(Exception):
    """Loading stops at the first structural problem; the message names it."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def load(path: Path, display: str | None = None) -> Document:
    """Read and parse one file into a :class:`Document`."""
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Document(root=None, problems=[Problem(shown, 0, 0, "", f"cannot read file: {exc.strerror}")])
    return parse(data, shown)


def parse(data: bytes, path: str) -> Document:
    """Parse bytes into a :class:`Document`; never raises on bad input."""
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data):,} bytes"
        return _failed(path, 1, 1, f"file is {size}; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(data[: exc.start])
        return _failed(path, line, col, "file is not valid UTF-8 (save it as UTF-8)")
    if "\x00" in text:
        line, col = _position(text[: text.index("\x00")].encode())
        return _failed(path, line, col, "file contains a NUL character")
    text = text.removeprefix("\ufeff")
    try:
        root = _build(yaml.parse(text, Loader=yaml.CSafeLoader))
    except _Refused as exc:
        return _failed(path, exc.line, exc.col, exc.message)
    except yaml.MarkedYAMLError as exc:
        return _syntax_error(path, text, exc)
    except yaml.reader.ReaderError as exc:  # a character YAML forbids: a byte offset, not a mark
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return _failed(path, line, col, f"file contains the character U+{code:04X}, which YAML does not allow")
    except yaml.YAMLError as exc:  # libyaml reports some errors without a mark
        return _failed(path, 0, 0, f"YAML error: {exc}")
    if root is None:
        return _failed(path, 1, 1, "file is empty; expected an event mapping")
    return Document(root=root)


def _syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> Document:
    """libyaml's complaint, in plain words on the line of the mistake (see :mod:`yaml_errors`)."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return _failed(path, 0, 0, f"YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}")
    found = explain(
        text,
        problem=exc.problem or "",
        line=mark.line + 1,
        col=mark.column + 1,
        context=exc.context or "",
        context_line=exc.context_mark.line + 1 if exc.context_mark else 0,
    )
    return _failed(path, found.line, found.col, found.message)


def _failed(path: str, line: int, col: int, message: str) -> Document:
    return Document(root=None, problems=[Problem(path, line, col, "", message)])


def _position(prefix: bytes) -> tuple[int, int]:
    """1-based line and column just after ``prefix``."""
    line = prefix.count(b"\n") + 1
    col = len(prefix) - (prefix.rfind(b"\n") + 1) + 1
    return line, col


def _build(events: object) -> Node | None:
    """Turn libyaml events into nodes, refusing what events files must not use."""
    stack: list[tuple[Mapping | Sequence, list[object]]] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    for event in events:  # type: ignore[attr-defined]
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(line, col, "file holds more than one YAML document; put one event per file")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, col, "YAML aliases (*name) are not allowed; write the value out")
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                raise _Refused(line, col, f"file has more than {MAX_NODES:,} values")
            if event.anchor is not None:
                raise _Refused(line, col, "YAML anchors (&name) are not allowed; write the value out")
            if event.tag is not None and event.tag != "!":
                raise _Refused(line, col, f"YAML tags such as {event.tag!r} are not allowed")
        node: Node
        if isinstance(event, yaml.ScalarEvent):
            node = Scalar(event.value, line, col, quoted=bool(event.style), block=event.style in ("|", ">"))
        elif isinstance(event, yaml.MappingStartEvent):
            node = Mapping({}, {}, line, col)
        elif isinstance(event, yaml.SequenceStartEvent):
            node = Sequence([], line, col)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            _, pending = stack.pop()
            if pending:  # a mapping ended on a key; libyaml never emits this
                raise _Refused(line, col, "mapping key without a value")
            continue
        else:
            continue
        if stack:
            _attach(stack[-1], node)
        else:
            root = node
        if isinstance(node, (Mapping, Sequence)):
            stack.append((node, []))
            if len(stack) > MAX_DEPTH:
                raise _Refused(line, col, f"values are nested more than {MAX_DEPTH} levels deep")
    return root


def _attach(parent: tuple[Mapping | Sequence, list[object]], node: Node) -> None:
    container, pending = parent
    if isinstance(container, Sequence):
        container.items.append(node)
        return
    if not pending:  # this node is a key
        if not isinstance(node, Scalar):
            raise _Refused(node.line, node.col, "mapping keys must be plain words, not lists or mappings")
        if node.value in container.items:
            raise _Refused(node.line, node.col, f"duplicate key {node.value!r}")
        pending.append(node)
        return
    key = pending.pop()
    assert isinstance(key, Scalar)
    container.items[key.value] = node
    container.key_positions[key.value] = (key.line, key.col)
