"""Draw the reported figures as an inline SVG bar chart, at build time.

No charting service and no script: the chart is markup in the page, with a
text alternative, and the same numbers are in the table beside it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.renderer.escape import html_text
from generator.vocabulary import FIGURE_COUNTS

if TYPE_CHECKING:
    from generator.timeline import FigureRow

WIDTH = 560
ROW = 48
"""Each figure takes two lines: its label, then its bar and number, so that it stays legible when
the chart is scaled down to a phone's width (the stylesheet enlarges the text there)."""
BAR = WIDTH - 100
LABEL_CHARS = 52
MAX_BARS = 60
"""Past this many figures the chart shows the largest; the table lists them all."""


def figures_chart(rows: list[FigureRow]) -> Markup:
    """An SVG of the counts of people, on a logarithmic scale, largest first."""
    people = [r for r in rows if r.figure.unit == "people" and r.figure.value > 0]
    people = sorted(people, key=lambda r: (-r.figure.value, r.event.id))[:MAX_BARS]
    if not people:
        return Markup("")
    top = math.log10(float(max(r.figure.value for r in people)) * 1.1)
    height = ROW * len(people) + 10
    parts = [
        f'<svg class="tl-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="tl-chart-title" width="100%">',
        '<title id="tl-chart-title">Reported counts of people, largest first, logarithmic scale</title>',
    ]
    for i, row in enumerate(people):
        y = 4 + i * ROW
        length = max(2.0, BAR * math.log10(float(row.figure.value) + 1) / top)
        label = f"{FIGURE_COUNTS[row.figure.counts]}: {row.claim.by}"
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<g class="tl-bar tl-bar-{row.figure.counts}">'
            f'<text x="0" y="{y + 16}">{html_text(label)}</text>'
            f'<rect x="0" y="{y + 23}" width="{length:.1f}" height="14"></rect>'
            f'<text x="{length + 6:.1f}" y="{y + 36}">{_number(row.figure.value)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: Decimal) -> str:
    return f"{value:,}"
