"""Scan every file of real built sites for anything that could attack a reader.

Two sites are scanned: the bundled timeline, and the hostile one that every inert case of
tests/hostile/cases.yaml is built into. The scanner (tests/hostile/_support.py) looks for scripts
that are not the theme's, event-handler attributes, ``javascript:``/``data:`` URLs, elements that
load or embed anything, URLs to another origin outside the links a reader clicks, duplicate ids,
CSV formulas and files that do not parse; it is first shown to find each of these, so that a clean
scan means something. The configuration that keeps MkDocs from fetching or reading anything is
checked here too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from generator import pipeline
from generator.pipeline import Run
from generator.project import Project
from generator.renderer.licence import DATA_LICENCE
from generator.site.plugin import content_security_policy, lock_down, sanitise
from generator.validation import markdown as text
from tests.hostile._support import REPO, built_once, bundled_site, elements, inert_site, scan_html, scan_site

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>{body}
<script>__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),\
__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,\
a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}</script>
<script id="__config" type="application/json">{{"base": ".."}}</script></body></html>"""


LICENCE_AND_THEME = (DATA_LICENCE.url, "https://squidfunk.github.io/mkdocs-material/")
"""The links to other origins besides sources: the data licence, and the theme's credit in the footer."""


def _page(body: str) -> str:
    """A page as the theme writes it, with ``body`` as its content, locked down by the plugin."""
    return lock_down(PAGE.format(body=body))


@pytest.mark.parametrize(
    ("body", "finding"),
    [
        ("<script>alert(1)</script>", "inline script that is not the theme's"),
        ('<script src="https://evil.example/x.js"></script>', "is not a script of this site's theme"),
        ('<img src="x" onerror="alert(1)">', "event handler attribute onerror="),
        ('<p onclick="alert(1)">x</p>', "event handler attribute onclick="),
        ('<a href="javascript:alert(1)">x</a>', "href='javascript:alert(1)'"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "href=' JaVaScRiPt:alert(1)'"),
        ('<a href="data:text/html,x">x</a>', "href='data:text/html,x'"),
        ('<img src="https://evil.example/pixel.png">', "requests another origin"),
        ('<link rel="stylesheet" href="//evil.example/x.css">', "requests another origin"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe> element"),
        ('<form action="https://evil.example/"><button>x</button></form>', "requests another origin"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta http-equiv='refresh'>"),
        ('<p style="background:url(https://evil.example/x.png)">x</p>', "style attribute that loads something"),
        ('<h1 id="__config">x</h1>', "id '__config' is used 2 times"),
        ("<title>&lt;/title&gt;<script>alert(1)</script></title>", "inline script that is not the theme's"),
        ('<p title="<script>x</script>">x</p>', "'<script' appears outside a script element"),
        ('<script type="application/ld+json">{"a": "</script><script>alert(1)</script>', "not valid JSON"),
    ],
)
def test_the_scanner_finds_each_attack(body: str, finding: str) -> None:
    found = scan_html(_page(body), "page.html")
    assert any(finding in f for f in found), found


def test_the_scanner_passes_a_theme_page() -> None:
    assert scan_html(_page('<p>Text with <a href="https://example.org/">a link</a>.</p>'), "page.html") == []


def test_the_csp_allows_only_the_theme_scripts() -> None:
    """An inline script that is not one of Material's gets no hash, so the browser will not run it."""
    page = _page("<script>alert(1)</script>")
    assert content_security_policy(page).count("'sha256-") == 1  # the theme's __md_scope script only
    assert "unsafe-inline" not in content_security_policy(page).split("script-src")[1].split(";")[0]


def test_the_sanitiser_keeps_content_off_the_theme_ids() -> None:
    assert sanitise('<h1 id="__config">x</h1><pre id="__drawer">y</pre><h2 id="claims">z</h2>') == (
        '<h1>x</h1><pre>y</pre><h2 id="claims">z</h2>'
    )


def test_mkdocs_reads_and_fetches_nothing_it_should_not() -> None:
    """No plugin that fetches URLs or reads files, no extension that adds attributes or includes files,
    and summaries are checked with the very extensions the site renders them with."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", [])]
    assert plugins == ["timeline"]  # no privacy/social/optimize (they fetch URLs), no macros (Jinja in pages)
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])]
    forbidden = {
        "attr_list",
        "md_in_html",
        "pymdownx.snippets",
        "markdown_include.include",
        "pymdownx.superfences",
        "pymdownx.emoji",
        "pymdownx.magiclink",
    }
    assert not forbidden & set(extensions)
    assert set(text.SITE_EXTENSIONS) == set(MkDocsConfig.markdown_extensions.builtins) | set(extensions)
    assert config["theme"].get("font") is False  # no Google Fonts
    assert "extra_javascript" not in config or all(
        not str(s).startswith(("http:", "https:", "//")) for s in config["extra_javascript"]
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Run]]:
    yield built_once("inert", lambda: inert_site(tmp_path_factory.mktemp("inert")))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Run]]:
    yield built_once("bundled", lambda: bundled_site(tmp_path_factory.mktemp("bundled")))


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_every_file_of_a_built_site_scans_clean(which: str, request: pytest.FixtureRequest) -> None:
    project, outcome = request.getfixturevalue(which)
    assert outcome.ok, [p.format() for p in outcome.problems] + outcome.messages
    scan = scan_site(project.site)
    assert scan.findings == []
    # not vacuous: pages, feeds, data, the sitemap and the search index were all read
    for suffix in (".html", ".xml", ".json", ".csv", ".gz", ".pf_fragment", ".css", ".js"):
        assert scan.counts.get(suffix, 0) > 0, (suffix, scan.counts)
    pages = len(list((project.site / "events").glob("*/index.html")))
    assert pages == outcome.check.events > 0


def test_hand_written_pages_are_sanitised_too(bundled: tuple[Project, Run]) -> None:
    """docs/ pages are reviewed, but their HTML goes through the same allow-list."""
    project, _ = bundled
    html = (project.site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert scan_html(html, "methodology", site=project.site, path=project.site / "methodology" / "index.html") == []


def test_source_links_are_the_only_links_to_other_origins(bundled: tuple[Project, Run]) -> None:
    """In the generated pages, every URL to another origin is a link a reader clicks, from an event's
    sources, or the theme's credit (hand-written pages such as contributing/ link where they like)."""
    project, _ = bundled
    events = pipeline.check(project.timeline).events
    allowed = {s.url for e in events for s in e.sources if s.url} | {
        s.archive_url for e in events for s in e.sources if s.archive_url
    }
    generated = ("events", "tags", "places", "years", "timeline", "figures")
    pages = [p for p in project.site.rglob("*.html") if p.relative_to(project.site).parts[0] in generated]
    assert len(pages) > len(events)
    for path in [*pages, project.site / "index.html"]:
        for element in elements(path.read_text(encoding="utf-8"))[0]:
            href = element.get("href") or ""
            if element.tag == "a" and href.startswith(("http:", "https:", "//")):
                assert href in allowed or href.startswith(LICENCE_AND_THEME), (path, href)
