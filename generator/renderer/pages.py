"""Render the timeline into Markdown pages with front matter, using Jinja templates.

Contributor text reaches templates only as data, never as template source, and
every ``{{ value }}`` is escaped for Markdown and HTML unless the template marks
it otherwise (``|h`` for raw HTML blocks, ``|yaml`` for front matter). Output
is plain Markdown, so another MkDocs-compatible builder could take over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from generator import languages, vocabulary
from generator.model import Claim, Event
from generator.project import Settings
from generator.renderer import changelog, escape, jsonld, regionmap, urls, words
from generator.renderer.aliases import search_aliases
from generator.renderer.chart import figure_charts
from generator.renderer.licence import DATA_LICENCE, attribution
from generator.renderer.markdown_html import markdown_html
from generator.renderer.pagination import paginate
from generator.renderer.timeaxis import time_axis
from generator.timeline import Timeline

LATEST_ON_HOME = 10


def _finalize(value: Any) -> Any:
    """Escape every output for Markdown unless a filter already made it safe."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape.markdown(value)
    return value


@pass_context
def _link(context: Context, path: str) -> Markup:
    """A Markdown link target from the page being rendered to the generated file ``path``."""
    return Markup(urls.link(path, context["here"]))


@pass_context
def _href(context: Context, path: str) -> Markup:
    """A raw-HTML link from the page being rendered to the page or file ``path``."""
    return Markup(urls.href(path, context["here"]))


@pass_context
def _root_link(context: Context, path: str) -> Markup:
    """A Markdown link target to ``path`` by way of the docs root, from the page being rendered."""
    return Markup(urls.root_link(path, context["here"]))


def _foreign(event: Event, part: str) -> str:
    """The language of a part of an event's text (``text``, ``claims``, ``corrections``) when it is
    not the page's: English shown on a Russian page where no translation is. Else ``""``."""
    code = getattr(event.origin, part) if event.origin is not None else ""
    return code if code and code != languages.current() else ""


def _lang_attribute(event: Event, part: str) -> Markup:
    """`` lang="en"`` for an HTML element holding English text on another language's page."""
    code = _foreign(event, part)
    return Markup(f' lang="{escape.html_text(code)}"') if code else Markup("")


def _in_language(text: str, event: Event, part: str) -> Markup:
    """Text for Markdown, in a ``<span lang="en">`` when it is English on another language's page."""
    code = _foreign(event, part)
    escaped = escape.markdown(text)
    return Markup(f'<span lang="{escape.html_text(code)}">{escaped}</span>') if code else Markup(escaped)


def _summary(event: Event) -> Markup:
    """The summary as Markdown; as HTML in a ``<div lang="en">`` when it is English on another language's page.

    The site renders no Markdown inside raw HTML (md_in_html stays off: it would let text add
    attributes), so an English summary on a Russian page is rendered here with the site's own
    extensions, contributor HTML kept as text; the site's sanitiser then checks it like any page.
    """
    code = _foreign(event, "text")
    if not code:
        return Markup(event.summary)
    return Markup(f'<div lang="{escape.html_text(code)}">\n{markdown_html(event.summary)}\n</div>')


def environment() -> Environment:
    """The Jinja environment: strict about undefined names, escaping by default."""
    env = Environment(
        loader=PackageLoader("generator.renderer", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # escaping is Markdown-aware, done by finalize and filters
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        h=escape.html_text,
        slug=escape.slug,
        yaml=escape.yaml_string,
        url=escape.link_target,
        figure=words.figure_words,
        status_words=words.status_meaning,
        status_name=words.status_name,
        number=words.number,
        kind_words=words.kind_words,
        sentence=lambda text: text[:1].upper() + text[1:],  # unlike |capitalize, keeps "NGO"
        country=vocabulary.country_name,
        precision_words=words.precision_words,
        safe_markdown=Markup,
        md=escape.markdown,  # contributor text going into a catalogue sentence, escaped before it goes in
        language_name=words.language_name,
        host=lambda url: urlsplit(url).hostname or "",
    )
    words.install(env)
    env.globals.update(
        licence=DATA_LICENCE,
        attribution=attribution,
        urls=urls,
        link=_link,
        root_link=_root_link,
        href=_href,
        address=lambda path: Markup(urls.address(path)),
        lang_attribute=_lang_attribute,
        translation_notice=words.translation_notice,
        in_language=_in_language,
        summary=_summary,
    )
    return env


def claimant_kinds(event: Event) -> list[str]:
    """The kinds of claimant an event's claims come from, sorted."""
    return sorted({c.kind for c in event.claims})


def event_years(event: Event) -> list[int]:
    """Every year an event's date range overlaps: the year filter and year pages list it under each."""
    return event.date.years()


_ROW_HELPERS: dict[str, Any] = {
    "location_words": words.location_words,
    "claimant_kinds": claimant_kinds,
    "sourcing_words": words.sourcing_words,
    "event_years": event_years,
}
"""What an event row needs, for the cached row macro and for every page."""


class SiteRenderer:
    """Renders the pages of a timeline.

    One renderer can render many versions of a timeline (``timeline serve``): each
    event's list row is cached by the event's fingerprint, so long listing pages are
    joined from cached rows and only changed events are rendered again.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.env = environment()
        self._rows: dict[tuple[str, str, str], str] = {}
        self._row_macro = (
            self.env.get_template("_macros.md.j2")
            .make_module({"timeline": None, **_ROW_HELPERS})
            .__getattribute__("event_row")  # macros are attributes made at run time
        )

    def forget_rows(self, timeline: Timeline) -> None:
        """Keep cached rows only for the events of ``timeline``, so that a long ``serve`` stays bounded."""
        live = {e.fingerprint for e in timeline.events}
        for key in [k for k in self._rows if k[0] not in live]:
            del self._rows[key]

    def event_list(self, timeline: Timeline, events: list[Event], up: str) -> Markup:
        """The ``<ol>`` of event rows, ``up`` being the path from the page to the site root."""
        rows = []
        for event in events:
            key = (event.fingerprint, up, languages.current())  # a row is in one language
            row = self._rows.get(key) if event.fingerprint else None
            if row is None:
                row = str(self._row_macro(event, up, timeline.tags))
                if event.fingerprint:  # an event made without one (not read from a file) would share the key ""
                    self._rows[key] = row
            rows.append(row)
        return Markup('<ol class="tl-list">\n' + "\n".join(rows) + "\n</ol>")

    def _common(self, timeline: Timeline) -> dict[str, Any]:
        """What every page's template is given."""
        return {
            "timeline": timeline,
            "settings": self.settings,
            "site_title": words.gettext(words.SITE_TITLE),
            "language": languages.current(),
            "vocabulary": vocabulary,
            **_ROW_HELPERS,
            "basis_words": words.basis_words,
            "event_list": lambda events, up: self.event_list(timeline, events, up),
            "time_axis": time_axis,
            "region_map": regionmap.region_map,
            "map_legend": regionmap.legend,
            "map_notice": regionmap.outlines().notice,
            "region_name": regionmap.region_name,
            "occupied_words": regionmap.occupied_words,
        }

    def event_page(self, timeline: Timeline, event: Event) -> str:
        """One event's page (``timeline serve`` renders an edited event's page before the rest)."""
        return self.env.get_template("event.md.j2").render(
            **self._common(timeline),
            here=urls.event(event.id),
            event=event,
            claims=_numbered(event),
            jsonld=jsonld.event_jsonld(event, timeline, self.settings),
            previous=timeline.previous(event),
            next=timeline.next(event),
            related=timeline.related(event),
            aliases=search_aliases(event),
        )

    def pages(self, timeline: Timeline) -> dict[str, Callable[[], str]]:
        """Every generated page by path, each as a function that renders it."""
        common = self._common(timeline)

        def page(name: str, here: str, **context: Any) -> Callable[[], str]:
            return lambda: self.env.get_template(name).render(**common, here=here, **context)

        def event_page(event: Event) -> Callable[[], str]:
            return lambda: self.event_page(timeline, event)

        plan: dict[str, Callable[[], str]] = {
            urls.home(): page(
                "home.md.j2", urls.home(), latest=timeline.latest(LATEST_ON_HOME), figures=timeline.figures()
            ),
        }
        for pager, chunk in paginate(urls.timeline(), timeline.events):
            plan[pager.path] = page("timeline.md.j2", pager.path, events=chunk, pager=pager)
        for year in timeline.years:
            for pager, chunk in paginate(urls.year(year), timeline.by_year[year]):
                plan[pager.path] = page("year.md.j2", pager.path, year=year, events=chunk, pager=pager)
        plan[urls.years()] = page("years.md.j2", urls.years())
        for event in timeline.events:
            plan[urls.event(event.id)] = event_page(event)
        plan[urls.tags()] = page("tags.md.j2", urls.tags())
        for tag_id, tag in timeline.tags.items():
            for pager, chunk in paginate(urls.tag(tag_id), timeline.by_tag.get(tag_id, [])):
                plan[pager.path] = page("tag.md.j2", pager.path, tag=tag, events=chunk, pager=pager)
        plan[urls.places()] = page("places.md.j2", urls.places())
        plan.update(_region_pages(timeline, page))
        plan[urls.sources()] = page("sources.md.j2", urls.sources())
        plan[urls.about()] = page("about.md.j2", urls.about())
        plan |= _history_pages(timeline, page)
        for slug, events in timeline.places.items():
            for pager, chunk in paginate(urls.place(slug), events):
                plan[pager.path] = page(
                    "place.md.j2", pager.path, events=chunk, place=events[0].location, total=len(events), pager=pager
                )
        rows = timeline.figures()
        charts = figure_charts(rows)
        for pager, page_rows in paginate(urls.figures(), rows):
            plan[pager.path] = page(
                "figures.md.j2", pager.path, rows=page_rows, charts=charts, total=len(rows), pager=pager
            )
        return plan


def _history_pages(timeline: Timeline, page: Callable[..., Callable[[], str]]) -> dict[str, Callable[[], str]]:
    """The changelog, and a page at each old address (``timeline/redirects.yaml``) that links on."""
    history = changelog.versions(timeline)
    plan = {
        urls.changelog(): page(
            "changelog.md.j2", urls.changelog(), shown=history[: changelog.PAGE_VERSIONS], total=len(history)
        )
    }
    for redirect in timeline.redirects:
        target = timeline.by_id.get(redirect.to or "")
        plan[urls.event(redirect.old_id)] = page(
            "moved.md.j2", urls.event(redirect.old_id), redirect=redirect, target=target
        )
    return plan


def _region_pages(timeline: Timeline, page: Callable[..., Callable[[], str]]) -> dict[str, Callable[[], str]]:
    """The map of regions and one page per region with events."""
    plan = {urls.regions(): page("regions.md.j2", urls.regions())}
    for code, events in timeline.by_region.items():
        for pager, chunk in paginate(urls.region(code), events):
            plan[pager.path] = page("region.md.j2", pager.path, code=code, events=chunk, total=len(events), pager=pager)
    return plan


def render_site(timeline: Timeline, settings: Settings) -> dict[str, str]:
    """Every generated page, by path relative to the docs folder."""
    return {path: render() for path, render in SiteRenderer(settings).pages(timeline).items()}


def _numbered(event: Event) -> list[tuple[int, Claim, list[int]]]:
    """Each claim with its number and the numbers of the sources it cites."""
    order = {s.id: i for i, s in enumerate(event.sources, start=1)}
    return [(i, c, [order[s] for s in c.source_ids]) for i, c in enumerate(event.claims, start=1)]
