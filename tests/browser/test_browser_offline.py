"""The offline copy from file:// and old addresses, in Chromium.

The zip the build published is unpacked and its pages opened through ``file://``: every link
opens a file, nothing is requested from anywhere but the disk, the timeline's filters work and
the search page says that search needs a web server. An old address of the small fixture
(``tests/fixtures/small/redirects.yaml``) leads to the event's new page.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.renderer import urls
from generator.site.offline import FOLDER
from tests.helpers import BuiltSite

from .support import DESKTOP, Server, pick_event, serve, visible_rows

pytestmark = pytest.mark.browser

LINKS = """() => [...document.querySelectorAll("a[href]")].map(a => a.href)"""


@pytest.fixture(scope="module")
def copy(site: Server, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy of the bundled site, unpacked."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site.root / urls.OFFLINE_ZIP) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture
def disk_page(chromium: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A page, every URL it requested, and its console and page errors."""
    context = chromium.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    requested: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield context.new_page(), requested, errors
    context.close()


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def test_an_event_page_from_the_disk_links_only_files_and_requests_nothing_else(
    copy: Path, events: list[dict[str, Any]], disk_page: tuple[Page, list[str], list[str]]
) -> None:
    page, requested, errors = disk_page
    event = pick_event(events)
    start = copy / urls.address(urls.event(event["id"])) / "index.html"
    page.goto(start.as_uri(), wait_until="load")
    expect(page.locator("h1")).to_have_text(event["title"])
    # the styles loaded from the disk, under the page's CSP: Material's header has its colour
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    links = page.evaluate(LINKS)
    local = [link for link in links if link.startswith("file://")]
    assert len(local) > 20, links
    broken = [link for link in local if not file_of(link).is_file()]
    assert not broken, f"links that open no file: {broken}"
    assert all(link.startswith(("file://", "https://", "http://")) for link in links), links
    assert requested and all(url.startswith("file://") for url in requested), requested
    assert not errors, errors
    for form in ("bibtex", "ris", "csl-json"):
        assert any(link.endswith(urls.citation(event["id"], form)) for link in local)


def test_the_timeline_filters_work_from_the_disk(
    copy: Path, events: list[dict[str, Any]], disk_page: tuple[Page, list[str], list[str]]
) -> None:
    page, requested, errors = disk_page
    page.goto((copy / "timeline" / "index.html").as_uri())
    expect(page.locator("#tl-filters")).to_be_visible()
    assert visible_rows(page) == len(events)
    page.select_option("select[name=status]", "corroborated")
    expected = sum(1 for e in events if e["status"] == "corroborated")
    assert 0 < expected < len(events)
    expect(page.locator(".tl-count")).to_have_text(f"{expected} of {len(events)} events shown")
    assert "status=corroborated" in page.url
    assert all(url.startswith("file://") for url in requested), requested
    assert not errors, errors


def test_the_search_page_from_the_disk_says_search_needs_a_server(
    copy: Path, disk_page: tuple[Page, list[str], list[str]]
) -> None:
    page, requested, errors = disk_page
    page.goto((copy / "search" / "index.html").as_uri() + "?q=desertion")
    assert all(url.startswith("file://") for url in requested), requested
    note = page.locator(".tl-offline-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Search needs a web server")
    full_list = note.locator("a").first
    full_list.click()
    expect(page.locator("#tl-filters")).to_be_visible()
    assert page.url.endswith("/timeline/index.html")
    assert not errors, errors


@pytest.fixture(scope="module")
def small_served(small_site: BuiltSite) -> Iterator[Server]:
    server = serve(small_site.site)
    yield server
    server.stop()


def test_an_old_address_leads_to_the_renamed_event(small_served: Server, watched: Any) -> None:
    page = watched(small_served)
    page.goto(small_served.url + urls.address(urls.event("2024-07-10-soldier-shoots-two-comrades")))
    new = urls.address(urls.event("2024-07-11-soldier-shoots-two-comrades"))
    canonical = page.locator('link[rel="canonical"]')
    assert canonical.count() == 1
    assert canonical.evaluate("link => link.href") == small_served.url + new
    page.get_by_role("link", name="Soldier reportedly shoots two comrades and deserts").first.click()
    assert page.url == small_served.url + new
    expect(page.locator("h1")).to_have_text("Soldier reportedly shoots two comrades and deserts")
