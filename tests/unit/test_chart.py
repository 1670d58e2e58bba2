"""generator.renderer.chart: the figures as an inline SVG bar chart, drawn at build time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.model import Tag
from generator.renderer.chart import LABEL_CHARS, MAX_BARS, figures_chart
from generator.timeline import Timeline
from tests.helpers import make_event

SVG = "{http://www.w3.org/2000/svg}"
TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}


def chart(*figures: tuple[str, str, str], by: str = "Example Channel") -> str:
    events = [make_event(f"2024-01-{i + 1:02d}-e", figures=[f]) for i, f in enumerate(figures)]
    rows = Timeline(events, TAGS).figures()
    if by != "Example Channel":
        rows = [r.__class__(r.figure, r.claim.__class__(**{**r.claim.__dict__, "by": by}), r.event) for r in rows]
    return str(figures_chart(rows))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_counts_of_people_largest_first_as_valid_svg() -> None:
    svg = parse(
        chart(
            ("300", "people", "refused-to-fight"),
            ("50000", "people", "deserters"),
            ("12.5", "percent", "other"),
            ("10", "times", "deserters"),
            ("0", "people", "killed"),
        )
    )
    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == "Reported counts of people, largest first, logarithmic scale"
    bars = svg.findall(f"{SVG}g")
    assert [[t.text for t in bar.findall(f"{SVG}text")] for bar in bars] == [
        ["Deserters: Example Channel", "50,000"],
        ["Refused to fight: Example Channel", "300"],
    ]
    widths = [float(bar.find(f"{SVG}rect").get("width")) for bar in bars]  # type: ignore[union-attr,arg-type]
    assert widths[0] > widths[1] > 0


def test_no_counts_of_people_draws_nothing() -> None:
    assert chart(("12.5", "percent", "other")) == ""
    assert chart() == ""


def test_labels_are_escaped_and_shortened() -> None:
    svg = chart(("5", "people", "killed"), by="<script>alert(1)</script> & a very long name of a channel")
    assert "<script>" not in svg
    label = parse(svg).find(f"{SVG}g/{SVG}text")
    assert label is not None and label.text is not None
    assert label.text.startswith("Killed: <script>alert(1)</script> & a")
    assert label.text.endswith("…") and len(label.text) == LABEL_CHARS


def test_at_most_max_bars() -> None:
    figures = [(str(i + 1), "people", "deserters") for i in range(MAX_BARS + 3)]
    events = [make_event(f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}-e", figures=[f]) for i, f in enumerate(figures)]
    svg = parse(str(figures_chart(Timeline(events, TAGS).figures())))
    assert len(svg.findall(f"{SVG}g")) == MAX_BARS
