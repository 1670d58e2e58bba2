"""generator.model: frozen events, their update day, sort key and sources."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date

import pytest

from generator import model as model_module
from tests.helpers import make_event


def test_updated_is_the_last_correction_or_the_day_added() -> None:
    assert make_event("2024-07-a", added="2024-07-20").updated == date(2024, 7, 20)
    assert make_event("2024-07-a", added="2024-07-20", corrections=["2024-09-01", "2024-08-01"]).updated == date(
        2024, 9, 1
    )


def test_sort_key_is_the_earliest_possible_day_then_the_id() -> None:
    events = [
        make_event("2022-03-15-c"),
        make_event("2022-03-b", approximate=True),
        make_event("2022-a"),
        make_event("2022-03-01-z", date_end="2022-03-20"),
        make_event("2022-03-01-a"),
    ]
    assert [e.id for e in sorted(events, key=lambda e: e.sort_key)] == [
        "2022-a",
        "2022-03-01-a",
        "2022-03-01-z",
        "2022-03-b",
        "2022-03-15-c",
    ]


def test_source_by_id() -> None:
    event = make_event("2024-07-a")
    assert event.source("s1").publisher == "Example Daily"
    with pytest.raises(StopIteration):
        event.source("missing")


def test_events_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_event("2024-07-a").title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "model",
    [c for c in vars(model_module).values() if dataclasses.is_dataclass(c) and c.__module__ == model_module.__name__],
)
def test_every_field_is_documented(model: type) -> None:
    lines = inspect.getsource(model).splitlines()
    for field in dataclasses.fields(model):
        [at] = [i for i, line in enumerate(lines) if line.startswith(f"    {field.name}: ")]
        assert lines[at + 1].strip().startswith('"""'), f"{model.__name__}.{field.name} has no docstring"
