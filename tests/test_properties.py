"""Property tests: arbitrary input is either a valid event or a list of problems, never a traceback,
and what passes the check renders without adding markup.

Hypothesis feeds arbitrary bytes and YAML-like text to the loader and the whole per-file check,
arbitrary values into every field of a valid event (which, when accepted, are then rendered into
the event's page, the feeds, the downloads and the JSON-LD), arbitrary plain text through the
Markdown escaping, arbitrary Markdown through the summary check, and arbitrary strings through
the URL pattern.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.loader import nodes as loader
from generator.problems import Severity
from generator.project import Settings
from generator.renderer import escape, exports, feeds, jsonld, urls
from generator.renderer.pages import SiteRenderer
from generator.timeline import Timeline
from generator.validation.convert import to_event
from generator.validation.file import check_file
from generator.validation.markdown import SITE_EXTENSIONS, is_nfc, markdown_problems
from generator.validation.rules import PLAIN_TEXT_FIELDS
from generator.validation.schema import PLAIN_TEXT_PATTERN, URL_PATTERN
from generator.validation.tags import load_tags
from tests.hostile._support import REPO, VALID_EVENT, elements

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
VALID = yaml.safe_load(VALID_EVENT.read_text(encoding="utf-8"))
EVENT_ID = "2024-01-15-soldiers-refuse"
MANY = settings(max_examples=150, deadline=None)
# Building events and rendering their pages takes a few milliseconds per example; Hypothesis'
# too_slow check would otherwise fail the run on a loaded machine, not on a property.
RENDERING = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_ALPHABET = st.sampled_from([*":-[]{},#&*!|>'\"%@`?\n \t\\", *"abcxyz019.", "\u202e", "é", "\x00", "\ufeff"])
yaml_like = st.lists(
    st.one_of(
        YAML_ALPHABET,
        st.sampled_from(
            [
                "title: ",
                "summary: |\n  ",
                "tags: [",
                "- ",
                "&a ",
                "*a",
                "!!python/",
                "---\n",
                "\n  ",
                "<<: ",
                "? ",
                '"\\u00e9"',
                "'x'",
                "2024-01-15",
                "~",
                "null",
                "1e999",
                "0x1F",
            ]
        ),
    ),
    max_size=60,
).map("".join)


def _no_traceback(raw: bytes) -> None:
    result = check_file(raw, "timeline/2024/x.yaml", EVENT_ID, "2024", TAGS)
    assert isinstance(result.problems, list)
    if result.data is None:
        assert any(p.severity is Severity.ERROR for p in result.problems)
    else:
        to_event(EVENT_ID, "timeline/2024/x.yaml", result.data)


@MANY
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_give_problems(raw: bytes) -> None:
    document = loader.parse(raw, "x.yaml")
    assert (document.root is None) == bool(document.problems)
    _no_traceback(raw)


@MANY
@given(yaml_like)
def test_any_yaml_like_text_checks_without_a_traceback(text: str) -> None:
    _no_traceback(text.encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module")
def tags_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tags")


@MANY
@given(raw=st.binary(max_size=600))
def test_any_tag_vocabulary_loads_or_gives_problems(tags_folder: Path, raw: bytes) -> None:
    path = tags_folder / "tags.yaml"
    path.write_bytes(raw)
    tags, problems = load_tags(path)
    assert isinstance(tags, dict) and isinstance(problems, list)
    assert tags or problems


# ------------------------------------------------------------------ every field, any value


def _paths(value: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the valid event a value can be put: each field and list item, at any depth."""
    out = [where] if where else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*where, i))
    return out


PATHS = [
    *_paths(VALID),
    ("content_note",),
    ("date_end",),
    ("related",),
    ("approximate",),
    ("location", "lat"),
    ("sources", 0, "archive_url"),
    ("claims", 0, "date"),
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=120)
HOSTILE_TEXT = st.sampled_from(
    [
        '</title><script>alert(1)</script>"><img src=x onerror=alert(1)>',
        "{{ 7*7 }}{% raw %}",
        "javascript:alert(1)",
        "https://user@evil.example/",
        "[x](javascript:alert(1))",
        "<!--",
        "\u202e",
        '=HYPERLINK("x")',
        "__config",
        "a\u200db",
        "e\u0301",
        "\uffff",
        "9" * 5000,
        "---\ntitle: x",
        "`" * 50,
        "[" * 200,
        "1. " * 300 + "x",
    ]
)
PRINTABLE = (
    st.text(st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=80)
    .map(str.strip)
    .filter(bool)
)
"""Text a plain-text field accepts (mostly): the values that get as far as the rendered pages."""
LIKELY = st.one_of(PRINTABLE, st.builds(lambda a, b, c: f"{a} {b} {c}".strip(), PRINTABLE, HOSTILE_TEXT, PRINTABLE))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
    HOSTILE_TEXT,
    st.builds(lambda a, b: a + b, TEXT, HOSTILE_TEXT),
)
VALUES = st.one_of(
    LIKELY,
    LIKELY,
    LIKELY,
    SCALARS,
    st.recursive(
        SCALARS,
        lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(TEXT, children, max_size=3)),
        max_leaves=8,
    ),
)


def _put(data: Any, where: tuple[Any, ...], value: Any) -> Any:
    import copy

    data = copy.deepcopy(data)
    target = data
    for step in where[:-1]:
        target = target[step]
    if isinstance(target, list) and where[-1] >= len(target):
        target.append(value)
    else:
        target[where[-1]] = value
    return data


TEXT_PATHS = [p for p in PATHS if p[-1] in PLAIN_TEXT_FIELDS | {"summary"}]


@RENDERING
@given(st.one_of(st.sampled_from(PATHS), st.sampled_from(TEXT_PATHS)), VALUES)
def test_any_value_in_any_field_is_refused_or_renders_inert(where: tuple[Any, ...], value: Any) -> None:
    data = _put(VALID, where, value)
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = check_file(raw, "timeline/2024/x.yaml", EVENT_ID, "2024", TAGS)
    event("accepted" if result.data is not None else "refused")
    if result.data is None:
        assert any(p.severity is Severity.ERROR for p in result.problems)
        return
    built = to_event(EVENT_ID, "timeline/2024/x.yaml", result.data)
    timeline = Timeline([built], TAGS)
    page = SiteRenderer(Settings()).pages(timeline)[urls.event(EVENT_ID)]()
    exports.events_csv(timeline)
    exports.events_json(timeline)
    jsonld.event_jsonld(built, timeline, Settings())
    _assert_inert(feeds.summary_html(built))
    _, front, body = page.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == escape.html_text(built.title)
    _assert_inert(_site_markdown().reset().convert(body))


def _site_markdown() -> markdown.Markdown:
    global _MD
    try:
        return _MD
    except NameError:
        _MD = markdown.Markdown(extensions=list(SITE_EXTENSIONS))
        return _MD


PLAIN_MARKDOWN = {
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
"""What Markdown syntax makes without raw HTML, headings, images or admonitions."""
ALLOWED_IN_PAGES = PLAIN_MARKDOWN | {
    "h1",
    "h2",
    "h3",
    "span",
    "div",
    "cite",
    "time",
    "figure",
    "figcaption",
    "svg",
    "g",
    "rect",
    "text",
    "title",
    "line",
    "path",
    "desc",
    "section",
    "label",
    "select",
    "option",
    "form",
    "button",
    "output",
    "input",
    "nav",
    "dl",
    "dt",
    "dd",
}


def _assert_inert(html: str) -> None:
    """No element, attribute or URL that could run script or reach another origin."""
    parsed, odd = elements(html)
    assert odd == []
    for element in parsed:
        assert element.tag in ALLOWED_IN_PAGES, element
        for name, value in element.attrs:
            assert not name.startswith("on"), element
            if name in ("href", "src"):
                cleaned = re.sub(r"[\x00-\x20]+", "", value or "").lower()
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), element
            if name == "id":
                assert not (value or "").startswith("__") or element.tag.startswith("h"), element


# ------------------------------------------------------------------ escaping and the summary check


plain_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=80).filter(
    lambda t: re.search(PLAIN_TEXT_PATTERN, t) is not None and is_nfc(t)
)


@MANY
@given(plain_text)
def test_escaped_plain_text_shows_exactly_and_adds_no_markup(text: str) -> None:
    """In a paragraph, a table cell, a heading and a link's text, escaped text is text, never Markdown."""
    md = _site_markdown()
    escaped = str(escape.markdown(text))
    for source, wrapper in [
        (escaped, "p"),
        (f"| a |\n|---|\n| {escaped} |", "td"),
        (f"## {escaped}", "h2"),
        (f"[{escaped}](https://example.org/)", "a"),
    ]:
        html = md.reset().convert(source)
        parsed, odd = elements(html)
        assert odd == []
        assert {e.tag for e in parsed} <= {"p", "table", "thead", "tbody", "tr", "th", "td", "h2", "a"}, html
        assert all(not name.startswith("on") for e in parsed for name, _ in e.attrs)
        if wrapper == "p":
            from tests.hostile._support import visible_text

            assert visible_text(html) == " ".join(text.split())


markdown_like = st.lists(
    st.one_of(
        st.sampled_from([*"<>[]()!`~*_#=-|:/\\\"'&;{}.@ \n", "\n\n", "    ", "```", "~~~", "> ", "- ", "1. "]),
        st.sampled_from(
            [
                "javascript:",
                "JaVaScRiPt:",
                "data:",
                "https://example.org/",
                "//evil.example",
                "mailto:a@b.c",
                "script",
                "img",
                "div",
                "svg",
                "onload=",
                "onerror=alert(1)",
                "src=x",
                "&#58;",
                "&#x3C;",
                "{: onclick=x}",
                "{ #__config }",
                "[a]:",
                "<!--",
                "-->",
                "alert(1)",
                "a",
                "text ",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdown_like)
def test_a_summary_the_check_accepts_renders_without_html_or_unsafe_links(text: str) -> None:
    problems = markdown_problems(text)
    assert all(isinstance(line, int) and line >= 0 for line, _ in problems)
    event("refused" if problems else "accepted")
    if problems:
        return
    html = _site_markdown().reset().convert(text)
    parsed, odd = elements(html)
    assert odd == [], html
    for element in parsed:
        assert element.tag in PLAIN_MARKDOWN, (text, html)
        for name, value in element.attrs:
            assert (element.tag, name) in {
                ("a", "href"),
                ("a", "title"),
                ("ol", "start"),
                ("code", "class"),
                ("th", "style"),
                ("td", "style"),
            }, (text, html)
            if name == "href":
                assert re.match(r"^(https?://|mailto:|/(?!/)|#)", value or ""), (text, html)


_url_part = st.lists(
    st.one_of(
        st.sampled_from([*string.printable, "é", "а", "\u3000", "\u200b"]),
        st.sampled_from(
            [
                "example.org",
                "@",
                ":8080",
                "/path",
                "?q=1",
                "#frag",
                "\\",
                "%2F",
                "xn--e1afmkfd.xn--p1ai",
                "user:pw@",
                "//",
                ".",
            ]
        ),
    ),
    max_size=12,
).map("".join)
url_like = st.builds(
    lambda scheme, host, rest: scheme + host + rest,
    st.sampled_from(["https://", "https://", "http://", "HTTPS://", "https:/", "", "javascript:"]),
    st.one_of(st.sampled_from(["example.org", "a.b", "evil.example", "x"]), _url_part),
    _url_part,
)


@settings(max_examples=200, deadline=None)
@given(url_like)
def test_a_url_the_schema_accepts_is_plain_https(url: str) -> None:
    event("accepted" if re.search(URL_PATTERN, url) else "refused")
    if re.search(URL_PATTERN, url) is None:
        return
    parts = urlsplit(url)
    assert parts.scheme == "https"
    assert parts.username is None and parts.password is None
    assert parts.hostname and parts.hostname.isascii()
    assert not re.search(r"[\s\"<>\x00-\x1f\x7f]", url)
    # browsers read "\" as "/" in https URLs: that must not move the host either
    assert urlsplit(url.replace("\\", "/")).hostname == parts.hostname
