"""The pictures: the time axis, the map of regions and the figures over time, at 1280 and 375 px.

Each picture is visible, its links work from the keyboard, and the table or list beside it is there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.renderer import urls
from generator.validation.regions import REGIONS
from generator.vocabulary import FIGURE_COUNTS, UNITS

from .support import DESKTOP, MOBILE, Server, event_years

pytestmark = pytest.mark.browser
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "375"])


def tab_into(page: Page, before: str, inside: str) -> None:
    """Focus the element ``before``, press Tab, and check that focus lands inside ``inside``."""
    page.locator(before).first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement.closest({inside!r}) !== null"), f"Tab from {before} left {inside}"


@VIEWPORTS
def test_the_time_axis_links_every_event_by_keyboard(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    page = watched(viewport=viewport)
    page.goto(site.url + urls.address(urls.timeline()))
    axis = page.locator("article svg.tl-timeaxis")
    expect(axis).to_be_visible()
    links = axis.locator("a")
    hrefs = [
        page.evaluate("a => new URL(a.getAttribute('href'), location.href).pathname", h)
        for h in links.element_handles()
    ]
    assert sorted(hrefs) == sorted("/" + urls.address(urls.event(e["id"])) for e in events)
    for i in range(links.count()):
        assert (links.nth(i).get_attribute("aria-label") or "").strip(), "every mark has an accessible name"
    expect(page.locator("article .tl-axis-legend li")).to_have_count(7)
    tab_into(page, "form.tl-filters button[type=reset]", "svg.tl-timeaxis")  # the filters come first
    first = events[0]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{urls.address(urls.event(first['id']))}")
    expect(page.locator("article h1")).to_have_text(first["title"])


def test_each_year_page_has_its_own_axis(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    per_year = Counter(year for e in events for year in event_years(e))
    for year, count in per_year.items():
        page.goto(site.url + urls.address(urls.year(int(year))))
        axis = page.locator("article svg.tl-timeaxis")
        expect(axis).to_be_visible()
        expect(axis.locator("a")).to_have_count(count)


@VIEWPORTS
def test_the_map_draws_both_countries_links_its_regions_and_has_its_table(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    page = watched(viewport=viewport)
    page.goto(site.url + urls.address(urls.regions()))
    svg = page.locator("article svg.tl-map")
    expect(svg).to_be_visible()
    drawn = {p.get_attribute("data-region") for p in svg.locator("path").all()}
    assert drawn == REGIONS, "every region of Ukraine and Russia is drawn"
    crimea = svg.locator("path[data-region='UA-43']")
    assert "tl-occupied" in (crimea.get_attribute("class") or "")
    assert (crimea.get_attribute("d") or "").startswith("M"), "the sanitiser kept the outline"
    box = crimea.bounding_box()
    assert box is not None and box["width"] > 5
    located = Counter(e["location"]["region"] for e in events if e["location"].get("region"))
    links = svg.locator("a")
    expect(links).to_have_count(len(located))
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(len(located))
    table = page.locator("article table").inner_text()
    for code, count in located.items():
        assert f"({code})" in table
        label = svg.locator(f"a:has(path[data-region='{code}'])").get_attribute("aria-label") or ""
        assert label.endswith(f"{count} event" + ("s" if count > 1 else "")) or "occupied" in label, label
    expect(page.get_by_text("LGPL-3.0-or-later").first).to_be_visible()
    tab_into(page, "article > p a", "svg.tl-map")
    page.keyboard.press("Enter")
    page.wait_for_url("**/regions/*/")
    code = page.url.rstrip("/").rsplit("/", 1)[1].upper()
    expect(page.locator("article .tl-list > li")).to_have_count(located[code])


@VIEWPORTS
def test_the_figures_page_draws_a_titled_chart_per_kind_of_count(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    page = watched(viewport=viewport)
    page.goto(site.url + urls.address(urls.figures()))
    figures = [(f, c) for e in events for c in e["claims"] for f in c["figures"]]
    kinds = {(f["counts"], f["unit"]) for f, _ in figures}
    charted = {(f["counts"], f["unit"]) for f, c in figures if c.get("date")}
    charts = page.locator("article figure svg.tl-chart")
    expect(charts).to_have_count(len(charted))
    headings = page.locator("article h2").all_inner_texts()
    order = {k: i for i, k in enumerate(FIGURE_COUNTS)}
    assert headings[: len(kinds)] == [
        f"{FIGURE_COUNTS[c]} ({'per cent' if u == 'percent' else UNITS[u]})"
        for c, u in sorted(kinds, key=lambda k: (order[k[0]], list(UNITS).index(k[1])))
    ]
    for chart in charts.all():
        expect(chart).to_be_visible()
        title = chart.locator(":scope > title").text_content() or ""
        assert title in headings, "each chart is titled with its kind of count"
        dated = [f for f, c in figures if c.get("date") and f"{FIGURE_COUNTS[f['counts']]} (" in title]
        assert chart.locator("g.tl-point").count() >= 1 and dated
    assert page.locator("article img, article object, article iframe, article canvas").count() == 0


@VIEWPORTS
def test_the_home_page_shows_both_pictures_small_and_links_to_them(
    site: Server, watched: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = watched(viewport=viewport)
    page.goto(site.url)
    expect(page.locator("article .tl-glance svg.tl-timeaxis")).to_be_visible()
    expect(page.locator("article .tl-glance svg.tl-map")).to_be_visible()
    link = page.get_by_role("link", name="Open the map of regions, with its table")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{urls.address(urls.regions())}")
    page.go_back()
    page.get_by_role("link", name="Open the timeline, one mark per event").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{urls.address(urls.timeline())}")
