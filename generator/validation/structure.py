"""Structural rules: the JSON Schema, worded for contributors.

jsonschema finds every structural error at once; this module turns each into a
problem at the right line, worded "expected X; got Y".
"""

from __future__ import annotations

from functools import cache
from typing import Any

from generator.loader.nodes import Node
from generator.loader.typed import field_name, locate
from generator.problems import Problem
from generator.validation import schema
from generator.validation.values import check_values

SCHEMAS = {"event": schema.EVENT, "translation": schema.TRANSLATION}


@cache
def _fast(kind: str = "event") -> Any:
    """The schema compiled to Python: ten times faster on valid files, but it stops at the
    first error, so files it rejects are checked again by jsonschema to list every error.
    Built on first use: compiling takes a tenth of a second that a warm ``check`` need not pay."""
    import fastjsonschema

    validate = fastjsonschema.compile(SCHEMAS[kind])

    def is_valid(data: Any) -> bool:
        try:
            validate(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


@cache
def _full(kind: str = "event") -> Any:
    import jsonschema

    return jsonschema.Draft7Validator(SCHEMAS[kind])


def check_structure(path: str, root: Node, data: Any, kind: str = "event") -> list[Problem]:
    """Every place where ``data`` breaks the schema of its ``kind`` of file (an event, a translation)."""
    # Bounds and whole numbers by value, whatever the YAML type (see values.py).
    by_value = check_values(path, root, data, SCHEMAS[kind])
    if _fast(kind)(data):
        return by_value
    problems: list[Problem] = list(by_value)
    for error in _full(kind).iter_errors(data):
        where: list[str | int] = list(error.absolute_path)
        for problem in _describe(error, where):
            field, key, message = problem
            line, col = locate(root, where, key)
            problems.append(Problem(path, line, col, field, message))
    return sorted(set(problems))


def _describe(error: Any, where: list[str | int]) -> list[tuple[str, str | None, str]]:
    """(field, key to point at, message) for one schema error."""
    rule, sub = error.validator, error.schema
    assert isinstance(sub, dict)
    field = field_name(where)
    got = _show(error.instance)
    if rule == "required":
        missing = [name for name in sub["required"] if name not in error.instance]
        # jsonschema raises one error per missing field; duplicates are merged by the caller
        return [(field_name([*where, name]), None, "missing required field") for name in missing]
    if rule == "additionalProperties":
        allowed = sub.get("properties", {})
        extra = [name for name in error.instance if name not in allowed]
        hint = f"; expected one of: {', '.join(allowed)}"
        return [(field_name([*where, name]), name, f"unknown field{hint}") for name in extra]
    if rule == "enum":
        values = sub["enum"]
        listed = ", ".join(values) if len(values) <= 12 else "an ISO 3166-1 alpha-2 code such as UA or RU"
        return [(field, None, f"expected one of {listed}; got {got}")]
    if rule == "type":
        wanted = sub["type"] if isinstance(sub["type"], list) else [sub["type"]]
        return [(field, None, f"expected {' or '.join(_TYPE_WORDS.get(str(t), str(t)) for t in wanted)}; got {got}")]
    if rule == "pattern":
        return [(field, None, f"expected {sub.get('x-expected', 'the documented form')}; got {got}")]
    if rule in ("minLength", "minItems"):
        return [(field, None, "must not be empty")]
    if rule == "maxLength":
        return [(field, None, f"is longer than the limit of {sub['maxLength']} characters")]
    if rule == "maxItems":
        return [(field, None, f"has more than the limit of {sub['maxItems']} items")]
    if rule in ("minimum", "maximum"):
        return [
            (
                field,
                None,
                f"expected {sub.get('x-expected', 'a value')} between "
                f"{_number(sub['minimum'])} and {_number(sub['maximum'])}; got {got}",
            )
        ]
    return [(field, None, error.message)]  # pragma: no cover - every keyword we use is worded above


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
