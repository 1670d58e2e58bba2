"""Privacy: no page of the built site asks anything of another origin, and each page says so in its CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from .support import MOBILE, Server

pytestmark = pytest.mark.browser

SAME_ORIGIN_ONLY = {"'self'", "'none'", "'unsafe-inline'", "data:"}
"""CSP sources that allow nothing from another origin ('unsafe-inline' is for styles only; data: images
are bytes already in the page). script-src may also list inline-script hashes and 'wasm-unsafe-eval',
which Pagefind needs to compile its WebAssembly, fetched from this site."""

# Everything a page loads comes from the page's own origin; only <a> links may point elsewhere.
EXTERNAL_RESOURCES = """() => {
  const found = [];
  const attrs = ["src", "href", "srcset", "poster", "data", "action", "formaction"];
  for (const el of document.querySelectorAll("*")) {
    if (el.tagName === "A") continue;
    for (const name of attrs) {
      const value = el.getAttribute(name);
      if (!value) continue;
      for (const part of name === "srcset" ? value.split(",").map(s => s.trim().split(" ")[0]) : [value]) {
        const url = new URL(part, document.baseURI);
        if (url.origin !== location.origin) found.push(`<${el.tagName.toLowerCase()} ${name}="${value}">`);
      }
    }
  }
  for (const sheet of document.styleSheets) {
    if (sheet.href && new URL(sheet.href).origin !== location.origin) found.push(`stylesheet ${sheet.href}`);
  }
  return found;
}"""


def html_pages(root: Path) -> list[str]:
    """Every page of the built site, as a path relative to the site's address."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


OPENED = {"events": 15, "places": 6, "regions": 4, "tags": 6}
"""Pages opened per language of the kinds that grow with the timeline: each kind comes from one
template, and the static scan of every built file (tests/test_site_scan.py) reads them all, so
the browser opens a spread of them, and the time this test takes does not grow with the timeline."""


def pages_to_open(pages: list[str]) -> list[str]:
    """Every page, but of the events, places and regions of each language only a spread over the timeline."""
    groups: dict[tuple[str, str], list[str]] = {}
    for path in pages:
        parts = path.split("/")
        language = parts[0] if parts[0] in ("ru", "uk") and len(parts) > 1 else ""
        section = parts[1] if language else parts[0]
        groups.setdefault((language, section), []).append(path)
    chosen: list[str] = []
    for (_, section), paths in groups.items():
        limit = OPENED.get(section, len(paths))
        chosen += paths[:: max(1, -(-len(paths) // limit))] if limit else paths
    return sorted(chosen)


def csp_directives(page: Page) -> dict[str, list[str]]:
    content = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    directives: dict[str, list[str]] = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_every_page_stays_on_its_origin(site: Server, page: Page) -> None:
    """Open every page (a spread of the events): no request leaves the origin, no console or page
    error, CSP and referrer set, in every language.

    The ``page`` fixture records every request and error and fails the test at its end.
    """
    pages = pages_to_open(html_pages(site.root))
    assert len(pages) > 40, pages
    assert any(p.startswith("uk/events/") for p in pages) and any(p.startswith("events/") for p in pages)
    problems: list[str] = []
    for path in pages:
        response = page.goto(site.url + path, wait_until="load")
        assert response is not None
        if path != "404.html":
            assert response.ok, f"{path}: HTTP {response.status}"
        external = page.evaluate(EXTERNAL_RESOURCES)
        problems += [f"{path}: {item}" for item in external]
        csp = csp_directives(page)
        if csp.get("default-src") != ["'self'"]:
            problems.append(f"{path}: CSP default-src is {csp.get('default-src')}")
        for directive, sources in csp.items():
            allowed = [
                s
                for s in sources
                if s in SAME_ORIGIN_ONLY
                or (directive == "script-src" and (s.startswith("'sha256-") or s == "'wasm-unsafe-eval'"))
            ]
            if allowed != sources:
                problems.append(f"{path}: CSP {directive} allows {sources}")
        if page.locator('meta[name="referrer"]').get_attribute("content") != "no-referrer":
            problems.append(f"{path}: no referrer policy no-referrer")
        # Links to sources on other sites must not leak where the reader came from either.
        for rel in page.locator("article a[href^='http']:not([href^='" + site.origin + "'])").evaluate_all(
            "links => links.map(a => a.rel)"
        ):
            if "noreferrer" not in rel.split():
                problems.append(f"{path}: external link without rel=noreferrer")
    assert not problems, "\n".join(problems)


def test_no_fonts_images_or_trackers_in_the_build(site: Server) -> None:
    """The built files reference no font service, analytics or external image, even unused."""
    banned = [
        "fonts.googleapis.com",
        "fonts.gstatic.com",
        "google-analytics.com",
        "googletagmanager.com",
        "gtag(",
        "plausible.io",
        "matomo",
        "cdn.jsdelivr.net",
        "unpkg.com",
        "cdnjs.cloudflare.com",
    ]
    found = []
    for path in site.root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(site.root)}: {word}" for word in banned if word in text]
    assert not found, found


@pytest.mark.parametrize("path", ["", "timeline/", "figures/"])
def test_pages_at_rest_stay_on_origin(site: Server, watched: Any, path: str) -> None:
    """Pages left to finish loading everything (network idle) make no foreign request, at both widths."""
    for viewport in (None, MOBILE):
        page = watched(**({"viewport": viewport} if viewport else {}))
        page.goto(site.url + path, wait_until="networkidle")
