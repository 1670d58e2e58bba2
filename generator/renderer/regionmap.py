"""The map of regions: Ukraine's and Russia's, as an inline SVG drawn at build time.

The outlines come from ``regions-map.json`` beside this module, derived once by
``tools/derive_map.py`` from packaged, licensed sources (its ``notice`` says which; the map
page shows it), so the build needs neither the sources nor any service. Crimea (UA-43) and
Sevastopol (UA-40) are drawn in Ukraine, as the ISO 3166-2 standard has them, and the regions
Russia occupies wholly or in part are marked as occupied. Each region is shaded by its number
of events and, when it has any, links to its page; the table beside the map has the same numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup

from generator.model import Event
from generator.renderer import urls, words
from generator.renderer.escape import html_text
from generator.validation.regions import REGION_NAMES

OCCUPIED = {
    "UA-43": "wholly",
    "UA-40": "wholly",
    "UA-09": "partly",
    "UA-14": "partly",
    "UA-23": "partly",
    "UA-65": "partly",
}
"""Ukrainian regions Russia occupies, wholly (since 2014) or in part (since 2014 or 2022), as the map marks them."""
SHADES = ((0, "0"), (1, "1"), (2, "2"), (4, "3"), (10, "4"))
"""Event counts from which each shade starts: none, 1, 2-3, 4-9, 10 or more."""


@dataclass(frozen=True, kw_only=True)
class Outlines:
    """The map's drawing: its size, the panels' tops, each region's outline and the licence notes."""

    width: int
    height: int
    paths: dict[str, str]
    """ISO 3166-2 code to SVG path data."""
    notice: dict[str, str]
    """Where each country's outlines come from, and under which licence."""


@cache
def outlines() -> Outlines:
    """The committed outlines (read once per process)."""
    data = json.loads(resources.files("generator.renderer").joinpath("regions-map.json").read_text(encoding="utf-8"))
    return Outlines(
        width=data["width"],
        height=data["height"],
        paths={r["code"]: r["d"] for r in data["regions"]},
        notice=data["notice"],
    )


@cache
def outline_data() -> frozenset[str]:
    """Every outline the map may draw: the sanitiser lets a path's ``d`` through only when it is one of these."""
    return frozenset(outlines().paths.values())


def shade(count: int) -> str:
    """The shade class's number for ``count`` events."""
    return next(name for start, name in reversed(SHADES) if count >= start)


def region_name(code: str) -> str:
    """The standard's name of a region, with its code: ``Avtonomna Respublika Krym (UA-43)``."""
    return f"{REGION_NAMES.get(code, code)} ({code})"


def occupied_words(code: str) -> str:
    """``occupied by Russia`` / ``partly occupied by Russia`` / empty."""
    how = OCCUPIED.get(code)
    if how is None:
        return ""
    return words.gettext("occupied by Russia") if how == "wholly" else words.gettext("partly occupied by Russia")


def region_map(by_region: dict[str, list[Event]], here: str, *, small: bool = False) -> Markup:
    """The map, for the page whose generated file is ``here``; ``small`` for the home page."""
    drawing = outlines()
    key = "tl-map-title"
    title = words.gettext("Events by region of Ukraine and Russia; darker regions have more events")
    parts = [
        f'<svg class="tl-map{" tl-map-small" if small else ""}" viewBox="0 0 {drawing.width} {drawing.height}" '
        f'width="100%" role="group" aria-labelledby="{key}">',
        f'<title id="{key}">{html_text(title)}</title>',
    ]
    for code, d in sorted(drawing.paths.items()):
        count = len(by_region.get(code, []))
        classes = f"tl-region tl-n{shade(count)}" + (
            f" tl-occupied tl-occupied-{OCCUPIED[code]}" if code in OCCUPIED else ""
        )
        name = words.ngettext(
            "%(region)s: %(num)d event", "%(region)s: %(num)d events", count, region=region_name(code)
        )
        if code in OCCUPIED:
            name += f" ({occupied_words(code)})"
        path = f'<path class="{classes}" data-region="{code}" d="{d}"></path>'
        if count:
            parts.append(f'<a href="{urls.href(urls.region(code), here)}" aria-label="{html_text(name)}">{path}</a>')
        else:
            parts.append(f"<g><title>{html_text(name)}</title>{path}</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def legend() -> Markup:
    """The shades and the occupied marking, as an HTML list that wraps on a phone."""
    labels = [words.gettext("no events"), "1", "2–3", "4–9", words.gettext("10 or more")]
    items = [
        f'<li><span class="tl-swatch tl-n{name}" aria-hidden="true"></span>{html_text(label)}</li>'
        for (_, name), label in zip(SHADES, labels, strict=True)
    ]
    occupied = words.gettext("occupied by Russia, wholly or in part (dashed outline)")
    items.append(f'<li><span class="tl-swatch tl-occupied-swatch" aria-hidden="true"></span>{html_text(occupied)}</li>')
    label = words.gettext("Legend")
    html = f'<ul class="tl-legend" aria-label="{html_text(label)}">{"".join(items)}</ul>'
    return Markup(html)
