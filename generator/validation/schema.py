"""The JSON Schema of an event file, built from the vocabularies.

``check`` validates every file against this schema for structure, and the same
schema is written to ``timeline/schema.json`` for editors, so the two cannot
disagree. Rules a schema cannot state (calendar dates, the file name, links
between sources and claims, other files) live in :mod:`generator.validation.rules`.
"""

from __future__ import annotations

import json
from typing import Any

from generator import vocabulary
from generator.dates import DATE_PATTERN

SCHEMA_ID = "https://example.invalid/timeline/schema.json"
"""Schemas need an identifier; this one is never fetched."""

_FORBIDDEN = r"\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
PLAIN_TEXT_PATTERN = rf"^[^\s{_FORBIDDEN}]([^{_FORBIDDEN}]*[^\s{_FORBIDDEN}])?$"
"""One line, trimmed, with no control or bidirectional-override characters."""
_MD_FORBIDDEN = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"
MARKDOWN_PATTERN = rf"^[^{_MD_FORBIDDEN}]*$"
"""Markdown may span lines but carries no control or bidirectional-override characters."""
_END = r"(?!\n)$"
"""The end of the value. Python's ``$`` (jsonschema and fastjsonschema use ``re.search``) also
matches before a final newline, which JavaScript's does not: ``"x\n"`` would pass as a slug."""
URL_PATTERN = rf"^https://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{{1,5}})?(/[!#-;=?-~]*)?{_END}"
"""https, an ASCII host, no user-info, no whitespace or quotes."""
ID_PATTERN = rf"^[0-9]{{4}}(-[0-9]{{2}}){{0,2}}(-[a-z0-9]+)+{_END}"
"""An event id: its date, then lowercase words joined by hyphens."""
SLUG_PATTERN = rf"^[a-z0-9]+(-[a-z0-9]+)*{_END}"
"""A source id or a tag: lowercase words joined by hyphens."""
NUMBER_PATTERN = rf"^[0-9]+(\.[0-9]+)?{_END}"
LANGUAGE_PATTERN = rf"^[a-z]{{2}}{_END}"
"""An ISO 639-1 language code (the list itself is checked against Babel's)."""
REGION_PATTERN = rf"^(UA|RU)-[A-Z0-9]{{2,3}}{_END}"
"""An ISO 3166-2 code of a region of Ukraine or Russia (the list itself is checked against pycountry's)."""
COORDINATE_PATTERN = rf"^-?[0-9]{{1,3}}(\.[0-9]+)?{_END}"

MAX_TITLE = 160
MAX_TEXT = 500
MAX_SUMMARY = 8000


def _text(description: str, max_length: int = MAX_TEXT) -> dict[str, Any]:
    return {
        "type": "string",
        "description": description,
        "minLength": 1,
        "maxLength": max_length,
        "pattern": PLAIN_TEXT_PATTERN,
        "x-expected": "one line of plain text without control characters",
    }


def _enum(description: str, values: dict[str, str]) -> dict[str, Any]:
    return {"type": "string", "description": description, "enum": list(values)}


def _date(description: str) -> dict[str, Any]:
    return {
        "type": ["string", "integer"],
        "description": description,
        "pattern": DATE_PATTERN,
        "minimum": 1900,
        "maximum": 2100,
        "x-expected": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    }


def _url(description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "description": description,
        "maxLength": 2000,
        "pattern": URL_PATTERN,
        "x-expected": "an https:// URL with a plain host and no spaces",
    }


def _slug(description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "description": description,
        "maxLength": 80,
        "pattern": SLUG_PATTERN,
        "x-expected": "lowercase letters and digits joined by hyphens",
    }


def _object(description: str, required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def _list(description: str, items: dict[str, Any], min_items: int = 0, max_items: int = 100) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "minItems": min_items,
        "maxItems": max_items,
        "items": items,
    }


def _number(description: str, pattern: str, minimum: float, maximum: float) -> dict[str, Any]:
    return {
        "type": ["number", "string"],
        "description": description,
        "pattern": pattern,
        "minimum": minimum,
        "maximum": maximum,
        "x-expected": "a decimal number",
    }


_APPROXIMATE = {"type": "boolean", "description": "true when the source gives the date only roughly."}

FIGURE = _object(
    "A number stated by the claim.",
    ["value", "qualifier", "unit", "counts", "description", "scope"],
    {
        "value": _number("The number, without separators (18000, not 18,000).", NUMBER_PATTERN, 0, 1e12),
        "qualifier": _enum("How the number was stated.", vocabulary.QUALIFIERS),
        "unit": _enum("What the number measures in.", vocabulary.UNITS),
        "counts": _enum("What kind of thing is counted, for grouping and charts.", vocabulary.FIGURE_COUNTS),
        "description": _text("What exactly is counted, in plain words."),
        "scope": _text("The unit, place and period the number covers."),
    },
)

CLAIM = _object(
    "One claimant's statement about the event.",
    ["by", "kind", "status", "says", "sources"],
    {
        "by": _text("Who made the claim (not the outlet that relayed it).", 200),
        "kind": _enum("What kind of claimant this is.", vocabulary.CLAIMANT_KINDS),
        "date": _date("When the claim was made, if known."),
        "date_end": _date("The last possible day the claim was made, for a range."),
        "approximate": _APPROXIMATE,
        "status": _enum("How this claim stands.", vocabulary.STATUSES),
        "says": _text("What the claim says, in your own words.", 1500),
        "sources": _list("Ids of the sources that carry this claim.", _slug("A source id."), 1, 20),
        "figures": _list("Numbers the claim states.", FIGURE, 0, 20),
    },
)

SOURCE = _object(
    "A publication through which claims reached us.",
    ["id", "publisher"],
    {
        "id": _slug("The id claims use to cite this source."),
        "url": _url("The address of the page (https only), as you saw it; never typed from memory."),
        "publisher": _text("The outlet whose page it is; 'Not identified' when the text does not say.", 200),
        "title": _text("The headline as printed; leave it out only when you could not see it.", 300),
        "date": _date("When it was published, if the page shows it."),
        "language": {
            "type": "string",
            "description": "The language of the page, as an ISO 639-1 code (en, ru, uk, ...).",
            "pattern": LANGUAGE_PATTERN,
            "x-expected": "a two-letter ISO 639-1 language code such as en, ru or uk",
        },
        "archive_url": _url("An archived copy (https only)."),
        "original_publisher": _text(
            "When the page republishes another outlet's story (a wire copy, a translation): that outlet.", 200
        ),
        "original_url": _url("The address of the original story, when you saw it."),
        "no_url_reason": _text("Why the source has no address (for example: read from a copy without one).", 300),
    },
)

LOCATION = _object(
    "Where the event happened, as precisely as the sources say.",
    ["name", "country", "precision"],
    {
        "name": _text("The place, in English.", 200),
        "local_name": _text("The place in its local language (Ukrainian or Russian).", 200),
        "country": {
            "type": "string",
            "description": "ISO 3166-1 alpha-2 code; occupied Ukrainian territory is UA.",
            "enum": sorted(vocabulary.COUNTRIES),
        },
        "region": {
            "type": "string",
            "description": "ISO 3166-2 code of the region (UA-63, RU-BEL); occupied Ukrainian territory keeps "
            "Ukrainian codes (Crimea is UA-43).",
            "pattern": REGION_PATTERN,
            "x-expected": "an ISO 3166-2 code of a Ukrainian or Russian region, such as UA-63 or RU-BEL",
        },
        "precision": _enum("How precisely the place is known.", vocabulary.PRECISIONS),
        "occupied": {"type": "boolean", "description": "Ukrainian territory occupied by Russia at the time."},
        "lat": _number("Latitude in decimal degrees.", COORDINATE_PATTERN, -90, 90),
        "lon": _number("Longitude in decimal degrees.", COORDINATE_PATTERN, -180, 180),
    },
)

CORRECTION = _object(
    "A change made to the event after it was published.",
    ["date", "change", "reason"],
    {
        "date": _date("The day the change was made (YYYY-MM-DD)."),
        "change": _text("What changed.", 500),
        "reason": _text("Why it changed.", 500),
    },
)

EVENT: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": SCHEMA_ID,
    "title": "Timeline event",
    **_object(
        "One event of the timeline, with who claims it and where they said it.",
        ["title", "date", "added", "status", "tags", "location", "summary", "claims", "sources"],
        {
            "title": _text("One line of plain text.", MAX_TITLE),
            "date": _date("When it happened: the earliest possible day, month or year."),
            "date_end": _date("For a range: the last possible day, month or year."),
            "approximate": _APPROXIMATE,
            "added": _date("The day the event was added to the timeline (YYYY-MM-DD)."),
            "status": _enum("How well the event is established.", vocabulary.STATUSES),
            "tags": _list("Tags from timeline/tags.yaml.", _slug("A tag."), 1, 12),
            "location": LOCATION,
            "content_note": _text("A warning shown before violent detail.", 300),
            "summary": {
                "type": "string",
                "description": "Markdown, in your own words, every statement attributed.",
                "minLength": 1,
                "maxLength": MAX_SUMMARY,
                "pattern": MARKDOWN_PATTERN,
                "x-expected": "Markdown text without control characters",
            },
            "claims": _list("Who says what about the event.", CLAIM, 1, 50),
            "sources": _list("Where the claims were published.", SOURCE, 1, 50),
            "related": _list("Ids of closely connected events.", {"type": "string", "pattern": ID_PATTERN}, 0, 20),
            "corrections": _list("Changes made after publication, oldest first.", CORRECTION, 0, 50),
        },
    ),
}
"""The schema of one event file."""


_VERSION_PATTERN = rf"^[a-z2-7]{{10}}{_END}"
MAX_TRANSLATED_TITLE = 200
"""Russian and Ukrainian run longer than English: a title's limit in them is longer too."""
TRANSLATION: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Translation of an event's text",
    **_object(
        "An event's text in Russian or Ukrainian; everything else comes from the English file.",
        ["translates", "reviewed", "title", "summary"],
        {
            "translates": {
                "type": "string",
                "description": "The version of the English text translated (timeline check gives the current one).",
                "pattern": _VERSION_PATTERN,
                "x-expected": "the 10-letter version that timeline check gives, such as 3fa2mc5ld2",
            },
            "reviewed": {"type": "boolean", "description": "true once a fluent speaker has checked it."},
            "title": _text("One line of plain text.", MAX_TRANSLATED_TITLE),
            "place": _text("The location's name in this language.", 300),
            "content_note": EVENT["properties"]["content_note"],
            "summary": EVENT["properties"]["summary"],
            "claims": _list(
                "Each claim's words, in the English file's order.",
                _object(
                    "A claim's words.",
                    ["by", "says"],
                    {
                        "by": CLAIM["properties"]["by"],
                        "says": CLAIM["properties"]["says"],
                        "figures": _list(
                            "Each figure's words, in the English claim's order.",
                            _object(
                                "A figure's words.",
                                ["description", "scope"],
                                {
                                    "description": FIGURE["properties"]["description"],
                                    "scope": FIGURE["properties"]["scope"],
                                },
                            ),
                            0,
                            20,
                        ),
                    },
                ),
                0,
                50,
            ),
            "corrections": _list(
                "Each correction's words, in the English file's order.",
                _object(
                    "A correction's words.",
                    ["change", "reason"],
                    {k: CORRECTION["properties"][k] for k in ("change", "reason")},
                ),
                0,
                50,
            ),
        },
    ),
}
"""The schema of one translation file, ``<YYYY>/<id>.<language>.yaml``."""


def dumps() -> str:
    """The schema as written to ``timeline/schema.json``."""
    return json.dumps(EVENT, indent=2, ensure_ascii=False) + "\n"
