"""Golden files: every Markdown page rendered from the small fixture timeline.

``tests/golden/small/`` holds, file by file, what :func:`generator.renderer.pages.render_site`
makes of ``tests/fixtures/small/`` with :data:`SETTINGS`. ``tests/unit/test_renderer.py``
compares a fresh rendering with them. After an intended change to the templates, the
renderer or the fixture, regenerate them with::

    python -m tests.golden        # or: make golden

then read ``git diff tests/golden`` as part of the review: it shows exactly how the pages
changed. Files no longer rendered are removed; unchanged files are left untouched.
"""

from __future__ import annotations

from pathlib import Path

from generator.project import Settings
from generator.renderer.pages import render_site
from generator.timeline import Timeline
from generator.validation import validate
from generator.writer import write_tree

SMALL = Path(__file__).resolve().parent / "fixtures" / "small"
GOLDEN = Path(__file__).resolve().parent / "golden" / "small"
SETTINGS = Settings(repo_url="https://example.org/repo", edit_branch="main", site_url="https://timeline.example.org/")
"""Both optional links on: "Propose a correction" and absolute URLs in the JSON-LD."""


def render_small() -> dict[str, str]:
    """Every page of the small fixture timeline, by path relative to the docs folder."""
    result = validate(SMALL)
    if not result.ok:
        problems = "\n".join(p.format() for p in result.problems)
        raise SystemExit(f"the small fixture timeline has problems:\n{problems}")
    return render_site(Timeline(result.events, result.tags, result.redirects), SETTINGS)


def main() -> None:
    """Rewrite tests/golden/small/ from the current renderer."""
    report = write_tree(GOLDEN, {path: text.encode("utf-8") for path, text in render_small().items()})
    for path in report.written:
        print(f"written  {path}")
    for path in report.removed:
        print(f"removed  {path}")
    print(f"{len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged in {GOLDEN}")


if __name__ == "__main__":
    main()
