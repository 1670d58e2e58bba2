"""generator.renderer.outputs: the docs tree MkDocs builds: rendered pages, data, feeds and hand-written pages."""

from __future__ import annotations

import os
from pathlib import Path

from generator import languages, vocabulary
from generator.project import Settings
from generator.renderer import urls
from generator.renderer.outputs import generate, hand_written
from generator.renderer.pages import render_site
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import REPO, SMALL


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_hand_written_pages_and_assets_are_copied(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(
        docs,
        {
            "about.md": "# About",
            "assets/site.css": "a{}",
            "assets/logo.svg": "<svg/>",
            "overrides/main.html": "theme",
            "generated/index.md": "old output",
            "generated.partial/x.md": "staging",
            "generated.old/y.md": "old",
        },
    )
    write(tmp_path, {"CONTRIBUTING.md": "# Contributing"})
    files, problems = hand_written(docs)
    assert problems == []
    assert files == {
        "about.md": b"# About",
        "assets/logo.svg": b"<svg/>",
        "assets/site.css": b"a{}",
        "contributing.md": b"# Contributing",
    }


def test_unexpected_files_and_links_are_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, {"about.md": "x", "notes.docx": "binary"})
    files, problems = hand_written(docs)
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("notes.docx", "unexpected file type '.docx' in docs/")
    ]
    os.symlink("/etc/passwd", docs / "passwd.md")
    files, problems = hand_written(docs)
    assert files == {}
    assert [p.message for p in problems] == ["symbolic links are not allowed; commit the file itself"]


def test_a_linked_contributing_guide_is_not_copied(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    os.symlink("/etc/hostname", tmp_path / "CONTRIBUTING.md")
    files, problems = hand_written(tmp_path / "docs")
    assert files == {}
    # refused out loud (tests/hostile: symlink-contributing), not skipped into a missing-page error from MkDocs
    assert [p.message for p in problems] == ["symbolic links are not allowed; commit the file itself"]


def test_generate_gives_pages_data_feeds_and_hand_written_pages() -> None:
    result = validate(SMALL)
    timeline = Timeline(result.events, result.tags)
    files, problems = generate(timeline, Settings(), REPO / "docs")
    assert problems == []
    pages = {}
    for language in languages.LANGUAGES:  # every language's site, from the same timeline
        with languages.speaking(language):
            pages |= render_site(timeline.in_language(language), Settings())
    assert {path: files[path] for path in pages} == {path: text.encode() for path, text in pages.items()}
    assert {urls.event(e.id, "uk") for e in timeline.events} <= set(pages)
    copied, _ = hand_written(REPO / "docs")
    assert {"methodology.md", "contributing.md", "assets/timeline.css", "ru/methodology.md"} <= set(copied)
    # each language's site has its own copy of the site's style sheet and scripts
    copied |= {
        f"{language}/{path}": data
        for path, data in copied.items()
        if path.startswith("assets/")
        for language in languages.TRANSLATED
    }
    assert {"about.md", "sources.md"} <= set(pages)
    data = {
        urls.EVENTS_JSON,
        urls.EVENTS_CSV,
        urls.CLAIMS_CSV,
        urls.FIGURES_CSV,
        urls.SOURCES_CSV,
        urls.DATAPACKAGE,
        urls.CHANGELOG_JSON,
    }
    feeds = set()
    for language in languages.LANGUAGES:  # each language's site has its own feeds
        feeds |= {urls.atom_feed(language), urls.json_feed(language)}
        feeds |= {urls.tag_feed(t, f, language) for t in timeline.tags for f in urls.FEED_FORMATS}
        feeds |= {urls.status_feed(s, f, language) for s in vocabulary.STATUSES for f in urls.FEED_FORMATS}
    cited = {urls.citation(i, f) for i in [None, *timeline.by_id] for f in urls.CITATION_FORMATS}
    assert set(files) == set(pages) | set(copied) | data | feeds | cited
