"""schema.org JSON-LD for event pages: what search engines and archives read."""

from __future__ import annotations

from typing import Any

from generator.model import Event
from generator.project import Settings
from generator.renderer import urls, words
from generator.renderer.escape import json_for_html
from generator.timeline import Timeline


def event_jsonld(event: Event, timeline: Timeline, settings: Settings) -> str:
    """The JSON-LD of one event, safe to place inside ``<script>``.

    The event is described as a report (an Article about claims), never as an
    established fact: the status and the claimants travel with it.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": event.title,
        "dateModified": event.updated.isoformat(),
        "datePublished": event.added.isoformat(),
        "about": {
            "@type": "Event",
            "name": event.title,
            "startDate": event.date.first.iso(),
            "location": {
                "@type": "Place",
                "name": event.location.name,
                "address": {"@type": "PostalAddress", "addressCountry": event.location.country},
            },
        },
        "keywords": [timeline.tags[t].name for t in event.tags],
        "creativeWorkStatus": words.status_name(event.status),
        "citation": [
            {
                "@type": "CreativeWork",
                **({"name": s.title} if s.title else {}),  # left out where the headline was not recorded
                "publisher": s.publisher,
                **({"url": s.url} if s.url else {}),
            }
            for s in event.sources
        ],
        "mentions": [{"@type": "Thing", "name": c.by} for c in event.claims],
    }
    if event.date.last:
        data["about"]["endDate"] = event.date.last.iso()
    if settings.site_url:
        data["url"] = urls.absolute(settings.site_url, urls.event(event.id))
    if event.location.lat is not None and event.location.lon is not None:
        data["about"]["location"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": str(event.location.lat),
            "longitude": str(event.location.lon),
        }
    return str(json_for_html(data))
