"""``data/datapackage.json``: the downloads as a Frictionless Data Package (v2).

It names each file, its table schema (partial dates are strings with a pattern, since a year or
a month is not a date), the licence with its attribution line (from :mod:`licence`) and the
dataset version (the day of the last change, so a build of the same data is the same). The
columns of ``events.csv`` come from :data:`exports.CSV_COLUMNS`, so the schema follows the
exporter; a column this module does not know is described as text. ``claims.csv``, ``figures.csv``
and ``sources.csv`` are described with their keys to ``events.csv``, so ``frictionless validate``
checks that every row belongs to an event (and every figure to a claim).
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from generator import vocabulary
from generator.renderer import datasets, exports, urls, words
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


_EVENT_ID = {
    "type": "string",
    "description": "The event's id (the id column of events.csv).",
    "constraints": {"required": True},
}
_CLAIM_NUMBER = {
    "type": "integer",
    "description": "The claim's number within its event, as on the event page.",
    "constraints": {"required": True, "minimum": 1},
}
RESEARCH_COLUMNS: dict[str, dict[str, Any]] = {
    "event_id": _EVENT_ID,
    "claim": _CLAIM_NUMBER,
    "claimant": {"type": "string", "description": "Who makes the claim, as the event file names them."},
    "kind": {
        "type": "string",
        "description": "The kind of claimant.",
        "constraints": {"enum": list(vocabulary.CLAIMANT_KINDS)},
    },
    "date": {
        "type": "string",
        "description": "Where known, when the claim was made (claims.csv) or the report published (sources.csv):"
        " the earliest year, month or day.",
        "constraints": {"pattern": PARTIAL_DATE},
    },
    "date_end": COLUMNS["date_end"],
    "approximate": COLUMNS["approximate"],
    "status": {**COLUMNS["status"], "description": "How well this claim is established (see the methodology)."},
    "text": {"type": "string", "description": "What the claimant says, summarised in the contributor's words."},
    "sources": {"type": "string", "description": f"The ids of the sources that carry the claim, {_LIST}."},
    "value": {"type": "number", "description": "The number as the claim states it, as a plain decimal."},
    "qualifier": {
        "type": "string",
        "description": "Whether the number is exact, at least, at most or about.",
        "constraints": {"enum": list(vocabulary.QUALIFIERS)},
    },
    "unit": {"type": "string", "constraints": {"enum": list(vocabulary.UNITS)}},
    "counts": {
        "type": "string",
        "description": "What the number counts.",
        "constraints": {"enum": list(vocabulary.FIGURE_COUNTS)},
    },
    "description": {"type": "string", "description": "The figure in words."},
    "scope": {"type": "string", "description": "Where and when the figure applies."},
    "source_id": {
        "type": "string",
        "description": "The source's id within its event.",
        "constraints": {"required": True},
    },
    "url": {"type": "string", "description": "The address of the report."},
    "archive_url": {"type": "string", "description": "An archived copy of the report."},
    "publisher": {"type": "string", "description": "Who published the report."},
    "title": {"type": "string", "description": "The report's headline, when it was recorded."},
    "language": {"type": "string", "description": "The report's language (a BCP 47 code)."},
    "original_publisher": {"type": "string", "description": "Who first published it, when this is a republication."},
    "original_url": {"type": "string", "description": "The address of the first publication."},
}
"""What each column of claims.csv, figures.csv and sources.csv holds (:mod:`datasets` says which there are)."""


def field(name: str, columns: dict[str, dict[str, Any]] = COLUMNS) -> dict[str, Any]:
    """The Table Schema field of one CSV column; an unknown column is text."""
    return {"name": name, **columns.get(name, {"type": "string"})}


def _research_table(name: str, path: str, title: str, columns: list[str], key: list[str] | None) -> dict[str, Any]:
    """A research download's resource: its schema, keyed to events.csv (and figures to their claim)."""
    schema: dict[str, Any] = {
        "fields": [field(c, RESEARCH_COLUMNS) for c in columns],
        "missingValues": [""],
        "foreignKeys": [{"fields": ["event_id"], "reference": {"resource": "events-csv", "fields": ["id"]}}],
    }
    if key:
        schema["primaryKey"] = key
    if name == "figures-csv":
        schema["foreignKeys"].append(
            {"fields": ["event_id", "claim"], "reference": {"resource": "claims-csv", "fields": ["event_id", "claim"]}}
        )
    return {
        "name": name,
        "type": "table",
        "path": _relative(path),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "title": title,
        "schema": schema,
    }


def research_tables() -> list[dict[str, Any]]:
    """claims.csv, figures.csv and sources.csv as resources."""
    return [
        _research_table(
            "claims-csv", urls.CLAIMS_CSV, "Claims (one row each)", datasets.CLAIM_COLUMNS, ["event_id", "claim"]
        ),
        _research_table("figures-csv", urls.FIGURES_CSV, "Figures (one row each)", datasets.FIGURE_COLUMNS, None),
        _research_table(
            "sources-csv",
            urls.SOURCES_CSV,
            "Sources (one row each)",
            datasets.SOURCE_COLUMNS,
            ["event_id", "source_id"],
        ),
    ]


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
            *research_tables(),
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
