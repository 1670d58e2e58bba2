"""The time axis: when events happened, as an inline SVG drawn at build time, months across.

Each event is one mark that links to its page, named for screen readers by its title, date and
status, and reachable by keyboard (an SVG link is focusable like any other). A known day is a
short mark, a range or a date known only to the month is a span over every day it could mean,
and an approximate date is drawn dashed, so the picture never claims more precision than the
sources. Colour says the status, and a legend says which colour is which.

Past :data:`AGGREGATE_AT` events the marks would be too many to read and too heavy to download
(a page at 10,000 events must stay under 500 KB), so the axis shows events per month instead:
one bar per month with its count, linking to that year's page.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from generator.dates import month_name, month_year
from generator.model import Event
from generator.renderer import urls, words
from generator.renderer.escape import html_text
from generator.vocabulary import STATUSES

MONTH = 16
"""The narrowest a month is drawn: about a day per half-pixel, so a week-long range is visibly a span."""
WIDE = 720
"""A short axis (a year page's) is stretched to this width, so its marks are easy to hit."""
LANE = 11
MAX_LANES = 14
"""Overlapping events stack in lanes; past this many, marks share lanes (the list below has them all)."""
TOP, AXIS = 6, 30
AGGREGATE_AT = 400
"""From this many events on, the axis counts events per month instead of drawing each one."""
BAR = 60
"""The height of the tallest month's bar, when aggregated."""


@dataclass(frozen=True, kw_only=True)
class Span:
    """The months the axis covers, and where a day falls on it."""

    first: datetime.date
    months: int
    month_width: float = MONTH

    @classmethod
    def of(cls, events: list[Event]) -> Span:
        start = min(e.date.earliest() for e in events).replace(day=1)
        end = max(e.date.latest() for e in events)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return cls(first=start, months=months, month_width=max(MONTH, WIDE / months))

    @property
    def width(self) -> int:
        return round(self.months * self.month_width)

    def x(self, day: datetime.date) -> float:
        months = (day.year - self.first.year) * 12 + day.month - self.first.month
        return (months + (day.day - 1) / 31) * self.month_width

    def month(self, index: int) -> tuple[int, int]:
        total = self.first.month - 1 + index
        return self.first.year + total // 12, total % 12 + 1


def time_axis(events: list[Event], here: str, *, aggregate: bool | None = None) -> Markup:
    """The time axis of ``events`` for the page whose generated file is ``here``; empty without events.

    ``aggregate`` forces the per-month bars (the home page's small axis); by default they are
    drawn only from :data:`AGGREGATE_AT` events on.
    """
    if not events:
        return Markup("")
    span = Span.of(events)
    if aggregate if aggregate is not None else len(events) >= AGGREGATE_AT:
        body, height, note = _bars(events, span, here)
    else:
        body, height, note = _marks(events, span, here)
    title = words.gettext("When the events happened, %(first)s to %(last)s") % {
        "first": month_year(span.first.year, span.first.month),
        "last": month_year(*span.month(span.months - 1)),
    }
    key = "tl-axis-title"
    svg = (
        f'<svg class="tl-timeaxis" viewBox="0 0 {span.width} {height + AXIS}" width="{span.width}" '
        f'height="{height + AXIS}" role="group" aria-labelledby="{key}">'
        f'<title id="{key}">{html_text(title)}</title>{body}{_months(span, height)}</svg>'
    )
    figure = (
        f'<figure class="tl-axis-figure"><div class="tl-axis-scroll">{svg}</div>'
        f"<figcaption>{html_text(note)}</figcaption>{legend() if not aggregate else ''}</figure>"
    )
    return Markup(figure)


def _lanes(events: list[Event]) -> list[int]:
    """A lane for each event, so that marks overlapping in time stack instead of hiding each other."""
    ends: list[datetime.date] = []
    lanes: list[int] = []
    for event in events:
        start = event.date.earliest()
        lane = next((i for i, end in enumerate(ends) if end < start), None)
        if lane is None:
            lane = len(ends) if len(ends) < MAX_LANES else len(lanes) % MAX_LANES
            if lane == len(ends):
                ends.append(start)
        ends[lane] = max(ends[lane], event.date.latest() + datetime.timedelta(days=3))
        lanes.append(lane)
    return lanes


def _marks(events: list[Event], span: Span, here: str) -> tuple[str, int, str]:
    lanes = _lanes(events)
    parts = []
    for event, lane in zip(events, lanes, strict=True):
        x = span.x(event.date.earliest())
        width = max(4.0, span.x(event.date.latest()) + span.month_width / 31 - x)
        shape = "tl-approx" if event.date.approximate else ("tl-range" if event.date.precision_days() > 1 else "tl-day")
        name = words.gettext("%(title)s, %(date)s, %(status)s") % {
            "title": event.title,
            "date": event.date.words(),
            "status": words.status_name(event.status),
        }
        parts.append(
            f'<a href="{urls.href(urls.event(event.id), here)}" aria-label="{html_text(name)}">'
            f'<rect class="tl-mark tl-s-{event.status} {shape}" x="{x:.1f}" y="{TOP + lane * LANE}" '
            f'width="{width:.1f}" height="{LANE - 3}"></rect></a>'
        )
    height = TOP + (max(lanes) + 1) * LANE
    note = words.ngettext(
        "%(num)d event, one mark each: select a mark to open its event.",
        "%(num)d events, one mark each: select a mark to open its event.",
        len(events),
    )
    return "".join(parts), height, note


def _bars(events: list[Event], span: Span, here: str) -> tuple[str, int, str]:
    counts = Counter(span.month(_index(span, e.date.earliest())) for e in events)
    top = max(counts.values())
    parts = []
    for index in range(span.months):
        year, month = span.month(index)
        count = counts.get((year, month), 0)
        if not count:
            continue
        height = max(2.0, BAR * count / top)
        name = words.ngettext(
            "%(month)s: %(num)d event", "%(month)s: %(num)d events", count, month=month_year(year, month)
        )
        parts.append(
            f'<a href="{urls.href(urls.year(year), here)}" aria-label="{html_text(name)}">'
            f'<rect class="tl-bar-month" x="{index * span.month_width + 2:.1f}" y="{TOP + BAR - height:.1f}" '
            f'width="{span.month_width - 4:.1f}" height="{height:.1f}"></rect></a>'
        )
    note = words.gettext("Events per month (the tallest bar is %(top)d): select a bar to open that year.") % {
        "top": top
    }
    return "".join(parts), TOP + BAR, note


def _index(span: Span, day: datetime.date) -> int:
    return (day.year - span.first.year) * 12 + day.month - span.first.month


def _months(span: Span, height: int) -> str:
    """The axis: a tick per month, the month's initial, and the year under each January (and the first month)."""
    parts = [f'<line class="tl-axis" x1="0" x2="{span.width}" y1="{height + 2}" y2="{height + 2}"></line>']
    for index in range(span.months):
        year, month = span.month(index)
        x = round(index * span.month_width, 1)
        middle = x + span.month_width / 2
        parts.append(f'<text class="tl-month" x="{middle:.1f}" y="{height + 13}" text-anchor="middle">')
        parts.append(f"{html_text(month_name(month, 'narrow'))}</text>")
        if month == 1 or index == 0:
            parts.append(f'<line class="tl-axis" x1="{x}" x2="{x}" y1="0" y2="{height + 26}"></line>')
            parts.append(f'<text class="tl-year" x="{x + 2}" y="{height + 26}">{year}</text>')
    return "".join(parts)


def legend() -> Markup:
    """The statuses' colours, and how a range and an approximate date are drawn."""
    swatches = [(f"tl-s-{status}", words.status_name(status)) for status in STATUSES]
    swatches += [("tl-range", words.gettext("a range of days")), ("tl-approx", words.gettext("an approximate date"))]
    items = "".join(
        f'<li><span class="tl-swatch {kind}" aria-hidden="true"></span>{html_text(label)}</li>'
        for kind, label in swatches
    )
    label = words.gettext("Legend")
    html = f'<ul class="tl-legend tl-axis-legend" aria-label="{html_text(label)}">{items}</ul>'
    return Markup(html)
