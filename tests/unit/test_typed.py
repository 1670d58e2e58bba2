"""generator.loader.typed: plain scalars read under the YAML 1.2 core schema, never YAML 1.1."""

from __future__ import annotations

from typing import Any

import pytest

from generator.loader.nodes import Mapping, Scalar, parse
from generator.loader.typed import field_name, locate, scalar_value, to_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # YAML 1.1 traps: all stay text until a rule reads them
        ("NO", "NO"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("Y", "Y"),
        ("1:30", "1:30"),
        ("2024-07-11", "2024-07-11"),
        ("2024-07", "2024-07"),
        ("0o17", "0o17"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        (".NaN", ".NaN"),
        ("18,000", "18,000"),
        # the core schema
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("", None),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("2024", 2024),
        ("-3", -3),
        ("+7", 7),
        ("007", 7),
        ("50.6", 50.6),
        ("-33.25", -33.25),
        (".5", 0.5),
        ("12.", 12.0),
        ("1e3", 1000.0),
        ("2.5E-1", 0.25),
    ],
)
def test_plain_scalar(text: str, expected: Any) -> None:
    value = scalar_value(Scalar(text, 1, 1, quoted=False))
    assert (type(value), value) == (type(expected), expected)


@pytest.mark.parametrize("text", ["true", "2024", "", "null", "50.6"])
def test_quoted_scalars_are_always_text(text: str) -> None:
    assert scalar_value(Scalar(text, 1, 1, quoted=True)) == text


def test_a_very_long_number_stays_text() -> None:
    digits = "1." + "0" * 40
    assert scalar_value(Scalar(digits, 1, 1, quoted=False)) == digits


def test_to_data_reads_the_whole_tree() -> None:
    document = parse(b"date: 2024-07-11\nlat: 50.6\noccupied: yes\ntags: [a, 'true', true]\nloc: {n: ~}\n", "f")
    assert document.root is not None
    assert to_data(document.root) == {
        "date": "2024-07-11",
        "lat": 50.6,
        "occupied": "yes",
        "tags": ["a", "true", True],
        "loc": {"n": None},
    }


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ([], None, (1, 1)),
        (["title"], None, (1, 8)),
        (["claims", 0, "sources", 1], None, (4, 18)),
        (["claims", 0], "sources", (4, 5)),
        (["claims", 0, "sources"], None, (4, 14)),
        (["claims", 5, "sources"], None, (3, 3)),  # missing item: the nearest existing node
        (["nothing", "here"], None, (1, 1)),
        ([], "claims", (2, 1)),
        ([], "absent", (1, 1)),
    ],
)
def test_locate(path: list[str | int], key: str | None, expected: tuple[int, int]) -> None:
    document = parse(b"title: A\nclaims:\n  - by: B\n    sources: [x, y]\n", "f")
    assert isinstance(document.root, Mapping)
    assert locate(document.root, path, key) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ([], ""),
        (["title"], "title"),
        (["claims", 0, "sources", 2], "claims[0].sources[2]"),
        ([3], "[3]"),
        (["location", "lat"], "location.lat"),
    ],
)
def test_field_name(path: list[str | int], expected: str) -> None:
    assert field_name(path) == expected
