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
    """Write ``site/pagefind/`` (and more shards); raise :class:`SearchIndexError` if Pagefind fails.

    Pages are read and cut down one at a time into the scratch folder, and each shard is indexed
    as soon as it is full: only the file names of the site are held, not its pages.
    """
    scratch = site / SCRATCH
    pages = sorted(site.rglob("*.html"))  # listed before the scratch folder inside it is written
    shards, in_shard = 0, 0
    try:
        for page in pages:
            text = slim(page.read_text("utf-8"))
            if text is None:
                continue
            if in_shard == 0:
                shutil.rmtree(scratch, ignore_errors=True)
            target = scratch / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            in_shard += 1
            if in_shard == SHARD_PAGES:
                shards, in_shard = shards + 1, 0
                _index_shard(scratch, site / shard_folder(shards))
        if in_shard or not shards:  # the last shard, partly full (a site has indexed pages: its hand-written ones)
            scratch.mkdir(exist_ok=True)
            shards += 1
            _index_shard(scratch, site / shard_folder(shards))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    others = [f"{shard_folder(n)}/" for n in range(2, shards + 1)]
    (site / OUTPUT / SHARDS_FILE).write_text(json.dumps(others) + "\n", encoding="utf-8")


def _index_shard(scratch: Path, output: Path) -> None:
    """One Pagefind run over the slim pages in ``scratch``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(scratch), "--output-path", str(output), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SearchIndexError(str(exc)) from exc
    if done.returncode != 0:
        raise SearchIndexError((done.stderr or done.stdout).strip())
