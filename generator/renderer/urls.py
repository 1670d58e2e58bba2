"""The page plan's addresses: every generated file's path and every page's address, in one place.

A page is named by its generated file, relative to the docs folder (``events/<id>.md``);
MkDocs serves ``a/b.md`` at ``a/b/`` and ``a/index.md`` at ``a/``, which :func:`address`
turns it into. Listings split into pages (``tags/<id>.md``, then ``tags/<id>/page-2.md``).
Every function takes the language: English sits at the site root, and other languages will
sit under their code (``ru/events/<id>.md``). Templates, feeds, downloads, JSON-LD, the
preview's incremental regeneration and the tests ask this module; nothing else spells an
address. Ids are checked to be slugs, so an address is always safe in a link.
"""

from __future__ import annotations

import posixpath
import re

DEFAULT_LANGUAGE = "en"
"""The language at the site root."""
LANGUAGES = ("en",)
"""The languages the site is built in (Russian and Ukrainian will follow, each under its code)."""

EVENTS_JSON = "data/events.json"
EVENTS_CSV = "data/events.csv"
CLAIMS_CSV = "data/claims.csv"
FIGURES_CSV = "data/figures.csv"
SOURCES_CSV = "data/sources.csv"
ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"
METHODOLOGY = "methodology.md"
"""A hand-written page that generated pages link to."""

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(value: str | int) -> str:
    text = str(value)
    if not _SLUG.fullmatch(text):
        raise ValueError(f"not a slug: {text!r}")
    return text


def _in(language: str, path: str) -> str:
    """``path`` in the folder of ``language``: the root for English, ``<code>/`` for the others."""
    return path if language == DEFAULT_LANGUAGE else f"{_slug(language)}/{path}"


def page_path(base: str, number: int) -> str:
    """``tags/desertion.md``, then ``tags/desertion/page-2.md``; ``timeline/index.md``, then ``timeline/page-2.md``."""
    if number == 1:
        return base
    folder, name = posixpath.split(base)
    stem = name.removesuffix(".md")
    parent = folder if stem == "index" else posixpath.join(folder, stem)
    return posixpath.join(parent, f"page-{number}.md")


def home(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "index.md")


def event(event_id: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The generated file of an event's page."""
    return _in(language, f"events/{_slug(event_id)}.md")


def timeline(number: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    return page_path(_in(language, "timeline/index.md"), number)


def years(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "years/index.md")


def year(value: int, number: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    return page_path(_in(language, f"years/{_slug(value)}.md"), number)


def tags(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "tags/index.md")


def tag(tag_id: str, number: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    return page_path(_in(language, f"tags/{_slug(tag_id)}.md"), number)


def places(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "places/index.md")


def place(slug: str, number: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    return page_path(_in(language, f"places/{_slug(slug)}.md"), number)


def figures(number: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    return page_path(_in(language, "figures.md"), number)


def sources(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "sources.md")


def about(language: str = DEFAULT_LANGUAGE) -> str:
    return _in(language, "about.md")


def indexes(language: str = DEFAULT_LANGUAGE) -> set[str]:
    """The pages that summarise the whole timeline: home, About, and the lists of years, tags, places and sources."""
    return {home(language), years(language), tags(language), places(language), sources(language), about(language)}


def listing(first: str, pages: int) -> list[str]:
    """Every page of a listing, given its first page and how many pages it has."""
    return [page_path(first, n) for n in range(1, max(1, pages) + 1)]


def address(path: str) -> str:
    """The address MkDocs serves a generated file at, relative to the site root: ``events/<id>/``."""
    if not path.endswith(".md"):
        return path  # data files and feeds are served as they are
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def absolute(site_url: str | None, path: str) -> str:
    """The full address of a page or file when the site's address is known, else its site-relative address."""
    base = (site_url or "").rstrip("/")
    return f"{base}/{address(path)}" if base else address(path)


def up(here: str) -> str:
    """From the address of the generated file ``here`` to the site root, for links in raw HTML."""
    return "../" * (here.count("/") + (0 if here.endswith("index.md") else 1))


def href(path: str, here: str) -> str:
    """A raw-HTML link from the page of ``here`` to the page or file ``path``."""
    return up(here) + address(path)


def link(path: str, here: str) -> str:
    """A Markdown link from the generated file ``here`` to the generated file ``path``."""
    return posixpath.relpath(path, posixpath.dirname(here) or ".")


def root_link(path: str, here: str) -> str:
    """A Markdown link from ``here`` to ``path`` that climbs to the docs root first (``../years/index.md``)."""
    return "../" * here.count("/") + path


def source_file(event_id: str, year_of_date: int) -> str:
    """An event file's place in the repository: ``timeline/<year>/<id>.yaml``."""
    return f"timeline/{_slug(year_of_date)}/{_slug(event_id)}.yaml"
