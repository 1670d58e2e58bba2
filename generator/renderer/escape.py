"""Escaping for every place contributor text lands: Markdown, HTML, YAML, JSON, URLs.

Templates escape by default (see :mod:`generator.renderer.pages`); these functions say
what "escaped" means in each place.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from markupsafe import Markup

from generator.validation.markdown import is_allowed_link

_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
"""Characters Python-Markdown (with tables) honours a backslash before."""
_MARKDOWN_TABLE = str.maketrans(
    # "~" is not among them (a backslash before it stays visible), yet "~~~" opens a fenced code
    # block, which MkDocs always enables: as an entity it shows as "~" and opens nothing.
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;", **{c: "\\" + c for c in _MARKDOWN_SPECIAL}}
)
"""One pass of str.translate: templates escape hundreds of thousands of values on a large timeline."""


def markdown(text: str) -> Markup:
    """Plain text made inert in Markdown: ``&<>`` as entities, then Markdown punctuation backslashed.

    Entities are made from ``&<>~`` only, so no entity gains a backslash; ``>`` becomes
    ``&gt;``, so a line cannot start a blockquote.
    """
    return Markup(text.translate(_MARKDOWN_TABLE))


_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slug(value: str | int) -> Markup:
    """A validated id or slug for use in a link target; anything else is refused loudly."""
    text = str(value)
    if not _SLUG.fullmatch(text):  # match would let a final newline through
        raise ValueError(f"not a slug: {text!r}")
    return Markup(text)


def html_text(text: str) -> Markup:
    """Plain text made inert inside raw HTML (where Markdown escapes do not apply)."""
    return Markup(html.escape(text, quote=True))


def yaml_string(text: str) -> Markup:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return Markup(json.dumps(text, ensure_ascii=False))


def json_for_html(value: Any) -> Markup:
    """JSON that can sit inside ``<script>`` without ending it: ``<``, ``>`` and ``&`` are \\u-escaped."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return Markup(text)


def link_target(url: str) -> Markup:
    """A validated link for Markdown's ``(<...>)`` form; anything unexpected becomes inert."""
    if not is_allowed_link(url) or any(c in url for c in "<> \n"):
        return Markup("#")
    return Markup(url)
