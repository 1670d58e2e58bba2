"""The reader's site, second pass (issue 17): what a journalist, a researcher and a relative need.

Status with its basis, search that finds the event and not its neighbours, research downloads,
tables that work on a phone, short dates and multi-year events, filters and navigation, and the
dark scheme. Expectations come from the built ``events.json`` and from the CSV files as served.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.renderer import urls

from .support import DESKTOP, MOBILE, REPO, Server, screenshot

pytestmark = pytest.mark.browser


def _event_text(event: dict[str, Any]) -> str:
    """An event's own text, as search should index it."""
    parts = [event["title"], event["summary"], event["location"]["name"], event["location"]["local_name"] or ""]
    parts += [c["by"] + " " + c["says"] for c in event["claims"]]
    parts += [f"{s['publisher']} {s['title'] or ''}" for s in event["sources"]]
    parts += [f"{c['change']} {c['reason']}" for c in event["corrections"]]  # the page's own log
    return " ".join(parts).casefold()


def _address(event: dict[str, Any]) -> str:
    return urls.address(urls.event(event["id"]))


def _csv(site: Server, page: Page, path: str) -> tuple[bytes, list[dict[str, str]]]:
    response = page.request.get(site.url + path)
    assert response.ok, path
    body = response.body()
    return body, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def _search(page: Page, site: Server, query: str) -> list[str]:
    """The addresses the search page lists for ``query``, relative to the site."""
    page.goto(site.url + "search/?q=" + query)
    expect(page.locator("#tl-search-page-status")).to_contain_text("result", timeout=15_000)
    hrefs = page.locator(".tl-search-page__results a").evaluate_all("links => links.map(a => a.href)")
    return [h.removeprefix(site.url).split("#")[0] for h in hrefs]


# ---------------------------------------------------------------------------------------------
# 1. Status with its basis


def test_every_event_page_says_why_it_has_its_status(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    belgorod = next(e for e in events if "belgorod-soldier-shoots-comrades" in e["id"])
    for event in [belgorod, events[0], events[-1]]:
        page.goto(site.url + _address(event))
        basis = page.locator(".tl-basis")
        expect(basis).to_be_visible()
        claimants = len({c["by"].strip().casefold() for c in event["claims"]})
        claims = len(event["claims"])
        expect(basis).to_contain_text(f"{claims} claim{'s' if claims != 1 else ''} from {claimants} claimant")
        expect(basis).to_contain_text("publication")
        # next to the status badge, before the facts
        assert basis.bounding_box()["y"] < page.locator("table.tl-facts").bounding_box()["y"]  # type: ignore[index]


def test_lists_show_a_sourcing_line_under_each_event(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url + "timeline/")
    rows = page.locator(".tl-list .tl-row")
    assert rows.count() == len(events)
    first = events[0]
    line = rows.first.locator(".tl-sourcing")
    expect(line).to_contain_text(f"{len(first['sources'])} source")
    linked = sum(1 for s in first["sources"] if s["url"])
    expect(line).to_contain_text(f"{linked} linked")
    assert page.locator(".tl-row .tl-sourcing").count() == len(events)


# ---------------------------------------------------------------------------------------------
# 2. Search that finds the event, not its neighbours


def _unique_title_word(events: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """A word of an event's title that no other event and no hand-written page uses (its stem included).

    Its title is printed on its neighbours' pages (previous, next, related), so a search that
    indexed those lists would find them too.
    """
    texts = [_event_text(e) for e in events]
    pages = " ".join(p.read_text("utf-8") for p in [*(REPO / "docs").glob("*.md"), REPO / "CONTRIBUTING.md"])
    pages = pages.casefold()
    for index, event in enumerate(events):
        if index == 0 or index == len(events) - 1:
            continue  # one with neighbours on both sides
        for word in re.findall(r"[A-Za-z]{8,}", event["title"]):
            stem = word.casefold()[:6]
            others = [t for i, t in enumerate(texts) if i != index and stem in t]
            if not others and stem not in pages:
                return word, event
    raise AssertionError("no title word is unique to one event")


def test_a_word_in_one_event_finds_that_event_and_not_its_neighbours(
    site: Server, page: Page, events: list[dict[str, Any]]
) -> None:
    word, event = _unique_title_word(events)
    index = events.index(event)
    neighbours = {_address(events[index - 1]), _address(events[index + 1])}
    page.goto(site.url + _address(events[index - 1]))
    expect(page.locator(".tl-links").get_by_text(event["title"])).to_have_count(1)  # the word is on the neighbour
    assert _search(page, site, word) == [_address(event)], (word, neighbours)


def test_a_place_search_lists_only_events_that_name_it(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    naming = {_address(e) for e in events if "belgorod" in _event_text(e)}
    found = _search(page, site, "Belgorod")
    found_events = {f for f in found if f.startswith("events/")}
    assert found_events and found_events <= naming, found_events - naming


def test_the_title_weighs_most(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    found = _search(page, site, "Kuzminov")
    titled = {_address(e) for e in events if "kuzminov" in e["title"].casefold()}
    assert titled and set(found[: len(titled)]) == titled


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("ГУР", ("hur", "gur", "military intelligence", "defence intelligence")),
        ("GUR", ("hur", "gur", "military intelligence", "defence intelligence")),
        ("СБУ", ("sbu", "security service")),
    ],
)
def test_other_names_of_an_agency_find_its_events(
    site: Server, page: Page, events: list[dict[str, Any]], query: str, names: tuple[str, ...]
) -> None:
    by_address = {_address(e): e for e in events}
    found = [f for f in _search(page, site, query) if f in by_address]
    assert found, query
    for address in found:
        assert any(name in _event_text(by_address[address]) for name in names), address


def test_the_search_page_reads_cleanly_without_scripts(site: Server, watched: Callable[..., Page]) -> None:
    page = watched(java_script_enabled=False, viewport=MOBILE)
    page.goto(site.url + "search/")
    text = page.locator("article").inner_text()
    assert "](" not in text and "[timeline]" not in text, text
    expect(page.locator("article a", has_text="timeline")).to_have_attribute("href", re.compile(r"timeline/$"))
    box = page.get_by_label("Search events, claimants, places and sources")
    expect(box).to_be_visible()
    size = box.bounding_box()
    assert size and size["height"] >= 36 and size["width"] >= 150


def test_the_search_box_is_visible_and_labelled(site: Server, page: Page) -> None:
    page.goto(site.url + "search/?q=desertion")
    box = page.get_by_role("searchbox", name="Search events, claimants, places and sources")
    expect(box).to_be_visible()
    expect(box).to_have_value("desertion")
    border = box.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)")
    assert border >= 1


# ---------------------------------------------------------------------------------------------
# 3. Research-grade downloads


def test_claims_figures_and_sources_csv(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    body, claims = _csv(site, page, urls.CLAIMS_CSV)
    assert body.startswith(b"\xef\xbb\xbf")
    assert len(claims) == sum(len(e["claims"]) for e in events)
    assert list(claims[0]) == [
        "event_id",
        "claim",
        "claimant",
        "kind",
        "date",
        "date_end",
        "approximate",
        "status",
        "text",
        "sources",
    ]
    first = events[0]["claims"][0]
    assert claims[0]["claimant"].lstrip("'") == first["by"] and claims[0]["text"].lstrip("'") == first["says"]
    assert claims[0]["sources"] == "; ".join(first["sources"])

    body, figures = _csv(site, page, urls.FIGURES_CSV)
    expected = [f for e in events for c in e["claims"] for f in c["figures"]]
    assert body.startswith(b"\xef\xbb\xbf") and len(figures) == len(expected) > 0
    for row, figure in zip(figures, expected, strict=True):
        assert Decimal(row["value"]) == Decimal(figure["value"]), row  # a number, not prose
        assert float(row["value"]) >= 0
        assert (row["qualifier"], row["unit"], row["counts"]) == (figure["qualifier"], figure["unit"], figure["counts"])

    body, sources = _csv(site, page, urls.SOURCES_CSV)
    assert len(sources) == sum(len(e["sources"]) for e in events)
    assert {"event_id", "source_id", "url", "publisher", "title", "date", "language", "original_publisher"} <= set(
        sources[0]
    )


def test_events_csv_for_spreadsheets(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    body, rows = _csv(site, page, urls.EVENTS_CSV)
    assert body.startswith(b"\xef\xbb\xbf"), "without a byte-order mark Excel garbles Cyrillic"
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    for row, event in zip(rows, events, strict=True):
        assert row["summary"].lstrip("'") == event["summary"].strip()
        assert row["region"] == (event["location"]["region"] or "")
        assert row["licence"] == "CC-BY-4.0"
        assert row["claimant_kinds"].split("; ") == [c["kind"] for c in event["claims"]]
    assert any("а" in r["local_name"] or "і" in r["local_name"] for r in rows)  # Cyrillic survives


def test_the_about_page_documents_the_downloads(site: Server, page: Page) -> None:
    page.goto(site.url + "about/")
    for name in ("claims.csv", "figures.csv", "sources.csv", "events.csv"):
        expect(page.locator("article a", has_text=name).first).to_be_visible()
    expect(page.locator("article")).to_contain_text("byte-order mark")


# ---------------------------------------------------------------------------------------------
# 4. Tables that work on a phone


@pytest.mark.parametrize("path", ["", "figures/", "timeline/", "sources/", "tags/", "about/", "places/"])
def test_390_pixels_no_page_scrolls_sideways(site: Server, watched: Callable[..., Page], path: str) -> None:
    page = watched(viewport=MOBILE)
    page.goto(site.url + path)
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], (path, width)


@pytest.mark.parametrize("path", ["", "figures/"])
def test_390_pixels_every_figure_row_shows_its_event_link(
    site: Server, watched: Callable[..., Page], path: str
) -> None:
    page = watched(viewport=MOBILE)
    page.goto(site.url + path)
    rows = page.locator("table.tl-cards tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        link = rows.nth(i).locator("a").first
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + min(box["width"], 40) <= MOBILE["width"], (i, box)
    screenshot(page, f"cards-{path.strip('/') or 'home'}-390")


# ---------------------------------------------------------------------------------------------
# 5. Dates that read well


def test_short_dates_in_lists_and_full_dates_on_event_pages(
    site: Server, page: Page, events: list[dict[str, Any]]
) -> None:
    spanning = next(e for e in events if e["date"].get("date_end") and e["date"]["approximate"])
    page.goto(site.url + "timeline/")
    row = page.locator(f'.tl-row:has(a[href$="{_address(spanning)}"])')
    date = row.locator(".tl-date").inner_text()
    assert "between" not in date and "roughly" not in date and date.endswith("(approx.)"), date
    assert "\u2013" in date
    page.goto(site.url + _address(spanning))
    expect(page.locator("table.tl-facts td").first).to_have_text(spanning["date"]["text"])


def test_an_event_spanning_years_is_under_every_year(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    spanning = next(
        e for e in events if e["date"].get("date_end") and e["date"]["date_end"][:4] > e["date"]["date"][:4]
    )
    later = int(spanning["date"]["date_end"][:4])
    page.goto(site.url + f"timeline/?year={later}")
    expect(page.locator(f'.tl-row:visible a.tl-title[href$="{_address(spanning)}"]')).to_have_count(1)
    page.goto(site.url + urls.address(urls.year(later)))
    expect(page.locator(f'.tl-row a.tl-title[href$="{_address(spanning)}"]')).to_have_count(1)


# ---------------------------------------------------------------------------------------------
# 6. Filters and navigation


def test_tag_chips_are_links_to_their_tag_pages(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url + "timeline/")
    chip = page.locator(".tl-row .tl-tag").first
    assert chip.evaluate("e => e.tagName") == "A"
    tag = events[0]["tags"][0]
    expect(chip).to_have_attribute("href", re.compile(re.escape(urls.address(urls.tag(tag))) + "$"))
    chip.click()
    page.wait_for_url(re.compile(re.escape(urls.address(urls.tag(tag))) + "$"))


def test_filter_options_show_counts_and_disable_empty_ones(
    site: Server, page: Page, events: list[dict[str, Any]]
) -> None:
    page.goto(site.url + "timeline/")
    options = page.locator("select[name=status] option")
    statuses = {e["status"] for e in events}
    assert options.count() == len(statuses) + 1, "statuses no event has are not offered"
    reported = sum(1 for e in events if e["status"] == "reported")
    expect(page.locator("select[name=status] option[value=reported]")).to_have_text(f"Reported ({reported})")
    page.select_option("select[name=country]", "BY" if any(e["location"]["country"] == "BY" for e in events) else "UA")
    disabled = page.locator("select[name=tag] option:disabled")
    assert disabled.count() > 0
    assert all(re.search(r"\(0\)$", t) for t in disabled.all_inner_texts())


def test_an_invalid_value_in_the_address_is_named(site: Server, page: Page) -> None:
    page.goto(site.url + "timeline/?status=verified")
    note = page.locator(".tl-invalid")
    expect(note).to_be_visible()
    expect(note).to_contain_text("status \u201cverified\u201d")
    page.goto(site.url + "timeline/?status=reported")
    expect(page.locator(".tl-invalid")).to_be_hidden()


def test_back_undoes_the_last_filter_change(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url + "timeline/")
    page.select_option("select[name=status]", "reported")
    page.wait_for_url(re.compile(r"\?status=reported$"))
    year = events[0]["date"]["date"][:4]
    page.select_option("select[name=year]", year)
    page.wait_for_url(re.compile(rf"status=reported&year={year}$"))
    page.go_back()
    page.wait_for_url(re.compile(r"\?status=reported$"))
    expect(page.locator("select[name=year]")).to_have_value("")
    expect(page.locator("select[name=status]")).to_have_value("reported")
    page.go_back()
    page.wait_for_url(re.compile(r"timeline/$"))
    expect(page.locator("select[name=status]")).to_have_value("")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "390"])
def test_the_home_page_has_navigation_and_an_overview_above_the_fold(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    page = watched(viewport=viewport)
    page.goto(site.url)
    overview = page.locator(".tl-overview")
    expect(overview).to_be_visible()
    box = overview.bounding_box()
    assert box and box["y"] + box["height"] <= viewport["height"], box
    reported = sum(1 for e in events if e["status"] == "reported")
    expect(overview).to_contain_text(f"reported ({reported})")
    if viewport == DESKTOP:
        tabs = page.locator(".md-tabs")
        expect(tabs).to_be_visible()
        expect(tabs.get_by_role("link", name="Timeline")).to_be_visible()
        expect(tabs.get_by_role("link", name="Figures")).to_be_visible()
    else:  # on phones Material puts the navigation in the drawer behind the menu button
        page.locator("label.md-header__button[for=__drawer]").click()
        expect(page.locator(".md-nav--primary").get_by_role("link", name="Timeline").first).to_be_visible()


# ---------------------------------------------------------------------------------------------
# 7. Dark mode


def _background_luminance(page: Page) -> float:
    colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "390"])
def test_pages_follow_the_system_colour_scheme(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    dark = watched(viewport=viewport, color_scheme="dark")
    light = watched(viewport=viewport, color_scheme="light")
    for path in ["", "timeline/", _address(events[0]), "figures/"]:
        dark.goto(site.url + path)
        light.goto(site.url + path)
        assert _background_luminance(dark) < 0.3 < 0.7 < _background_luminance(light), path
    screenshot(dark, f"home-dark-{viewport['width']}")


def test_the_scheme_toggle_is_one_visible_button(site: Server, watched: Callable[..., Page]) -> None:
    page = watched(color_scheme="dark")
    page.goto(site.url)
    toggle = page.get_by_role("button", name="Switch to the light scheme")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(page.get_by_role("button", name="Switch to the dark scheme")).to_be_focused()
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")  # the choice is kept
    # nothing in the header takes focus without being seen
    hidden_focusable = page.evaluate("""() => Array.from(document.querySelectorAll(
        'header input, header button, header a, header select, header label[tabindex]'))
        .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)
        .filter(e => { const s = getComputedStyle(e); return s.opacity === '0' || s.visibility === 'hidden'
          || e.getBoundingClientRect().width < 2; })
        .map(e => e.outerHTML.slice(0, 120))""")
    assert hidden_focusable == []
    assert page.locator("input[name=__palette]").evaluate_all("inputs => inputs.every(i => i.offsetParent === null)")


def test_the_facts_table_is_at_body_size(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url + _address(events[0]))
    body = page.locator("article").first.evaluate("e => getComputedStyle(e).fontSize")  # the page's text size
    facts = page.locator("table.tl-facts td").first.evaluate("e => getComputedStyle(e).fontSize")
    assert facts == body
