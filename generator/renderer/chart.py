"""Draw the reported figures over time as inline SVG charts, one per kind of count, at build time.

No charting service and no script: each chart is markup in the page, with a title, and the
same numbers are in the table beside it. Counts of different things (deserters, killed,
wounded) and different units never share an axis: each (kind, unit) gets its own chart, so a
reader never compares a count of the dead with a count of deserters by bar length. Each figure
sits at the date of its claim (when a number was said, not the period it covers), is marked by
the kind of its claimant (a shape and a colour, with a legend) and carries its qualifier.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_compact_decimal
from markupsafe import Markup

from generator import languages
from generator.languages import N_
from generator.renderer import words
from generator.renderer.escape import html_text
from generator.vocabulary import CLAIMANT_KINDS, FIGURE_COUNTS, QUALIFIERS, UNITS

UNIT_WORDS = {"people": N_("people"), "percent": N_("per cent"), "times": N_("times")}
"""Each unit as a chart's title names it: ``Deserters (people)``."""

if TYPE_CHECKING:
    from generator.timeline import FigureRow

WIDTH = 560
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32
"""Room for the value axis's labels on the left and the years below."""
MAX_POINTS = 24
"""Past this many figures of one kind the chart (and the table beside it) shows the latest; the full
table under all the charts lists every figure. Keeps the figures page under 500 KB at 10,000 events."""
MAX_UNDATED = 6
"""Figures without a claim date listed beside a chart (they cannot be drawn); the full table has them all."""
LABELLED = 10
"""Up to this many points, each carries its number and qualifier as text beside it; past it the
labels would overlap, so the qualifier stays in each point's title and in the table."""
MARKS = dict(zip(CLAIMANT_KINDS, "●■▲◆▼★✚✖◉", strict=True))
"""One shape per claimant kind (coloured by the stylesheet as well): shapes survive grey print."""


@dataclass(frozen=True, kw_only=True)
class FigureChart:
    """One kind of count in one unit: its chart and the rows it draws."""

    key: str
    """``deserters-people``: the chart's id on the page."""
    title: str
    """``Deserters (people)``."""
    svg: Markup
    """The chart; empty when no figure of this kind has a claim date."""
    rows: list[FigureRow]
    """The figures the table beside the chart lists: those drawn, then up to :data:`MAX_UNDATED` undated ones."""
    total: int
    """How many figures of this kind there are in all."""
    undated: int
    """How many of them have no claim date, so are in the table but not on the chart."""
    legend: Markup
    """The claimant kinds on the chart, each with its shape: an HTML list, so that it wraps on a phone."""


def claim_day(row: FigureRow) -> datetime.date | None:
    """The day a figure was claimed, if known: the earliest day the claim's date could mean."""
    return row.claim.date.earliest() if row.claim.date else None


def figure_charts(rows: list[FigureRow]) -> list[FigureChart]:
    """One chart per kind of count and unit with at least one figure, in vocabulary order."""
    groups: dict[tuple[str, str], list[FigureRow]] = {}
    for row in rows:
        groups.setdefault((row.figure.counts, row.figure.unit), []).append(row)
    order = {key: i for i, key in enumerate(FIGURE_COUNTS)}
    units = {key: i for i, key in enumerate(UNITS)}
    charts = []
    for counts, unit in sorted(groups, key=lambda k: (order[k[0]], units[k[1]])):
        group = sorted(groups[(counts, unit)], key=_order)
        title = words.gettext("%(counts)s (%(unit)s)") % {
            "counts": words.gettext(FIGURE_COUNTS[counts]),
            "unit": words.gettext(UNIT_WORDS[unit]),
        }
        dated = [r for r in group if claim_day(r)][-MAX_POINTS:]
        undated = [r for r in group if not claim_day(r)]
        charts.append(
            FigureChart(
                key=f"{counts}-{unit}",
                title=title,
                svg=_svg(f"{counts}-{unit}", title, dated),
                rows=dated + undated[:MAX_UNDATED],
                total=len(group),
                undated=len(undated),
                legend=_legend(sorted({r.claim.kind for r in dated}, key=list(CLAIMANT_KINDS).index)),
            )
        )
    return charts


def _order(row: FigureRow) -> tuple[int, datetime.date, str]:
    day = claim_day(row)
    return (0, day, row.event.id) if day else (1, datetime.date.min, row.event.id)


def _svg(key: str, title: str, rows: list[FigureRow]) -> Markup:
    """The chart of ``rows``: time across, the number up, a linear scale from zero."""
    if not rows:
        return Markup("")
    days = [claim_day(r) or datetime.date.min for r in rows]
    start = days[0].replace(day=1)
    end = max(days[-1], start) + datetime.timedelta(days=31)
    top = _nice(max(r.figure.value for r in rows))
    span = (end - start).days

    def x(day: datetime.date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span

    def y(value: Decimal) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * float(value / top if top else 0)

    parts = [
        f'<svg class="tl-chart tl-over-time" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="tl-chart-{key}" width="100%">',
        f'<title id="tl-chart-{key}">{html_text(title)}</title>',
        *_axes(start, end, top, x, y),
    ]
    for row, day in zip(rows, days, strict=True):
        parts.append(_point(row, x(day), y(row.figure.value), labelled=len(rows) <= LABELLED))
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice(value: Decimal) -> Decimal:
    """The top of the value axis: 1, 2 or 5 times a power of ten, at or above ``value``."""
    step = Decimal(1)
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def _axes(
    start: datetime.date,
    end: datetime.date,
    top: Decimal,
    x: Callable[[datetime.date], float],
    y: Callable[[Decimal], float],
) -> list[str]:
    base = HEIGHT - BOTTOM
    parts = [
        f'<line class="tl-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"></line>',
        f'<line class="tl-axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}"></line>',
    ]
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        value = top * fraction
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 5:.1f}" text-anchor="end">{_short(value)}</text>')
        if fraction:
            level = f"{y(value):.1f}"
            parts.append(f'<line class="tl-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{level}" y2="{level}"></line>')
    years = range(start.year + (start.month > 1), end.year + 1)
    step = max(1, len(years) // 5 + (len(years) % 5 > 0))
    for year in list(years)[::step] or [start.year]:
        at = x(max(start, datetime.date(year, 1, 1)))
        parts.append(f'<text x="{at:.1f}" y="{base + 22}" text-anchor="middle">{year}</text>')
    return parts


def _legend(kinds: list[str]) -> Markup:
    if not kinds:
        return Markup("")
    items = "".join(
        f'<li class="tl-kind-{kind}"><span aria-hidden="true">{MARKS[kind]}</span> '
        f"{html_text(words.kind_words(kind))}</li>"
        for kind in kinds
    )
    label = words.gettext("Claimant kinds")
    html = f'<ul class="tl-legend" aria-label="{html_text(label)}">{items}</ul>'
    return Markup(html)


def _point(row: FigureRow, px: float, py: float, *, labelled: bool) -> str:
    figure, claim = row.figure, row.claim
    said = words.figure_words(figure)
    name = words.gettext("%(figure)s, claimed by %(by)s (%(kind)s), %(when)s") % {
        "figure": said,
        "by": claim.by,
        "kind": words.kind_words(claim.kind),
        "when": claim.date.words() if claim.date else "",
    }
    label = ""
    if labelled:
        qualifier = QUALIFIERS[figure.qualifier]
        text = f"{words.gettext(qualifier) if qualifier else ''} {_short(figure.value)}".strip()
        anchor = "end" if px > WIDTH - 90 else "start"
        dx = -9 if anchor == "end" else 9
        label = f'<text class="tl-point-label" x="{px + dx:.1f}" y="{py - 6:.1f}" text-anchor="{anchor}">{text}</text>'
    return (
        f'<g class="tl-point tl-kind-{claim.kind} tl-q-{figure.qualifier}"><title>{html_text(name)}</title>'
        f'<text x="{px:.1f}" y="{py + 5:.1f}" text-anchor="middle">{MARKS[claim.kind]}</text>{label}</g>'
    )


def _short(value: Decimal) -> str:
    """``18k``, ``1.2M``, ``350``: short enough for an axis or a label; the table has the full number.

    Other languages take CLDR's short forms (``18 тыс.``)."""
    if languages.current() != languages.DEFAULT:
        return str(format_compact_decimal(value, locale=languages.locale(), fraction_digits=1))
    for size, suffix in ((Decimal(1_000_000), "M"), (Decimal(1000), "k")):
        if value >= size:
            return f"{(value / size).quantize(Decimal('0.1')).normalize():f}{suffix}"
    return f"{value.normalize():f}"
