"""Configuration, the bottom layer: where a project's folders are and the settings read from ``mkdocs.yml``.

Every other package may import this module; it imports only :mod:`generator.languages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.languages import DEFAULT, LANGUAGES

GENERATED = "generated"
"""The generated folder's name inside ``docs/``; git ignores it."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Site settings the pages need."""

    repo_url: str | None = None
    """Where "propose a correction" links point, e.g. https://github.com/org/repo; None hides the link."""
    edit_branch: str = "main"
    """The branch "propose a correction" links edit."""
    site_url: str | None = None
    """The public address of the site, for feeds and JSON-LD; None gives site-relative links."""
    languages: tuple[str, ...] = LANGUAGES
    """The languages to build, English always first (``extra.timeline.languages``; all by default)."""


@dataclass(frozen=True)
class Project:
    """The folders of one checkout."""

    root: Path
    """The folder holding ``mkdocs.yml``."""

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def generated(self) -> Path:
        return self.docs / GENERATED

    @property
    def timeline(self) -> Path:
        return self.root / "timeline"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def settings(self) -> Settings:
        """Site settings from ``mkdocs.yml``: ``site_url`` and ``extra.timeline``."""
        try:
            # safe_load: mkdocs.yml is reviewed config, but nothing here needs Python tags
            config = yaml.safe_load(self.config_file.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            return Settings()
        extra = (config.get("extra") or {}).get("timeline") or {}
        return Settings(
            repo_url=(extra.get("repo_url") or None),
            edit_branch=extra.get("edit_branch") or "main",
            site_url=config.get("site_url") or None,
            languages=_languages(extra.get("languages")),
        )


def _languages(listed: object) -> tuple[str, ...]:
    """The site's languages among ``listed``: English, which is the source, and those of the others named."""
    if not isinstance(listed, list):
        return LANGUAGES
    return tuple(code for code in LANGUAGES if code == DEFAULT or code in listed)


def find_project(start: Path) -> Project:
    """The project containing ``start`` (the nearest folder with ``mkdocs.yml``), else ``start`` itself."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return Project(folder)
    return Project(start)
