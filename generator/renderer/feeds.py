"""Atom and JSON Feed of events by the day they were added or corrected."""

from __future__ import annotations

import json
from datetime import date
from xml.sax.saxutils import escape, quoteattr

import markdown
import nh3

from generator.model import Event
from generator.renderer import urls, words
from generator.timeline import Timeline
from generator.validation.markdown import SITE_EXTENSIONS

FEED_SIZE = 50
TITLE = words.gettext(words.SITE_TITLE)
# The site's extensions, so that a summary means the same here as on its page (and as in the check):
# without fenced_code, an image the check saw inside a code fence would become a real image here.
_MD = markdown.Markdown(extensions=list(SITE_EXTENSIONS), output_format="html")
_MD.preprocessors.deregister("html_block")  # contributor HTML stays text
_MD.inlinePatterns.deregister("html")
_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "area", "map"}
"""nh3's defaults without images: a feed reader would fetch them from wherever they point."""


def summary_html(event: Event) -> str:
    """The summary as sanitised HTML, with the status, claimants and corrections, for feed readers."""
    _MD.reset()
    body = _MD.convert(event.summary)
    claims = "".join(f"<li>{escape(c.by)}: {escape(c.says)}</li>" for c in event.claims)
    corrections = "".join(
        f"<li>{c.date.isoformat()}: {escape(c.change)} ({escape(c.reason)})</li>" for c in event.corrections
    )
    text = (
        f"<p>{words.gettext('Status')}: {escape(event.status)}. {escape(event.date.words())}, "
        f"{escape(event.location.name)}.</p>{body}<ul>{claims}</ul>"
    )
    if corrections:
        text += f"<p>{words.gettext('Corrections')}:</p><ul>{corrections}</ul>"
    return nh3.clean(text, tags=_TAGS, url_schemes={"https", "http", "mailto"})


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _link(base: str, event: Event) -> str:
    return urls.absolute(base, urls.event(event.id))


def atom(timeline: Timeline, site_url: str | None) -> str:
    """``feed.xml``: Atom 1.0."""
    base = (site_url or "").rstrip("/")
    events = timeline.recently_added(FEED_SIZE)
    updated = _stamp(events[0].updated) if events else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(TITLE)}</title>",
        f"<id>{escape(base + '/' if base else 'urn:x-timeline:feed')}</id>",
        f"<updated>{updated}</updated>",
        f'<link rel="self" href={quoteattr(urls.absolute(base, urls.ATOM_FEED))}/>',
    ]
    for event in events:
        link = _link(base, event)
        lines += [
            "<entry>",
            f"<title>{escape(event.title)}</title>",
            f"<id>{escape(link if base else 'urn:x-timeline:event:' + event.id)}</id>",
            f"<link href={quoteattr(link)}/>",
            f"<published>{_stamp(event.added)}</published>",
            f"<updated>{_stamp(event.updated)}</updated>",
            f"<author><name>{escape(words.gettext('Timeline contributors'))}</name></author>",
            *(f"<category term={quoteattr(tag)}/>" for tag in event.tags),
            f'<content type="html">{escape(summary_html(event))}</content>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def json_feed(timeline: Timeline, site_url: str | None) -> str:
    """``feed.json``: JSON Feed 1.1."""
    base = (site_url or "").rstrip("/")
    items = []
    for event in timeline.recently_added(FEED_SIZE):
        items.append(
            {
                "id": _link(base, event) if base else f"urn:x-timeline:event:{event.id}",
                "url": _link(base, event),
                "title": event.title,
                "content_html": summary_html(event),
                "date_published": _stamp(event.added),
                "date_modified": _stamp(event.updated),
                "tags": list(event.tags),
            }
        )
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": TITLE,
        "items": items,
        **({"home_page_url": base + "/", "feed_url": urls.absolute(base, urls.JSON_FEED)} if base else {}),
    }
    return json.dumps(feed, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
