"""Accessibility: axe-core, run inside the pages, finds no serious or critical violation."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from .support import DESKTOP, MOBILE, Server, event_year, pick_event

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_page(watched: Callable[..., Page]) -> Callable[..., Page]:
    """Pages in a context that bypasses the CSP, which would (rightly) refuse the injected axe script."""
    return lambda viewport, scheme="light": watched(viewport=viewport, bypass_csp=True, color_scheme=scheme)


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def run_axe(page: Page, source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=source)
    result = page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ["violations"]});
      return r.violations;
    }""")
    return list(result)


def pages_to_check(events: list[dict[str, Any]], viewport: dict[str, int]) -> dict[str, str]:
    """Home, timeline, an event, a tag, figures, the map and a year; at desktop width also places and search."""
    pages = {
        "home": "",
        "timeline": "timeline/",
        "event": f"events/{pick_event(events)['id']}/",
        "tag": f"tags/{events[0]['tags'][0]}/",
        "figures": "figures/",
        "map": "regions/",
        "year": f"years/{event_year(events[-1])}/",
    }
    if viewport == DESKTOP:
        pages |= {"places": "places/", "search": "search/?q=desertion"}
    return pages


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    # the dark scheme's colours are the same at every width: checked once, at the widest
    [(DESKTOP, "light"), (DESKTOP, "dark"), (MOBILE, "light")],
    ids=["1280-light", "1280-dark", "390-light"],
)
def test_axe_finds_no_serious_violations(
    site: Server, axe_page: Any, axe_source: str, events: list[dict[str, Any]], viewport: dict[str, int], scheme: str
) -> None:
    """Both colour schemes: the system's setting picks the scheme, so contrast is checked in each."""
    page = axe_page(viewport, scheme)
    failures = []
    for name, path in pages_to_check(events, viewport).items():
        page.goto(site.url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, name
        blocking = [v for v in run_axe(page, axe_source) if v["impact"] in BLOCKING]
        if blocking:
            failures.append(f"{name} ({path or '/'}):\n{describe(blocking)}")
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


def test_axe_with_the_search_open_and_filters_set(
    site: Server, axe_page: Any, axe_source: str, events: list[dict[str, Any]]
) -> None:
    """The states scripts create are checked too: a filtered timeline and the search results panel."""
    page = axe_page(DESKTOP)
    page.goto(site.url + f"timeline/?tag={events[0]['tags'][0]}")
    box = page.get_by_role("searchbox", name="Search the timeline")
    box.click()
    box.press_sequentially("desertion", delay=10)
    page.locator(".tl-search__results a").first.wait_for()
    blocking = [v for v in run_axe(page, axe_source) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
