"""generator.validation.schema: the event schema, written for editors and used by check."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from generator.validation import schema
from tests.helpers import BUNDLED


def properties(node: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, sub in node.get("properties", {}).items():
        yield f"{where}{name}", sub
        yield from properties(sub, f"{where}{name}.")
        if "items" in sub:
            yield from properties(sub["items"], f"{where}{name}[].")


def test_is_a_valid_schema_of_its_declared_draft() -> None:
    assert schema.EVENT["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema.EVENT)


def test_every_field_is_described() -> None:
    missing = [name for name, sub in properties(schema.EVENT) if not sub.get("description")]
    assert missing == []


def test_the_committed_copy_is_current() -> None:
    assert (BUNDLED / "schema.json").read_text(encoding="utf-8") == schema.dumps()
    assert json.loads(schema.dumps()) == schema.EVENT


@pytest.mark.parametrize("text", ["A title", "Київ", "a", 'Soldier\'s "quote" — 50% & <b>', "x" * 500])
def test_plain_text_accepts(text: str) -> None:
    assert re.search(schema.PLAIN_TEXT_PATTERN, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " leading",
        "trailing ",
        "two\nlines",
        "tab\there",
        "nul\x00",
        "bidi\u202e",
        "c1\x85",
        "separator\u2028",
        "isolate\u2066",
    ],
)
def test_plain_text_refuses(text: str) -> None:
    assert not re.search(schema.PLAIN_TEXT_PATTERN, text)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org", True),
        ("https://example.org:8443/a/b?c=d&e=f#g", True),
        ("https://a.b/%20", True),
        ("http://example.org", False),
        ("https://user@example.org", False),
        ("https://example.org/a b", False),
        ('https://example.org/"x', False),
        ("https://-bad.org", False),
        ("https://пример.рф", False),
        ("javascript:alert(1)", False),
        ("https://example.org/<x>", False),
    ],
)
def test_url_pattern(url: str, ok: bool) -> None:
    assert bool(re.search(schema.URL_PATTERN, url)) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024-07-11-soldier-shoots", True),
        ("2022-russian-withdrawal", True),
        ("2024-07-11", True),
        ("2024-07-11-Soldier", False),
        ("soldier-2024", False),
        ("2024-07-11-", False),
        ("2024--x", False),
    ],
)
def test_id_pattern(value: str, ok: bool) -> None:
    assert bool(re.search(schema.ID_PATTERN, value)) is ok


def test_dumps_is_stable_text() -> None:
    text = schema.dumps()
    assert text.endswith("}\n")
    assert text == schema.dumps()
