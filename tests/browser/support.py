"""Helpers for the browser tests: build a temporary project, serve it, watch pages.

Kept apart from ``conftest.py`` (which holds only fixtures) so that test modules can
import them; ``tests/browser`` is a package, so imports are relative.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, WebError

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium itself calls Google (component updates, sync, field trials).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
"""A phone: 390 px is the width of the most common current phones."""
REPO_URL = "https://github.com/example-org/desertion-timeline"
"""The repository address the second build sets as ``extra.timeline.repo_url``."""

EXTRA_EVENT_ID = "2022-03-01-browser-test-event-with-archived-source"
EXTRA_EVENT = """\
# Written by tests/browser into a temporary copy of the timeline only.
title: Browser test event with a linked and archived source
date: "2022-03-01"
date_end: "2022-03-15"
added: "2026-11-23"
status: reported
tags: [desertion]
location:
  name: Kharkiv region
  local_name: Харківська область
  country: UA
  precision: region
summary: |
  A made-up entry that exists only in the browser tests, so that a source with a link and an archived
  copy, a date range within one month and Ukrainian text are on a page. Військові повідомили про дезертирство.
claims:
  - by: Example Claimant
    kind: ngo
    date: "2022-03-16"
    status: reported
    says: The example claimant says something that the test can find on the page.
    sources: [example-source]
  - by: Second Example Claimant
    kind: media
    status: reported
    says: A second, independent claimant says the same.
    sources: [example-source]
sources:
  - id: example-source
    publisher: Example Publisher
    title: Example headline about the example event
    date: "2022-03-16"
    url: https://example.org/article
    archive_url: https://web.archive.org/web/2022/https://example.org/article
"""
"""An event only the second build has: the bundled timeline has no source or archive links and no day ranges."""


# --------------------------------------------------------------------------------------------
# Building and serving


def make_site_project(
    root: Path, *, repo_url: str = "", extra_events: dict[str, str] | None = None, english_only: bool = False
) -> Path:
    """A project folder like the repository's, holding only what a build reads.

    ``mkdocs.yml``, ``docs/`` (without generated output), ``CONTRIBUTING.md`` and a copy of
    ``timeline/``, so that nothing, not even a parse cache, is written into the repository.
    ``extra_events`` maps event ids to file text, written to ``timeline/<year>/<id>.yaml``;
    ``english_only`` builds the English site alone (``extra.timeline.languages: [en]``), for tests
    that read English pages only and would otherwise wait for two more sites.
    """
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if repo_url:
        config, count = re.subn(r'(?m)^(\s+repo_url:)\s*"[^"]*"', rf'\1 "{repo_url}"', config)
        assert count == 1, 'mkdocs.yml no longer has one `repo_url: "..."` line under extra.timeline'
    if english_only:
        config, count = re.subn(r"(?m)^(\s+)edit_branch: main$", r"\g<0>\n\1languages: [en]", config)
        assert count == 1, "mkdocs.yml no longer has one `edit_branch: main` line under extra.timeline"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(
        REPO / "docs", root / "docs", ignore=lambda folder, names: [n for n in names if n.startswith("generated")]
    )
    shutil.copy2(REPO / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    shutil.copytree(REPO / "timeline", root / "timeline", ignore=shutil.ignore_patterns(".*", "__pycache__"))
    for event_id, text in (extra_events or {}).items():
        folder = root / "timeline" / event_id[:4]
        folder.mkdir(exist_ok=True)
        (folder / f"{event_id}.yaml").write_text(text, encoding="utf-8")
    return root


def build_site(project: Path, cache: Path) -> Path:
    """``timeline build`` in ``project``, as a contributor runs it; returns the site folder."""
    # Its own parse cache; a fixed SOURCE_DATE_EPOCH as the temporary project is no git checkout.
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "SOURCE_DATE_EPOCH": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"timeline build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    """A plain static file server, as any host would be, without request logging."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Server:
    """A built site served on 127.0.0.1."""

    root: Path
    url: str
    """The site's address with a trailing slash: ``http://127.0.0.1:PORT/``."""
    _httpd: ThreadingHTTPServer = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def data(self) -> dict[str, Any]:
        """The built ``data/events.json``, read from disk: what the pages are expected to show."""
        return json.loads((self.root / "data" / "events.json").read_text(encoding="utf-8"))

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=10)


class _QuietServer(ThreadingHTTPServer):
    """Says nothing when the browser drops a connection it no longer needs (a page left while
    loading); any other error is printed as usual."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(root: Path) -> Server:
    """Serve ``root`` on a free port of 127.0.0.1 from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    return Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/", httpd, thread)


# --------------------------------------------------------------------------------------------
# Watching pages


def same_origin(url: str, origin: str) -> bool:
    """True for the served origin only: the site needs nothing else, not even ``data:`` URLs.

    Material draws its icons as inline SVG and as CSS masks with ``data:`` URLs. Chromium does
    not report those as requests; if it ever did they would fail here, to be looked at, although
    they carry no network traffic.
    """
    return url == origin or url.startswith(origin + "/")


@dataclass
class Watch:
    """What the pages of one browser context did that they should not."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not same_origin(request.url, self.origin):
            self.foreign.append(f"{request.resource_type} {request.url}")

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location
            page = message.page.url if message.page else "a worker"
            self.errors.append(
                f"console error on {page}: {message.text} ({where.get('url')}:{where.get('lineNumber')})"
            )

    def on_web_error(self, error: WebError) -> None:
        self.errors.append(f"page error on {error.page.url if error.page else '?'}: {error.error}")

    def check(self) -> None:
        """Fail if anything left the origin or anything went wrong in a page."""
        assert not self.foreign, "requests to other origins:\n" + "\n".join(self.foreign)
        assert not self.errors, "errors in pages:\n" + "\n".join(self.errors)


def new_watched_context(browser: Browser, server: Server, **options: Any) -> tuple[BrowserContext, Watch]:
    """A browser context whose every page is watched for foreign requests and errors."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    watch = Watch(server.origin)
    context.on("request", watch.on_request)
    context.on("console", watch.on_console)
    context.on("weberror", watch.on_web_error)
    return context, watch


# --------------------------------------------------------------------------------------------
# Reading pages


def visible_rows(page: Page) -> int:
    """How many events the list on the page shows."""
    return page.locator(".tl-list .tl-row:visible").count()


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot kept in test-artifacts/screenshots/ (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def pick_event(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The event that exercises most of the event page: content note, figures, related, neighbours."""

    def score(index: int) -> tuple[int, ...]:
        event = events[index]
        figures = sum(len(c["figures"]) for c in event["claims"])
        has_neighbours = 0 < index < len(events) - 1
        return (bool(event["content_note"]), figures > 0, bool(event["related"]), has_neighbours, len(event["claims"]))

    return events[max(range(len(events)), key=score)]


def event_year(event: dict[str, Any]) -> str:
    """The year the timeline page groups an event under: that of its earliest possible day."""
    return str(event["date"]["date"][:4])


def event_years(event: dict[str, Any]) -> set[str]:
    """Every year an event's range overlaps: the year filter and the year pages list it under each."""
    first = int(event["date"]["date"][:4])
    last = int(event["date"].get("date_end", event["date"]["date"])[:4])
    return {str(year) for year in range(first, last + 1)}


def claimant_kinds(event: dict[str, Any]) -> set[str]:
    return {claim["kind"] for claim in event["claims"]}


class _Scan(HTMLParser):
    """Links with their text, and JSON-LD blocks, of one served page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self._href: str | None = None
        self._in_jsonld = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self._href, self._text = values.get("href") or "", []
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_jsonld, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text).strip(), self._href))
            self._href = None
        elif tag == "script" and self._in_jsonld:
            self.jsonld.append("".join(self._text))
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._href is not None or self._in_jsonld:
            self._text.append(data)


def scan(page: Page, url: str) -> _Scan:
    """Fetch ``url`` through the browser's request context (same origin, recorded) and parse it."""
    response = page.request.get(url)
    assert response.ok, f"{url}: HTTP {response.status}"
    parsed = _Scan()
    parsed.feed(response.text())
    return parsed
