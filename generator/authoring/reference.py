"""The field reference of ``CONTRIBUTING.md``, generated from the event schema.

The reference lists every field the schema allows, with whether it is required,
the form of its value and its meaning, then the fixed vocabularies and the rules
``check`` adds to the schema. ``timeline reference`` rewrites only the part of
``CONTRIBUTING.md`` between :data:`START` and :data:`END`; a test fails when the
committed text differs from what this module generates, so the guide cannot
drift from what ``check`` enforces.

The text is Markdown that reads the same on GitHub and on the site (where the
file becomes ``/contributing/``): links are anchors within the page only.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

from generator import vocabulary
from generator.loader.nodes import MAX_FILE_BYTES
from generator.validation import crossfile, rules, schema
from generator.validation.places import check_place_addresses

START = "<!-- field-reference:start -->"
END = "<!-- field-reference:end -->"
NOTICE = (
    "<!-- Generated from generator/validation/schema.py by `timeline reference`; edit the schema, not this text. -->"
)

VOCABULARIES: list[tuple[str, dict[str, str], str]] = [
    ("Statuses", vocabulary.STATUSES, "Meaning"),
    ("Claimant kinds", vocabulary.CLAIMANT_KINDS, "Meaning"),
    ("Location precisions", vocabulary.PRECISIONS, "Meaning"),
    ("Figure qualifiers", vocabulary.QUALIFIERS, "Shown before the number as"),
    ("Figure units", vocabulary.UNITS, "Shown as"),
    ("What figures count", vocabulary.FIGURE_COUNTS, "Shown as"),
]
"""The vocabularies, each with its heading; an enum equal to one links to its table."""

CROSS_FILE_RULES: list[Callable[..., Any]] = [
    crossfile.check_unique_ids,
    crossfile.check_related,
    check_place_addresses,
    crossfile.check_duplicates,
]
"""Rules that compare files, listed after the per-file rules."""

_CODE_SPAN = re.compile(r"(`[^`]*`)")
_CODE_WORD = re.compile(r"[^\s`]*[_/<>][^\s`]*?(?=[.,;:)]*(\s|$))")
"""A word that is a field name or a path (``date_end``, ``timeline/<year>/``): shown as code."""


class MarkersError(ValueError):
    """``CONTRIBUTING.md`` lacks the markers that enclose the generated reference."""


def slug(heading: str) -> str:
    """The anchor GitHub and MkDocs both give a plain heading: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", heading.casefold()).strip("-")


def inline(text: str) -> str:
    """One line of prose as Markdown: identifiers and paths as code, nothing read as HTML or a table cell."""
    text = re.sub(r"``([^`]+)``", r"`\1`", " ".join(text.split()))
    parts = []
    for part in _CODE_SPAN.split(text):
        if not part.startswith("`"):
            part = _CODE_WORD.sub(lambda m: f"`{m.group(0)}`", part)
            part = "".join(
                _CODE_SPAN.sub(r"\1", p) if p.startswith("`") else _escape(p) for p in _CODE_SPAN.split(part)
            )
        parts.append(part.replace("|", "\\|"))
    return "".join(parts)


def _escape(text: str) -> str:
    """Prose made inert: entities for ``&<>`` (Python-Markdown has no backslash escape for them)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\*_\[\]])", r"\\\1", text)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else str(value)


def _vocabulary_link(values: list[str]) -> str | None:
    for heading, words, _ in VOCABULARIES:
        if values == list(words):
            return f"one of the [{heading.casefold()}](#{slug(heading)})"
    return None


def _count(prop: dict[str, Any]) -> str:
    low, high = prop.get("minItems", 0), prop.get("maxItems")
    if low and high:
        return f"{low} to {high}"
    return f"up to {high}" if high else "any number of"


def _form(prop: dict[str, Any], headings: dict[int, str]) -> str:
    """The form a value must take, in words."""
    kinds = prop.get("type")
    if "enum" in prop:
        values = prop["enum"]
        link = _vocabulary_link(values)
        if link:
            return link
        if set(values) == vocabulary.COUNTRIES:
            examples = ", ".join(f"`{code}`" for code in vocabulary.COMMON_COUNTRIES[:3])
            return f"a two-letter country code in capitals, such as {examples}"
        return "one of " + ", ".join(f"`{v}`" for v in values)
    if prop.get("pattern") == schema.ID_PATTERN:
        return "an event id: the other event's file name without `.yaml`"
    if kinds == "object":
        heading = headings[id(prop)]
        return f"fields, see [{heading}](#{slug(heading)})"
    if kinds == "array":
        items = prop["items"]
        count = _count(prop)
        if items.get("type") == "object":
            heading = headings[id(items)]
            return f"a list of {count} entries, see [{heading}](#{slug(heading)})"
        return f"a list of {count} values, each {_form(items, headings)}"
    if kinds == "boolean":
        return "`true` or `false`"
    words = inline(prop.get("x-expected", str(kinds)))
    if "maxLength" in prop and "x-expected" in prop and "date" not in words and "URL" not in words:
        words += f", at most {_number(prop['maxLength'])} characters"
    if isinstance(kinds, list) and "number" in kinds:
        words += f" from {_number(prop['minimum'])} to {_number(prop['maximum'])}"
    return words


def _sections(obj: dict[str, Any], heading: str = "Event fields") -> list[tuple[str, dict[str, Any]]]:
    """Every object of the schema in file order, each followed by the objects inside it, with headings."""
    out = [(heading, obj)]
    for name, prop in obj["properties"].items():
        target = prop["items"] if prop.get("type") == "array" else prop
        if target.get("type") == "object":
            out += _sections(target, f"{name} fields")
    return out


def _table(obj: dict[str, Any], headings: dict[int, str]) -> Iterator[str]:
    required = set(obj.get("required", []))
    yield "| Field | Required | Value | Meaning |"
    yield "|---|---|---|---|"
    for name, prop in obj["properties"].items():
        yield (
            f"| `{name}` | {'yes' if name in required else 'no'} | {_form(prop, headings)} | "
            f"{inline(prop.get('description', ''))} |"
        )


def _docstring(function: Callable[..., Any]) -> str:
    doc = inspect.getdoc(function) or function.__name__
    return inline(doc.split("\n\n")[0])


def render(event_schema: dict[str, Any] | None = None) -> str:
    """The generated reference, markers included."""
    root = event_schema or schema.EVENT
    sections = _sections(root)
    headings = {id(obj): heading for heading, obj in sections}
    if len({slug(h) for h, _ in sections}) != len(sections):
        raise ValueError("two objects of the schema would share a heading")
    lines = [START, NOTICE, ""]
    lines += [
        "Every event file is one YAML mapping with the fields below. Fields marked *yes* are required; "
        'leave out an optional field rather than leave it empty. Quote dates (`"2024-07-11"`) so that '
        "every tool reads them as text.",
        "",
    ]
    for heading, obj in sections:
        lines += [f"### {heading}", ""]
        if obj is not root:
            lines += [inline(obj.get("description", "")), ""]
        lines += [*_table(obj, headings), ""]
    for heading, words, meaning in VOCABULARIES:
        lines += [f"### {heading}", "", f"| Value | {meaning} |", "|---|---|"]
        lines += [
            f"| `{value}` | {inline(text) or '(nothing: the number stands alone)'} |" for value, text in words.items()
        ]
        lines.append("")
    lines += [
        "### Rules beyond the fields",
        "",
        "`timeline check` also applies these rules, which a schema cannot state; editors do not show them, "
        "so run it before you open a pull request.",
        "",
        f"- The file is at most {MAX_FILE_BYTES // 1024} KiB: one YAML document without anchors, aliases, "
        "tags or repeated keys.",
        *(f"- {_docstring(rule)}" for rule in rules.RULES),
        *(f"- {_docstring(rule)}" for rule in CROSS_FILE_RULES),
        "",
        END,
    ]
    return "\n".join(lines)


def replace(document: str, generated: str | None = None) -> str:
    """``document`` with the text between the markers (markers included) replaced by the reference."""
    start, end = document.find(START), document.find(END)
    if start < 0 or end < 0 or end < start or document.count(START) != 1 or document.count(END) != 1:
        raise MarkersError(f"expected one {START} line followed by one {END} line")
    return document[:start] + (generated or render()) + document[end + len(END) :]
