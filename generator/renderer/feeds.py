"""Atom and JSON Feed of events by the day they were added or corrected: the whole timeline's, one per
tag and one per status.

The whole timeline's feeds also carry an entry for each address that was renamed, merged into
another event or removed, so that a reader following an old entry learns where it went.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

import nh3

from generator import vocabulary
from generator.model import Event, Redirect
from generator.renderer import urls, words
from generator.renderer.markdown_html import markdown_html
from generator.timeline import Timeline

FEED_SIZE = 50
_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "area", "map"}
"""nh3's defaults without images: a feed reader would fetch them from wherever they point."""


def summary_html(event: Event) -> str:
    """The summary as sanitised HTML, with the status, claimants and corrections, for feed readers."""
    body = markdown_html(event.summary)
    claims = "".join(f"<li>{escape(c.by)}: {escape(c.says)}</li>" for c in event.claims)
    corrections = "".join(
        f"<li>{c.date.isoformat()}: {escape(c.change)} ({escape(c.reason)})</li>" for c in event.corrections
    )
    status = words.gettext("Status: %(status)s.") % {"status": words.status_name(event.status)}
    text = (
        f"<p>{escape(status)} {escape(event.date.words())}, {escape(event.location.name)}.</p>{body}<ul>{claims}</ul>"
    )
    if corrections:
        heading = words.gettext("Corrections:")
        text += f"<p>{escape(heading)}</p><ul>{corrections}</ul>"
    return nh3.clean(text, tags=_TAGS, url_schemes={"https", "http", "mailto"})


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@dataclass(frozen=True, kw_only=True)
class Item:
    """One feed entry: an event, or the note that an address moved or went."""

    key: str
    """What the entry's id is made from without a site address (``event:<id>``, ``moved:<id>``)."""
    path: str
    """The page the entry links to."""
    title: str
    html: str
    published: date
    updated: date
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Feed:
    """One feed: its title, where it is published, and what it lists."""

    title: str
    atom_path: str
    json_path: str
    items: list[Item]


def _event_item(event: Event) -> Item:
    return Item(
        key=f"event:{event.id}",
        path=urls.event(event.id),
        title=event.title,
        html=summary_html(event),
        published=event.added,
        updated=event.updated,
        tags=event.tags,
    )


def _moved_item(redirect: Redirect, timeline: Timeline) -> Item:
    """The note that an address was renamed, merged into another event, or removed."""
    target = timeline.by_id.get(redirect.to or "")
    if target is None:
        title = words.gettext("Removed: %(id)s") % {"id": redirect.old_id}
    elif redirect.kind == "merged":
        title = words.gettext("Merged into %(title)s: %(id)s") % {"title": target.title, "id": redirect.old_id}
    else:
        title = words.gettext("Renamed to %(title)s: %(id)s") % {"title": target.title, "id": redirect.old_id}
    return Item(
        key=f"moved:{redirect.old_id}",
        path=urls.event(redirect.old_id),
        title=title,
        html=f"<p>{escape(redirect.reason)}</p>",
        published=redirect.date,
        updated=redirect.date,
    )


def _latest(events: list[Event]) -> list[Item]:
    """Items for the events last added or corrected; only those are rendered (summaries cost)."""
    chosen = sorted(events, key=lambda e: (e.updated, e.sort_key), reverse=True)[:FEED_SIZE]
    return [_event_item(e) for e in chosen]


def _newest(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.updated, i.key), reverse=True)[:FEED_SIZE]


def site_feed(timeline: Timeline) -> Feed:
    """The whole timeline's feed: events by date added or corrected, and moved addresses."""
    items = [_event_item(e) for e in timeline.recently_added(FEED_SIZE)]
    items += [_moved_item(r, timeline) for r in timeline.redirects]
    return Feed(
        title=words.gettext(words.SITE_TITLE),
        atom_path=urls.atom_feed(),
        json_path=urls.json_feed(),
        items=_newest(items),
    )


def tag_feed(timeline: Timeline, tag_id: str) -> Feed:
    """The feed of one tag's events."""
    name = timeline.tags[tag_id].name
    return Feed(
        title=words.gettext("%(site)s: Tag: %(tag)s") % {"site": words.gettext(words.SITE_TITLE), "tag": name},
        atom_path=urls.tag_feed(tag_id, "atom"),
        json_path=urls.tag_feed(tag_id, "json"),
        items=_latest(timeline.by_tag.get(tag_id, [])),
    )


def status_feed(timeline: Timeline, status: str) -> Feed:
    """The feed of the events with one status."""
    return Feed(
        title=words.gettext("%(site)s: Status: %(status)s")
        % {"site": words.gettext(words.SITE_TITLE), "status": words.status_name(status)},
        atom_path=urls.status_feed(status, "atom"),
        json_path=urls.status_feed(status, "json"),
        items=_latest([e for e in timeline.events if e.status == status]),
    )


def atom(timeline: Timeline, site_url: str | None, feed: Feed | None = None) -> str:
    """Atom 1.0: the whole timeline's feed (``feed.xml``) unless another is given."""
    feed = feed or site_feed(timeline)
    base = (site_url or "").rstrip("/")
    updated = _stamp(feed.items[0].updated) if feed.items else "1970-01-01T00:00:00Z"
    self_url = urls.absolute(base, feed.atom_path)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(feed.title)}</title>",
        f"<id>{escape(self_url if base else 'urn:x-timeline:' + feed.atom_path)}</id>"
        if feed.atom_path != urls.atom_feed()
        else f"<id>{escape(base + '/' if base else 'urn:x-timeline:feed')}</id>",
        f"<updated>{updated}</updated>",
        f'<link rel="self" href={quoteattr(self_url)}/>',
    ]
    for item in feed.items:
        link = urls.absolute(base, item.path)
        lines += [
            "<entry>",
            f"<title>{escape(item.title)}</title>",
            f"<id>{escape(link if base and item.key.startswith('event:') else 'urn:x-timeline:' + item.key)}</id>",
            f"<link href={quoteattr(link)}/>",
            f"<published>{_stamp(item.published)}</published>",
            f"<updated>{_stamp(item.updated)}</updated>",
            f"<author><name>{escape(words.gettext('Timeline contributors'))}</name></author>",
            *(f"<category term={quoteattr(tag)}/>" for tag in item.tags),
            f'<content type="html">{escape(item.html)}</content>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def json_feed(timeline: Timeline, site_url: str | None, feed: Feed | None = None) -> str:
    """JSON Feed 1.1: the whole timeline's feed (``feed.json``) unless another is given."""
    feed = feed or site_feed(timeline)
    base = (site_url or "").rstrip("/")
    items = []
    for item in feed.items:
        link = urls.absolute(base, item.path)
        items.append(
            {
                "id": link if base and item.key.startswith("event:") else f"urn:x-timeline:{item.key}",
                "url": link,
                "title": item.title,
                "content_html": item.html,
                "date_published": _stamp(item.published),
                "date_modified": _stamp(item.updated),
                "tags": list(item.tags),
            }
        )
    out = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "items": items,
        **({"home_page_url": base + "/", "feed_url": urls.absolute(base, feed.json_path)} if base else {}),
    }
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def feed_files(timeline: Timeline, site_url: str | None) -> dict[str, str]:
    """Every feed file: the whole timeline's, each tag's and each status's, as Atom and JSON Feed."""
    feeds = [site_feed(timeline)]
    feeds += [tag_feed(timeline, tag_id) for tag_id in timeline.tags]
    feeds += [status_feed(timeline, status) for status in vocabulary.STATUSES]
    files = {}
    for feed in feeds:
        files[feed.atom_path] = atom(timeline, site_url, feed)
        files[feed.json_path] = json_feed(timeline, site_url, feed)
    return files
