"""Types after the schema: every YAML scalar and collection type in every field of the schema
gives problems with a path and a line, or an event that builds; never a traceback.

The schema alone cannot hold this: a JSON Schema counts ``2024.0`` as an integer (so a float
date passed as a year and crashed the model) and applies bounds to numbers only (so a quoted
figure passed any maximum). ``generator/validation/values.py`` closes both; these tests hold
every field of ``generator/validation/schema.py`` to it, with values written as YAML text so
that the loader's own typing runs.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.problems import Severity
from generator.project import Settings
from generator.renderer import exports, feeds, jsonld, urls
from generator.renderer.pages import SiteRenderer
from generator.timeline import Timeline
from generator.validation.convert import to_event
from generator.validation.file import check_file
from generator.validation.schema import EVENT
from generator.validation.tags import load_tags
from tests.hostile._support import REPO, VALID_EVENT

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
EVENT_ID = "2024-01-15-soldiers-refuse"
PATH = "timeline/2024/2024-01-15-soldiers-refuse.yaml"
HOLE = "HOLE-7f3a"

FULL: dict[str, Any] = yaml.safe_load(VALID_EVENT.read_text(encoding="utf-8"))
"""The valid event with every optional field filled in, so that every field of the schema exists."""
FULL.update(date_end="2024-01-20", approximate=True, content_note="A note.", related=["2024-01-10-other"])
FULL["location"].update(region="UA-63", occupied=True, lat="49.7", lon="37.6")
FULL["claims"][0].update(date="2024-01-16", date_end="2024-01-17", approximate=False)
FULL["sources"][0].update(
    archive_url="https://example.org/a", original_publisher="Other", original_url="https://example.org/o"
)

YAML_VALUES = [
    # floats, exponents and the YAML 1.2 specials
    "2024.0", "2.024e3", "1e400", ".nan", "-0.0",
    # integers in and out of every bound, too long to convert, and YAML 1.1's hex
    "12", "-5", "2200", "9" * 5000, "0x10",
    # booleans and nulls, YAML 1.2 and 1.1
    "true", "yes", "null", "",
    # timestamps and times
    "2024-07-11T10:00:00Z", "12:30:00",
    # quoted numbers past every bound
    '"99999999999999"', '"2024.0"', '"-181"', '"2200"',
    # collections
    "[]", "[1, 2.5, x]", "{}", "{a: 1}",
    # text: empty, blank, huge
    '""', '" "', '"' + "x" * 9000 + '"',
]  # fmt: skip
"""One value of each YAML type, tried in every field."""
MORE_VALUES = [
    "2024e0", "1e3", "-1e400", "0.5", ".inf", "-.inf", "0", "+12", "1899", "99999999999999", "0o17", "1_000",
    "false", "True", "NO", "on", "~", "2024-07-11", "2001-12-14 21:59:43.10 -5", '"-1"', '"1e3"', '"200"',
    "[[2024]]", "{value: 1}",
]  # fmt: skip
"""More of each type, which the property below samples."""


def _paths(sub: dict[str, Any], where: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Every field of the schema (lists at their first item), containers included."""
    if where:
        yield where
    for key, inner in sub.get("properties", {}).items():
        yield from _paths(inner, (*where, key))
    if isinstance(sub.get("items"), dict):
        yield from _paths(sub["items"], (*where, 0))


PATHS = list(_paths(EVENT, ()))


def _with_hole(where: tuple[str | int, ...]) -> dict[str, Any]:
    data = copy.deepcopy(FULL)
    target: Any = data
    for step in where[:-1]:
        target = target[step]
    if isinstance(target, list) and where[-1] >= len(target):
        target.append(HOLE)
    else:
        target[where[-1]] = HOLE
    return data


@functools.cache
def _template(where: tuple[str | int, ...]) -> str:
    text = yaml.safe_dump(_with_hole(where), allow_unicode=True, sort_keys=False, width=100_000)
    assert text.count(HOLE) == 1
    return text


def _yaml_with(where: tuple[str | int, ...], raw: str) -> bytes:
    """The full event as YAML with ``raw`` written, as it is, as the value at ``where``."""
    return _template(where).replace(HOLE, raw).encode("utf-8")


def _checked_and_built(raw: bytes, render: bool = True) -> str:
    """Check the file; when it passes, build its event and (with ``render``) everything made from it."""
    result = check_file(raw, PATH, EVENT_ID, "2024", TAGS)
    for problem in result.problems:
        assert problem.path == PATH and problem.line >= 1 and problem.col >= 1, problem.format()
    if result.data is None:
        assert any(p.severity is Severity.ERROR for p in result.problems)
        return "refused"
    built = to_event(EVENT_ID, PATH, result.data)
    if not render:
        return "accepted"
    timeline = Timeline([built], TAGS)
    SiteRenderer(Settings()).pages(timeline)[urls.event(EVENT_ID)]()
    exports.events_csv(timeline)
    exports.events_json(timeline)
    jsonld.event_jsonld(built, timeline, Settings())
    feeds.atom(timeline, None)
    feeds.json_feed(timeline, None)
    return "accepted"


def test_the_full_event_is_valid() -> None:
    """Otherwise every case below would be refused for the wrong reason."""
    raw = yaml.safe_dump(FULL, allow_unicode=True, sort_keys=False).encode()
    result = check_file(raw, PATH, EVENT_ID, "2024", TAGS)
    assert [p.format() for p in result.problems if p.severity is Severity.ERROR] == []
    assert len(PATHS) > 50


def test_every_yaml_type_in_every_field_gives_a_problem_with_a_line_or_builds() -> None:
    """Every (field, value) pair, exhaustively: about 1,600 checks; the property below renders."""
    outcomes: dict[str, int] = {}
    for where in PATHS:
        for raw in YAML_VALUES:
            try:
                outcome = _checked_and_built(_yaml_with(where, raw), render=False)
            except Exception as exc:  # report which pair, not just the traceback
                raise AssertionError(f"{'.'.join(map(str, where))}: {raw[:40]!r} raised {exc!r}") from exc
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert outcomes["refused"] > 0 and outcomes["accepted"] > 0, outcomes


@pytest.mark.parametrize(
    ("where", "raw", "message"),
    [
        (("date",), "2024.0", "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got 2024.0"),
        (("added",), "2.024e3", "added: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got 2024.0"),
        (("claims", 0, "date"), "2024.0", "claims[0].date: expected a date"),
        (("sources", 0, "date"), "2024.0", "sources[0].date: expected a date"),
        (("corrections", 0, "date"), "2024e0", "corrections[0].date: expected a date"),
        (
            ("claims", 0, "figures", 0, "value"),
            '"99999999999999"',
            "claims[0].figures[0].value: expected a decimal number between 0 and 1000000000000; got '99999999999999'",
        ),
        (("location", "lat"), '"95"', "location.lat: expected a decimal number between -90 and 90; got '95'"),
        (("date",), '"2200"', "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD between 1900 and 2100"),
    ],
)
def test_named_problems(where: tuple[str | int, ...], raw: str, message: str) -> None:
    result = check_file(_yaml_with(where, raw), PATH, EVENT_ID, "2024", TAGS)
    shown = [p.format() for p in result.problems]
    assert result.data is None
    assert any(message in line for line in shown), shown


SCALAR_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(min_value=1800, max_value=2200).map(lambda f: f"{f:.3e}"),
    st.text(max_size=30).map(lambda s: yaml.safe_dump(s, width=1000).removesuffix("\n...\n").strip()),
    st.sampled_from(YAML_VALUES + MORE_VALUES),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), SCALAR_TEXT)
def test_any_scalar_in_any_field_never_raises(where: tuple[str | int, ...], raw: str) -> None:
    _checked_and_built(_yaml_with(where, raw))
