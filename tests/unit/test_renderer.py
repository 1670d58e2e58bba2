"""generator.renderer.pages: Markdown pages from the timeline, every value escaped.

# Golden files: after an intended change to the templates, the renderer or tests/fixtures/small/,
# regenerate tests/golden/small/ with `python -m tests.golden` (or `make golden`), then review
# `git diff tests/golden` like any other change. See tests/golden.py.
"""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from decimal import Decimal

import markdown
import pytest
import yaml
from jinja2 import UndefinedError

from generator.model import Figure, Tag
from generator.renderer.pages import (
    Settings,
    SiteRenderer,
    claimant_kinds,
    environment,
    render_site,
)
from generator.renderer.pagination import PAGE_SIZE
from generator.renderer.words import figure_words, location_words
from generator.timeline import Timeline
from tests.golden import GOLDEN, render_small
from tests.helpers import make_event

SITE_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition"]
"""The extensions of mkdocs.yml plus those MkDocs always adds."""
RENDERED = render_small()
GOLDEN_FILES = {p.relative_to(GOLDEN).as_posix(): p for p in GOLDEN.rglob("*") if p.is_file()}


def test_golden_pages_are_the_rendered_pages() -> None:
    assert sorted(RENDERED) == sorted(GOLDEN_FILES), "pages added or removed: run python -m tests.golden"


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_golden_page(path: str) -> None:
    if path not in GOLDEN_FILES:
        pytest.fail(f"{path} is rendered but has no golden file: run python -m tests.golden")
    expected = GOLDEN_FILES[path].read_text(encoding="utf-8")
    if RENDERED[path] != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), RENDERED[path].splitlines(True), f"golden/{path}", f"rendered/{path}"
            )
        )
        pytest.fail(f"{path} differs from its golden file (regenerate with python -m tests.golden):\n{diff}")


TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "words"),
    [
        ("18000", "more-than", "people", "more than 18,000 people"),
        ("1", "exactly", "people", "1 person"),
        ("2", "exactly", "people", "2 people"),
        ("12.5", "about", "percent", "about 12.5%"),
        ("10", "up-to", "times", "up to 10 times"),
        ("1000000", "at-least", "people", "at least 1,000,000 people"),
    ],
)
def test_figure_words(value: str, qualifier: str, unit: str, words: str) -> None:
    assert (
        figure_words(
            Figure(value=Decimal(value), qualifier=qualifier, unit=unit, counts="deserters", description="d", scope="s")
        )
        == words
    )


@pytest.mark.parametrize(
    ("place", "country", "occupied", "words"),
    [
        ("Melitopol", "UA", True, "Melitopol, Ukraine (Russian-occupied)"),
        ("Russia", "RU", False, "Russia"),
        ("Belgorod region", "RU", False, "Belgorod region, Russia"),
        ("Paris", "FR", False, "Paris, France"),
    ],
)
def test_location_words(place: str, country: str, occupied: bool, words: str) -> None:
    assert location_words(make_event("2024-07-a", place=place, country=country, occupied=occupied)) == words


def test_claimant_kinds_are_sorted_and_unique() -> None:
    event = make_event("2024-07-a")
    assert claimant_kinds(event) == ["telegram-channel"]


def test_templates_refuse_undefined_names() -> None:
    with pytest.raises(UndefinedError):
        environment().from_string("{{ nothing_here }}").render()


def test_values_are_escaped_unless_a_filter_says_otherwise() -> None:
    template = environment().from_string("{{ text }} | {{ text|h }} | {{ text|yaml }}")
    assert template.render(text="<b>*x*</b>") == '&lt;b&gt;\\*x\\*&lt;/b&gt; | &lt;b&gt;*x*&lt;/b&gt; | "<b>*x*</b>"'


HOSTILE_TITLE = '</script><script>alert(1)</script> *x* [a](javascript:b) "q" ~~~'


def hostile_pages() -> dict[str, str]:
    event = make_event("2024-07-11-hostile", title=HOSTILE_TITLE, place="<img src=x onerror=alert(1)>")
    return render_site(Timeline([event], TAGS), Settings(repo_url="https://example.org/repo"))


def test_contributor_text_is_inert_on_every_page() -> None:
    for path, page in hostile_pages().items():
        html = markdown.markdown(page.split("\n---\n", 1)[-1], extensions=SITE_EXTENSIONS)
        assert "<script" not in html, path
        assert "<img" not in html, path
        assert "javascript:" not in html.replace("[a](javascript:b)", ""), path  # only the title, as text
        assert "<pre" not in html, path  # "~~~" opened no code block


def test_front_matter_reads_back_as_the_escaped_title() -> None:
    page = hostile_pages()["events/2024-07-11-hostile.md"]
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["title"] == HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )
    assert front["event_id"] == "2024-07-11-hostile"
    assert "<" not in front["jsonld"]


def test_propose_a_correction_only_with_a_repository() -> None:
    event = make_event("2024-07-11-x")
    with_repo = render_site(Timeline([event], TAGS), Settings(repo_url="https://example.org/repo", edit_branch="dev"))
    without = render_site(Timeline([event], TAGS), Settings())
    assert (
        '<a href="https://example.org/repo/edit/dev/timeline/2024/2024-07-11-x.yaml">Propose a correction</a>'
        in with_repo["events/2024-07-11-x.md"]
    )
    assert "Propose a correction" not in without["events/2024-07-11-x.md"]


def test_an_empty_timeline_still_has_its_index_pages() -> None:
    pages = render_site(Timeline([], TAGS), Settings())
    assert sorted(pages) == [
        "about.md",
        "changelog.md",
        "figures.md",
        "index.md",
        "places/index.md",
        "regions/index.md",
        "sources.md",
        "tags/desertion.md",
        "tags/index.md",
        "timeline/index.md",
        "years/index.md",
    ]


def test_long_listings_are_paginated() -> None:
    days = [date(2024, 1, 1) + timedelta(days=i // 2) for i in range(PAGE_SIZE + 1)]
    events = [make_event(f"{day.isoformat()}-e{i}") for i, day in enumerate(days)]
    pages = SiteRenderer(Settings()).pages(Timeline(events, TAGS))
    assert {
        "timeline/index.md",
        "timeline/page-2.md",
        "tags/desertion.md",
        "tags/desertion/page-2.md",
        "years/2024.md",
        "years/2024/page-2.md",
    } <= set(pages)
    assert "timeline/page-3.md" not in pages
    second = pages["timeline/page-2.md"]()
    assert second.count('class="tl-row"') == 1
    assert 'href="../../events/2024-' in second  # /timeline/page-2/ is two folders below the root
