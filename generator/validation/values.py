"""Rules the JSON Schema states but cannot enforce for every YAML type.

A JSON Schema applies ``minimum`` and ``maximum`` to numbers only, so a quoted figure
(``value: "99999999999999"``) would pass any bound; and since draft 6 it counts ``2024.0``
as an integer, so a float date (``2024.0``, ``2.024e3``) would pass as a year and reach the
model as ``"2024.0"``. This module walks the schema alongside the data and applies both
rules by value, whatever type the YAML gave: a bound to a number written as text, and
"whole number" to a number written with a decimal point or an exponent.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from generator.loader.nodes import Node
from generator.loader.typed import field_name, locate
from generator.problems import Problem


def check_values(path: str, root: Node, data: Any, schema: dict[str, Any]) -> list[Problem]:
    """Every value that breaks a bound or a whole-number rule the schema states but cannot apply."""
    found: list[tuple[list[str | int], str]] = []
    _walk(schema, data, [], found)
    problems = []
    for where, message in found:
        line, col = locate(root, where)
        problems.append(Problem(path, line, col, field_name(where), message))
    return problems


def _walk(sub: dict[str, Any], value: Any, where: list[str | int], found: list[tuple[list[str | int], str]]) -> None:
    if isinstance(value, dict):
        for key, inner in sub.get("properties", {}).items():
            if key in value:
                _walk(inner, value[key], [*where, key], found)
    elif isinstance(value, list):
        items = sub.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                _walk(items, item, [*where, i], found)
    elif (message := _scalar(sub, value)) is not None:
        found.append((where, message))


def _scalar(sub: dict[str, Any], value: Any) -> str | None:
    """Why one scalar breaks its schema's intent, or None."""
    types = sub.get("type", [])
    types = types if isinstance(types, list) else [types]
    expected = sub.get("x-expected", "a value")
    if isinstance(value, float) and "integer" in types and "number" not in types:
        return f"expected {expected}; got {_show(value)}, a number with a decimal point (write it in quotes)"
    if isinstance(value, str) and ("minimum" in sub or "maximum" in sub):
        if "pattern" in sub and not re.search(sub["pattern"], value):
            return None  # the schema already reported the form
        try:
            number = Decimal(value)
        except InvalidOperation:
            return None
        low, high = sub.get("minimum"), sub.get("maximum")
        if (low is not None and number < Decimal(str(low))) or (high is not None and number > Decimal(str(high))):
            return f"expected {expected} between {_bound(low)} and {_bound(high)}; got {value!r}"
    return None


def _bound(value: float | None) -> str:
    if value is None:
        return "any"
    return str(int(value)) if float(value).is_integer() else str(value)


def _show(value: float) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
