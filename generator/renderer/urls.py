"""The page plan's addresses: every generated file's path and every page's address, in one place.

A page is named by its generated file, relative to the docs folder (``events/<id>.md``);
MkDocs serves ``a/b.md`` at ``a/b/`` and ``a/index.md`` at ``a/``, which :func:`address`
turns it into. Listings split into pages (``tags/<id>.md``, then ``tags/<id>/page-2.md``).
Every page function takes the language, by default the one being written
(:func:`generator.languages.current`): English sits at the site root, and each other language
under its code (``ru/events/<id>.md``), as a MkDocs site of its own. Data downloads and
citation files exist once, at the root, in every language's words. Templates, feeds, downloads, JSON-LD, the
preview's incremental regeneration and the tests ask this module; nothing else spells an
address. Ids are checked to be slugs, so an address is always safe in a link.
"""

from __future__ import annotations

import posixpath
import re

from generator import languages

DEFAULT_LANGUAGE = languages.DEFAULT
LANGUAGES = languages.LANGUAGES

EVENTS_JSON = "data/events.json"
EVENTS_CSV = "data/events.csv"
CLAIMS_CSV = "data/claims.csv"
FIGURES_CSV = "data/figures.csv"
SOURCES_CSV = "data/sources.csv"
DATAPACKAGE = "data/datapackage.json"
"""The Frictionless Data Package that describes the downloads."""
CHANGELOG_JSON = "data/changelog.json"
OFFLINE_ZIP = "downloads/desertion-timeline-offline.zip"
"""The whole site as a zip that works from a disk; written after MkDocs built the site."""
OFFLINE_SHA256 = OFFLINE_ZIP + ".sha256"
CITATION_FORMATS = {"bibtex": "bib", "ris": "ris", "csl-json": "csl.json"}
"""Each citation format by name, with its file suffix."""
FEED_FORMATS = {"atom": "xml", "json": "json"}

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(value: str | int) -> str:
    text = str(value)
    if not _SLUG.fullmatch(text):
        raise ValueError(f"not a slug: {text!r}")
    return text


def _in(language: str | None, path: str) -> str:
    """``path`` in the folder of ``language`` (by default the one being written): the root for
    English, ``<code>/`` for the others."""
    language = language or languages.current()
    return path if language == DEFAULT_LANGUAGE else f"{_slug(language)}/{path}"


def folder(language: str | None = None) -> str:
    """The folder of a language's site, relative to the root: ``""`` for English, ``ru/``."""
    return _in(language, "")


def language_of(path: str) -> str:
    """The language whose site a generated file belongs to."""
    head = path.split("/", 1)[0]
    return head if head in LANGUAGES and "/" in path else DEFAULT_LANGUAGE


def in_language(path: str, language: str) -> str:
    """The same page in another language: ``events/x.md`` to ``ru/events/x.md`` and back."""
    return _in(language, path.removeprefix(folder(language_of(path))))


def page_path(base: str, number: int) -> str:
    """``tags/desertion.md``, then ``tags/desertion/page-2.md``; ``timeline/index.md``, then ``timeline/page-2.md``."""
    if number == 1:
        return base
    folder, name = posixpath.split(base)
    stem = name.removesuffix(".md")
    parent = folder if stem == "index" else posixpath.join(folder, stem)
    return posixpath.join(parent, f"page-{number}.md")


def home(language: str | None = None) -> str:
    return _in(language, "index.md")


def event(event_id: str, language: str | None = None) -> str:
    """The generated file of an event's page."""
    return _in(language, f"events/{_slug(event_id)}.md")


def timeline(number: int = 1, language: str | None = None) -> str:
    return page_path(_in(language, "timeline/index.md"), number)


def years(language: str | None = None) -> str:
    return _in(language, "years/index.md")


def year(value: int, number: int = 1, language: str | None = None) -> str:
    return page_path(_in(language, f"years/{_slug(value)}.md"), number)


def tags(language: str | None = None) -> str:
    return _in(language, "tags/index.md")


def tag(tag_id: str, number: int = 1, language: str | None = None) -> str:
    return page_path(_in(language, f"tags/{_slug(tag_id)}.md"), number)


def places(language: str | None = None) -> str:
    return _in(language, "places/index.md")


def place(slug: str, number: int = 1, language: str | None = None) -> str:
    return page_path(_in(language, f"places/{_slug(slug)}.md"), number)


def regions(language: str | None = None) -> str:
    """The map page: every region of Ukraine and Russia, coloured by its number of events."""
    return _in(language, "regions/index.md")


def region(code: str, number: int = 1, language: str | None = None) -> str:
    """A region's page, by its ISO 3166-2 code: ``regions/ua-43.md``."""
    return page_path(_in(language, f"regions/{_slug(code.lower())}.md"), number)


def figures(number: int = 1, language: str | None = None) -> str:
    return page_path(_in(language, "figures.md"), number)


def sources(language: str | None = None) -> str:
    return _in(language, "sources.md")


def methodology(language: str | None = None) -> str:
    """A hand-written page (``docs/methodology.md``, ``docs/ru/methodology.md``) that generated pages link to."""
    return _in(language, "methodology.md")


def atom_feed(language: str | None = None) -> str:
    """The whole timeline's Atom feed, in each language's words."""
    return _in(language, "feed.xml")


def json_feed(language: str | None = None) -> str:
    return _in(language, "feed.json")


def about(language: str | None = None) -> str:
    return _in(language, "about.md")


def changelog(language: str | None = None) -> str:
    return _in(language, "changelog.md")


def citation(event_id: str | None, form: str) -> str:
    """An event's citation file in a :data:`CITATION_FORMATS` format; ``None`` for the whole dataset."""
    name = "dataset" if event_id is None else _slug(event_id)
    return f"cite/{name}.{CITATION_FORMATS[form]}"


def tag_feed(tag_id: str, form: str, language: str | None = None) -> str:
    """The Atom (``atom``) or JSON Feed (``json``) of one tag.

    At the root of its language's site, as the whole timeline's feeds are: Material's script reads
    every ``<link rel="alternate">`` of a page as another language of the site and fetches
    ``sitemap.xml`` beside it, which exists only at the root of each language's site (elsewhere: a
    404 on every tag page).
    """
    return _in(language, f"feed-tag-{_slug(tag_id)}.{FEED_FORMATS[form]}")


def status_feed(status: str, form: str, language: str | None = None) -> str:
    """The Atom (``atom``) or JSON Feed (``json``) of the events with one status (at the root, as :func:`tag_feed`)."""
    return _in(language, f"feed-status-{_slug(status)}.{FEED_FORMATS[form]}")


def indexes(language: str | None = None) -> set[str]:
    """The pages that summarise the whole timeline: home, About, and the lists of years, tags, places and sources."""
    return {
        home(language),
        years(language),
        tags(language),
        places(language),
        regions(language),
        sources(language),
        about(language),
        changelog(language),
    }


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


def in_its_site(path: str) -> str:
    """The address of a page or file from the root of its language's site, where the theme's
    templates resolve addresses (front matter read by ``main.html``): ``ru/feed.xml`` is ``feed.xml``."""
    return address(path).removeprefix(folder(language_of(path)))


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


def _same_site(path: str, here: str) -> str:
    """The folder of the language site both files are in; a Markdown link cannot leave it."""
    site = folder(language_of(here))
    if language_of(path) != language_of(here):
        # MkDocs checks a Markdown link against its own site's files, and each language is
        # a site of its own: a link to another language's page or a root download is raw HTML (href).
        raise ValueError(f"a Markdown link from {here} cannot reach {path} in another site; use href()")
    return site


def link(path: str, here: str) -> str:
    """A Markdown link from the generated file ``here`` to the generated file ``path`` of the same site."""
    _same_site(path, here)
    return posixpath.relpath(path, posixpath.dirname(here) or ".")


def root_link(path: str, here: str) -> str:
    """A Markdown link from ``here`` to ``path`` that climbs to its site's root first (``../years/index.md``)."""
    site = _same_site(path, here)
    return "../" * here.removeprefix(site).count("/") + path.removeprefix(site)


def source_file(event_id: str, year_of_date: int) -> str:
    """An event file's place in the repository: ``timeline/<year>/<id>.yaml``."""
    return f"timeline/{_slug(year_of_date)}/{_slug(event_id)}.yaml"
