"""Per-file rules that a JSON Schema cannot state.

Each rule is a small function with a docstring that states it. Rules read the
typed data defensively: a field of the wrong type was already reported by the
schema, so a rule skips it rather than report it twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from babel import Locale

from generator import basis, vocabulary
from generator.dates import PartialDate
from generator.loader.nodes import Mapping, Node, Scalar
from generator.loader.typed import field_name, locate
from generator.model import Tag
from generator.problems import Problem, Severity
from generator.validation.invisible import invisible_characters, renders_blank
from generator.validation.markdown import NOT_NFC, is_nfc, markdown_problems
from generator.validation.regions import REGIONS
from generator.validation.schema import LANGUAGE_PATTERN, MAX_SUMMARY, REGION_PATTERN

EVENT_ID = re.compile(r"^(?P<date>[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)-(?P<words>[a-z0-9]+(-[a-z0-9]+)*)$")
"""File stems: the event's date, then lowercase ASCII words joined by hyphens."""
MAX_ID_LENGTH = 100
LANGUAGE = re.compile(LANGUAGE_PATTERN)
REGION = re.compile(REGION_PATTERN)
LANGUAGES = frozenset(code for code in map(str, Locale("en").languages) if len(code) == 2 and code.isalpha())
"""ISO 639-1 codes, from CLDR through Babel."""
PLAIN_TEXT_FIELDS = {
    "title",
    "content_note",
    "by",
    "says",
    "publisher",
    "name",
    "local_name",
    "description",
    "scope",
    "change",
    "reason",
    "original_publisher",
    "no_url_reason",
    "place",
}
"""Fields whose values are one line of plain text (checked for NFC anywhere in the tree)."""


@dataclass(frozen=True)
class Context:
    """What every rule needs to know about the file it checks."""

    path: str
    event_id: str
    year_folder: str
    root: Node
    data: dict[str, Any]
    tags: dict[str, Tag]

    def problem(
        self,
        where: list[str | int],
        message: str,
        key: str | None = None,
        severity: Severity = Severity.ERROR,
        line_offset: int = 0,
    ) -> Problem:
        """A problem at the node ``where`` (or its ``key``)."""
        line, col = locate(self.root, where, key)
        if line_offset:
            line, col = line + line_offset, 1
        return Problem(self.path, line, col, field_name(where if key is None else [*where, key]), message, severity)


Rule = Callable[[Context], Iterator[Problem]]


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _date(ctx: Context, where: list[str | int], key: str, day_only: bool = False) -> PartialDate | None:
    value = _mapping(_get(ctx.data, where)).get(key)
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    try:
        parsed = PartialDate.parse(str(value))
    except ValueError:
        return None
    if day_only and parsed.day is None:
        return None
    return parsed


def _get(data: Any, where: list[str | int]) -> Any:
    for step in where:
        if isinstance(step, str):
            data = _mapping(data).get(step)
        else:
            items = _items(data)
            data = items[step] if step < len(items) else None
    return data


def check_file_name(ctx: Context) -> Iterator[Problem]:
    """The file is timeline/<year>/<id>.yaml, the id is lowercase ASCII starting with the date."""
    match = EVENT_ID.fullmatch(ctx.event_id)  # match would let a final newline through
    if not match or len(ctx.event_id) > MAX_ID_LENGTH:
        yield Problem(
            ctx.path,
            1,
            1,
            "",
            f"file name {ctx.event_id!r} is not a valid event id; expected "
            "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most "
            f"{MAX_ID_LENGTH} characters",
        )
        return
    date = _date(ctx, [], "date")
    if date is None:
        return
    prefix = match.group("date")
    if not date.iso().startswith(prefix):
        yield ctx.problem(
            ["date"],
            f"file name starts with {prefix} but the date is {date.iso()}; "
            "the id must start with the event's date (or its year or month)",
        )
    if ctx.year_folder != str(date.year):
        yield ctx.problem(
            ["date"],
            f"file is in folder {ctx.year_folder}/ but the date is in {date.year}; move it to timeline/{date.year}/",
        )


def check_dates(ctx: Context) -> Iterator[Problem]:
    """Every date exists in the calendar; ranges end after they start; ``added`` is a day."""
    places: list[tuple[list[str | int], str]] = [([], "date"), ([], "date_end"), ([], "added")]
    for i, _ in enumerate(_items(ctx.data.get("claims"))):
        places += [(["claims", i], "date"), (["claims", i], "date_end")]
    for i, _ in enumerate(_items(ctx.data.get("sources"))):
        places.append((["sources", i], "date"))
    for i, _ in enumerate(_items(ctx.data.get("corrections"))):
        places.append((["corrections", i], "date"))
    for where, key in places:
        value = _mapping(_get(ctx.data, where)).get(key)
        if value is None or isinstance(value, bool) or not isinstance(value, (str, int)):
            continue
        try:
            parsed = PartialDate.parse(str(value))
        except ValueError as exc:
            yield ctx.problem([*where, key], f"{exc}; got {str(value)!r}")
            continue
        if (key == "added" or where[:1] == ["corrections"]) and parsed.day is None:
            yield ctx.problem([*where, key], f"expected a full day as YYYY-MM-DD; got {str(value)!r}")
        if key == "date_end":
            start = _date(ctx, where, "date")
            if start is None:
                if "date" not in _mapping(_get(ctx.data, where)):  # an invalid start is reported on its own
                    yield ctx.problem([*where, key], "date_end needs a date to start the range")
            elif parsed.earliest() <= start.latest():
                yield ctx.problem([*where, key], f"expected the range to end after {start.iso()}; got {parsed.iso()}")


def check_tags(ctx: Context) -> Iterator[Problem]:
    """Tags come from timeline/tags.yaml, each once."""
    seen: set[str] = set()
    for i, tag in enumerate(_items(ctx.data.get("tags"))):
        if not isinstance(tag, str):
            continue
        if tag in seen:
            yield ctx.problem(["tags", i], f"tag {tag!r} is listed twice")
        seen.add(tag)
        if ctx.tags and tag not in ctx.tags:
            yield ctx.problem(
                ["tags", i],
                f"unknown tag {tag!r}; expected one of: {', '.join(sorted(ctx.tags))} "
                "(or add it to timeline/tags.yaml)",
            )


def check_content_note(ctx: Context) -> Iterator[Problem]:
    """Events with a tag marked content_note carry a content note."""
    if "content_note" in ctx.data:
        return
    violent = [
        t for t in _items(ctx.data.get("tags")) if isinstance(t, str) and t in ctx.tags and ctx.tags[t].content_note
    ]
    if violent:
        yield Problem(
            ctx.path,
            1,
            1,
            "content_note",
            f"missing; events tagged {', '.join(violent)} need a content note before violent detail",
        )


def check_sources(ctx: Context) -> Iterator[Problem]:
    """Source ids are unique; claims cite only sources listed; every source is cited."""
    sources = _items(ctx.data.get("sources"))
    known: set[str] = set()
    for i, source in enumerate(sources):
        source_id = _mapping(source).get("id")
        if isinstance(source_id, str):
            if source_id in known:
                yield ctx.problem(["sources", i, "id"], f"duplicate source id {source_id!r}")
            known.add(source_id)
    cited: set[str] = set()
    for i, claim in enumerate(_items(ctx.data.get("claims"))):
        for j, source_id in enumerate(_items(_mapping(claim).get("sources"))):
            if not isinstance(source_id, str):
                continue
            cited.add(source_id)
            if source_id not in known:
                listed = ", ".join(sorted(known)) or "none listed"
                yield ctx.problem(
                    ["claims", i, "sources", j], f"unknown source id {source_id!r}; expected one of: {listed}"
                )
    for i, source in enumerate(sources):
        source_id = _mapping(source).get("id")
        if isinstance(source_id, str) and source_id not in cited:
            yield ctx.problem(
                ["sources", i, "id"], f"source {source_id!r} is not cited by any claim", severity=Severity.WARNING
            )


def check_source_address(ctx: Context) -> Iterator[Problem]:
    """A source has an address or says why not; an online source gives its language; an original has a publisher."""
    for i, source in enumerate(_items(ctx.data.get("sources"))):
        if not isinstance(source, dict):
            continue
        if "url" in source and "no_url_reason" in source:
            yield ctx.problem(["sources", i, "url"], "give either url or no_url_reason, not both")
        elif "url" not in source and "no_url_reason" not in source:
            yield ctx.problem(
                ["sources", i],
                "source has no url; add the address of the page if it is online, or say why not in no_url_reason",
                severity=Severity.WARNING,
            )
        if "url" in source and "language" not in source:
            yield ctx.problem(
                ["sources", i],
                "no language: give the page's language as a two-letter code (en, ru, uk, ...)",
                key="url",
                severity=Severity.WARNING,
            )
        language = source.get("language")
        if isinstance(language, str) and LANGUAGE.match(language) and language not in LANGUAGES:
            yield ctx.problem(["sources", i, "language"], f"{language!r} is not an ISO 639-1 language code")
        if "original_url" in source and "original_publisher" not in source:
            yield ctx.problem(
                ["sources", i, "original_url"], "name the original's publisher too, in original_publisher"
            )


def check_location(ctx: Context) -> Iterator[Problem]:
    """lat and lon come together; only Ukrainian territory can be marked occupied."""
    location = _mapping(ctx.data.get("location"))
    if ("lat" in location) != ("lon" in location):
        missing = "lon" if "lat" in location else "lat"
        yield ctx.problem(["location"], f"give both lat and lon, or neither; {missing} is missing")
    if location.get("occupied") is True and location.get("country") != "UA":
        yield ctx.problem(["location", "occupied"], "only Ukrainian territory (country UA) can be marked occupied")
    region, country = location.get("region"), location.get("country")
    if isinstance(region, str) and REGION.match(region):
        if region not in REGIONS:
            yield ctx.problem(
                ["location", "region"],
                f"{region!r} is not an ISO 3166-2 code of a region of Ukraine or Russia (Crimea is UA-43)",
            )
        elif isinstance(country, str) and country in vocabulary.COUNTRIES and region[:2] != country:
            yield ctx.problem(
                ["location", "region"],
                f"region {region} is in {region[:2]} but country is {country}; occupied Ukrainian territory is UA",
            )


def check_figures(ctx: Context) -> Iterator[Problem]:
    """Percentages are at most 100."""
    for i, claim in enumerate(_items(ctx.data.get("claims"))):
        for j, figure in enumerate(_items(_mapping(claim).get("figures"))):
            figure = _mapping(figure)
            value = figure.get("value")
            try:
                number = float(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
            except ValueError:
                continue
            if figure.get("unit") == "percent" and number is not None and number > 100:
                yield ctx.problem(["claims", i, "figures", j, "value"], f"a percentage cannot exceed 100; got {value}")


def check_summary(ctx: Context) -> Iterator[Problem]:
    """The summary's Markdown has no raw HTML, images, headings or unsafe links, no unclosed <!--, <? or <script even
    in code, and links to #anchors only of its page's sections and sources."""
    node = _node(ctx.root, "summary")
    summary = ctx.data.get("summary")
    if not isinstance(summary, str) or node is None:
        return
    if len(summary) > MAX_SUMMARY:  # the schema reports the length; checking more would only cost time
        return
    start = 1 if node.block else 0
    # the event page's anchors a summary may link to: its sections and its sources (#source-1 to #source-N);
    # the property test in tests/hostile/test_check_builds.py builds pages to keep this list true
    sections = {"summary", "claims", "sources"} | ({"corrections"} if ctx.data.get("corrections") else set())
    anchors = frozenset(sections | {f"source-{n}" for n in range(1, len(_items(ctx.data.get("sources"))) + 1)})
    for offset, message in markdown_problems(summary, anchors):
        yield ctx.problem(["summary"], message, line_offset=start + offset)


def check_text(ctx: Context) -> Iterator[Problem]:
    """Text is in Unicode NFC form, so that equal-looking words compare equal."""
    for where, text in _strings(ctx.data, []):
        if not is_nfc(text):
            yield ctx.problem(where, NOT_NFC)


def check_invisible(ctx: Context) -> Iterator[Problem]:
    """Text has no invisible characters (zero-width spaces and joiners, byte-order marks, tag characters,
    variation selectors, fillers such as U+3164, the braille blank, any default-ignorable code point)
    and no noncharacters such as U+FFFF."""
    for where, text in _strings(ctx.data, []):
        if where and where[-1] in PLAIN_TEXT_FIELDS | {"summary"}:
            # other fields have ASCII-only patterns in the schema
            for message in invisible_characters(text):
                yield ctx.problem(where, message)


def check_blank(ctx: Context) -> Iterator[Problem]:
    """No title, name, claimant or other text renders as nothing (only spaces, marks or invisible letters)."""
    for where, text in _strings(ctx.data, []):
        if where and where[-1] in PLAIN_TEXT_FIELDS | {"summary"} and text and renders_blank(text):
            yield ctx.problem(where, "renders as empty text on the page; write visible words")


def check_related(ctx: Context) -> Iterator[Problem]:
    """An event does not name itself as related."""
    for i, other in enumerate(_items(ctx.data.get("related"))):
        if other == ctx.event_id:
            yield ctx.problem(["related", i], "an event cannot be related to itself")


def check_status_basis(ctx: Context) -> Iterator[Problem]:
    """The event's status is one its claims can support (the methodology's rules, where data decides)."""
    status = ctx.data.get("status")
    facts = basis.facts_from_data(ctx.data.get("claims"), ctx.data.get("sources"))
    message = basis.mismatch(status, basis.compute(facts)) if isinstance(status, str) and facts else None
    if message:
        yield ctx.problem(["status"], message)


def _strings(value: Any, where: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Every string in the data, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, [*where, key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, [*where, i])
    elif isinstance(value, str):
        yield where, value


def _node(root: Node, key: str) -> Scalar | None:
    node = root.items.get(key) if isinstance(root, Mapping) else None
    return node if isinstance(node, Scalar) else None


RULES: list[Rule] = [
    check_file_name,
    check_dates,
    check_tags,
    check_content_note,
    check_sources,
    check_source_address,
    check_location,
    check_figures,
    check_summary,
    check_text,
    check_invisible,
    check_blank,
    check_related,
    check_status_basis,
]
"""Every per-file rule, run on every file."""


def check_rules(ctx: Context) -> list[Problem]:
    """All problems the per-file rules find."""
    return [problem for rule in RULES for problem in rule(ctx)]
