"""generator.renderer.escape: what "escaped" means in Markdown, HTML, YAML, JSON inside <script>, and link targets."""

from __future__ import annotations

import html
import json

import markdown
import pytest
import yaml
from markupsafe import Markup

from generator.renderer.escape import html_text, json_for_html, link_target, slug, yaml_string
from generator.renderer.escape import markdown as markdown_text

HOSTILE = [
    "*bold* _it_ `code` [link](https://example.org) ![img](https://example.org/x.png)",
    "<script>alert(1)</script>",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "a | table | row",
    "&amp; &lt; &#x3c;",
    "\\*escaped\\*",
    "!!! warning",
    "{: .class }",
    "~~strike~~",
    "~300 soldiers",
    "~~~",
    "```",
    "Кириллица and 中文",
]


SITE_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition"]
"""The extensions of mkdocs.yml plus those MkDocs always adds."""


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    rendered = markdown.markdown(str(markdown_text(text)), extensions=SITE_EXTENSIONS)
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered.removeprefix("<p>").removesuffix("</p>")
    assert "<" not in inner, "no element made from the text"
    assert html.unescape(inner) == text, "no character lost or added (a stray backslash would show)"


def test_tildes_cannot_open_a_fenced_code_block() -> None:
    lines = [str(markdown_text(text)) for text in ("~~~", "<b>kept as text</b>", "~~~")]
    assert markdown.markdown("\n".join(lines), extensions=SITE_EXTENSIONS) == (
        "<p>&#126;&#126;&#126;\n&lt;b&gt;kept as text&lt;/b&gt;\n&#126;&#126;&#126;</p>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a*b", "a\\*b"),
        ("1. x", "1\\. x"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("a|b", "a\\|b"),
        ("#1", "\\#1"),
        ("(x)", "\\(x\\)"),
        ("plain words", "plain words"),
    ],
)
def test_markdown(text: str, expected: str) -> None:
    assert markdown_text(text) == expected
    assert isinstance(markdown_text(text), Markup)


@pytest.mark.parametrize("value", ["desertion", "2024-07-11-soldier-shoots", "ua-kyiv", 2024])
def test_slug_accepts_ids(value: str | int) -> None:
    assert slug(value) == str(value)


@pytest.mark.parametrize("value", ["", "Desertion", "a_b", "../etc", "a/b", "a--b", "-a", "a-", "a b", "é", "a\n"])
def test_slug_refuses_anything_else(value: str) -> None:
    with pytest.raises(ValueError, match="not a slug"):
        slug(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [('<a href="x">\'&', "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"), ("plain", "plain")],
)
def test_html_text(text: str, expected: str) -> None:
    assert html_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "NO",
        "1:30",
        "2024-07-11",
        "a: b",
        "- x",
        "'\"\\",
        "#",
        "&a *b !!c",
        "line\nbreak",
        "\u2028",
        "Кириллица",
        "",
        "null",
        "~",
    ],
)
def test_yaml_string_reads_back_as_the_same_string(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_string(text)}") == {"key": text}


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!--", "]]>", "&amp;", "\u2028\u2029", {"a": ["</SCRIPT>", 1, None]}],
)
def test_json_for_html_cannot_end_a_script(value: object) -> None:
    text = json_for_html(value)
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == value


def test_json_for_html_is_compact_and_sorted() -> None:
    assert json_for_html({"b": 1, "a": "é"}) == '{"a":"é","b":1}'


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("/methodology/", "/methodology/"),
        ("javascript:alert(1)", "#"),
        ("https://example.org/a>b", "#"),
        ("https://example.org/a b", "#"),
        ("data:text/html,x", "#"),
        ("", "#"),
    ],
)
def test_link_target(url: str, expected: str) -> None:
    assert link_target(url) == expected
