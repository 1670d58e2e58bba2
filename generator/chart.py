"""Draw the reported figures as an inline SVG bar chart, at build time.

No charting service and no script: the chart is markup in the page, with a
text alternative, and the same numbers are in the table beside it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.escape import html_text
from generator.vocabulary import FIGURE_COUNTS

if TYPE_CHECKING:
    from generator.timeline import FigureRow

WIDTH = 720
ROW = 26
LABEL = 300
BAR = WIDTH - LABEL - 90
MAX_BARS = 60
"""Past this many figures the chart shows the largest; the table lists them all."""


def figures_chart(rows: list[FigureRow]) -> Markup:
    """An SVG of the counts of people, on a logarithmic scale, largest first."""
    people = [r for r in rows if r.figure.unit == "people" and r.figure.value > 0]
    people = sorted(people, key=lambda r: (-r.figure.value, r.event.id))[:MAX_BARS]
    if not people:
        return Markup("")
    top = math.log10(float(max(r.figure.value for r in people)) * 1.1)
    height = ROW * len(people) + 30
    parts = [
        f'<svg class="tl-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="tl-chart-title" width="100%">',
        '<title id="tl-chart-title">Reported counts of people, largest first, logarithmic scale</title>',
    ]
    for i, row in enumerate(people):
        y = 10 + i * ROW
        length = max(2.0, BAR * math.log10(float(row.figure.value) + 1) / top)
        label = f"{FIGURE_COUNTS[row.figure.counts]}: {row.claim.by}"
        if len(label) > 46:
            label = label[:45] + "…"
        parts.append(
            f'<g class="tl-bar tl-bar-{row.figure.counts}">'
            f'<text x="{LABEL - 8}" y="{y + 16}" text-anchor="end">{html_text(label)}</text>'
            f'<rect x="{LABEL}" y="{y + 4}" width="{length:.1f}" height="{ROW - 8}"></rect>'
            f'<text x="{LABEL + length + 6:.1f}" y="{y + 16}">{_number(row.figure.value)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: Decimal) -> str:
    return f"{value:,}"
