"""Search through the visible header box: a word from an event's title, summary, claimants or place finds it.

The words are chosen from ``events.json``: for each field, the word of that field that the
fewest events contain anywhere, so that the event must be among the first results.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from .support import EXTRA_EVENT_ID, MOBILE, Server

pytestmark = pytest.mark.browser

SEARCH_BOX = {"role": "searchbox", "name": "Search the timeline"}
"""The header's search field, by its accessible role and name."""
RESULT_LINKS = ".tl-search__results a"
"""The links of the header's result list."""

WORD = re.compile(r"[^\W\d_]{5,}")
"""Words of five letters or more, in any script."""
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

FIELDS: dict[str, Callable[[dict[str, Any]], Iterator[str]]] = {
    "title": lambda e: iter([e["title"]]),
    "summary": lambda e: iter([e["summary"]]),
    "claimant": lambda e: (c["by"] for c in e["claims"]),
    "location": lambda e: iter([e["location"]["name"]]),
    "local name in Russian": lambda e: iter(
        [e["location"]["local_name"] or ""] if e["location"]["country"] == "RU" else []
    ),
    "local name in Ukrainian": lambda e: iter(
        [e["location"]["local_name"] or ""] if e["location"]["country"] == "UA" else []
    ),
}


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def distinctive(events: list[dict[str, Any]], field: str) -> tuple[str, dict[str, Any]]:
    """A word of ``field`` in some event, in as few events as possible (their whole record counted)."""
    everywhere = [words(json.dumps(e, ensure_ascii=False)) for e in events]
    texts = [json.dumps(e, ensure_ascii=False).casefold() for e in events]
    best: tuple[bool, int, int, int, str] | None = None
    for index, event in enumerate(events):
        for text in FIELDS[field](event):
            for word in sorted(words(text)):
                if field.startswith("local name") and not CYRILLIC.search(word):
                    continue
                frequency = sum(word in found for found in everywhere)
                # Pagefind stems and matches prefixes ("witnesses" is stemmed to "wit" and finds "with"):
                # a word whose first letters start words in many events comes last
                prefix = sum(word[:3] in text for text in texts)
                key = (prefix > len(events) // 4, frequency, prefix, index, word)
                if best is None or key < best:
                    best = key
    assert best is not None, f"no event has a word in its {field}"
    _, frequency, _, index, word = best
    assert frequency <= 5, f"every word of the {field}s is in many events; {word!r} is in {frequency}"
    return word, events[index]


def search(page: Page, word: str) -> Locator:
    """Type ``word`` into the header's search box as a reader would; the result links."""
    box = page.get_by_role(SEARCH_BOX["role"], name=SEARCH_BOX["name"])  # type: ignore[arg-type]
    expect(box).to_be_visible()
    box.click()
    box.press_sequentially(word, delay=10)
    return page.locator(RESULT_LINKS)


def expect_found(page: Page, site: Server, word: str, event: dict[str, Any]) -> None:
    results = search(page, word)
    link = results.and_(page.locator(f"[href*='events/{event['id']}/']"))
    expect(link.first).to_be_visible(timeout=10_000)
    link.first.click()
    page.wait_for_url(f"{site.url}events/{event['id']}/**")
    expect(page.locator("h1")).to_have_text(event["title"])


@pytest.mark.parametrize("field", list(FIELDS))
def test_search_finds_an_event_by_a_word_of_its(
    site: Server, page: Page, events: list[dict[str, Any]], field: str
) -> None:
    word, event = distinctive(events, field)
    page.goto(site.url + "timeline/")
    expect_found(page, site, word, event)


def test_search_at_390_pixels(site: Server, watched: Callable[..., Page], events: list[dict[str, Any]]) -> None:
    page = watched(viewport=MOBILE)
    word, event = distinctive(events, "title")
    page.goto(site.url)
    expect_found(page, site, word, event)


def test_search_says_when_nothing_matches(site: Server, page: Page) -> None:
    page.goto(site.url)
    search(page, "qxzjvkwq")  # no word of the site, and no real word hidden inside it
    expect(page.get_by_role("status").filter(has_text="No results")).to_be_visible(timeout=10_000)


def test_search_finds_ukrainian_text_of_a_summary(repo_site: Server, watched: Callable[..., Page]) -> None:
    """The second build's test event has a Ukrainian sentence in its summary."""
    page = watched(repo_site)
    page.goto(repo_site.url)
    event = next(e for e in repo_site.data()["events"] if e["id"] == EXTRA_EVENT_ID)
    assert "дезертирство" in event["summary"]
    expect_found(page, repo_site, "дезертирство", event)
