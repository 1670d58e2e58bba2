"""The site of ``timeline serve``: one full MkDocs build, then only the changed pages, in place.

MkDocs' own ``serve`` builds the whole site after every change: 14 s an edit at 1,000 events,
minutes at 10,000. A :class:`LiveSite` builds once and keeps what that build gathered (the
configuration, the files, the navigation, the theme's compiled templates, every page). After an
edit it is told which generated files changed and rebuilds just those: a changed page is read,
rendered and written over its HTML, a new one joins the files, a removed one's HTML goes. The
steps per page are MkDocs' own (``_populate_page`` and ``_build_page`` of
:mod:`mkdocs.commands.build`, stable through MkDocs 1.x, which pyproject.toml pins); a test
compares a rebuilt page with the same page from a full build.

Search is left out of the loop: Pagefind indexes a whole site (minutes at 10,000 pages), so
the preview serves the index of the last ``timeline build`` and says so.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import languages
from generator.renderer import urls
from generator.site.build import BuildResult, collected
from generator.site.languages import language_config
from generator.site.search import OUTPUT


Built = Callable[[str | None], None]
"""Told each rebuilt page's address (site-relative), or None when every page may have changed."""


class LiveSiteError(RuntimeError):
    """A page could not be rebuilt; the message says which and why."""


@dataclass
class LiveSite:
    """A built site in ``site_dir`` that can rebuild single pages of ``docs_dir``."""

    config_file: Path
    docs_dir: Path
    """The generated folder: every language's pages (this site's are in its language's folder)."""
    site_dir: Path
    """The whole site (this language's site is in its language's folder)."""
    language: str = languages.DEFAULT
    config: Any = None
    files: Any = None
    """MkDocs' Files of the last build (set by the timeline plugin)."""
    nav: Any = None
    env: Any = None
    rebuilt: list[str] = field(default_factory=list)
    """The addresses (site-relative URLs) of the pages the last update rebuilt."""

    def build(self) -> BuildResult:
        """Build the whole site once (no search index), keeping what the build gathered."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        # Not strict: a preview shows the pages even when MkDocs warns; the warnings are reported.
        config = language_config(self.config_file, self.docs_dir, self.site_dir, self.language, strict=False)
        plugin: Any = config.plugins["timeline"]
        plugin.live = self
        with collected() as collect:
            try:
                build(config)
            except (MkDocsException, SystemExit, OSError) as exc:
                return BuildResult(False, collect.messages or [str(exc)])
        self.config = config
        return BuildResult(True, collect.messages)

    def search_from(self, built_site: Path) -> bool:
        """Serve the search index of an earlier full build, if there is one; say whether there was."""
        built_site = built_site / urls.folder(self.language)
        shards = sorted(p for p in built_site.glob(f"{OUTPUT}*") if p.is_dir()) if built_site.is_dir() else []
        for shard in shards:
            shutil.copytree(shard, Path(self.config.site_dir) / shard.name, dirs_exist_ok=True)
        return bool(shards)

    def update(self, written: list[str], removed: list[str], built: Built = lambda url: None) -> list[str]:
        """Rebuild the pages of the generated files ``written`` and drop those of ``removed``.

        Paths are relative to ``docs_dir``, as :class:`generator.writer.WriteReport` gives them;
        pages are built in the order given, and ``built`` hears each page's address as soon as
        its HTML is written (None for a style sheet or script, which every page uses).
        Returns MkDocs' warnings; raises :class:`LiveSiteError` when a page cannot be built.
        """
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import File, set_exclusions
        from mkdocs.structure.pages import Page

        assert self.config is not None, "build() first"
        pages, added = [], False
        for relative in written:
            file = self.files.get_file_from_path(relative)
            if file is None:
                file = File(relative, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
                self.files.append(file)
                added = True
            if not file.is_documentation_page():
                file.copy_file()
                if relative.endswith((".css", ".js")):
                    built(None)
                continue
            pages.append(file)
        if added:
            set_exclusions(self.files, self.config)
        for relative in removed:
            if (url := self._remove(relative)) is not None:
                built(url)
        with collected() as collect:
            try:
                doc_files = self.files.documentation_pages()
                for file in pages:
                    if file.page is None:
                        Page(None, file, self.config)
                    _populate_page(file.page, self.config, self.files)
                    _build_page(file.page, self.config, doc_files, self.nav, self.env)
                    built(file.url)
            except Exception as exc:  # MkDocs and its plugins raise anything; the preview must go on
                raise LiveSiteError(f"{file.src_uri}: {exc}") from exc
        self.rebuilt = [file.url for file in pages]
        return collect.messages

    def _remove(self, relative: str) -> str | None:
        file = self.files.get_file_from_path(relative)
        if file is None:
            return None
        self.files.remove(file)
        target = Path(file.abs_dest_path)
        if target.is_relative_to(self.config.site_dir) and target.is_file():
            os.unlink(target)
        return str(file.url)


@dataclass
class LiveSites:
    """Every language's :class:`LiveSite`, updated together: English first, then the others.

    Paths and addresses are those of the whole site (``ru/events/<id>.md``, ``ru/events/<id>/``);
    each language's site is told its own.
    """

    config_file: Path
    docs_dir: Path
    site_dir: Path
    codes: tuple[str, ...] = languages.LANGUAGES
    """The languages of the site (``extra.timeline.languages``)."""
    sites: dict[str, LiveSite] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sites = {
            language: LiveSite(self.config_file, self.docs_dir, self.site_dir, language) for language in self.codes
        }

    def build(self) -> BuildResult:
        """Build every language's site once (English first: MkDocs empties its site folder)."""
        messages: list[str] = []
        for site in self.sites.values():
            result = site.build()
            messages += result.messages
            if not result.ok:
                return BuildResult(False, messages)
        return BuildResult(True, messages)

    def search_from(self, built_site: Path) -> bool:
        """Serve each language's search index of an earlier full build; say whether there was one."""
        return all([site.search_from(built_site) for site in self.sites.values()])

    def update(self, written: list[str], removed: list[str], built: Built = lambda url: None) -> list[str]:
        """Rebuild the pages of ``written`` and drop those of ``removed`` in each language's site."""
        messages: list[str] = []
        for language, site in self.sites.items():
            folder = urls.folder(language)

            def mine(paths: list[str]) -> list[str]:
                return [p.removeprefix(folder) for p in paths if urls.language_of(p) == language]

            def told(url: str | None, folder: str = folder) -> None:
                built(None if url is None else folder + url)

            messages += site.update(mine(written), mine(removed), told)
        return messages

    @property
    def rebuilt(self) -> list[str]:
        """The addresses of the pages the last update rebuilt, in every language."""
        return [urls.folder(language) + url for language, site in self.sites.items() for url in site.rebuilt]
