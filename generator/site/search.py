"""Build the Pagefind search index, in shards, from a slim copy of each page.

Pagefind holds everything it indexes in memory: on 10,000 event pages it peaked
at 1.7 GB (about 170 KB a page). So pages are indexed in shards of at most
SHARD_PAGES, one Pagefind run each, and the search script merges the shards in
the browser (Pagefind's ``mergeIndex``); ``pagefind/shards.json`` lists them.
Each run reads, from a scratch folder inside the site being built, a copy of each
page cut down to its language, title and ``data-pagefind-body`` part, at the same
path, so the URLs in the index are the pages' own.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

SCRATCH = ".search-source"
OUTPUT = "pagefind"
SHARDS_FILE = "shards.json"
SHARD_PAGES = 2500
"""Pages per Pagefind run: about 450 MB of memory each."""
_LANG = re.compile(r'<html\s+lang="([a-zA-Z-]{2,12})"')
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_BODY = re.compile(r"<div data-pagefind-body>.*?</article>", re.S)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def slim(html: str) -> str | None:
    """The parts of a page Pagefind needs, or None when the page is not indexed."""
    body = _BODY.search(html)
    if body is None:
        return None
    lang = _LANG.search(html)
    title = _TITLE.search(html)
    return (
        f'<!doctype html><html lang="{lang.group(1) if lang else "en"}"><head><meta charset="utf-8">'
        f"{title.group(0) if title else ''}</head><body>{body.group(0)}</body></html>"
    )


def shard_folder(number: int) -> str:
    """``pagefind`` for the first shard, then ``pagefind-2``, ``pagefind-3`` ..."""
    return OUTPUT if number == 1 else f"{OUTPUT}-{number}"


def build_index(site: Path) -> None:
    """Write ``site/pagefind/`` (and more shards); raise :class:`SearchIndexError` if Pagefind fails."""
    pages = [(page, text) for page in sorted(site.rglob("*.html")) if (text := slim(page.read_text("utf-8")))]
    shards = [pages[i : i + SHARD_PAGES] for i in range(0, len(pages), SHARD_PAGES)] or [[]]
    for number, shard in enumerate(shards, start=1):
        _index_shard(site, shard, site / shard_folder(number))
    others = [f"{shard_folder(n)}/" for n in range(2, len(shards) + 1)]
    (site / OUTPUT / SHARDS_FILE).write_text(json.dumps(others) + "\n", encoding="utf-8")


def _index_shard(site: Path, pages: list[tuple[Path, str]], output: Path) -> None:
    scratch = site / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        scratch.mkdir()
        for page, text in pages:
            target = scratch / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(scratch), "--output-path", str(output), "--silent"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise SearchIndexError(str(exc)) from exc
        if done.returncode != 0:
            raise SearchIndexError((done.stderr or done.stdout).strip())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
