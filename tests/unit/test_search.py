"""generator.site.search: the Pagefind index, in shards, from slim copies of the built pages.

Real Pagefind runs on a handful of tiny pages; the whole site's index is tested in
tests/test_build.py and in the browser.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.site import search


def _page(site: Path, path: str, title: str, indexed: bool = True) -> None:
    body = f"<div data-pagefind-body><h1>{title}</h1><p>{title} text</p></article>" if indexed else "<p>menu</p>"
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<script src="x.js"></script></head><body><nav>navigation</nav>{body}</body></html>',
        encoding="utf-8",
    )


def _indexed_pages(folder: Path) -> int:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_slim_keeps_the_language_title_and_body_only(tmp_path: Path) -> None:
    _page(tmp_path, "a/index.html", "Alpha")
    slim = search.slim((tmp_path / "a" / "index.html").read_text(encoding="utf-8"))
    assert slim is not None and '<html lang="en">' in slim and "<title>Alpha</title>" in slim
    assert "Alpha text" in slim and "navigation" not in slim and "x.js" not in slim
    _page(tmp_path, "b/index.html", "Beta", indexed=False)
    assert search.slim((tmp_path / "b" / "index.html").read_text(encoding="utf-8")) is None


def test_pages_are_indexed_in_shards_listed_for_the_search_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    for n in range(5):
        _page(tmp_path, f"events/e{n}/index.html", f"Event {n}")
    _page(tmp_path, "about/index.html", "About", indexed=False)
    search.build_index(tmp_path)
    listed = json.loads((tmp_path / "pagefind" / search.SHARDS_FILE).read_text(encoding="utf-8"))
    assert listed == ["pagefind-2/", "pagefind-3/"]
    counts = [_indexed_pages(tmp_path / folder) for folder in ("pagefind", "pagefind-2", "pagefind-3")]
    assert counts == [2, 2, 1]
    assert not (tmp_path / search.SCRATCH).exists()
    assert not (tmp_path / "pagefind-4").exists()


def test_a_full_last_shard_makes_no_empty_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    for n in range(4):
        _page(tmp_path, f"events/e{n}/index.html", f"Event {n}")
    search.build_index(tmp_path)
    assert json.loads((tmp_path / "pagefind" / search.SHARDS_FILE).read_text(encoding="utf-8")) == ["pagefind-2/"]
    assert [_indexed_pages(tmp_path / f) for f in ("pagefind", "pagefind-2")] == [2, 2]


def test_a_failing_pagefind_is_an_error_and_leaves_no_scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    _page(tmp_path, "events/e/index.html", "Event")
    with pytest.raises(search.SearchIndexError):
        search.build_index(tmp_path)
    assert not (tmp_path / search.SCRATCH).exists()
