"""Data downloads: every event with every field, as JSON and as CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from generator.dates import DateSpan, PartialDate
from generator.model import Event
from generator.timeline import Timeline

CSV_COLUMNS = [
    "id", "title", "date", "date_end", "approximate", "date_text", "status", "tags", "location",
    "local_name", "country", "occupied", "precision", "lat", "lon", "claimants", "claimant_kinds",
    "sources", "figures", "added", "updated", "url",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Spreadsheets run cells starting with these as formulas (CSV injection)."""


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
    for claim, out in zip(event.claims, record["claims"]):
        out["date"] = _plain(claim.date) if claim.date else None
        out["sources"] = out.pop("source_ids")
    for source, out in zip(event.sources, record["sources"]):
        out["date"] = source.date.iso() if source.date else None
    record["updated"] = event.updated.isoformat()
    record["page"] = f"events/{event.id}/"
    return record


def events_json(timeline: Timeline) -> str:
    """``events.json``: the whole timeline, tags included."""
    data = {
        "version": 1,
        "tags": {t.id: {"name": t.name, "description": t.description} for t in timeline.tags.values()},
        "events": [event_record(e) for e in timeline.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def events_csv(timeline: Timeline) -> str:
    """``events.csv``: one row per event; lists joined with ``; ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline.events:
        loc = e.location
        figures = [f"{f.qualifier} {f.value} {f.unit} {f.counts} ({c.by})" for c in e.claims for f in c.figures]
        row = [
            e.id, e.title, e.date.first.iso(), e.date.last.iso() if e.date.last else "",
            "true" if e.date.approximate else "false", e.date.words(), e.status, "; ".join(e.tags), loc.name,
            loc.local_name or "", loc.country, "true" if loc.occupied else "false", loc.precision,
            str(loc.lat) if loc.lat is not None else "", str(loc.lon) if loc.lon is not None else "",
            "; ".join(c.by for c in e.claims), "; ".join(sorted({c.kind for c in e.claims})),
            "; ".join(f"{s.publisher}: {s.title}" for s in e.sources), "; ".join(figures),
            e.added.isoformat(), e.updated.isoformat(), f"events/{e.id}/",
        ]
        writer.writerow([_cell(str(v)) for v in row])
    return out.getvalue()
