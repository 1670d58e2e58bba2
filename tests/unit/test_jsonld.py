"""generator.renderer.jsonld: schema.org JSON-LD for event pages, safe inside <script>."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator.model import Tag
from generator.project import Settings
from generator.renderer.jsonld import event_jsonld
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import SMALL, make_event

TAGS = {"desertion": Tag(id="desertion", name="Desertion & <flight>", description="Leaving a unit.")}


@pytest.fixture(scope="module")
def small() -> Timeline:
    result = validate(SMALL)
    return Timeline(result.events, result.tags)


def test_an_event_is_an_article_about_claims(small: Timeline) -> None:
    event = small.by_id["2022-03-conscripts-refuse-to-advance"]
    data = json.loads(event_jsonld(event, small, Settings(site_url="https://timeline.example.org/")))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "Conscripts reportedly refuse to advance near Melitopol",
        "datePublished": "2024-01-10",
        "dateModified": "2024-01-10",
        "about": {
            "@type": "Event",
            "name": "Conscripts reportedly refuse to advance near Melitopol",
            "startDate": "2022-03",
            "location": {
                "@type": "Place",
                "name": "Melitopol",
                "address": {"@type": "PostalAddress", "addressCountry": "UA"},
                "geo": {"@type": "GeoCoordinates", "latitude": "46.84", "longitude": "35.37"},
            },
        },
        "keywords": ["Refusal to fight", "Desertion"],
        "creativeWorkStatus": "reported",
        "citation": [
            {
                "@type": "CreativeWork",
                "name": 'Conscripts "refused to advance", official says',
                "publisher": "Example Daily",
                "url": "https://example.org/daily/2022/03/conscripts",
            }
        ],
        "mentions": [{"@type": "Thing", "name": "Example regional official"}],
        "url": "https://timeline.example.org/events/2022-03-conscripts-refuse-to-advance/",
    }


def test_a_range_has_an_end_and_no_url_without_a_site_url(small: Timeline) -> None:
    data = json.loads(event_jsonld(small.by_id["2022-03-01-deserters-cross-border"], small, Settings()))
    assert (data["about"]["startDate"], data["about"]["endDate"]) == ("2022-03-01", "2022-03-15")
    assert "url" not in data
    assert "geo" not in data["about"]["location"]


@pytest.mark.parametrize("title", ["</script><script>alert(1)</script>", "<!--", "a & b", "\u2028\u2029", "</SCRIPT >"])
def test_no_text_can_end_the_script(title: str) -> None:
    event = make_event("2024-07-a", title=title, place="</script>")
    text = event_jsonld(event, Timeline([event], TAGS), Settings())
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text)["headline"] == title
    assert json.loads(text)["keywords"] == ["Desertion & <flight>"]


def test_a_source_without_a_recorded_headline_has_no_name(small: Timeline) -> None:
    event = small.by_id["2022-03-01-deserters-cross-border"]
    untitled = replace(event, sources=tuple(replace(s, title=None) for s in event.sources))
    data = json.loads(event_jsonld(untitled, Timeline([untitled], small.tags), Settings()))
    assert [sorted(c) for c in data["citation"]] == [["@type", "publisher", "url"]] * len(event.sources)
