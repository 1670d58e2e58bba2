"""Duplicate detection: ``check`` warns when a new event looks like an existing one and names it.

Two events look alike when they are at the same place within a few days, or when their titles are
very similar and they start within a month. The warning goes on the file added last, which in a
pull request is the new one, and disappears once either event lists the other as related.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import Event
from generator.problems import Severity
from generator.validation import crossfile, validate
from tests.helpers import BUNDLED, make_event


def _warnings(events: list[Event]) -> list[str]:
    problems = crossfile.check_duplicates(events)
    assert all(p.severity is Severity.WARNING for p in problems)
    return [f"{p.path}: {p.message}" for p in problems]


def test_same_place_within_days_warns_on_the_file_added_last() -> None:
    old = make_event("2024-07-11-soldier-shoots-comrades", added="2024-07-12")
    new = make_event("2024-07-13-conscript-deserts-with-rifle", added="2024-08-01")
    assert _warnings([new, old]) == [
        "timeline/2024/2024-07-13-conscript-deserts-with-rifle.yaml: looks like "
        "timeline/2024/2024-07-11-soldier-shoots-comrades.yaml (same place within 3 days); if it is the same "
        "event, merge the two files; if not, add 2024-07-11-soldier-shoots-comrades to related"
    ]


def test_the_warning_goes_on_the_new_file_even_when_it_is_dated_earlier() -> None:
    old = make_event("2024-07-13-conscript-deserts-with-rifle", added="2024-07-14")
    new = make_event("2024-07-11-soldier-shoots-comrades", added="2024-09-01")
    [warning] = _warnings([old, new])
    assert warning.startswith(
        "timeline/2024/2024-07-11-soldier-shoots-comrades.yaml: looks like "
        "timeline/2024/2024-07-13-conscript-deserts-with-rifle.yaml"
    )


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ({"event_id": "2024-07-11-convoy-attacked"}, {"event_id": "2024-07-14-recruits-escape"}, "same place"),
        (
            {"event_id": "2024-07-11-convoy-attacked", "title": "Convoy attacked near Kursk", "place": "Kursk region"},
            {
                "event_id": "2024-07-30-convoy-attack",
                "title": "Convoy attacked near Kursk, officials say",
                "place": "Kursk",
            },
            "very similar title",
        ),
        (
            {"event_id": "2024-07-11-convoy-attacked", "title": "Nine convict recruits reportedly kill their driver"},
            {
                "event_id": "2024-07-25-driver-killed",
                "place": "Leningrad region",
                "title": "Convict recruits kill their driver, reports say",
            },
            "very similar title",
        ),
    ],
)
def test_events_that_look_alike_are_flagged(first: dict[str, str], second: dict[str, str], why: str) -> None:
    [warning] = _warnings([make_event(**first), make_event(**second)])  # type: ignore[arg-type]
    assert f"({why}" in warning


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # same place, but five days apart
        ({"event_id": "2024-07-11-convoy-attacked"}, {"event_id": "2024-07-16-recruits-escape"}),
        # same place and month, but only the month is known: not evidence of the same incident
        ({"event_id": "2024-07-convoy-attacked"}, {"event_id": "2024-07-recruits-escape"}),
        # the same words in the title, but two months apart
        (
            {"event_id": "2024-05-11-convoy-attacked", "place": "Kursk"},
            {"event_id": "2024-07-11-convoy-attacked-again", "place": "Moscow"},
        ),
        # close in time, different places and titles
        (
            {"event_id": "2024-07-11-convoy-attacked", "place": "Kursk"},
            {"event_id": "2024-07-12-officer-detained-for-desertion", "place": "Moscow"},
        ),
        # same name, different countries
        (
            {"event_id": "2024-07-11-convoy-attacked", "place": "Border area", "country": "RU"},
            {"event_id": "2024-07-12-recruits-escape", "place": "Border area", "country": "UA"},
        ),
    ],
)
def test_events_that_differ_are_not_flagged(first: dict[str, str], second: dict[str, str]) -> None:
    assert _warnings([make_event(**first), make_event(**second)]) == []  # type: ignore[arg-type]


def test_listing_the_other_event_as_related_silences_the_warning() -> None:
    old = make_event("2024-07-11-soldier-shoots-comrades")
    new = make_event("2024-07-12-soldier-shoots-comrades-again", related=["2024-07-11-soldier-shoots-comrades"])
    assert _warnings([old, new]) == []


def test_each_new_event_names_only_its_nearest_look_alike() -> None:
    events = [make_event(f"2024-07-{day:02d}-shooting-in-belgorod", added=f"2024-08-{day:02d}") for day in (10, 11, 12)]
    warnings = _warnings(events)
    assert len(warnings) == 2
    assert "2024-07-12-shooting-in-belgorod.yaml: looks like timeline/2024/2024-07-11-shooting" in warnings[1]


def test_title_words_ignore_case_stopwords_and_plurals() -> None:
    assert crossfile.title_words("Ukraine's SBU says Russian soldiers are deserting") == {
        "ukraine",
        "sbu",
        "russian",
        "soldier",
        "deserting",
    }
    assert crossfile.title_words("The of and") == frozenset()


def test_the_bundled_timeline_has_no_duplicate_warnings() -> None:
    result = validate(BUNDLED, None)
    assert [p.format() for p in result.problems if "looks like" in p.message] == []


def test_duplicate_search_stays_near_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 events, 900 a month, with titles sharing most words: the comparisons grow with n, not n squared."""
    calls = 0
    similarity = crossfile._similarity

    def counting(a: frozenset[str], b: frozenset[str]) -> float:
        nonlocal calls
        calls += 1
        return similarity(a, b)

    monkeypatch.setattr(crossfile, "_similarity", counting)
    places = ["Belgorod region", "Kursk region", "Donetsk region", "Moscow", "Bakhmut", "Pokrovsk"]
    words = [
        "deserter",
        "unit",
        "soldier",
        "convoy",
        "barrier",
        "commander",
        "recruits",
        "refused",
        "fled",
        "shot",
        "detained",
        "tribunal",
    ]
    events = []
    for i in range(10_000):
        month, day = 1 + i % 12, 1 + (i * 7) % 28
        title = f"Russian soldiers reportedly {words[i % 12]} {words[(i * 5) % 12]} near the front line {i}"
        events.append(make_event(f"2024-{month:02d}-{day:02d}-event-{i}", title=title, place=places[i % 6]))
    crossfile.check_duplicates(events)
    assert calls < 30 * len(events)


def test_a_copied_event_is_reported_as_a_likely_duplicate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contributor copies an event, changes its name and words, and check names the original."""
    shutil.copytree(BUNDLED, tmp_path / "timeline")
    original = BUNDLED / "2024" / "2024-07-11-belgorod-soldier-shoots-comrades.yaml"
    text = original.read_text(encoding="utf-8")
    text = re.sub(r"^added: .*$", 'added: "2100-01-01"', text, count=1, flags=re.M)  # added after the original
    text = re.sub(r"^related: .*$", "", text, flags=re.M)
    copy = tmp_path / "timeline" / "2024" / "2024-07-11-soldier-kills-two-comrades-in-belgorod.yaml"
    copy.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["check", "--source", "timeline", "--format", "github", "--no-cache"])

    assert result.exit_code == 0, result.output
    assert (
        f"::warning file=timeline/2024/{copy.name},line=1,col=1::looks like "
        f"timeline/2024/{original.name} (same place within 3 days)"
    ) in result.output
