"""Generate the docs tree MkDocs builds: rendered pages, data files and the hand-written pages.

The generated folder is complete on its own (it is MkDocs' ``docs_dir``), so that
generation and the MkDocs build stay separate steps: nothing writes into a folder
MkDocs is watching except this step, and only when a source file changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import languages
from generator.loader.files import check_tree, display
from generator.problems import Problem
from generator.project import GENERATED, Settings
from generator.renderer import changelog, citation, datapackage, datasets, exports, feeds, urls
from generator.renderer.pages import SiteRenderer
from generator.timeline import Timeline

NOT_COPIED = {GENERATED, "overrides"}
"""Folders of ``docs/`` that are not pages: the output itself, and theme overrides."""
HAND_WRITTEN_SUFFIXES = {".md", ".css", ".js", ".svg", ".png", ".ico", ".txt"}
CONTRIBUTING = "CONTRIBUTING.md"
ASSETS = "assets/"
"""The site's own style sheet and scripts (``docs/assets/``), which every language's pages load."""


def _is_output(name: str) -> bool:
    """The generated folder and its staging copies."""
    return name == GENERATED or name.startswith(f"{GENERATED}.")


def hand_written(docs: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The committed pages and assets of ``docs/``, refusing links and special files."""
    problems = check_tree(docs, skip=_is_output)
    files: dict[str, bytes] = {}
    if problems or not docs.is_dir():
        return files, problems
    paths = []
    for root, dirs, names in os.walk(docs):
        if root == str(docs):  # the generated output is not walked: at 10,000 events it is 10,000 files
            dirs[:] = [d for d in dirs if d not in NOT_COPIED and not _is_output(d)]
        paths += [Path(root) / name for name in names]
    for path in sorted(paths):
        relative = path.relative_to(docs)
        if path.is_file() and path.suffix in HAND_WRITTEN_SUFFIXES:
            files[relative.as_posix()] = path.read_bytes()
        elif path.is_file():
            problems.append(Problem(display(path), 0, 0, "", f"unexpected file type {path.suffix!r} in docs/"))
    contributing = docs.parent / CONTRIBUTING
    if contributing.is_symlink():  # it is copied into the site: a link would publish whatever it points to
        problems.append(
            Problem(display(contributing), 0, 0, "", "symbolic links are not allowed; commit the file itself")
        )
    elif contributing.is_file():
        files["contributing.md"] = contributing.read_bytes()
    return files, problems


def other_files(
    timeline: Timeline, settings: Settings, docs: Path, cache: dict[tuple[str, str], str] | None = None
) -> tuple[dict[str, bytes], list[Problem]]:
    """Everything but the rendered pages: hand-written pages, data downloads and feeds."""
    files, problems = hand_written(docs)
    files |= dict(_made_files(files, timeline, settings, cache))
    return files, problems


def _made_files(
    hand: dict[str, bytes], timeline: Timeline, settings: Settings, cache: dict[tuple[str, str], str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """The other languages' copies of the assets, the data downloads and every language's feeds."""
    for path, data in hand.items():
        if path.startswith(ASSETS):  # each language's site is its own MkDocs site, with its own copy
            yield from ((urls.folder(language) + path, data) for language in languages.built()[1:])
    yield urls.EVENTS_JSON, exports.events_json(timeline, cache)
    # CSV with a byte-order mark: without one, spreadsheet programs read UTF-8 as a legacy code page
    # and garble Cyrillic place names
    yield urls.EVENTS_CSV, exports.events_csv(timeline, cache, settings.site_url).encode("utf-8-sig")
    yield urls.CLAIMS_CSV, datasets.claims_csv(timeline).encode("utf-8-sig")
    yield urls.FIGURES_CSV, datasets.figures_csv(timeline).encode("utf-8-sig")
    yield urls.SOURCES_CSV, datasets.sources_csv(timeline).encode("utf-8-sig")
    yield urls.DATAPACKAGE, datapackage.datapackage(timeline, settings.site_url).encode("utf-8")
    yield urls.CHANGELOG_JSON, changelog.changelog_json(timeline).encode("utf-8")
    for path, text in citation.citation_files(timeline, settings.site_url).items():
        yield path, text.encode("utf-8")
    for language in languages.built():  # each language's site has its own feeds, in its own words
        with languages.speaking(language):
            made = feeds.feed_files(timeline.in_language(language), settings.site_url)
        yield from ((path, text.encode("utf-8")) for path, text in made.items())


def generated_files(
    timeline: Timeline, settings: Settings, docs: Path
) -> tuple[Iterator[tuple[str, bytes]], list[Problem]]:
    """Every file of the generated folder as ``(path, bytes)``, made one at a time as it is read, and the problems.

    The problems are known before any file is made (they are the hand-written pages'). Made one at
    a time, the files need not all be in memory at once: at 10,000 events in three languages the
    pages alone are over 400 MB of text.
    """
    hand, problems = hand_written(docs)
    return _every_file(hand, timeline, settings), problems


def _every_file(hand: dict[str, bytes], timeline: Timeline, settings: Settings) -> Iterator[tuple[str, bytes]]:
    yield from hand.items()
    yield from _made_files(hand, timeline, settings)
    for language in languages.built():
        # the language is set for each page, not around the loop: a generator's caller runs
        # between pages, and a context variable set here would leak into it
        pages = _pages(timeline, settings, language)
        for path in sorted(pages):
            with languages.speaking(language):
                text = pages[path]()
            yield path, text.encode("utf-8")


def _pages(timeline: Timeline, settings: Settings, language: str) -> dict[str, Callable[[], str]]:
    with languages.speaking(language):
        return SiteRenderer(settings).pages(timeline.in_language(language))


def generate(timeline: Timeline, settings: Settings, docs: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file of the generated folder, by relative path: the pages of every language's site."""
    files, problems = generated_files(timeline, settings, docs)
    return dict(files), problems
