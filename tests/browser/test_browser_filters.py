"""The timeline's filters: each narrows the list, the URL holds the state, keyboard and no-script use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .support import MOBILE, Server, claimant_kinds, event_year, event_years, visible_rows

pytestmark = pytest.mark.browser

FILTERS: dict[str, Callable[[dict[str, Any]], set[str]]] = {
    "tag": lambda e: set(e["tags"]),
    "status": lambda e: {e["status"]},
    "year": event_years,
    "kind": claimant_kinds,
    "country": lambda e: {e["location"]["country"]},
}
"""Each filter's select name, and the values an event matches, computed from events.json."""


def narrowing_value(events: list[dict[str, Any]], name: str) -> tuple[str, int]:
    """A value of filter ``name`` that some but not all events match, and how many match it."""
    counts: dict[str, int] = {}
    for event in events:
        for value in FILTERS[name](event):
            counts[value] = counts.get(value, 0) + 1
    narrowing = sorted((n, v) for v, n in counts.items() if 0 < n < len(events))
    assert narrowing, f"no value of {name} narrows the bundled timeline: {counts}"
    count, value = narrowing[len(narrowing) // 2]
    return value, count


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_timeline(page: Page, site: Server, search: str = "") -> None:
    page.goto(site.url + "timeline/" + search)
    expect(page.locator("#tl-filters")).to_be_visible()


def shown_ids(page: Page) -> set[str]:
    hrefs = page.locator(".tl-list .tl-row:visible a.tl-title").evaluate_all("links => links.map(a => a.href)")
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


@pytest.mark.parametrize("name", list(FILTERS))
def test_filter_narrows_and_the_url_restores_it(
    site: Server, page: Page, events: list[dict[str, Any]], name: str
) -> None:
    value, count = narrowing_value(events, name)
    expected = {e["id"] for e in events if value in FILTERS[name](e)}
    open_timeline(page, site)
    assert visible_rows(page) == len(events)
    expect(page.locator(".tl-count")).to_have_text(f"{len(events)} of {len(events)} events shown")

    page.locator(f"select[name={name}]").select_option(value)
    expect(page.locator(".tl-count")).to_have_text(f"{count} of {len(events)} events shown")
    assert visible_rows(page) == count
    assert shown_ids(page) == expected
    assert query(page) == {name: [value]}
    # Year headings with nothing left under them go too.
    for heading in page.locator(".md-content h2").all():
        year_rows = heading.locator("xpath=following-sibling::ol[1]").locator(".tl-row:visible")
        if heading.is_visible():
            assert year_rows.count() > 0, f"heading {heading.text_content()} shown over an empty list"

    shared = page.url
    fresh = page.context.new_page()
    fresh.goto(shared)
    expect(fresh.locator(f"select[name={name}]")).to_have_value(value)
    expect(fresh.locator(".tl-count")).to_have_text(f"{count} of {len(events)} events shown")
    assert shown_ids(fresh) == expected


def test_filters_combine_and_clear(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    tag, _ = narrowing_value(events, "tag")
    year = event_year(next(e for e in events if tag in e["tags"]))
    expected = {e["id"] for e in events if tag in e["tags"] and event_year(e) == year}
    open_timeline(page, site, f"?tag={tag}&year={year}")
    assert shown_ids(page) == expected
    page.get_by_role("button", name="Clear filters").click()
    expect(page.locator(".tl-count")).to_have_text(f"{len(events)} of {len(events)} events shown")
    assert visible_rows(page) == len(events)
    assert urlsplit(page.url).query == ""


def test_no_match_says_so(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    """A combination nothing matches leaves an explicit message, not a blank page."""
    years = {event_year(e) for e in events}
    statuses = {e["status"] for e in events}
    empty = next(
        (
            (s, y)
            for s in sorted(statuses)
            for y in sorted(years)
            if not any(e["status"] == s and event_year(e) == y for e in events)
        ),
        None,
    )
    if empty is None:
        pytest.skip("every status occurs in every year")
    open_timeline(page, site, f"?status={empty[0]}&year={empty[1]}")
    assert visible_rows(page) == 0
    expect(page.locator(".tl-count")).to_have_text(f"0 of {len(events)} events shown")
    expect(page.locator(".tl-empty")).to_be_visible()


def test_unknown_values_in_the_url_are_ignored(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    open_timeline(page, site, "?tag=no-such-tag&status=%3Cscript%3E&year=1999")
    assert visible_rows(page) == len(events)
    for name in ("tag", "status", "year"):
        expect(page.locator(f"select[name={name}]")).to_have_value("")


def test_keyboard_alone(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    """Tab to the tag filter, choose with the arrow keys, Tab on to the clear button and press it."""
    open_timeline(page, site)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "tag":
            break
    else:
        pytest.fail("Tab never reached the tag filter")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused filter shows no focus outline"

    page.keyboard.press("ArrowDown")
    first_tag = page.locator("select[name=tag] option").nth(1).get_attribute("value")
    expect(page.locator("select[name=tag]")).to_have_value(first_tag or "")
    tagged = sum(1 for e in events if first_tag in e["tags"])
    expect(page.locator(".tl-count")).to_have_text(f"{tagged} of {len(events)} events shown")
    assert query(page) == {"tag": [first_tag]}

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "reset":
            break
    else:
        pytest.fail("Tab never reached the clear button")
    page.keyboard.press("Enter")
    expect(page.locator(".tl-count")).to_have_text(f"{len(events)} of {len(events)} events shown")
    assert urlsplit(page.url).query == ""


def test_without_javascript_the_full_list_shows(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]]
) -> None:
    page = watched(java_script_enabled=False)
    page.goto(site.url + "timeline/?tag=desertion")
    assert visible_rows(page) == len(events)
    expect(page.locator("#tl-filters")).to_be_hidden()
    page.goto(site.url)
    assert visible_rows(page) > 0
    page.goto(site.url + "events/" + events[0]["id"] + "/")
    expect(page.locator("h1")).to_have_text(events[0]["title"])


@pytest.mark.parametrize("path", ["", "timeline/", "figures/", "places/", "tags/desertion/"])
def test_390_pixels_wide_has_no_sideways_scrolling(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], path: str
) -> None:
    page = watched(viewport=MOBILE)
    page.goto(site.url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], f"{path or 'home'} is {width}px wide at {MOBILE['width']}px"


def test_390_pixels_wide_filters_fit_and_work(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]]
) -> None:
    page = watched(viewport=MOBILE)
    open_timeline(page, site)
    for control in page.locator("#tl-filters select, #tl-filters button").all():
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"], box
        assert box["height"] >= 24, f"a control {box['height']}px high is hard to tap"
    value, count = narrowing_value(events, "status")
    page.locator("select[name=status]").select_option(value)
    assert visible_rows(page) == count
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
