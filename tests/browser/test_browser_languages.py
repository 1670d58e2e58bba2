"""The Russian and Ukrainian sites: languages said, the switcher, search per language, no English interface, axe.

Each language is a MkDocs site of its own (English at the root, ``ru/``, ``uk/``), built from
one generator run; these tests read them as a reader does, in Debian's Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from .support import Server, pick_event
from .test_browser_a11y import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser

BELGOROD = "2024-07-11-belgorod-soldier-shoots-comrades"
"""The shooting in Belgorod region of July 2024, which the issue asks a Russian search to find."""
FOLDERS = {"en": "", "ru": "ru/", "uk": "uk/"}
CATALOGUE_TEMPLATE = Path(__file__).resolve().parents[2] / "generator" / "renderer" / "locale" / "messages.pot"


def test_each_page_says_its_language_and_links_itself_in_the_others(site: Server, page: Page) -> None:
    for language, folder in FOLDERS.items():
        page.goto(f"{site.url}{folder}events/{BELGOROD}/")
        assert page.locator("html").get_attribute("lang") == language
        links = page.locator("nav.tl-languages a")
        expect(links).to_have_count(3)
        for other, other_folder in FOLDERS.items():
            link = page.locator(f'nav.tl-languages a[hreflang="{other}"]')
            assert link.get_attribute("lang") == other
            href = link.evaluate("a => a.href")
            assert href == f"{site.url}{other_folder}events/{BELGOROD}/", (language, other)
            assert (link.get_attribute("aria-current") == "page") == (other == language)


def test_the_switcher_keeps_the_reader_on_the_same_listing(site: Server, page: Page) -> None:
    page.goto(f"{site.url}tags/desertion/")
    for language in ("ru", "uk", "en"):
        page.locator(f'nav.tl-languages a[hreflang="{language}"]').click()
        page.wait_for_url(f"{site.url}{FOLDERS[language]}tags/desertion/")
        assert page.locator("html").get_attribute("lang") == language


def test_every_event_has_a_russian_and_a_ukrainian_page_saying_how_it_was_translated(
    site: Server, events: list[dict[str, Any]]
) -> None:
    """Read from the built files: 131 events in two languages are too many page loads for a browser."""
    for event in events:
        for language in ("ru", "uk"):
            html = (site.root / language / "events" / event["id"] / "index.html").read_text(encoding="utf-8")
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
            assert heading is not None, (language, event["id"])
            translated = event["translations"][language]
            assert translated["state"] in ("unreviewed", "reviewed"), (language, event["id"])
            assert heading.group(1).strip() == translated["title"].replace("&", "&amp;").replace('"', "&quot;")
            assert heading.group(1).strip() != event["title"]
            assert f'class="tl-translation tl-translation-{translated["state"]}"' in html


def _result_links(page: Page) -> list[str]:
    results = page.locator(".tl-search-page__results a")
    expect(results.first).to_be_visible(timeout=15_000)
    return [str(href) for href in results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize(
    ("language", "query"),
    [
        # the page says "Белгородской области ... застрелил": other forms of both words
        ("ru", "Белгородская застрелить"),
        # Pagefind has no Ukrainian stemmer: the words as the page writes them, in the Ukrainian index
        ("uk", "Бєлгородській застрелив"),
    ],
)
def test_a_search_in_each_language_finds_the_belgorod_shooting_in_that_language(
    site: Server, page: Page, language: str, query: str
) -> None:
    page.goto(f"{site.url}{FOLDERS[language]}search/?q={query}")
    links = _result_links(page)
    assert f"{site.url}{language}/events/{BELGOROD}/" in links
    assert all(link.startswith(f"{site.url}{language}/") for link in links), "only this language's pages"


def test_an_english_search_finds_only_english_pages(site: Server, page: Page) -> None:
    page.goto(f"{site.url}search/?q=Belgorod")
    links = _result_links(page)
    assert f"{site.url}events/{BELGOROD}/" in links
    assert not [link for link in links if link.startswith((f"{site.url}ru/", f"{site.url}uk/"))]


def _interface_words() -> list[str]:
    """Every English interface string of the catalogue that could show as it is (placeholders left out)."""
    with CATALOGUE_TEMPLATE.open("rb") as handle:
        catalogue = read_po(handle)
    words = set()
    for message in catalogue:
        for text in message.id if isinstance(message.id, tuple) else [message.id]:
            for part in re.split(r"%\([a-z_]+\)[sd]|%%|<[^>]+>", str(text)):
                part = part.strip(" .,:;()·—-")
                if len(part) >= 4 and re.search(r"[a-z]{3}", part) and " " in part:
                    words.add(part)
    return sorted(words)


PAGES = [
    "",
    "timeline/",
    f"events/{BELGOROD}/",
    "tags/",
    "tags/desertion/",
    "years/",
    "places/",
    "regions/",
    "figures/",
    "sources/",
    "about/",
    "methodology/",
    "search/",
    "changelog/",
]


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_no_english_interface_words_on_the_translated_sites(site: Server, page: Page, language: str) -> None:
    """The visible text of each page, leaving out what is English on purpose: text marked lang="en"
    and headlines (<cite>), which stay in the language they were published in."""
    english = _interface_words()
    assert len(english) > 50
    found = {}
    for path in PAGES:
        page.goto(f"{site.url}{language}/{path}")
        text = page.evaluate("""() => {
          const body = document.body.cloneNode(true);
          body.querySelectorAll('[lang]:not([lang="ru"]):not([lang="uk"]), cite, script, style, [hidden]')
            .forEach(e => e.remove());
          return body.innerText;
        }""")
        left = [w for w in english if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
        if left:
            found[path or "/"] = left
    assert not found, f"English interface words on the {language} site: {found}"


@pytest.mark.parametrize("language", ["ru", "uk"])
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 800}], ids=["1280", "375"]
)
def test_axe_finds_no_serious_violations_in_each_language(
    site: Server,
    watched: Callable[..., Page],
    axe_source: str,
    events: list[dict[str, Any]],
    language: str,
    viewport: dict[str, int],
) -> None:
    page = watched(viewport=viewport, bypass_csp=True)
    failures = []
    # the pages with the most interface words; the English test covers every kind of page in both schemes
    for path in ["", "timeline/", f"events/{pick_event(events)['id']}/", "figures/"]:
        page.goto(f"{site.url}{language}/{path}")
        blocking = [v for v in run_axe(page, axe_source) if v["impact"] in BLOCKING]
        if blocking:
            failures.append(f"{language}/{path}:\n{describe(blocking)}")
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)
