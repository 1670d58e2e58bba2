"""generator.renderer.exports: events.json and events.csv, every field, and no formulas for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Tag
from generator.renderer.exports import CSV_COLUMNS, event_record, events_csv, events_json
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import SMALL, make_event

TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}


@pytest.fixture(scope="module")
def small() -> Timeline:
    result = validate(SMALL)
    return Timeline(result.events, result.tags)


def test_events_json_holds_every_event_and_tag(small: Timeline) -> None:
    data = json.loads(events_json(small))
    assert data["version"] == 1
    assert data["tags"]["unused-tag"] == {
        "name": "Unused tag",
        "description": "A tag no event uses; its page lists no events.",
        "translations": {},
    }
    assert [e["id"] for e in data["events"]] == [e.id for e in small.events]
    # every language's text: the small timeline has no translations, so each is missing, with its page
    first = data["events"][0]["translations"]
    assert first == {
        "ru": {"state": "missing", "page": f"ru/events/{small.events[0].id}/"},
        "uk": {"state": "missing", "page": f"uk/events/{small.events[0].id}/"},
    }


def test_an_event_record(small: Timeline) -> None:
    record = event_record(small.by_id["2022-03-01-deserters-cross-border"])
    assert record["date"] == {
        "date": "2022-03-01",
        "date_end": "2022-03-15",
        "approximate": False,
        "text": "between 1 and 15 March 2022",
    }
    assert record["claims"][0]["date"] == {
        "date": "2022-03-10",
        "date_end": "2022-03-16",
        "approximate": False,
        "text": "between 10 and 16 March 2022",
    }
    assert record["claims"][0]["sources"] == ["channel-post"]
    assert record["claims"][1]["date"] is None
    assert record["sources"][1] == {
        "id": "ministry-statement",
        "publisher": "Example Ministry",
        "title": "Statement of 17 March",
        "date": "2022-03-17",
        "url": "https://example.org/ministry/statement",
        "archive_url": None,
        "language": "en",
        "original_publisher": None,
        "original_url": None,
        "no_url_reason": None,
    }
    assert (record["added"], record["updated"], record["page"]) == (
        "2024-01-10",
        "2024-01-10",
        "events/2022-03-01-deserters-cross-border/",
    )
    assert "fingerprint" not in record


def test_numbers_and_coordinates_stay_exact(small: Timeline) -> None:
    record = event_record(small.by_id["2022-03-conscripts-refuse-to-advance"])
    assert (record["location"]["lat"], record["location"]["lon"]) == ("46.84", "35.37")
    figures = event_record(small.by_id["2023-watchdog-counts-desertion-cases"])["claims"][1]["figures"]
    assert figures[0]["value"] == "12.5"


def test_the_path_is_the_repository_path_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = validate(SMALL)
    assert str(SMALL) in result.events[0].path  # shown to contributors relative to where they are
    record = event_record(next(e for e in result.events if e.id == "2023-watchdog-counts-desertion-cases"))
    assert record["path"] == "timeline/2023/2023-watchdog-counts-desertion-cases.yaml"
    assert (os.sep + "tmp").encode() not in events_json(Timeline(result.events, result.tags))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_events_csv_has_a_row_per_event(small: Timeline) -> None:
    text = events_csv(small)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    table = rows(text)
    assert [r["id"] for r in table] == [e.id for e in small.events]
    melitopol = table[1]
    assert {
        k: melitopol[k]
        for k in ("date", "date_end", "approximate", "date_text", "occupied", "local_name", "tags", "figures", "url")
    } == {
        "date": "2022-03",
        "date_end": "",
        "approximate": "true",
        "date_text": "c. March 2022",
        "occupied": "true",
        "local_name": "Мелітополь",
        "tags": "refusal-to-fight; desertion",
        "figures": "about 40 people refused-to-fight (Example regional official)",
        "url": "events/2022-03-conscripts-refuse-to-advance/",
    }
    assert table[2]["title"] == "Watchdog counts <5,000 desertion cases & a *tenfold* rise [estimate]"
    assert table[3]["updated"] == "2024-08-02"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])  # "\r" is refused before it gets here
def test_csv_cells_cannot_start_a_formula(start: str) -> None:
    title = f'{start}HYPERLINK("https://evil.example.org","x")'
    event = make_event("2024-07-a", title=title, place=f"{start}1+1")
    [row] = rows(events_csv(Timeline([event], TAGS)))
    assert row["title"] == "'" + title
    assert row["location"] == f"'{start}1+1"
    assert row["id"] == "2024-07-a"


def test_text_that_only_contains_formula_characters_is_left_alone() -> None:
    [row] = rows(events_csv(Timeline([make_event("2024-07-a", title="A=B, 1+1 and @channel")], TAGS)))
    assert row["title"] == "A=B, 1+1 and @channel"


def test_a_cache_gives_the_same_text() -> None:
    events = [make_event("2024-07-a"), make_event("2024-08-b")]
    events = [e.__class__(**{**e.__dict__, "fingerprint": e.id}) for e in events]
    cache: dict[tuple[str, str], str] = {}
    timeline = Timeline(events, TAGS)
    assert events_json(timeline, cache) == events_json(timeline)
    assert events_csv(timeline, cache) == events_csv(timeline)
    assert len(cache) == 4
    assert events_json(timeline, cache) == events_json(timeline)


def test_a_source_without_a_recorded_headline_is_listed_by_its_publisher(small: Timeline) -> None:
    event = small.by_id["2022-03-01-deserters-cross-border"]
    untitled = replace(event, sources=tuple(replace(s, title=None) for s in event.sources))
    [row] = list(csv.DictReader(io.StringIO(events_csv(Timeline([untitled], small.tags)))))
    assert row["sources"] == "; ".join(s.publisher for s in event.sources)
