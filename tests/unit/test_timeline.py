"""generator.timeline: order, years, tags, places, neighbours, related events and figures."""

from __future__ import annotations

import pytest

from generator.model import Tag
from generator.timeline import NEIGHBOURS, RELATED_LIMIT, Timeline, place_slug
from tests.helpers import make_event

TAGS = {t: Tag(id=t, name=t.title(), description=f"About {t}.") for t in ("desertion", "violence", "figures", "unused")}


def ids(events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.id for e in events]


def test_events_are_ordered_by_earliest_possible_day_then_id() -> None:
    timeline = Timeline(
        [
            make_event("2022-03-15-c"),
            make_event("2023-y"),
            make_event("2022-03-b", approximate=True),
            make_event("2022-a", date_end="2023"),
            make_event("2022-03-01-a"),
            make_event("2022-03-01-0-first"),
        ],
        TAGS,
    )
    assert ids(timeline.events) == [
        "2022-a",
        "2022-03-01-0-first",
        "2022-03-01-a",
        "2022-03-b",
        "2022-03-15-c",
        "2023-y",
    ]


def test_previous_and_next() -> None:
    timeline = Timeline([make_event("2024-03-c"), make_event("2024-01-a"), make_event("2024-02-b")], TAGS)
    a, b, c = timeline.events
    assert (timeline.previous(a), timeline.next(a)) == (None, b)
    assert (timeline.previous(b), timeline.next(b)) == (a, c)
    assert (timeline.previous(c), timeline.next(c)) == (b, None)


def test_years_list_an_event_under_every_year_its_range_overlaps() -> None:
    timeline = Timeline([make_event("2024-07-a"), make_event("2022-b", date_end="2024"), make_event("2024-01-c")], TAGS)
    assert timeline.years == [2022, 2023, 2024]
    assert {y: ids(e) for y, e in timeline.by_year.items()} == {
        2022: ["2022-b"],
        2023: ["2022-b"],
        2024: ["2022-b", "2024-01-c", "2024-07-a"],
    }


def test_every_tag_has_a_list_even_when_unused() -> None:
    timeline = Timeline([make_event("2024-07-a", tags=["violence", "desertion"]), make_event("2024-01-b")], TAGS)
    assert {t: ids(e) for t, e in timeline.by_tag.items()} == {
        "desertion": ["2024-01-b", "2024-07-a"],
        "figures": [],
        "unused": [],
        "violence": ["2024-07-a"],
    }
    assert timeline.tag_position("desertion", timeline.by_id["2024-07-a"]) == 1


@pytest.mark.parametrize(
    ("country", "name", "slug"),
    [
        ("UA", "Melitopol", "ua-melitopol"),
        ("RU", "Belgorod region", "ru-belgorod-region"),
        ("UA", "Zaporizhzhia / Kherson front", "ua-zaporizhzhia-kherson-front"),
        ("RU", "  Kursk!  ", "ru-kursk"),
        ("UA", "x" * 80, "ua-" + "x" * 60),
        ("UA", "Donetsk (Донецьк)", "ua-donetsk"),
    ],
)
def test_place_slug(country: str, name: str, slug: str) -> None:
    assert place_slug(country, name) == slug


def test_a_place_without_latin_letters_gets_a_stable_hash() -> None:
    slug = place_slug("UA", "Київ")
    assert slug.startswith("ua-") and len(slug) == 13
    assert place_slug("UA", "Київ") == slug != place_slug("UA", "Харків")


def test_places_group_by_country_and_name_case_insensitively() -> None:
    """A slug comes from the name alone: "kherson" is Kherson, and "Kherson 2" keeps its own page."""
    timeline = Timeline(
        [
            make_event("2024-01-a", place="Kherson"),
            make_event("2024-02-b", place="kherson"),
            make_event("2024-03-c", place="Kherson"),
            make_event("2024-04-d", place="Kherson", country="UA"),
            make_event("2024-05-e", place="Kherson 2"),
        ],
        TAGS,
    )
    assert {slug: ids(e) for slug, e in timeline.places.items()} == {
        "ru-kherson": ["2024-01-a", "2024-02-b", "2024-03-c"],
        "ua-kherson": ["2024-04-d"],
        "ru-kherson-2": ["2024-05-e"],
    }


def test_related_lists_named_events_both_ways_then_shared_tags() -> None:
    events = [
        make_event("2024-01-a", tags=["desertion", "violence"], related=["2024-06-f"]),
        make_event("2024-02-b", tags=["desertion"]),
        make_event("2024-03-c", tags=["desertion", "violence"]),
        make_event("2024-04-d", tags=["figures"], related=["2024-01-a"]),
        make_event("2024-05-e", tags=["desertion", "violence"]),
        make_event("2024-06-f", tags=["figures"]),
    ]
    timeline = Timeline(events, TAGS)
    a = timeline.by_id["2024-01-a"]
    # named by a, then naming a, then by shared tags (more first, then nearer in time)
    assert ids(timeline.related(a)) == ["2024-06-f", "2024-04-d", "2024-03-c", "2024-05-e", "2024-02-b"]
    assert ids(timeline.named_by(a)) == ["2024-04-d"]
    assert ids(timeline.related(timeline.by_id["2024-06-f"])) == ["2024-01-a", "2024-04-d"]


def test_related_is_limited_and_draws_only_on_neighbours() -> None:
    events = [make_event(f"2024-01-{day:02d}-e", tags=["desertion"]) for day in range(1, 29)]
    timeline = Timeline(events, TAGS)
    first = timeline.events[0]
    related = timeline.related(first)
    assert len(related) == RELATED_LIMIT
    assert ids(related) == [f"2024-01-{day:02d}-e" for day in range(2, 2 + RELATED_LIMIT)]
    assert timeline.related(timeline.events[-1])[0].id == "2024-01-27-e"
    assert len(events) > NEIGHBOURS


def test_related_skips_ids_that_do_not_exist() -> None:
    timeline = Timeline([make_event("2024-01-a", tags=["unused"], related=["2024-01-gone"])], TAGS)
    assert timeline.related(timeline.events[0]) == []


def test_figures_in_timeline_order() -> None:
    timeline = Timeline(
        [
            make_event("2024-02-b", figures=[("3", "people", "killed")]),
            make_event("2024-01-a", figures=[("10", "percent", "deserters"), ("2", "times", "other")]),
        ],
        TAGS,
    )
    assert [(row.event.id, str(row.figure.value)) for row in timeline.figures()] == [
        ("2024-01-a", "10"),
        ("2024-01-a", "2"),
        ("2024-02-b", "3"),
    ]


def test_latest_by_date_and_recently_added_by_update() -> None:
    timeline = Timeline(
        [
            make_event("2022-a", added="2024-05-01"),
            make_event("2023-b", added="2024-01-01"),
            make_event("2024-c", added="2024-02-01", corrections=["2024-06-01"]),
            make_event("2021-d", added="2024-05-01"),
        ],
        TAGS,
    )
    assert ids(timeline.latest(2)) == ["2024-c", "2023-b"]
    assert ids(timeline.recently_added(3)) == ["2024-c", "2022-a", "2021-d"]


def test_latest_of_none_is_empty_not_everything() -> None:
    """A slice from -0 would return every event."""
    tags = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}
    timeline = Timeline([make_event("2024-01-01-a"), make_event("2024-01-02-b")], tags)
    assert timeline.latest(0) == []
    assert [e.id for e in timeline.latest(1)] == ["2024-01-02-b"]
