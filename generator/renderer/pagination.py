"""Split long listing pages so that no generated page grows past a few hundred kilobytes.

MkDocs turns ``a/b.md`` into the URL ``a/b/`` (and ``a/index.md`` into ``a/``), so a
page's relative path to the site root differs between Markdown links (relative to
the source file) and raw HTML links (relative to the URL). A :class:`Pager` knows both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.renderer import urls
from generator.renderer.urls import page_path

PAGE_SIZE = 400
"""Rows per listing page: about 250 KB of HTML at most, with the theme around it."""

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page of a paginated listing sits."""

    base: str
    """The first page's generated file (see :mod:`generator.renderer.urls`)."""
    number: int
    """This page's number, from 1."""
    count: int
    """How many pages the listing has."""

    @property
    def path(self) -> str:
        """This page's generated file."""
        return page_path(self.base, self.number)

    @property
    def md_up(self) -> str:
        """From this page's source file to the docs root, for Markdown links."""
        return "../" * self.path.count("/")

    @property
    def up(self) -> str:
        """From this page's URL to the site root, for links in raw HTML."""
        return urls.up(self.path)

    def link(self, number: int) -> str:
        """A Markdown link target from this page to page ``number`` of the same listing."""
        return urls.link(page_path(self.base, number), self.path)


def paginate(base: str, items: Sequence[T], size: int = PAGE_SIZE) -> list[tuple[Pager, Sequence[T]]]:
    """Each page of ``items`` with its pager; an empty listing still has its first page."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    return [(Pager(base, n, len(chunks)), chunk) for n, chunk in enumerate(chunks, start=1)]
