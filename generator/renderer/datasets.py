"""Research downloads: one CSV row per claim, per figure and per source, keyed by event id.

``events.csv`` has one row per event; a researcher who wants every claim with its text, every
figure as a number or every source with its address joins these to it on ``event_id``. Every
text cell goes through :func:`generator.renderer.exports.safe_cell` (no cell can start a formula);
numbers are written as plain decimals (``18000``, ``2.5``), never as prose.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from generator.model import Event
from generator.renderer.exports import safe_cell
from generator.timeline import Timeline

CLAIM_COLUMNS = [
    "event_id",
    "claim",
    "claimant",
    "kind",
    "date",
    "date_end",
    "approximate",
    "status",
    "text",
    "sources",
]
FIGURE_COLUMNS = ["event_id", "claim", "claimant", "value", "qualifier", "unit", "counts", "description", "scope"]
SOURCE_COLUMNS = [
    "event_id",
    "source_id",
    "url",
    "archive_url",
    "publisher",
    "title",
    "date",
    "language",
    "original_publisher",
    "original_url",
]
Row = Sequence[object]


def _table(columns: list[str], events: Iterable[Event], rows: Callable[[Event], Iterable[Row]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for event in events:
        for row in rows(event):
            writer.writerow([_text(value) for value in row])
    return out.getvalue()


def _text(value: object) -> str:
    """A cell: numbers as they are, text through ``safe_cell``, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return safe_cell(str(value))


def _claim_rows(event: Event) -> Iterable[Row]:
    for number, c in enumerate(event.claims, start=1):
        first, last = (c.date.first.iso(), c.date.last.iso() if c.date.last else None) if c.date else (None, None)
        approximate = c.date.approximate if c.date else None
        yield [event.id, number, c.by, c.kind, first, last, approximate, c.status, c.says, "; ".join(c.source_ids)]


def _figure_rows(event: Event) -> Iterable[Row]:
    for number, c in enumerate(event.claims, start=1):
        for f in c.figures:
            # a plain decimal: "18000", "2.5"; never "1.8E+4" or "18,000"
            value = format(f.value.normalize(), "f")
            yield [event.id, number, c.by, value, f.qualifier, f.unit, f.counts, f.description, f.scope]


def _source_rows(event: Event) -> Iterable[Row]:
    for s in event.sources:
        date = s.date.iso() if s.date else None
        original = [s.original_publisher, s.original_url]
        yield [event.id, s.id, s.url, s.archive_url, s.publisher, s.title, date, s.language, *original]


def claims_csv(timeline: Timeline) -> str:
    """``claims.csv``: one row per claim, numbered within its event as on the event page."""
    return _table(CLAIM_COLUMNS, timeline.events, _claim_rows)


def figures_csv(timeline: Timeline) -> str:
    """``figures.csv``: one row per figure, with its value as a number and the claim that states it."""
    return _table(FIGURE_COLUMNS, timeline.events, _figure_rows)


def sources_csv(timeline: Timeline) -> str:
    """``sources.csv``: one row per source of each event, with its address when it has one."""
    return _table(SOURCE_COLUMNS, timeline.events, _source_rows)
