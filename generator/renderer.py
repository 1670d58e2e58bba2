"""Render the timeline into Markdown pages with front matter, using Jinja templates.

Contributor text reaches templates only as data, never as template source, and
every ``{{ value }}`` is escaped for Markdown and HTML unless the template marks
it otherwise (``|h`` for raw HTML blocks, ``|yaml`` for front matter). Output
is plain Markdown, so another MkDocs-compatible builder could take over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import escape, jsonld, vocabulary
from generator.chart import figures_chart
from generator.model import Claim, Event, Figure
from generator.timeline import Timeline

LATEST_ON_HOME = 10
TIMELINE_PAGE_SIZE = 400
"""Events per timeline page; keeps every page well under 500 KB at any size."""


@dataclass(frozen=True)
class Settings:
    """Site settings the pages need."""

    repo_url: str | None = None
    """Where "propose a correction" links point, e.g. https://github.com/org/repo; None hides the link."""
    edit_branch: str = "main"
    site_url: str | None = None
    """The public address of the site, for feeds and JSON-LD; None gives site-relative links."""


def _finalize(value: Any) -> Any:
    """Escape every output for Markdown unless a filter already made it safe."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape.markdown(value)
    return value


def environment() -> Environment:
    """The Jinja environment: strict about undefined names, escaping by default."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
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
        figure=figure_words,
        status_words=lambda s: vocabulary.STATUSES[s],
        kind_words=lambda k: k.replace("-", " "),
        country=vocabulary.country_name,
        precision_words=lambda p: p.replace("-", " "),
        safe_markdown=Markup,
        plural=lambda n, word: f"{n} {word}" + ("" if n == 1 else "s"),
    )
    return env


def figure_words(figure: Figure) -> str:
    """``more than 18,000 people``, ``25%``, ``10 times``."""
    qualifier = vocabulary.QUALIFIERS[figure.qualifier]
    number = f"{figure.value:,}"
    if figure.unit == "percent":
        text = f"{number}%"
    elif figure.unit == "people" and figure.value == 1:
        text = f"{number} person"
    else:
        text = f"{number} {vocabulary.UNITS[figure.unit]}"
    return f"{qualifier} {text}".strip()


def location_words(event: Event) -> str:
    """``Luhansk region, Ukraine (Russian-occupied)``."""
    loc = event.location
    country = vocabulary.country_name(loc.country)
    text = loc.name if loc.name == country else f"{loc.name}, {country}"
    return text + (" (Russian-occupied)" if loc.occupied else "")


def claimant_kinds(event: Event) -> list[str]:
    """The kinds of claimant an event's claims come from, sorted."""
    return sorted({c.kind for c in event.claims})


def render_site(timeline: Timeline, settings: Settings) -> dict[str, str]:
    """Every generated page, by path relative to the docs folder."""
    env = environment()
    common = {
        "timeline": timeline,
        "settings": settings,
        "vocabulary": vocabulary,
        "location_words": location_words,
        "claimant_kinds": claimant_kinds,
    }
    pages: dict[str, str] = {}

    def render(name: str, out: str, **context: Any) -> None:
        pages[out] = env.get_template(name).render(**common, **context)

    render("home.md.j2", "index.md", latest=timeline.latest(LATEST_ON_HOME), figures=timeline.figures())
    chunks = [timeline.events[i: i + TIMELINE_PAGE_SIZE]
              for i in range(0, len(timeline.events), TIMELINE_PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        out = "timeline/index.md" if number == 1 else f"timeline/page-{number}.md"
        render("timeline.md.j2", out, events=chunk, page=number, pages=len(chunks))
    for year in timeline.years:
        render("year.md.j2", f"years/{year}.md", year=year, events=timeline.by_year[year])
    render("years.md.j2", "years/index.md")
    for event in timeline.events:
        render("event.md.j2", f"events/{event.id}.md", event=event, claims=_numbered(event),
               jsonld=jsonld.event_jsonld(event, timeline, settings),
               previous=timeline.previous(event), next=timeline.next(event), related=timeline.related(event))
    render("tags.md.j2", "tags/index.md")
    for tag_id, tag in timeline.tags.items():
        render("tag.md.j2", f"tags/{tag_id}.md", tag=tag, events=timeline.by_tag.get(tag_id, []))
    render("places.md.j2", "places/index.md")
    for slug, events in timeline.places.items():
        render("place.md.j2", f"places/{slug}.md", events=events, place=events[0].location)
    rows = timeline.figures()
    render("figures.md.j2", "figures.md", rows=rows, chart=figures_chart(rows))
    return pages


def _numbered(event: Event) -> list[tuple[int, Claim, list[int]]]:
    """Each claim with its number and the numbers of the sources it cites."""
    order = {s.id: i for i, s in enumerate(event.sources, start=1)}
    return [(i, c, [order[s] for s in c.source_ids]) for i, c in enumerate(event.claims, start=1)]
