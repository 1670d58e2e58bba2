"""generator.renderer.feeds: Atom and JSON Feed of events by the day they were added or corrected."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from generator.model import Tag
from generator.renderer.feeds import FEED_SIZE, atom, json_feed, summary_html
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import SMALL, make_event

ATOM = "{http://www.w3.org/2005/Atom}"


class Elements(HTMLParser):
    """The elements of an HTML fragment, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}


@pytest.fixture(scope="module")
def small() -> Timeline:
    result = validate(SMALL)
    return Timeline(result.events, result.tags)


def test_atom_is_valid_xml_with_an_entry_per_event_newest_first(small: Timeline) -> None:
    feed = ET.fromstring(atom(small, None))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2024-08-02T00:00:00Z"
    assert feed.findtext(f"{ATOM}id") == "urn:x-timeline:feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "urn:x-timeline:event:2024-07-11-soldier-shoots-two-comrades",
        "urn:x-timeline:event:2023-watchdog-counts-desertion-cases",
        "urn:x-timeline:event:2022-03-conscripts-refuse-to-advance",
        "urn:x-timeline:event:2022-03-01-deserters-cross-border",
    ]
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Soldier reportedly shoots two comrades and deserts"
    assert first.find(f"{ATOM}link").get("href") == "events/2024-07-11-soldier-shoots-two-comrades/"  # type: ignore[union-attr]
    assert (first.findtext(f"{ATOM}published"), first.findtext(f"{ATOM}updated")) == (
        "2024-07-20T00:00:00Z",
        "2024-08-02T00:00:00Z",
    )
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["violence-between-soldiers", "desertion"]
    content = first.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert "<p>Corrections:</p>" in (content.text or "")
    assert entries[1].findtext(f"{ATOM}title") == "Watchdog counts <5,000 desertion cases & a *tenfold* rise [estimate]"


def test_with_a_site_url_links_and_ids_are_absolute(small: Timeline) -> None:
    feed = ET.fromstring(atom(small, "https://timeline.example.org/"))
    assert feed.findtext(f"{ATOM}id") == "https://timeline.example.org/"
    assert feed.find(f"{ATOM}link").get("href") == "https://timeline.example.org/feed.xml"  # type: ignore[union-attr]
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}id") == "https://timeline.example.org/events/2024-07-11-soldier-shoots-two-comrades/"


def test_an_empty_timeline_gives_a_valid_feed() -> None:
    feed = ET.fromstring(atom(Timeline([], TAGS), None))
    assert feed.findall(f"{ATOM}entry") == []
    assert json.loads(json_feed(Timeline([], TAGS), None))["items"] == []


def test_feeds_hold_at_most_feed_size_entries() -> None:
    events = [make_event(f"2024-01-{1 + i % 28:02d}-e{i}") for i in range(FEED_SIZE + 5)]
    assert len(ET.fromstring(atom(Timeline(events, TAGS), None)).findall(f"{ATOM}entry")) == FEED_SIZE
    assert len(json.loads(json_feed(Timeline(events, TAGS), None))["items"]) == FEED_SIZE


def test_hostile_text_stays_text_and_the_xml_stays_valid() -> None:
    event = make_event(
        "2024-07-a",
        title="</title><script>x</script> & ]]>",
        summary="Text <script>alert(1)</script> [x](javascript:alert(1)) <b onclick=x>b</b>",
    )
    feed = ET.fromstring(atom(Timeline([event], TAGS), None))
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "</title><script>x</script> & ]]>"
    html = entry.findtext(f"{ATOM}content") or ""
    elements = Elements()
    elements.feed(html)
    assert {tag for tag, _ in elements.found} == {"p", "a", "ul", "li"}
    assert [attrs for tag, attrs in elements.found if attrs] == [[("rel", "noopener noreferrer")]]  # href dropped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_summary_html_sanitises_and_attributes(small: Timeline) -> None:
    html = summary_html(small.by_id["2024-07-11-soldier-shoots-two-comrades"])
    assert html.startswith("<p>Status: reported. 11 July 2024, Belgorod region.</p><p>Example channels report")
    assert '<a href="mailto:tips@example.org" rel="noopener noreferrer">tips@example.org</a>' in html
    assert "<li>Example Channel (Telegram): A soldier shot two comrades dead" in html
    assert (
        "<li>2024-07-25: The number wounded was changed from two to one. (The channel corrected its report.)</li>"
        in html
    )


def test_json_feed(small: Timeline) -> None:
    feed = json.loads(json_feed(small, None))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert "home_page_url" not in feed
    first = feed["items"][0]
    assert {k: first[k] for k in ("id", "url", "title", "date_published", "date_modified", "tags")} == {
        "id": "urn:x-timeline:event:2024-07-11-soldier-shoots-two-comrades",
        "url": "events/2024-07-11-soldier-shoots-two-comrades/",
        "title": "Soldier reportedly shoots two comrades and deserts",
        "date_published": "2024-07-20T00:00:00Z",
        "date_modified": "2024-08-02T00:00:00Z",
        "tags": ["violence-between-soldiers", "desertion"],
    }
    absolute = json.loads(json_feed(small, "https://timeline.example.org"))
    assert absolute["feed_url"] == "https://timeline.example.org/feed.json"
    assert absolute["items"][0]["id"] == "https://timeline.example.org/events/2024-07-11-soldier-shoots-two-comrades/"
