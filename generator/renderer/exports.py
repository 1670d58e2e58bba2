"""Data downloads: every event with every field, as JSON and as CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from generator import languages
from generator.dates import DateSpan, PartialDate
from generator.model import Event, Translation
from generator.renderer import urls
from generator.renderer.licence import DATA_LICENCE
from generator.timeline import Timeline
from generator.translation import state as translation_state

CSV_COLUMNS = [
    "id",
    "title",
    "summary",
    "date",
    "date_end",
    "approximate",
    "date_text",
    "status",
    "tags",
    "location",
    "local_name",
    "country",
    "region",
    "occupied",
    "precision",
    "lat",
    "lon",
    "claimants",
    "claimant_kinds",
    "sources",
    "figures",
    "added",
    "updated",
    "url",
    "licence",
]
_FORMULA_START = "=+-@\t\r"
"""Spreadsheets run cells starting with these as formulas (CSV injection)."""
CSV_SEPARATORS = ",;\t|"
"""What spreadsheets split lines at: comma, semicolon (many locales), tab, pipe."""
_PART_START = re.compile(rf"((?:^|[{re.escape(CSV_SEPARATORS)}])(?:[^\S\t\r]|[\"'])*)(?=[{re.escape(_FORMULA_START)}])")
"""Where a part a spreadsheet could read as a cell starts with a formula character."""


def _plain(value: Any) -> Any:
    if isinstance(value, DateSpan):
        out: dict[str, Any] = {"date": value.first.iso(), "approximate": value.approximate, "text": value.words()}
        if value.last:
            out["date_end"] = value.last.iso()
        return out
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def event_record(event: Event) -> dict[str, Any]:
    """Every field of an event as plain JSON data."""
    record: dict[str, Any] = {}
    for key, value in asdict(event).items():
        record[key] = _plain(value)
    # asdict flattens DateSpan into a dict of PartialDate dicts; write them the readable way
    record["date"] = _plain(event.date)
    for claim, out in zip(event.claims, record["claims"], strict=True):
        out["date"] = _plain(claim.date) if claim.date else None
        out["sources"] = out.pop("source_ids")
    for source, out in zip(event.sources, record["sources"], strict=True):
        out["date"] = source.date.iso() if source.date else None
    # event.path is relative to the working directory (for problem messages); the download gives the
    # file's place in the repository, as "Propose a correction" links do, whatever folder built it
    record["path"] = urls.source_file(event.id, event.date.first.year)
    record["updated"] = event.updated.isoformat()
    record["page"] = urls.address(urls.event(event.id))
    del record["fingerprint"]  # an internal cache key, not data
    del record["origin"]  # the English record; its translations are under "translations"
    return record


def translations_record(timeline: Timeline, event: Event) -> dict[str, Any]:
    """The event's text in each other language, how its translation stands, and its page there."""
    record: dict[str, Any] = {}
    for language in languages.TRANSLATED:
        translation = timeline.translations.get((event.id, language))
        out: dict[str, Any] = {
            "state": _state(timeline, event, language, translation),
            "page": urls.address(urls.event(event.id, language)),
        }
        if translation is not None:
            text = asdict(translation)
            for key in ("event_id", "language", "path"):
                del text[key]
            out |= text
        record[language] = out
    return record


def _state(timeline: Timeline, event: Event, language: str, translation: Translation | None) -> str:
    """How the event's translation stands: as its page in ``language`` shows it when that site is
    built (worked out once there; it hashes the English text), else worked out here, without
    translating the whole timeline into a language nobody reads in this build."""
    if language in languages.built():
        origin = timeline.in_language(language).by_id[event.id].origin
        return origin.state if origin is not None else "missing"
    return translation_state(event, translation)


def _cached(
    cache: dict[tuple[str, str], str] | None, kind: str, event: Event, make: Any, timeline: Timeline | None = None
) -> str:
    """``make(event)``, cached by the event's fingerprint when a cache is given (``timeline serve``),
    and by its translations' when it carries them."""
    if cache is None or not event.fingerprint:
        return str(make(event))
    key = (kind, event.fingerprint)
    if timeline is not None:
        key = (kind, "|".join(timeline.in_language(lang).by_id[event.id].fingerprint for lang in languages.LANGUAGES))
    if key not in cache:
        cache[key] = make(event)
    return cache[key]


def _record_line(timeline: Timeline, event: Event) -> str:
    record = event_record(event) | {"translations": translations_record(timeline, event)}
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def events_json(timeline: Timeline, cache: dict[tuple[str, str], str] | None = None) -> bytes:
    """``events.json``: the whole timeline, tags included, one event per line, every language's text."""
    tags = {
        t.id: {
            "name": t.name,
            "description": t.description,
            "translations": {
                language: asdict(texts[t.id]) for language, texts in sorted(timeline.tag_texts.items()) if t.id in texts
            },
        }
        for t in timeline.tags.values()
    }
    # bytes, not text: a line with one Cyrillic letter takes 2 bytes a character as text, and at 10,000
    # events the joined text of every language was several copies of 50 MB
    lines = b",\n".join(
        _cached(cache, "json", e, lambda event: _record_line(timeline, event), timeline).encode("utf-8")
        for e in timeline.events
    )
    licence = {"id": DATA_LICENCE.id, "url": DATA_LICENCE.url, "attribution": DATA_LICENCE.attribution}
    # Old addresses: what became of each renamed, merged or removed event (timeline/redirects.yaml)
    moved = {
        r.old_id: {"kind": r.kind, "to": r.to, "date": r.date.isoformat(), "reason": r.reason}
        for r in timeline.redirects
    }
    head = json.dumps(
        {"dataset_version": timeline.version, "licence": licence, "moved": moved, "tags": tags, "version": 1},
        ensure_ascii=False,
        sort_keys=True,
    )
    return b"".join((head[:-1].encode("utf-8"), b',"events":[\n', lines, b"\n]}\n"))


def safe_cell(value: str) -> str:
    """The value, with a quote before every part a spreadsheet could split off and run as a formula.

    Not only the whole cell: a spreadsheet that opens the file with another separator (a
    semicolon, without a space, in many locales; a tab; a pipe) or that ignores the quoting
    splits a cell at each separator, trims spaces and quote marks, and would run a second
    claimant's ``=...``. So a quote goes before each formula character that starts the value or
    follows a separator, spaces and quote marks, which is the only place one can start a cell.
    """
    return _PART_START.sub(r"\1'", value)


def events_csv(timeline: Timeline, cache: dict[tuple[str, str], str] | None = None, site_url: str | None = None) -> str:
    """``events.csv``: one row per event; lists joined with ``; ``, claimant kinds in the order of the claimants.

    Links are full addresses when the site's address is known. The file is written with a byte-order
    mark (see :mod:`generator.renderer.outputs`) so that spreadsheet programs read it as UTF-8.
    """
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    return out.getvalue() + "".join(
        _cached(cache, f"csv {site_url or ''}", e, lambda event: _csv_row(event, site_url)) for e in timeline.events
    )


def _csv_row(e: Event, site_url: str | None = None) -> str:
    """One event as a CSV line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    loc = e.location
    figures = [f"{f.qualifier} {f.value} {f.unit} {f.counts} ({c.by})" for c in e.claims for f in c.figures]
    row = [
        e.id,
        e.title,
        e.summary.strip(),
        e.date.first.iso(),
        e.date.last.iso() if e.date.last else "",
        "true" if e.date.approximate else "false",
        e.date.words(),
        e.status,
        "; ".join(e.tags),
        loc.name,
        loc.local_name or "",
        loc.country,
        loc.region or "",
        "true" if loc.occupied else "false",
        loc.precision,
        str(loc.lat) if loc.lat is not None else "",
        str(loc.lon) if loc.lon is not None else "",
        "; ".join(c.by for c in e.claims),
        "; ".join(c.kind for c in e.claims),
        "; ".join(f"{s.publisher}: {s.title}" if s.title else s.publisher for s in e.sources),
        "; ".join(figures),
        e.added.isoformat(),
        e.updated.isoformat(),
        urls.absolute(site_url, urls.event(e.id)),
        DATA_LICENCE.id,
    ]
    writer.writerow([safe_cell(str(v)) for v in row])
    return out.getvalue()
