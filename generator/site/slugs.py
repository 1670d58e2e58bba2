"""Heading ids that content can never use to clobber the page's own elements.

Python-Markdown's ``toc`` gives every heading an id made from its text, and an event's title
is a heading. The theme and the site's scripts look elements up by id (Material's ``__config``,
``__drawer``, ...; ``docs/assets/filters.js``'s ``tl-filters``; the claim-to-source anchors
``source-1``, ...), and the first element with an id wins: a heading that takes one of them
breaks the filters, the search or the configuration (DOM clobbering). So the ids the site
reserves are whole namespaces, and a heading whose slug falls into one is moved out of it.
mkdocs.yml names :func:`slugify` as the ``toc`` extension's slugify.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify as markdown_slugify

RESERVED = re.compile(r"^(__|tl-|source-[0-9]+$)")
"""Ids the site and the theme use: Material's ``__*``, ours ``tl-*``, the source anchors ``source-N``
(tests/hostile/test_ids.py reads every id the templates and scripts use and checks it is here)."""
PREFIX = "h-"
"""What a heading id in a reserved namespace gets in front of it (``h-tl-filters``)."""


def is_reserved(value: str) -> bool:
    """True when an id belongs to the site, not to content."""
    return bool(RESERVED.match(value))


def section_slugify(fixed: dict[str, str], value: str, separator: str) -> str:
    """:func:`slugify`, except that a heading of ``fixed`` (a translated section name) gets its
    English id, so that ``#claims`` finds the claims in every language."""
    return fixed.get(value) or slugify(value, separator)


def slugify(value: str, separator: str) -> str:
    """Python-Markdown's slug of ``value``, moved out of the reserved namespaces."""
    slug = markdown_slugify(value, separator)
    return PREFIX + slug if is_reserved(slug) else slug
