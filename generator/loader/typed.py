"""Read position-carrying YAML nodes as plain data, the way editors do.

Plain scalars follow the YAML 1.2 core schema, the one editors and the JSON
Schema tooling use: ``true``/``false``, ``null``, and numbers are typed; everything
else, ``NO``, ``1:30`` and ``2024-07-11`` included, stays a string. Quoted
scalars are always strings.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from generator.loader.nodes import Mapping, Node, Scalar, Sequence

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def scalar_value(node: Scalar) -> Any:
    """The value of one scalar under the YAML 1.2 core schema."""
    if node.quoted:
        return node.value
    text = node.value
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        # Python refuses to convert more digits than sys.get_int_max_str_digits() (4,300 by default)
        # and would raise; such a number is still a number under the core schema, just not a usable one.
        limit = sys.get_int_max_str_digits()
        return float(text) if limit and len(text.lstrip("+-")) > limit else int(text)
    if _FLOAT.match(text) and len(text) < 40:
        return float(text)
    return text


def to_data(node: Node) -> Any:
    """The whole tree as dicts, lists and scalars."""
    if isinstance(node, Scalar):
        return scalar_value(node)
    if isinstance(node, Sequence):
        return [to_data(item) for item in node.items]
    return {key: to_data(value) for key, value in node.items.items()}


def locate(root: Node, path: list[str | int], key: str | None = None) -> tuple[int, int]:
    """Line and column of the node at ``path``, or of ``key`` in the mapping there."""
    node = root
    for step in path:
        if isinstance(node, Mapping) and isinstance(step, str) and step in node.items:
            node = node.items[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node.items):
            node = node.items[step]
        else:
            break
    if key is not None and isinstance(node, Mapping) and key in node.key_positions:
        return node.key_positions[key]
    return node.line, node.col


def field_name(path: list[str | int]) -> str:
    """``claims[0].sources`` for the path ``["claims", 0, "sources"]``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out
