"""Fixtures for the browser tests: a built copy of the site, a local server and one Chromium.

The bundled timeline is built into a temporary project (never into the repository's
``site/``), served on 127.0.0.1 by a threaded ``http.server`` and driven with Playwright
through Debian's Chromium. Every page a test opens through ``watched`` or ``page`` is
watched: a request to any other origin, a console error or an uncaught page error fails
the test.

``.ci/install-browser`` installs what these tests need: chromium, and axe-core from
``package-lock.json`` with ``npm ci``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from .support import (
    AXE,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXTRA_EVENT,
    EXTRA_EVENT_ID,
    REPO_URL,
    Server,
    Watch,
    build_site,
    make_site_project,
    new_watched_context,
    serve,
)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled timeline, built with the repository's settings and served."""
    base = tmp_path_factory.mktemp("site")
    server = serve(build_site(make_site_project(base / "project"), base / "cache"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled timeline plus one test event, built with ``extra.timeline.repo_url`` set, in English."""
    base = tmp_path_factory.mktemp("repo-site")
    project = make_site_project(
        base / "project", repo_url=REPO_URL, extra_events={EXTRA_EVENT_ID: EXTRA_EVENT}, english_only=True
    )
    server = serve(build_site(project, base / "cache"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def events(site: Server) -> list[dict[str, Any]]:
    """Every event of the built site, in timeline order, from its ``events.json``."""
    return list(site.data()["events"])


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, injected into pages by the accessibility tests."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run .ci/install-browser (npm ci in tests/browser)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright: Playwright) -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run .ci/install-browser (it installs Debian's chromium)")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def watched(chromium: Browser, site: Server) -> Iterator[Callable[..., Page]]:
    """A factory of watched pages; every page it opened is checked when the test ends.

    ``watched()`` gives a desktop page on the bundled site; ``watched(viewport=MOBILE)``,
    ``watched(java_script_enabled=False)`` or ``watched(repo_site)`` give others.
    """
    opened: list[tuple[BrowserContext, Watch]] = []

    def open_page(server: Server = site, **options: Any) -> Page:
        context, watch = new_watched_context(chromium, server, **options)
        opened.append((context, watch))
        return context.new_page()

    yield open_page
    for context, _ in opened:
        context.close()
    for _, watch in opened:
        watch.check()


@pytest.fixture
def page(watched: Callable[..., Page]) -> Page:
    """One watched desktop page on the bundled site."""
    return watched()
