"""generator.validation.rules: the per-file rules a schema cannot state, one table per rule.

Each case edits tests.helpers.VALID_EVENT (or its file name or folder) and lists everything
check reports for the file, as ``line:col: field: message``.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from generator.validation.rules import RULES
from tests.helpers import VALID_EVENT, VALID_ID, check_event, edit

TAGS = "desertion, desertion-figures, refusal-to-fight, unused-tag, violence-between-soldiers"
LINK = "expected a link to https://, http://, mailto: or a /path on this site; got"


def run(
    tmp_path: Path, replacements: list[tuple[str, str]], name: str = VALID_ID, year: str | None = None
) -> list[str]:
    text = VALID_EVENT
    for old, new in replacements:
        text = edit(text, old, new)
    return check_event(tmp_path, text, name=name, year=year)


def test_the_valid_event_passes(tmp_path: Path) -> None:
    assert check_event(tmp_path, VALID_EVENT) == []


def test_every_rule_states_itself_in_one_paragraph() -> None:
    """The contributing guide lists the rules by their docstrings."""
    for rule in RULES:
        doc = inspect.getdoc(rule)
        assert doc and "\n\n" not in doc and doc.endswith("."), rule.__name__


FILE_NAMES = [
    # (id, file name, year folder, date line, expected)
    ("name matches the day", VALID_ID, None, None, []),
    ("name gives the month", "2024-07-soldier-shoots", None, None, []),
    ("name gives the year", "2024-soldier-shoots", None, None, []),
    (
        "name gives another day",
        "2024-07-12-soldier-shoots",
        None,
        None,
        [
            "2:7: date: file name starts with 2024-07-12 but the date is 2024-07-11; the id must start with "
            "the event's date (or its year or month)"
        ],
    ),
    (
        "name more precise than the date",
        "2024-07-11-soldier-shoots",
        None,
        'date: "2024-07"',
        [
            "2:7: date: file name starts with 2024-07-11 but the date is 2024-07; the id must start with the event's "
            "date (or its year or month)"
        ],
    ),
    (
        "wrong year folder",
        VALID_ID,
        "2023",
        None,
        ["2:7: date: file is in folder 2023/ but the date is in 2024; move it to timeline/2024/"],
    ),
    (
        "uppercase",
        "2024-07-11-Soldier-Shoots",
        None,
        None,
        [
            "1:1: file name '2024-07-11-Soldier-Shoots' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
    (
        "no date",
        "soldier-shoots",
        "2024",
        None,
        [
            "1:1: file name 'soldier-shoots' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
    (
        "underscore",
        "2024-07-11-soldier_shoots",
        None,
        None,
        [
            "1:1: file name '2024-07-11-soldier_shoots' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
    ("non-ASCII", "2024-07-11-stralba", None, None, []),
    (
        "Cyrillic",
        "2024-07-11-стрельба",
        None,
        None,
        [
            "1:1: file name '2024-07-11-стрельба' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
    (
        "newline at the end",
        "2024-07-11-soldier-shoots\n",
        "2024",
        None,
        [
            "1:1: file name '2024-07-11-soldier-shoots\\n' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
    (
        "too long",
        "2024-07-11-" + "a" * 90,
        None,
        None,
        [
            f"1:1: file name '2024-07-11-{'a' * 90}' is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters"
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "year", "date_line", "expected"), [c[1:] for c in FILE_NAMES], ids=[c[0] for c in FILE_NAMES]
)
def test_file_name_matches_the_date(
    tmp_path: Path, name: str, year: str | None, date_line: str | None, expected: list[str]
) -> None:
    replacements = [('date: "2024-07-11"', date_line)] if date_line else []
    assert run(tmp_path, replacements, name=name, year=year) == expected


DATES = [
    # (id, replacements, expected)
    (
        "unquoted day stays text",
        [('date: "2024-07-11"', "date: 2024-07-11"), ('added: "2024-07-20"', "added: 2024-07-20")],
        [],
    ),
    (
        "YAML 1.1 sexagesimal stays text",
        [('date: "2024-07-11"', "date: 1:30")],
        ["2:7: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got '1:30'"],
    ),
    (
        "on is not a date",
        [('date: "2024-07-11"', "date: on")],
        ["2:7: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got 'on'"],
    ),
    (
        "31 June",
        [('date: "2024-07-11"', 'date: "2024-06-31"')],
        ["2:7: date: day is out of range for month; got '2024-06-31'"],
    ),
    (
        "29 February in a common year",
        [('added: "2024-07-20"', 'added: "2023-02-29"')],
        ["3:8: added: day is out of range for month; got '2023-02-29'"],
    ),
    ("month 13", [('date: "2024-07-11"', 'date: "2024-13"')], ["2:7: date: month 13 does not exist; got '2024-13'"]),
    (
        "year out of range",
        [('added: "2024-07-20"', 'added: "1899-01-01"')],
        ["3:8: added: year 1899 is out of range; got '1899-01-01'"],
    ),
    (
        "added must be a day",
        [('added: "2024-07-20"', 'added: "2024-07"')],
        ["3:8: added: expected a full day as YYYY-MM-DD; got '2024-07'"],
    ),
    (
        "added as a number",
        [('added: "2024-07-20"', "added: 2024")],
        ["3:8: added: expected a full day as YYYY-MM-DD; got '2024'"],
    ),
    ("range", [('date: "2024-07-11"', 'date: "2024-07-11"\ndate_end: "2024-07-15"')], []),
    (
        "range ending the day it starts",
        [('date: "2024-07-11"', 'date: "2024-07-11"\ndate_end: "2024-07-11"')],
        ["3:11: date_end: expected the range to end after 2024-07-11; got 2024-07-11"],
    ),
    (
        "range ending before it starts",
        [('date: "2024-07-11"', 'date: "2024-07-11"\ndate_end: "2024-07-01"')],
        ["3:11: date_end: expected the range to end after 2024-07-11; got 2024-07-01"],
    ),
    (
        "range ending in the month it starts",
        [('date: "2024-07-11"', 'date: "2024-07-11"\ndate_end: "2024-07"')],
        ["3:11: date_end: expected the range to end after 2024-07-11; got 2024-07"],
    ),
    ("range ending in a later month", [('date: "2024-07-11"', 'date: "2024-07-11"\ndate_end: "2024-09"')], []),
    (
        "range with an invalid start",
        [('date: "2024-07-11"', 'date: "2024-06-31"\ndate_end: "2024-07-15"')],
        ["2:7: date: day is out of range for month; got '2024-06-31'"],
    ),
    (
        "claim range",
        [("    status: reported\n", '    date: "2024-07-12"\n    date_end: "2024-07-14"\n    status: reported\n')],
        [],
    ),
    (
        "claim range backwards",
        [("    status: reported\n", '    date: "2024-07-12"\n    date_end: "2024-07-01"\n    status: reported\n')],
        ["17:15: claims[0].date_end: expected the range to end after 2024-07-12; got 2024-07-01"],
    ),
    (
        "claim range without a start",
        [("    status: reported\n", '    date_end: "2024-07-14"\n    status: reported\n')],
        ["16:15: claims[0].date_end: date_end needs a date to start the range"],
    ),
    (
        "approximate claim date",
        [("    status: reported\n", '    date: "2024-07"\n    approximate: true\n    status: reported\n')],
        [],
    ),
    (
        "source date",
        [("    url: https://example.org/a\n", '    url: https://example.org/a\n    date: "2024-02-30"\n')],
        ["24:11: sources[0].date: day is out of range for month; got '2024-02-30'"],
    ),
    (
        "correction must be a day",
        [("sources:\n", 'corrections:\n  - date: "2024-08"\n    change: A.\n    reason: B.\nsources:\n')],
        ["20:11: corrections[0].date: expected a full day as YYYY-MM-DD; got '2024-08'"],
    ),
]


@pytest.mark.parametrize(("replacements", "expected"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_dates(tmp_path: Path, replacements: list[tuple[str, str]], expected: list[str]) -> None:
    assert run(tmp_path, replacements) == expected


TAG_CASES = [
    (
        "unknown tag",
        "tags: [violence-between-soldiers, looting]",
        [f"5:35: tags[1]: unknown tag 'looting'; expected one of: {TAGS} (or add it to timeline/tags.yaml)"],
    ),
    (
        "tag from the bundled vocabulary only",
        "tags: [violence-between-soldiers, barrier-troops]",
        [f"5:35: tags[1]: unknown tag 'barrier-troops'; expected one of: {TAGS} (or add it to timeline/tags.yaml)"],
    ),
    (
        "tag twice",
        "tags: [violence-between-soldiers, desertion, violence-between-soldiers]",
        ["5:46: tags[2]: tag 'violence-between-soldiers' is listed twice"],
    ),
    (
        "tag not a slug",
        "tags: [violence-between-soldiers, Desertion]",
        [
            "5:35: tags[1]: expected lowercase letters and digits joined by hyphens; got 'Desertion'",
            f"5:35: tags[1]: unknown tag 'Desertion'; expected one of: {TAGS} (or add it to timeline/tags.yaml)",
        ],
    ),
]


@pytest.mark.parametrize(("line", "expected"), [c[1:] for c in TAG_CASES], ids=[c[0] for c in TAG_CASES])
def test_tags_come_from_the_vocabulary(tmp_path: Path, line: str, expected: list[str]) -> None:
    assert run(tmp_path, [("tags: [violence-between-soldiers]", line)]) == expected


CONTENT_NOTES = [
    (
        "violent tag without a note",
        "tags: [violence-between-soldiers]",
        False,
        [
            "1:1: content_note: missing; events tagged violence-between-soldiers need a content note before violent "
            "detail"
        ],
    ),
    ("other tags need none", "tags: [desertion]", False, []),
    ("a note without a violent tag is fine", "tags: [desertion]", True, []),
]


@pytest.mark.parametrize(
    ("tags", "keep_note", "expected"), [c[1:] for c in CONTENT_NOTES], ids=[c[0] for c in CONTENT_NOTES]
)
def test_content_note_for_tags_marked_content_note(
    tmp_path: Path, tags: str, keep_note: bool, expected: list[str]
) -> None:
    replacements = [("tags: [violence-between-soldiers]", tags)]
    if not keep_note:
        replacements.append(("content_note: Describes a shooting.\n", ""))
    assert run(tmp_path, replacements) == expected


SOURCES = [
    (
        "claim cites an unknown source",
        [("    sources: [example-daily]", "    sources: [example-dialy]")],
        [
            "18:15: claims[0].sources[0]: unknown source id 'example-dialy'; expected one of: example-daily",
            "20:9: sources[0].id: warning: source 'example-daily' is not cited by any claim",
        ],
    ),
    (
        "claim cites one known and one unknown",
        [("    sources: [example-daily]", "    sources: [example-daily, tass]")],
        ["18:30: claims[0].sources[1]: unknown source id 'tass'; expected one of: example-daily"],
    ),
    (
        "duplicate source id",
        [
            (
                "    url: https://example.org/a\n",
                "    url: https://example.org/a\n    language: en\n  - id: example-daily\n"
                "    publisher: B\n    title: C\n    url: https://example.org/c\n",
            )
        ],
        ["25:9: sources[1].id: duplicate source id 'example-daily'"],
    ),
    (
        "source without url",
        [("    url: https://example.org/a\n", "")],
        [
            "20:5: sources[0]: warning: source has no url; add the address of the page if it is online, "
            "or say why not in no_url_reason"
        ],
    ),
    (
        "uncited source",
        [
            (
                "    url: https://example.org/a\n",
                "    url: https://example.org/a\n    language: en\n  - id: other\n"
                "    publisher: B\n    title: C\n    url: https://example.org/c\n",
            )
        ],
        ["25:9: sources[1].id: warning: source 'other' is not cited by any claim"],
    ),
]


@pytest.mark.parametrize(("replacements", "expected"), [c[1:] for c in SOURCES], ids=[c[0] for c in SOURCES])
def test_claims_cite_listed_sources(tmp_path: Path, replacements: list[tuple[str, str]], expected: list[str]) -> None:
    assert run(tmp_path, replacements) == expected


LOCATIONS = [
    ("both coordinates", '  lat: "50.6"\n  lon: "37.3"\n', []),
    ("coordinates as numbers", "  lat: 50.6\n  lon: -37.3\n", []),
    ("negative and whole", "  lat: -90\n  lon: 180\n", []),
    ("latitude only", "  lat: 50.6\n", ["7:3: location: give both lat and lon, or neither; lon is missing"]),
    ("longitude only", "  lon: 37.3\n", ["7:3: location: give both lat and lon, or neither; lat is missing"]),
    (
        "quoted latitude out of range",
        '  lat: "90.5"\n  lon: "37.3"\n',
        ["10:8: location.lat: expected a decimal number between -90 and 90; got '90.5'"],
    ),
    (
        "quoted longitude out of range",
        '  lat: "50"\n  lon: "-180.01"\n',
        ["11:8: location.lon: expected a decimal number between -180 and 180; got '-180.01'"],
    ),
    (
        "occupied Ukraine",
        "  occupied: true\n",
        ["10:13: location.occupied: only Ukrainian territory (country UA) can be marked occupied"],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), [c[1:] for c in LOCATIONS], ids=[c[0] for c in LOCATIONS])
def test_location(tmp_path: Path, lines: str, expected: list[str]) -> None:
    assert run(tmp_path, [("  precision: region\n", "  precision: region\n" + lines)]) == expected


def test_occupied_is_for_ukrainian_territory(tmp_path: Path) -> None:
    assert (
        run(
            tmp_path,
            [("  country: RU\n  precision: region\n", "  country: UA\n  precision: region\n  occupied: true\n")],
        )
        == []
    )


FIGURE = """    figures:
      - value: {value}
        qualifier: about
        unit: {unit}
        counts: deserters
        description: Deserters
        scope: One unit, 2024
"""
FIGURES = [
    ("people", "18000", "people", []),
    ("decimal percent", '"12.5"', "percent", []),
    ("100 percent", "100", "percent", []),
    (
        "over 100 percent",
        "150",
        "percent",
        ["20:16: claims[0].figures[0].value: a percentage cannot exceed 100; got 150"],
    ),
    (
        "over 100 percent, quoted",
        '"100.5"',
        "percent",
        ["20:16: claims[0].figures[0].value: a percentage cannot exceed 100; got 100.5"],
    ),
    (
        "thousands separator",
        "18,000",
        "people",
        ["20:16: claims[0].figures[0].value: expected a decimal number; got '18,000'"],
    ),
    (
        "negative",
        "-5",
        "people",
        ["20:16: claims[0].figures[0].value: expected a decimal number between 0 and 1000000000000; got -5"],
    ),
    (
        "unknown unit",
        "5",
        "battalions",
        ["22:15: claims[0].figures[0].unit: expected one of people, percent, times; got 'battalions'"],
    ),
]


@pytest.mark.parametrize(("value", "unit", "expected"), [c[1:] for c in FIGURES], ids=[c[0] for c in FIGURES])
def test_figures(tmp_path: Path, value: str, unit: str, expected: list[str]) -> None:
    figure = FIGURE.format(value=value, unit=unit)
    assert run(tmp_path, [("    sources: [example-daily]\n", "    sources: [example-daily]\n" + figure)]) == expected


SUMMARIES = [
    # (id, summary lines after "summary: |", expected problems): the text starts on line 12
    ("plain prose", ["Example Daily says *one* thing, and **another**."], []),
    (
        "allowed links",
        [
            "See [the report](https://example.org/r), [this site](/methodology/#statuses),",
            "[a section](#claims), [mail](mailto:tips@example.org) and <https://example.org/x>,",
            "or write to <tips@example.org>.",
        ],
        [],
    ),
    ("lists and quotes in prose", ["- one", "- two", "", "1. first", "", "Not a > quote, 3 < 4 & 5."], []),
    ("code spans are not HTML", ["The channel wrote `<b>` literally."], []),
    ("code fences are not HTML", ["Text.", "", "```", "<script>alert(1)</script>", "```"], []),
    (
        "raw HTML",
        ["Example Daily <b>says</b> so."],
        ["12:1: summary: raw HTML is not allowed in Markdown; write plain text"],
    ),
    (
        "script",
        ["Text.", "<script>alert(1)</script>"],
        ["13:1: summary: raw HTML is not allowed in Markdown; write plain text"],
    ),
    (
        "HTML comment",
        ["Text <!-- hidden -->"],
        ["12:1: summary: raw HTML is not allowed in Markdown; write plain text"],
    ),
    (
        "CDATA",
        ["Text <![CDATA[x]]>"],
        [
            "12:1: summary: images are not allowed; the site loads nothing from elsewhere",
            "12:1: summary: raw HTML is not allowed in Markdown; write plain text",
        ],
    ),
    ("less-than in prose", ["Fewer than 3<5 and a <- arrow."], []),
    (
        "image",
        ["Text.", "![a photo](https://example.org/photo.jpg)"],
        ["13:1: summary: images are not allowed; the site loads nothing from elsewhere"],
    ),
    ("javascript: link", ["[click](javascript:alert(1))"], [f"12:1: summary: {LINK} 'javascript:alert(1'"]),
    ("JavaScript: link in capitals", ["[click](JavaScript:alert)"], [f"12:1: summary: {LINK} 'JavaScript:alert'"]),
    (
        "data: link",
        ["[x](data:text/html;base64,PHNjcmlwdD4=)"],
        [f"12:1: summary: {LINK} 'data:text/html;base64,PHNjcmlwdD4='"],
    ),
    ("javascript: autolink", ["<javascript:alert(1)>"], [f"12:1: summary: {LINK} 'javascript:alert(1)'"]),
    (
        "javascript: reference",
        ["[x][1]", "", "[1]: javascript:alert(1)"],
        [f"14:1: summary: {LINK} 'javascript:alert(1)'"],
    ),
    ("relative file link", ["[x](other.md)"], [f"12:1: summary: {LINK} 'other.md'"]),
    ("protocol-relative link", ["[x](//evil.example.org/)"], [f"12:1: summary: {LINK} '//evil.example.org/'"]),
    (
        "heading",
        ["Text.", "", "# Heading"],
        ["14:1: summary: headings are not allowed in a summary; the page supplies them"],
    ),
    (
        "underlined heading",
        ["Heading", "======="],
        ["13:1: summary: headings are not allowed in a summary; the page supplies them"],
    ),
    ("admonition", ['!!! danger "Note"'], ["12:1: summary: admonition blocks are not allowed in a summary"]),
    (
        "several at once",
        ["<i>x</i> and ![y](https://example.org/y.png)", "## H"],
        [
            "12:1: summary: images are not allowed; the site loads nothing from elsewhere",
            "12:1: summary: raw HTML is not allowed in Markdown; write plain text",
            "13:1: summary: headings are not allowed in a summary; the page supplies them",
        ],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), [c[1:] for c in SUMMARIES], ids=[c[0] for c in SUMMARIES])
def test_summary_markdown_is_safe(tmp_path: Path, lines: list[str], expected: list[str]) -> None:
    summary = "".join(f"  {line}\n" if line else "\n" for line in lines)
    old = "  Example Daily reports that a soldier shot two comrades.\n"
    assert run(tmp_path, [(old, summary)]) == expected


def test_a_one_line_summary_problem_points_at_its_value(tmp_path: Path) -> None:
    old = "summary: |\n  Example Daily reports that a soldier shot two comrades.\n"
    assert run(tmp_path, [(old, "summary: Example <em>Daily</em> reports.\n")]) == [
        "11:10: summary: raw HTML is not allowed in Markdown; write plain text"
    ]


NFC = [
    (
        "decomposed title",
        "title: Soldier reportedly shoots two comrades",
        'title: "Cafe\\u0301 soldier"',
        ["1:8: title: text is not in Unicode NFC form; retype it or normalise it to NFC"],
    ),
    ("composed title", "title: Soldier reportedly shoots two comrades", 'title: "Caf\\u00e9 soldier"', []),
    (
        "decomposed Cyrillic place",
        "  name: Belgorod region",
        '  name: "\\u0419\\u043e\\u0448\\u043a\\u0430\\u0440"',
        [],
    ),
    (
        "decomposed Cyrillic short i",
        "  name: Belgorod region",
        '  name: "\\u0418\\u0306"',
        ["7:9: location.name: text is not in Unicode NFC form; retype it or normalise it to NFC"],
    ),
    (
        "decomposed claim text",
        "    says: A soldier shot two comrades.",
        '    says: "Kyi\\u0308v"',
        ["17:11: claims[0].says: text is not in Unicode NFC form; retype it or normalise it to NFC"],
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in NFC], ids=[c[0] for c in NFC])
def test_text_is_nfc(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    assert run(tmp_path, [(old, new)]) == expected


def test_an_event_is_not_related_to_itself(tmp_path: Path) -> None:
    assert run(tmp_path, [("sources:\n", f"related: [{VALID_ID}]\nsources:\n")]) == [
        "19:11: related[0]: an event cannot be related to itself"
    ]


def test_related_ids_have_the_form_of_an_id(tmp_path: Path) -> None:
    assert run(tmp_path, [("sources:\n", "related: [soldier-shoots]\nsources:\n")]) == [
        "19:11: related[0]: expected the documented form; got 'soldier-shoots'"
    ]


SECOND_CLAIM = """  - by: {by}
    kind: media
    status: {status}
    says: The second claimant says the same.
    sources: [{source}]
sources:
"""
OTHER_SOURCE = """  - id: other-paper
    publisher: {publisher}
    title: Another headline
    url: https://example.net/b
    language: en
"""
CORROBORATED = (
    "4:9: status: status is corroborated, but {why}; corroborated needs at least two claimants who cite "
    "different publications (several outlets relaying one claimant are one claimant). Use reported, or add a "
    "claim from an independent claimant with its own source"
)
STATUS_BASIS = [
    # (id, event status, second claim's claimant, its status, its source, that source's publisher, expected)
    ("reported needs nothing more", "reported", None, "", "", "", []),
    (
        "corroborated with one claim",
        "corroborated",
        None,
        "",
        "",
        "",
        [CORROBORATED.format(why="all its claims come from one claimant")],
    ),
    (
        "corroborated by two claimants through one article",
        "corroborated",
        "Other Claimant",
        "reported",
        "example-daily",
        "",
        [CORROBORATED.format(why="its 2 claimants all reach us through the same publication")],
    ),
    (
        "corroborated by a copy of the same story",
        "corroborated",
        "Other Claimant",
        "reported",
        "other-paper",
        "Wire Copy\n    original_publisher: Example Daily",
        [CORROBORATED.format(why="its 2 claimants all reach us through the same publication")],
    ),
    (
        "corroborated by two publications",
        "corroborated",
        "Other Claimant",
        "reported",
        "other-paper",
        "Other Paper",
        [],
    ),
    (
        "corroborated by one claimant in two papers",
        "corroborated",
        "example channel",
        "reported",
        "other-paper",
        "Other Paper",
        [CORROBORATED.format(why="all its claims come from one claimant")],
    ),
    (
        "confirmed without a confirming claim",
        "confirmed",
        None,
        "",
        "",
        "",
        [
            "4:9: status: status is confirmed, but no claim has the status confirmed; give the claim that confirms it "
            "(independent evidence, or an acknowledgement by the party with most reason to deny it) status: "
            "confirmed, or use another status"
        ],
    ),
    ("confirmed by a claim", "confirmed", "Ministry", "confirmed", "example-daily", "", []),
    (
        "denied without a denial",
        "denied",
        None,
        "",
        "",
        "",
        [
            "4:9: status: status is denied, but no claim has the status denied; "
            "add the denial as a claim with status: denied"
        ],
    ),
    ("denied by a claim", "denied", "Ministry", "denied", "example-daily", "", []),
    (
        "disputed without a contradiction",
        "disputed",
        None,
        "",
        "",
        "",
        [
            "4:9: status: status is disputed, but no claim is disputed or denied; mark the contradicted claim "
            "disputed, add the contradicting claim, or use another status"
        ],
    ),
    ("disputed by a claim", "disputed", "Ministry", "disputed", "example-daily", "", []),
]


@pytest.mark.parametrize(
    ("status", "by", "claim_status", "source", "publisher", "expected"),
    [c[1:] for c in STATUS_BASIS],
    ids=[c[0] for c in STATUS_BASIS],
)
def test_status_needs_claims_that_support_it(
    tmp_path: Path, status: str, by: str | None, claim_status: str, source: str, publisher: str, expected: list[str]
) -> None:
    edits = [("status: reported\ntags", f"status: {status}\ntags")]
    if by:
        edits.append(("sources:\n  - id", SECOND_CLAIM.format(by=by, status=claim_status, source=source) + "  - id"))
    text = VALID_EVENT
    for old, new in edits:
        text = edit(text, old, new)
    if publisher:
        text += OTHER_SOURCE.format(publisher=publisher)
    assert check_event(tmp_path, text) == expected
