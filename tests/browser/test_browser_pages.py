"""What readers see: event pages, honest dates, listings, figures chart, feeds, downloads, JSON-LD."""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from generator import vocabulary
from generator.renderer.exports import CSV_COLUMNS

from .support import (
    DESKTOP,
    EXTRA_EVENT_ID,
    MOBILE,
    REPO_URL,
    Server,
    event_year,
    event_years,
    pick_event,
    scan,
    screenshot,
    visible_rows,
)

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"


def event_url(site: Server, event: dict[str, Any]) -> str:
    return f"{site.url}events/{event['id']}/"


def section(page: Page, heading: str) -> str:
    """The text of the section under the h2 called ``heading``, up to the next h2."""
    return str(
        page.evaluate(
            """(heading) => {
      const h = [...document.querySelectorAll("article h2")].find(h => h.textContent.trim() === heading);
      if (!h) return null;
      let text = "", el = h.nextElementSibling;
      while (el && el.tagName !== "H2") { text += el.innerText + "\\n"; el = el.nextElementSibling; }
      return text;
    }""",
            heading,
        )
    )


# ---------------------------------------------------------------------------------------------
# Event pages


def test_event_page_shows_everything_about_the_event(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    event = pick_event(events)
    page.goto(event_url(site, event))
    expect(page.locator("h1")).to_have_text(event["title"])
    expect(page.locator(".tl-status-line")).to_contain_text(event["status"])
    expect(page.locator(".tl-status-line")).to_contain_text(vocabulary.STATUSES[event["status"]])
    facts = page.locator("article table").first
    expect(facts).to_contain_text(event["date"]["text"])
    expect(facts).to_contain_text(event["location"]["name"])

    claims = section(page, "Claims")
    for claim in event["claims"]:
        assert claim["by"] in claims
        assert claim["kind"].replace("-", " ") in claims.lower()
        assert (claim["date"]["text"] if claim["date"] else "date of claim not known") in claims
        assert claim["status"] in claims
        assert claim["says"] in claims
        for figure in claim["figures"]:
            assert figure["description"] in claims
            assert figure["scope"] in claims

    sources = section(page, "Sources")
    for source in event["sources"]:
        assert source["publisher"] in sources
        assert (source["title"] or "headline not recorded") in sources
        if source["url"]:  # each address opens on the outlet's own site, named in the link
            host = source["url"].split("/")[2]
            assert f"Read it at {host}" in sources

    # Events named as related come first, then others that share tags.
    related = page.locator("article h2:text-is('Related events') + ul a")
    shown = [href.rstrip("/").rsplit("/", 1)[-1] for href in related.evaluate_all("ls => ls.map(a => a.href)")]
    assert shown[: len(event["related"])] == event["related"]

    index = next(i for i, e in enumerate(events) if e["id"] == event["id"])
    neighbours = section(page, "In the timeline")
    assert events[index - 1]["title"] in neighbours and "Previous" in neighbours
    assert events[index + 1]["title"] in neighbours and "Next" in neighbours
    page.get_by_role("link", name=events[index + 1]["title"], exact=True).last.click()
    expect(page.locator("h1")).to_have_text(events[index + 1]["title"])


def test_content_note_comes_before_any_detail(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    noted = [e for e in events if e["content_note"]]
    assert noted, "the bundled timeline has events with content notes"
    for event in noted:
        page.goto(event_url(site, event))
        note = page.locator("article .admonition").filter(has_text=event["content_note"])
        expect(note).to_be_visible()
        before = page.evaluate("""() => {
          const note = document.querySelector("article .admonition");
          const summary = [...document.querySelectorAll("article h2")].find(h => h.textContent.trim() === "Summary");
          return Boolean(note.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        assert before, f"{event['id']}: content note after the summary"


def test_every_date_reads_as_the_data_says(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    """Dates are the honest words of events.json ("c. March 2022", "between ... and ..."), never ISO:
    in full on event pages and as the title of each list's short form ("Mar 2022 (approx.)")."""
    page.goto(site.url + "timeline/")
    full = page.locator(".tl-row .tl-date time").evaluate_all("ts => ts.map(t => t.title)")
    assert full == [e["date"]["text"] for e in events]
    short = page.locator(".tl-row .tl-date").all_text_contents()
    for event, text in zip(events, short, strict=True):
        assert ("approx." in text) == event["date"]["approximate"], text
    for event in events:
        text = event["date"]["text"]
        if event["date"]["approximate"]:
            assert text.startswith("c. ") or text.endswith("(approximate)"), text
        if "date_end" in event["date"]:
            assert "between" in text, text
        if len(event["date"]["date"]) > 4:
            assert event["date"]["date"] not in text, "an ISO date where words belong"
        # The same words on the event page itself.
        assert html.escape(text) in page.request.get(event_url(site, event)).text(), event["id"]


def test_source_links_ranges_and_corrections(repo_site: Server, watched: Callable[..., Page]) -> None:
    """The test event of the second build: source and archive links, a range within a month, Ukrainian text."""
    page = watched(repo_site)
    page.goto(f"{repo_site.url}events/{EXTRA_EVENT_ID}/")
    expect(page.locator("article table").first).to_contain_text("between 1 and 15 March 2022")
    source = page.locator("#source-1")
    expect(source).to_contain_text("Example Publisher")
    expect(source).to_contain_text("Example headline about the example event")
    expect(source).to_contain_text("16 March 2022")
    expect(source.locator("a[href='https://example.org/article']")).to_have_count(1)
    expect(source.locator("a[href^='https://web.archive.org/']")).to_have_count(1)
    for rel in source.locator("a").evaluate_all("ls => ls.map(a => a.rel)"):
        assert "noreferrer" in rel.split()
    expect(page.locator("article")).to_contain_text("Військові повідомили про дезертирство")
    page.goto(f"{repo_site.url}timeline/")
    date = page.locator(f".tl-row:has(a[href*='{EXTRA_EVENT_ID}']) .tl-date")
    expect(date).to_have_text("1\u201315 Mar 2022")  # the short form lists use
    expect(date.locator("time")).to_have_attribute("title", "between 1 and 15 March 2022")


def test_propose_a_correction_only_with_a_repository(
    site: Server, repo_site: Server, watched: Callable[..., Page], events: list[dict[str, Any]]
) -> None:
    """No link without ``extra.timeline.repo_url``; with it, each event links its own YAML file."""
    page = watched()
    event = pick_event(events)
    page.goto(event_url(site, event))
    expect(page.locator("h1")).to_have_text(event["title"])
    expect(page.get_by_role("link", name="Propose a correction")).to_have_count(0)
    for other in events:
        # the page's own "corrections" anchor (#corrections) is not a link to propose one
        links = scan(page, event_url(site, other)).links
        assert not [href for text, href in links if "correction" in text.lower() and not href.startswith("#")]

    page = watched(repo_site)
    page.goto(event_url(repo_site, event))
    link = page.get_by_role("link", name="Propose a correction")
    expect(link).to_have_count(1)
    assert link.get_attribute("href") == f"{REPO_URL}/edit/main/timeline/{event_year(event)}/{event['id']}.yaml"
    for other in repo_site.data()["events"]:
        links = [href for text, href in scan(page, event_url(repo_site, other)).links if text == "Propose a correction"]
        assert links == [f"{REPO_URL}/edit/main/{other['path']}"], other["id"]
        assert other["path"] == f"timeline/{event_year(other)}/{other['id']}.yaml"
        assert (repo_site.root.parent / other["path"]).is_file(), other["path"]


def test_json_ld_describes_the_event(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    event = pick_event(events)
    page.goto(event_url(site, event))
    scripts = page.locator('script[type="application/ld+json"]')
    expect(scripts).to_have_count(1)
    assert json.loads(scripts.text_content() or "")["headline"] == event["title"]
    for event in events:
        blocks = scan(page, event_url(site, event)).jsonld
        assert len(blocks) == 1, event["id"]
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Article"
        assert data["headline"] == event["title"]
        assert data["about"]["@type"] == "Event"
        assert data["about"]["startDate"] == event["date"]["date"]
        assert data["about"]["location"]["name"] == event["location"]["name"]
        # A source whose headline was not recorded has no name (not a null one).
        assert [c.get("name") for c in data["citation"]] == [s.get("title") for s in event["sources"]]
        assert [c["publisher"] for c in data["citation"]] == [s["publisher"] for s in event["sources"]]
        assert data["creativeWorkStatus"] == event["status"]


# ---------------------------------------------------------------------------------------------
# Listings


def test_year_tag_and_place_pages_list_their_events(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    def listed() -> list[str]:
        hrefs = page.locator(".tl-list .tl-row a.tl-title").evaluate_all("ls => ls.map(a => a.href)")
        return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]

    for year in sorted({year for e in events for year in event_years(e)}):
        page.goto(f"{site.url}years/{year}/")
        assert listed() == [e["id"] for e in events if year in event_years(e)], year
    tags = site.data()["tags"]
    for tag in tags:
        page.goto(f"{site.url}tags/{tag}/")
        expect(page.locator("h1")).to_contain_text(tags[tag]["name"])
        assert listed() == [e["id"] for e in events if tag in e["tags"]], tag

    page.goto(f"{site.url}places/")
    links = page.locator("article a").evaluate_all("ls => ls.map(a => a.href)")
    place_pages = {h for h in links if h.startswith(site.url + "places/") and h != page.url}
    assert place_pages, "the places page links no place"
    for place in place_pages:
        assert page.request.get(place).ok, place
    headings = page.locator("article h3").all_text_contents()
    for event in events:
        assert any(h.startswith(event["location"]["name"]) for h in headings), event["location"]["name"]
    # Each event is listed under its place on the places page itself.
    listed_events = {h.rstrip("/").rsplit("/", 1)[-1] for h in links if "/events/" in h}
    assert listed_events == {e["id"] for e in events}


def test_home_lists_the_latest_events_and_links_data_and_feeds(
    site: Server, page: Page, events: list[dict[str, Any]]
) -> None:
    page.goto(site.url)
    assert 0 < visible_rows(page) <= len(events)
    article = page.locator("article")
    expect(article).not_to_contain_text("title:")  # front matter is not shown as text
    for target in ("data/events.json", "data/events.csv", "feed.xml", "feed.json"):
        link = article.locator(f"a[href$='{target}']").first
        expect(link).to_be_visible()
        response = page.request.get(urljoin(page.url, link.get_attribute("href") or ""))
        assert response.ok, target


# ---------------------------------------------------------------------------------------------
# Figures


def test_figures_page_lists_every_figure(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    """The charts are checked in test_browser_pictures.py; here, the full table under them."""
    figures = [(f, c, e) for e in events for c in e["claims"] for f in c["figures"]]
    page.goto(site.url + "figures/")
    every = page.locator("article table").last
    assert every.locator("tbody tr").count() == len(figures)
    table = every.inner_text()
    for figure, claim, event in figures:
        assert figure["description"] in table
        assert claim["by"] in table
        assert event["title"] in table
    assert page.locator("article img, article object, article iframe, article canvas").count() == 0


# ---------------------------------------------------------------------------------------------
# Feeds and downloads


def test_atom_feed(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url)
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href") or ""
    feed_url = urljoin(page.url, href)
    assert feed_url == site.url + "feed.xml"
    response = page.request.get(feed_url)
    assert response.ok
    root = ET.fromstring(response.body())
    assert root.tag == f"{ATOM}feed"
    for child in ("title", "id", "updated"):
        assert (root.findtext(f"{ATOM}{child}") or "").strip(), child
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(50, len(events))
    ids = {e["id"] for e in events}
    for entry in entries:
        for child in ("title", "id", "updated", "published", "content"):
            assert (entry.findtext(f"{ATOM}{child}") or "").strip(), child
        link = entry.find(f"{ATOM}link")
        assert link is not None
        target = urljoin(feed_url, link.get("href", ""))
        assert target.rstrip("/").rsplit("/", 1)[-1] in ids
        assert page.request.get(target).ok, target


def test_json_feed(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    page.goto(site.url)
    href = page.locator('link[rel="alternate"][type="application/feed+json"]').get_attribute("href") or ""
    feed_url = urljoin(page.url, href)
    response = page.request.get(feed_url)
    assert response.ok
    feed = json.loads(response.body())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert len(feed["items"]) == min(50, len(events))
    for item in feed["items"]:
        assert item["id"]
        assert item.get("content_html") or item.get("content_text")
        assert page.request.get(urljoin(feed_url, item["url"])).ok, item["url"]


def test_events_json_download_has_every_field(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    response = page.request.get(site.url + "data/events.json")
    assert response.ok
    assert response.headers["content-type"].startswith("application/json")
    data = json.loads(response.body())
    assert data["events"] == events
    fields = {
        "id",
        "title",
        "date",
        "status",
        "tags",
        "location",
        "summary",
        "claims",
        "sources",
        "related",
        "corrections",
        "content_note",
        "added",
        "updated",
    }
    for event in data["events"]:
        assert fields <= set(event), fields - set(event)
        for claim in event["claims"]:
            assert {"by", "kind", "date", "status", "says", "sources", "figures"} <= set(claim)
        for source in event["sources"]:
            assert {"id", "publisher", "title", "date", "url", "archive_url"} <= set(source)
    page.goto(site.url + "timeline/")
    assert visible_rows(page) == len(data["events"])


def test_events_csv_download(site: Server, page: Page, events: list[dict[str, Any]]) -> None:
    response = page.request.get(site.url + "data/events.csv")
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    assert response.body().startswith(b"\xef\xbb\xbf"), "a byte-order mark, so spreadsheets read UTF-8"
    rows = list(csv.DictReader(io.StringIO(response.body().decode("utf-8-sig"))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    for row, event in zip(rows, events, strict=True):
        assert row["title"] == event["title"] or row["title"] == "'" + event["title"]
        assert row["date_text"] == event["date"]["text"]
        assert row["local_name"] == (event["location"]["local_name"] or "")


# ---------------------------------------------------------------------------------------------
# Screenshots


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "390"])
def test_screenshots(
    site: Server, watched: Callable[..., Page], events: list[dict[str, Any]], viewport: dict[str, int]
) -> None:
    """Screenshots for people to look at, kept in test-artifacts/screenshots/."""
    page = watched(viewport=viewport)
    pages = {
        "home": "",
        "timeline": "timeline/",
        "event": f"events/{pick_event(events)['id']}/",
        "figures": "figures/",
        "timeline-filtered": f"timeline/?tag={events[0]['tags'][0]}",
    }
    for name, path in pages.items():
        page.goto(site.url + path)
        assert screenshot(page, f"{name}-{viewport['width']}").stat().st_size > 10_000
