"""generator.validation.markdown: which links are allowed, what unsafe Markdown looks like, and NFC."""

from __future__ import annotations

import pytest

from generator.validation.markdown import is_allowed_link, is_nfc, markdown_problems


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "https://example.org/a/b?c=d&e=f#g",
        "http://example.org/",
        "https://sub.example.org:8443/x",
        "mailto:tips@example.org",
        "/methodology/",
        "/events/2024-07-11-x/#claims",
        "#claims",
        "/",
    ],
)
def test_allowed_links(url: str) -> None:
    assert is_allowed_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "vbscript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://example.org",
        "//evil.example.org/",
        "https://user:pw@example.org/",
        "https://exa mple.org",
        "https://example.org/a b",
        'https://example.org/"onmouseover=x',
        "other.md",
        "../up",
        "mailto:a b@example.org",
        "mailto:a@example.org?body=x",
        "https://пример.рф/",
        " https://example.org",
        "/path with space",
    ],
)
def test_refused_links(url: str) -> None:
    assert not is_allowed_link(url)


LINK = "expected a link to https://, http://, mailto: or a /path on this site; got"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain *text* with **emphasis** and `code <b>`.", []),
        ("a <b>bold</b> claim", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("one\ntwo <br>\nthree", [(1, "raw HTML is not allowed in Markdown; write plain text")]),
        ("< img src=x>", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("</div>", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("<?php echo 1 ?>", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("<!DOCTYPE html>", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("<!-- a comment -->", [(0, "raw HTML is not allowed in Markdown; write plain text")]),
        ("3 < 4 and 5 > 4", []),
        ("<https://example.org/x> and <tips@example.org>", []),
        ("~~~\n<b>fenced</b>\n~~~\n", []),
        ("![alt](https://example.org/x.png)", [(0, "images are not allowed; the site loads nothing from elsewhere")]),
        ("![alt][ref]", [(0, "images are not allowed; the site loads nothing from elsewhere")]),
        ("[a](<javascript:alert(1)>)", [(0, f"{LINK} 'javascript:alert(1'"), (0, f"{LINK} 'javascript:alert(1)'")]),
        ("[a]( https://example.org )", []),
        ("[a]: vbscript:x", [(0, f"{LINK} 'vbscript:x'")]),
        ("<ftp://example.org>", [(0, f"{LINK} 'ftp://example.org'")]),
        ("[a](https://example.org/" + "x" * 80 + ")", []),
        ("[a](ftp://example.org/" + "x" * 80 + ")", [(0, f"{LINK} 'ftp://example.org/{'x' * 39}...'")]),
        ("# Heading", [(0, "headings are not allowed in a summary; the page supplies them")]),
        # Python-Markdown needs no space after "#": on the site this is a heading (the rendered check sees it)
        ("#hashtag is text", [(0, "headings are not allowed in a summary; the page supplies them")]),
        ("Text\n---", [(1, "headings are not allowed in a summary; the page supplies them")]),
        ("Text\n\n---\n", [(2, "headings are not allowed in a summary; the page supplies them")]),
        ("??? note", [(0, "admonition blocks are not allowed in a summary")]),
        ("    !!! note", []),  # an indented code block
    ],
)
def test_markdown_problems(text: str, expected: list[tuple[int, str]]) -> None:
    assert markdown_problems(text) == expected


def test_markdown_problems_are_sorted_and_listed_once() -> None:
    text = "<b>x</b> <i>y</i>\n![a](https://example.org/a.png) ![b](https://example.org/b.png)"
    assert markdown_problems(text) == [
        (0, "raw HTML is not allowed in Markdown; write plain text"),
        (1, "images are not allowed; the site loads nothing from elsewhere"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"), [("Café", True), ("Cafe\u0301", False), ("Київ", True), ("Киі\u0308в", False), ("", True)]
)
def test_is_nfc(text: str, expected: bool) -> None:
    assert is_nfc(text) is expected
