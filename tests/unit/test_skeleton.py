"""generator.authoring.skeleton: a new event file that passes check once its summary is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.authoring.skeleton import SkeletonError, event_id, skeleton
from generator.dates import PartialDate
from generator.validation.tags import load_tags
from tests.helpers import SMALL, check_event

TAGS, _ = load_tags(SMALL / "tags.yaml")
ANSWERS: dict[str, Any] = {
    "date": "2024-07-11",
    "title": "Soldier reportedly shoots two comrades",
    "location": "Belgorod region",
    "country": "ru",
    "tags": ["desertion"],
    "publisher": "Example Daily",
    "source_title": "A headline",
    "source_url": "https://example.org/a",
    "source_language": "en",
    "known_tags": TAGS,
    "today": date(2024, 7, 20),
}


@pytest.mark.parametrize(
    ("when", "title", "expected"),
    [
        ("2024-07-11", "Soldier reportedly shoots two comrades", "2024-07-11-soldier-reportedly-shoots-two-comrades"),
        (
            "2022-03",
            "Ukraine's army: 300 soldiers refuse to fight in Sumy region",
            "2022-03-ukraine-s-army-300-soldiers-refuse",
        ),
        ("2023", "Café owner—deserters hid", "2023-cafe-owner-deserters-hid"),
        ("2023", "Naïve recruits_flee ½ way", "2023-naive-recruits-flee-12-way"),
        ("2024", "Солдат Bataillon 5", "2024-bataillon-5"),
    ],
)
def test_event_id(when: str, title: str, expected: str) -> None:
    assert event_id(PartialDate.parse(when), title) == expected


def test_an_id_needs_a_latin_word() -> None:
    with pytest.raises(SkeletonError, match="at least one word in Latin letters or digits"):
        event_id(PartialDate(2024), "Солдат")


def test_the_skeleton_passes_check_once_the_summary_is_written(tmp_path: Path) -> None:
    path, text = skeleton(tmp_path / "timeline", **ANSWERS)
    assert path == tmp_path / "timeline" / "2024" / "2024-07-11-soldier-reportedly-shoots-two-comrades.yaml"
    name = path.stem
    assert check_event(tmp_path / "a", text, name=name) == ["16:10: summary: must not be empty"]
    filled = text.replace('summary: ""', "summary: Example Daily reports a shooting.")
    assert check_event(tmp_path / "b", filled, name=name) == []
    assert 'added: "2024-07-20"' in text


def test_a_violent_tag_takes_the_content_note(tmp_path: Path) -> None:
    answers = {**ANSWERS, "tags": ["violence-between-soldiers"], "content_note": "Describes a shooting."}
    path, text = skeleton(tmp_path, **answers)
    assert 'content_note: "Describes a shooting."' in text
    filled = text.replace('summary: ""', "summary: Example Daily reports a shooting.")
    assert check_event(tmp_path / "t", filled, name=path.stem) == []


def test_without_a_source_url_the_skeleton_says_where_to_add_it(tmp_path: Path) -> None:
    _, text = skeleton(tmp_path, **{**ANSWERS, "source_url": ""})
    assert "# url: https://..." in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "11 July 2024"}, "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got '11 July 2024'"),
        ({"date": "2024-02-30"}, "date: day is out of range for month; got '2024-02-30'"),
        ({"title": " padded"}, "title: expected one line of plain text; got ' padded'"),
        ({"location": "two\nlines"}, "location: expected one line of plain text; got 'two\\nlines'"),
        ({"country": "Russia"}, "country: expected an ISO 3166-1 alpha-2 code such as UA or RU; got 'RUSSIA'"),
        (
            {"precision": "town"},
            "precision: expected one of exact, settlement, district, region, front-sector, country; got 'town'",
        ),
        (
            {"source_url": "http://example.org"},
            "source url: expected an https:// URL with a plain host; got 'http://example.org'",
        ),
        ({"tags": []}, "give at least one tag (see timeline/tags.yaml)"),
        ({"tags": ["desertion", "desertion"]}, "tags: each tag once; got desertion, desertion"),
        (
            {"tags": ["looting"]},
            "tags: unknown tag 'looting'; expected one of: desertion, desertion-figures, "
            "refusal-to-fight, unused-tag, violence-between-soldiers",
        ),
        (
            {"tags": ["a]"], "known_tags": None},
            "tags: unknown tag 'a]'; expected one of: lowercase words joined by hyphens",
        ),
        (
            {"tags": ["violence-between-soldiers"]},
            "content note: events tagged violence-between-soldiers need one, "
            "such as 'Describes the killing of soldiers.'",
        ),
        ({"content_note": "two\nlines"}, "content note: expected one line of plain text; got 'two\\nlines'"),
    ],
)
def test_answers_that_cannot_make_a_valid_file(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    with pytest.raises(SkeletonError) as raised:
        skeleton(tmp_path, **{**ANSWERS, **change})
    assert str(raised.value) == message
