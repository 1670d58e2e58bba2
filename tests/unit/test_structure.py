"""generator.validation.structure: the JSON Schema's findings, worded "expected X; got Y", at the right line.

Each case edits one place of tests.helpers.VALID_EVENT and lists everything check reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader.nodes import parse
from generator.loader.typed import to_data
from generator.validation import schema
from generator.validation.structure import check_structure
from tests.helpers import VALID_EVENT, check_event, edit

FIELDS = ", ".join(schema.EVENT["properties"])
STATUSES = "reported, corroborated, confirmed, disputed, denied"
TEXT = "one line of plain text without control characters"

CASES = [
    # (id, old, new, expected problems)
    ("missing field", "status: reported\ntags:", "tags:", ["1:1: status: missing required field"]),
    ("missing nested field", "  country: RU\n", "", ["7:3: location.country: missing required field"]),
    ("missing claim field", "    kind: telegram-channel\n", "", ["14:5: claims[0].kind: missing required field"]),
    (
        "unknown field",
        "content_note:",
        "verified: true\ncontent_note:",
        [f"10:1: verified: unknown field; expected one of: {FIELDS}"],
    ),
    (
        "unknown nested field",
        "  precision: region\n",
        "  precision: region\n  district: Belgorod\n",
        [
            "10:3: location.district: unknown field; expected one of: name, local_name, country, region, precision, "
            "occupied, lat, lon"
        ],
    ),
    ("number as key", "content_note:", "1: one\ncontent_note:", [f"10:1: 1: unknown field; expected one of: {FIELDS}"]),
    (
        "status not in the vocabulary",
        "status: reported\ntags",
        "status: verified\ntags",
        [f"4:9: status: expected one of {STATUSES}; got 'verified'"],
    ),
    (
        "YAML 1.1 NO is text",
        "status: reported\ntags",
        "status: NO\ntags",
        [f"4:9: status: expected one of {STATUSES}; got 'NO'"],
    ),
    (
        "claimant kind",
        "kind: telegram-channel",
        "kind: blogger",
        [
            "15:11: claims[0].kind: expected one of ukrainian-government, russian-government, foreign-government, "
            "state-media, media, telegram-channel, ngo, individual, leaked-document; got 'blogger'"
        ],
    ),
    (
        "country code",
        "country: RU",
        "country: Russia",
        ["8:12: location.country: expected one of an ISO 3166-1 alpha-2 code such as UA or RU; got 'Russia'"],
    ),
    (
        "lowercase country code",
        "country: RU",
        "country: ru",
        ["8:12: location.country: expected one of an ISO 3166-1 alpha-2 code such as UA or RU; got 'ru'"],
    ),
    (
        "YAML 1.1 on is text",
        "content_note:",
        "approximate: on\ncontent_note:",
        ["10:14: approximate: expected true or false; got 'on'"],
    ),
    (
        "YAML 1.1 yes is text",
        "  precision: region\n",
        "  precision: region\n  occupied: yes\n",
        ["10:13: location.occupied: expected true or false; got 'yes'"],
    ),
    (
        "a list for text",
        "title: Soldier reportedly shoots two comrades",
        "title: [Soldier]",
        ["1:8: title: expected text; got a list"],
    ),
    (
        "a number for text",
        "title: Soldier reportedly shoots two comrades",
        "title: 1917",
        ["1:8: title: expected text; got 1917"],
    ),
    (
        "nothing for text",
        "title: Soldier reportedly shoots two comrades",
        "title:",
        ["1:7: title: expected text; got nothing"],
    ),
    (
        "text for a list",
        "tags: [violence-between-soldiers]",
        "tags: violence-between-soldiers",
        ["5:7: tags: expected a list; got 'violence-between-soldiers'"],
    ),
    (
        "list for a mapping",
        "location:\n  name: Belgorod region\n  country: RU\n  precision: region\n",
        "location: [Belgorod]\n",
        ["6:11: location: expected a mapping of fields; got a list"],
    ),
    ("root is a list", None, "- title: A\n", ["1:1: expected a mapping of fields (title:, date:, ...)"]),
    (
        "empty summary",
        "summary: |\n  Example Daily reports that a soldier shot two comrades.\n",
        "summary: ''\n",
        ["11:10: summary: must not be empty"],
    ),
    (
        "no claims",
        "claims:\n  - by: Example Channel\n    kind: telegram-channel\n    status: reported\n"
        "    says: A soldier shot two comrades.\n    sources: [example-daily]\n",
        "claims: []\n",
        [
            "13:9: claims: must not be empty",
            "15:9: sources[0].id: warning: source 'example-daily' is not cited by any claim",
        ],
    ),
    (
        "title too long",
        "title: Soldier reportedly shoots two comrades",
        "title: " + "x" * 161,
        ["1:8: title: is longer than the limit of 160 characters"],
    ),
    (
        "too many tags",
        "tags: [violence-between-soldiers]",
        "tags: [" + ", ".join(["desertion"] * 13) + "]",
        ["5:7: tags: has more than the limit of 12 items"]
        + [f"5:{8 + 11 * i}: tags[{i}]: tag 'desertion' is listed twice" for i in range(1, 13)],
    ),
    (
        "title with leading space",
        "title: Soldier reportedly shoots two comrades",
        "title: ' Soldier'",
        [f"1:8: title: expected {TEXT}; got ' Soldier'"],
    ),
    (
        "title on two lines",
        "title: Soldier reportedly shoots two comrades",
        'title: "Soldier\\nshoots"',
        [f"1:8: title: expected {TEXT}; got 'Soldier\\nshoots'"],
    ),
    (
        "tab in a title",
        "title: Soldier reportedly shoots two comrades",
        'title: "Soldier\\tshoots"',
        [f"1:8: title: expected {TEXT}; got 'Soldier\\tshoots'"],
    ),
    (
        "bidirectional override in a title",
        "title: Soldier reportedly shoots two comrades",
        'title: "Soldier \\u202eshoots"',
        [f"1:8: title: expected {TEXT}; got 'Soldier \\u202eshoots'"],
    ),
    (
        "escaped control character in a summary",
        "summary: |\n  Example Daily reports that a soldier shot two comrades.\n",
        'summary: "Example \\e[31m Daily"\n',
        ["11:10: summary: expected Markdown text without control characters; got 'Example \\x1b[31m Daily'"],
    ),
    (
        "javascript: URL",
        "url: https://example.org/a",
        "url: javascript:alert(1)",
        ["23:10: sources[0].url: expected an https:// URL with a plain host and no spaces; got 'javascript:alert(1)'"],
    ),
    (
        "http URL",
        "url: https://example.org/a",
        "url: http://example.org/a",
        ["23:10: sources[0].url: expected an https:// URL with a plain host and no spaces; got 'http://example.org/a'"],
    ),
    (
        "URL with user info",
        "url: https://example.org/a",
        "url: https://user@example.org/a",
        [
            "23:10: sources[0].url: expected an https:// URL with a plain host and no spaces; got "
            "'https://user@example.org/a'"
        ],
    ),
    (
        "URL with a space",
        "url: https://example.org/a",
        "url: https://example.org/a b",
        [
            "23:10: sources[0].url: expected an https:// URL with a plain host and no spaces; got "
            "'https://example.org/a b'"
        ],
    ),
    (
        "source id not a slug",
        "  - id: example-daily",
        "  - id: Example_Daily",
        [
            "18:15: claims[0].sources[0]: unknown source id 'example-daily'; expected one of: Example_Daily",
            "20:9: sources[0].id: expected lowercase letters and digits joined by hyphens; got 'Example_Daily'",
            "20:9: sources[0].id: warning: source 'Example_Daily' is not cited by any claim",
        ],
    ),
    (
        "date in words",
        'date: "2024-07-11"',
        "date: 11 July 2024",
        # the schema and the date rule word it alike, and check lists a problem once
        ["2:7: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got '11 July 2024'"],
    ),
    (
        "latitude out of range",
        "  precision: region\n",
        "  precision: region\n  lat: 95\n  lon: 37\n",
        ["10:8: location.lat: expected a decimal number between -90 and 90; got 95"],
    ),
    (
        "longitude out of range",
        "  precision: region\n",
        "  precision: region\n  lat: 50\n  lon: -181.5\n",
        ["11:8: location.lon: expected a decimal number between -180 and 180; got -181.5"],
    ),
    (
        "coordinate with comma",
        "  precision: region\n",
        "  precision: region\n  lat: '50,6'\n  lon: '37,3'\n",
        [
            "10:8: location.lat: expected a decimal number; got '50,6'",
            "11:8: location.lon: expected a decimal number; got '37,3'",
        ],
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_schema_rule(tmp_path: Path, old: str | None, new: str, expected: list[str]) -> None:
    text = new if old is None else edit(VALID_EVENT, old, new)
    assert check_event(tmp_path, text) == expected


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    text = edit(VALID_EVENT, "status: reported\ntags", "status: verified\ntags")
    text = edit(text, "country: RU", "country: XX")
    text = edit(text, "kind: telegram-channel", "kind: blogger")
    assert [line.split(": ")[1] for line in check_event(tmp_path, text)] == [
        "status",
        "location.country",
        "claims[0].kind",
    ]


def test_check_structure_passes_valid_data() -> None:
    document = parse(VALID_EVENT.encode(), "event.yaml")
    assert document.root is not None
    assert check_structure("event.yaml", document.root, to_data(document.root)) == []
