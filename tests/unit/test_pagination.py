"""generator.renderer.pagination: page paths, and links relative to both the source file and the page URL."""

from __future__ import annotations

import pytest

from generator.renderer.pagination import Pager, page_path, paginate


@pytest.mark.parametrize(
    ("base", "number", "path"),
    [
        ("timeline/index.md", 1, "timeline/index.md"),
        ("timeline/index.md", 2, "timeline/page-2.md"),
        ("tags/desertion.md", 1, "tags/desertion.md"),
        ("tags/desertion.md", 3, "tags/desertion/page-3.md"),
        ("figures.md", 2, "figures/page-2.md"),
    ],
)
def test_page_path(base: str, number: int, path: str) -> None:
    assert page_path(base, number) == path


@pytest.mark.parametrize(
    ("base", "number", "md_up", "up"),
    [
        ("figures.md", 1, "", "../"),  # figures.md becomes /figures/
        ("timeline/index.md", 1, "../", "../"),  # timeline/index.md becomes /timeline/
        ("timeline/index.md", 2, "../", "../../"),  # timeline/page-2.md becomes /timeline/page-2/
        ("tags/desertion.md", 1, "../", "../../"),
        ("tags/desertion.md", 2, "../../", "../../../"),
    ],
)
def test_relative_roots(base: str, number: int, md_up: str, up: str) -> None:
    pager = Pager(base, number, 3)
    assert (pager.md_up, pager.up) == (md_up, up)


@pytest.mark.parametrize(
    ("base", "number", "to", "link"),
    [
        ("tags/desertion.md", 1, 2, "desertion/page-2.md"),
        ("tags/desertion.md", 2, 1, "../desertion.md"),
        ("tags/desertion.md", 2, 3, "page-3.md"),
        ("timeline/index.md", 1, 2, "page-2.md"),
        ("timeline/index.md", 3, 1, "index.md"),
        ("figures.md", 2, 1, "../figures.md"),
    ],
)
def test_links_between_pages(base: str, number: int, to: str, link: str) -> None:
    assert Pager(base, number, 3).link(to) == link


def test_paginate() -> None:
    pages = paginate("tags/x.md", list(range(5)), size=2)
    assert [(p.path, p.number, p.count, list(chunk)) for p, chunk in pages] == [
        ("tags/x.md", 1, 3, [0, 1]),
        ("tags/x/page-2.md", 2, 3, [2, 3]),
        ("tags/x/page-3.md", 3, 3, [4]),
    ]


def test_an_empty_listing_still_has_its_first_page() -> None:
    [(pager, chunk)] = paginate("tags/unused.md", [])
    assert (pager.path, pager.count, list(chunk)) == ("tags/unused.md", 1, [])
