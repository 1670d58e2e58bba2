"""End to end: the small fixture timeline built with the real MkDocs, in strict mode, in a temporary project.

Most tests read the session's ``small_site`` (tests/conftest.py). Tests that change a site build
their own project with tests.helpers.make_project. No part of MkDocs is mocked.
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import pipeline
from generator.cli import main
from generator.renderer.exports import events_json
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import SMALL, BuiltSite, make_project

pytestmark = pytest.mark.slow

RESULT = validate(SMALL)
EVENTS = {e.id: e for e in RESULT.events}
ATOM = "{http://www.w3.org/2005/Atom}"


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and modification time."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def search_index(site: Path) -> dict[str, str]:
    """The pages Pagefind indexed: URL to title (each fragment is gzipped JSON after a signature)."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(fragment.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        data = json.loads(raw.removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data["meta"]["title"]
    return pages


def test_the_build_succeeded_cleanly(small_site: BuiltSite) -> None:
    outcome = small_site.outcome
    assert outcome.ok and outcome.check.ok
    assert outcome.problems == []
    assert outcome.messages == []
    assert not small_site.project.root.joinpath("site.partial").exists()
    assert not small_site.project.generated.with_name("generated.partial").exists()


def test_every_event_has_its_page(small_site: BuiltSite) -> None:
    built = sorted(p.name for p in (small_site.site / "events").iterdir())
    # and a page at each old address of tests/fixtures/small/redirects.yaml
    assert built == sorted([*EVENTS, *(r.old_id for r in RESULT.redirects)])
    for event_id, event in EVENTS.items():
        page = html(small_site.site, f"events/{event_id}")
        assert "<h1" in page and event.date.words() in page, event_id


@pytest.mark.parametrize(
    "page",
    [
        "",
        "timeline",
        "years",
        "years/2022",
        "years/2023",
        "years/2024",
        "tags",
        "tags/desertion",
        "tags/violence-between-soldiers",
        "tags/desertion-figures",
        "tags/refusal-to-fight",
        "tags/unused-tag",
        "places",
        "places/ua-melitopol",
        "places/by-belarus-border",
        "places/ru-russia",
        "places/ru-belgorod-region",
        "figures",
        "methodology",
        "about",
        "contributing",
        "search",
    ],
)
def test_listing_and_hand_written_pages(small_site: BuiltSite, page: str) -> None:
    assert (small_site.site / page / "index.html").is_file()


def test_the_timeline_lists_every_event_in_order(small_site: BuiltSite) -> None:
    page = html(small_site.site, "timeline")
    links = re.findall(r'class="tl-title" href="\.\./events/([^/]+)/"', page)
    assert links == [e.id for e in sorted(RESULT.events, key=lambda e: e.sort_key)]


def test_tag_pages_list_their_events(small_site: BuiltSite) -> None:
    for tag in RESULT.tags:
        page = html(small_site.site, f"tags/{tag}")
        listed = set(re.findall(r'href="\.\./\.\./events/([^/]+)/"', page))
        assert listed == {e.id for e in RESULT.events if tag in e.tags}, tag


def test_the_search_index_holds_every_event_under_its_title(small_site: BuiltSite) -> None:
    indexed = search_index(small_site.site)
    for event_id, event in EVENTS.items():
        assert indexed.get(f"/events/{event_id}/") == event.title
    assert indexed["/methodology/"] == "Methodology"


def test_feeds(small_site: BuiltSite) -> None:
    atom = ET.parse(small_site.site / "feed.xml").getroot()
    entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")}
    assert sorted(t for i, t in entries.items() if ":event:" in (i or "")) == sorted(e.title for e in RESULT.events)
    assert sorted(i for i in entries if ":moved:" in (i or "")) == sorted(
        f"urn:x-timeline:moved:{r.old_id}" for r in RESULT.redirects
    )
    feed = json.loads((small_site.site / "feed.json").read_text(encoding="utf-8"))
    assert len(feed["items"]) == len(EVENTS) + len(RESULT.redirects)


def test_data_downloads(small_site: BuiltSite) -> None:
    data = (small_site.site / "data" / "events.json").read_bytes()
    assert data == events_json(Timeline(RESULT.events, RESULT.tags, RESULT.redirects))
    rows = list(csv.DictReader(io.StringIO((small_site.site / "data" / "events.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(EVENTS)
    home = html(small_site.site, "")
    assert 'href="data/events.json"' in home and 'href="data/events.csv"' in home


def test_titles_are_escaped_exactly_once(small_site: BuiltSite) -> None:
    page = html(small_site.site, "events/2023-watchdog-counts-desertion-cases")
    shown = "Watchdog counts &lt;5,000 desertion cases &amp; a *tenfold* rise [estimate]"
    assert f"<title>{shown} - " in page
    assert re.search(rf"<h1[^>]*>{re.escape(shown)}</h1>", page)
    assert "&amp;lt;" not in page


def test_event_pages_carry_json_ld(small_site: BuiltSite) -> None:
    for event_id, event in EVENTS.items():
        [data] = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html(small_site.site, f"events/{event_id}"), re.S
        )
        assert json.loads(data)["headline"] == event.title


def test_content_notes_come_before_the_summary(small_site: BuiltSite) -> None:
    page = html(small_site.site, "events/2024-07-11-soldier-shoots-two-comrades")
    assert page.index("Describes two soldiers being shot dead.") < page.index('id="summary"')


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S)


def test_every_page_allows_exactly_its_own_inline_scripts(small_site: BuiltSite) -> None:
    pages = sorted(small_site.site.rglob("*.html"))
    assert len(pages) > 25
    for path in pages:
        page = path.read_text(encoding="utf-8")
        [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
        assert "default-src 'self'" in policy, path
        scripts = {
            f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
            for attributes, body in INLINE_SCRIPT.findall(page)
            if "json" not in attributes
        }
        assert set(re.findall(r"'sha256-[^']+'", policy)) == scripts, path


def test_nothing_is_loaded_from_another_origin(small_site: BuiltSite) -> None:
    for path in small_site.site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img|iframe)\b[^>]*\b(src|href)="(https?:)?//', page), path


def build_cli(*args: str) -> tuple[str, str, int]:
    result = CliRunner().invoke(main, ["build", *args], prog_name="timeline")
    return result.stdout, result.stderr, result.exit_code


def test_a_failed_mkdocs_build_leaves_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    stdout, stderr, code = build_cli("--source", str(SMALL))
    written = len([p for p in project.generated.rglob("*") if p.is_file()])
    assert (stdout, stderr, code) == (
        f"Built 4 events into {project.site} ({written} generated files changed)\n",
        "",
        0,
    )
    site, generated = snapshot(project.site), snapshot(project.generated)

    about = project.docs / "methodology.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[a broken link](nowhere.md)\n", encoding="utf-8")
    stdout, stderr, code = build_cli("--source", str(SMALL))
    assert (stdout, code) == ("", 1)
    assert stderr == (
        "WARNING: Doc file 'methodology.md' contains a link 'nowhere.md', but the target is not found among "
        "documentation files.\nError: MkDocs build failed; the previous site is unchanged\n"
    )
    assert snapshot(project.site) == site
    assert snapshot(project.generated) == generated
    assert sorted(p.name for p in tmp_path.iterdir()) == ["CONTRIBUTING.md", "docs", "mkdocs.yml", "site"]
    assert sorted(p.name for p in project.docs.iterdir() if p.name.startswith("generated")) == ["generated"]


def test_a_deleted_event_leaves_no_stale_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "project")
    source = tmp_path / "timeline"
    shutil.copytree(SMALL, source)
    assert pipeline.build(project, source, project.site).ok
    gone = "2023-watchdog-counts-desertion-cases"
    assert (project.site / "events" / gone / "index.html").is_file()

    (source / "2023" / f"{gone}.yaml").unlink()
    naming = source / "2024" / "2024-07-11-soldier-shoots-two-comrades.yaml"
    naming.write_text(naming.read_text(encoding="utf-8").replace(f"related: [{gone}]\n", ""), encoding="utf-8")
    outcome = pipeline.build(project, source, project.site)
    assert outcome.ok, outcome.messages
    assert outcome.report is not None and f"events/{gone}.md" in outcome.report.removed
    assert not (project.site / "events" / gone).exists()
    assert not (project.site / "years" / "2023").exists()
    assert not (project.generated / "events" / f"{gone}.md").exists()
    assert f"/events/{gone}/" not in search_index(project.site)
    assert gone not in (project.site / "data" / "events.json").read_text(encoding="utf-8")
    assert gone not in html(project.site, "timeline")
