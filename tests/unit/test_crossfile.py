"""generator.validation.crossfile: unique ids, related ids that exist, and likely duplicates."""

from __future__ import annotations

import pytest

from generator.problems import Problem, Severity
from generator.validation.crossfile import (
    NEAR_DAYS,
    TITLE_WINDOW_DAYS,
    check_duplicates,
    check_related,
    check_unique_ids,
    title_words,
)
from tests.helpers import make_event


def test_every_file_sharing_an_id_is_named() -> None:
    files = {
        "2024-x": ["t/2024/2024-x.yaml", "t/2023/2024-x.yaml", "t/2024/2024-X.yaml"],
        "2024-y": ["t/2024/2024-y.yaml"],
    }
    assert [p.format() for p in check_unique_ids(files)] == [
        "t/2024/2024-x.yaml:1:1: duplicate event id; also used by t/2023/2024-x.yaml, t/2024/2024-X.yaml",
        "t/2023/2024-x.yaml:1:1: duplicate event id; also used by t/2024/2024-x.yaml, t/2024/2024-X.yaml",
        "t/2024/2024-X.yaml:1:1: duplicate event id; also used by t/2024/2024-x.yaml, t/2023/2024-x.yaml",
    ]


def test_related_ids_name_events_that_exist() -> None:
    events = [make_event("2024-07-a", related=["2024-07-b", "2024-01-missing"]), make_event("2024-07-b")]
    assert check_related(events, {"2024-07-a": 19}) == [
        Problem("timeline/2024/2024-07-a.yaml", 19, 1, "related", "unknown event id '2024-01-missing'")
    ]


def warnings(*events: object) -> list[str]:
    problems = check_duplicates(list(events))  # type: ignore[arg-type]
    assert all(p.severity is Severity.WARNING for p in problems)
    return [p.format() for p in problems]


def same_place(earlier: str, later: str) -> str:
    return (
        f"timeline/{later[:4]}/{later}.yaml:1:1: warning: looks like timeline/{earlier[:4]}/{earlier}.yaml "
        f"(same place within {NEAR_DAYS} days); if it is the same event, merge the two files; if not, add "
        f"{earlier} to related"
    )


@pytest.mark.parametrize(
    ("second", "place", "country", "flagged"),
    [
        ("2024-07-14-b", "Belgorod region", "RU", True),
        ("2024-07-15-b", "Belgorod region", "RU", False),
        ("2024-07-11-b", "belgorod REGION", "RU", True),
        ("2024-07-12-b", "Kursk region", "RU", False),
        ("2024-07-12-b", "Belgorod region", "UA", False),
        ("2024-07-b", "Belgorod region", "RU", False),  # only known days are compared
    ],
)
def test_same_place_within_a_few_days(second: str, place: str, country: str, flagged: bool) -> None:
    a = make_event("2024-07-11-a", title="Shooting in a unit")
    b = make_event(second, title="Officers detain a deserter", place=place, country=country)
    assert warnings(a, b) == ([same_place("2024-07-11-a", second)] if flagged else [])


def test_a_range_counts_from_its_last_day() -> None:
    a = make_event("2024-07-09-a", date_end="2024-07-11", title="Shooting in a unit")
    b = make_event("2024-07-14-b", title="Officers detain a deserter")
    assert warnings(a, b) == [same_place("2024-07-09-a", "2024-07-14-b")]


def test_related_events_are_not_duplicates_either_way() -> None:
    a = make_event("2024-07-11-a", related=["2024-07-12-b"])
    b = make_event("2024-07-12-b")
    assert warnings(a, b) == []
    assert warnings(make_event("2024-07-11-a"), make_event("2024-07-12-b", related=["2024-07-11-a"])) == []


def test_the_warning_goes_on_the_file_added_last() -> None:
    older = make_event("2024-07-12-b", title="Shooting in a unit", added="2024-07-20")
    newer = make_event("2024-07-11-a", title="Officers detain a deserter", added="2024-08-01")
    assert warnings(older, newer) == [same_place("2024-07-12-b", "2024-07-11-a")]


@pytest.mark.parametrize(
    ("title_a", "title_b", "days_apart", "flagged"),
    [
        ("Soldier shoots two comrades in Belgorod", "Soldier reportedly shoots two comrades in Belgorod", 5, True),
        ("Soldiers shoot comrades in Belgorod", "The soldier shoots a comrade in Belgorod", 5, True),
        (
            "Soldier shoots two comrades in Belgorod",
            "Soldier shoots two comrades in Belgorod",
            TITLE_WINDOW_DAYS + 1,
            False,
        ),
        ("Soldier shoots two comrades in Belgorod", "Ministry denies desertion figures", 5, False),
    ],
)
def test_very_similar_titles_within_a_month(title_a: str, title_b: str, days_apart: int, flagged: bool) -> None:
    a = make_event("2024-01-01-a", title=title_a, place="Belgorod")
    later = f"2024-{1 + days_apart // 31:02d}-{1 + days_apart % 31:02d}-b"
    b = make_event(later, title=title_b, place="Elsewhere")
    expected = (
        f"timeline/2024/{later}.yaml:1:1: warning: looks like timeline/2024/2024-01-01-a.yaml (very "
        "similar title); if it is the same event, merge the two files; if not, add 2024-01-01-a to related"
    )
    assert warnings(a, b) == ([expected] if flagged else [])


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Ukraine's army says soldiers reportedly fled", {"ukraine", "army", "soldier", "fled"}),
        ("The 300 soldiers of a unit", {"300", "soldier", "unit"}),
        ("Press and glass", {"press", "glass"}),
        ("СБУ: солдаты бежали", {"сбу", "солдаты", "бежали"}),
    ],
)
def test_title_words(title: str, words: set[str]) -> None:
    assert title_words(title) == words
