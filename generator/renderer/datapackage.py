"""``data/datapackage.json``: the downloads as a Frictionless Data Package (v2).

It names each file, its table schema (partial dates are strings with a pattern, since a year or
a month is not a date), the licence with its attribution line (from :mod:`licence`) and the
dataset version (the day of the last change, so a build of the same data is the same). The
columns of ``events.csv`` come from :data:`exports.CSV_COLUMNS`, so the schema follows the
exporter; a column this module does not know is described as text.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from generator import vocabulary
from generator.renderer import exports, urls, words
from generator.renderer.licence import DATA_LICENCE
from generator.timeline import Timeline

PARTIAL_DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD."""
_BOOLEAN = {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
_LIST = "several values joined with '; '"
COLUMNS: dict[str, dict[str, Any]] = {
    "id": {
        "type": "string",
        "description": "The event's id: its file name and address.",
        "constraints": {"required": True, "unique": True, "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}(-[a-z0-9]+)+$"},
    },
    "title": {"type": "string", "description": "One line of plain text.", "constraints": {"required": True}},
    "date": {
        "type": "string",
        "description": "When it happened: the earliest possible year, month or day.",
        "constraints": {"required": True, "pattern": PARTIAL_DATE},
    },
    "date_end": {
        "type": "string",
        "description": "For a range: the last possible year, month or day.",
        "constraints": {"pattern": PARTIAL_DATE},
    },
    "approximate": {**_BOOLEAN, "description": "The sources give the date only roughly."},
    "date_text": {"type": "string", "description": "The date in words."},
    "status": {
        "type": "string",
        "description": "How well the event is established (see the methodology).",
        "constraints": {"required": True, "enum": list(vocabulary.STATUSES)},
    },
    "tags": {"type": "string", "description": f"Tag ids, {_LIST}."},
    "location": {"type": "string", "description": "The place, in English."},
    "local_name": {"type": "string", "description": "The place in its local language."},
    "country": {"type": "string", "description": "ISO 3166-1 alpha-2 code.", "constraints": {"pattern": "^[A-Z]{2}$"}},
    "occupied": {**_BOOLEAN, "description": "Ukrainian territory occupied by Russia at the time."},
    "precision": {
        "type": "string",
        "description": "How precisely the place is known.",
        "constraints": {"enum": list(vocabulary.PRECISIONS)},
    },
    "lat": {"type": "number", "description": "Latitude in decimal degrees."},
    "lon": {"type": "number", "description": "Longitude in decimal degrees."},
    "claimants": {"type": "string", "description": f"Who makes each claim, {_LIST}."},
    "claimant_kinds": {"type": "string", "description": f"The kinds of claimant, {_LIST}."},
    "sources": {"type": "string", "description": f"Each source as publisher: headline, {_LIST}."},
    "figures": {"type": "string", "description": f"Each number a claim states, {_LIST}."},
    "added": {"type": "date", "description": "The day the event was added."},
    "updated": {"type": "date", "description": "The day it was added or last corrected."},
    "url": {"type": "string", "description": "The event's page, relative to the site's address."},
}
"""What each column of events.csv holds; :data:`exports.CSV_COLUMNS` says which there are, in order."""


def field(name: str) -> dict[str, Any]:
    """The Table Schema field of one CSV column; an unknown column is text."""
    return {"name": name, **COLUMNS.get(name, {"type": "string"})}


def _relative(path: str) -> str:
    """A download's path relative to the package file (both sit in ``data/``)."""
    return posixpath.relpath(path, posixpath.dirname(urls.DATAPACKAGE))


def datapackage(timeline: Timeline, site_url: str | None) -> str:
    """The package descriptor, as JSON."""
    events_csv = {
        "name": "events-csv",
        "type": "table",
        "path": _relative(urls.EVENTS_CSV),
        "format": "csv",
        "mediatype": "text/csv",
        # with a byte-order mark, so that spreadsheet programs read the Cyrillic text as UTF-8
        "encoding": "utf-8-sig",
        "title": "Events (one row each)",
        "schema": {"fields": [field(c) for c in exports.CSV_COLUMNS], "primaryKey": ["id"], "missingValues": [""]},
    }
    descriptor: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "desertion-timeline",
        "title": words.gettext(words.SITE_TITLE),
        "description": "Reported desertion, execution squads, barrier troops and violence inside the Russian army: "
        "each event as a record of who claims what, with its sources. Credit as: " + DATA_LICENCE.attribution,
        "version": timeline.version,
        "licenses": [{"name": DATA_LICENCE.id, "path": DATA_LICENCE.url, "title": DATA_LICENCE.name}],
        "attribution": DATA_LICENCE.attribution,
        "contributors": [{"title": words.gettext("Timeline contributors"), "roles": ["author"]}],
        "resources": [
            events_csv,
            {
                "name": "events-json",
                "type": "json",
                "path": _relative(urls.EVENTS_JSON),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "title": "Events with every field, and the tags",
            },
            {
                "name": "changelog",
                "type": "json",
                "path": _relative(urls.CHANGELOG_JSON),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "title": "What changed in each version: events added, corrected, renamed, merged and removed",
            },
        ],
    }
    if site_url:
        descriptor["homepage"] = urls.absolute(site_url, urls.home())
    return json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n"
