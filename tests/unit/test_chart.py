"""generator.renderer.chart: the figures over time, one inline SVG chart per kind of count, drawn at build time."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from generator.dates import DateSpan, PartialDate
from generator.model import Tag
from generator.renderer.chart import LABELLED, MARKS, MAX_POINTS, figure_charts
from generator.timeline import FigureRow, Timeline
from tests.helpers import make_event

SVG = "{http://www.w3.org/2000/svg}"
TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}


def rows(*figures: tuple[str, str, str], claimed: list[str | None] | None = None, **claim: str) -> list[FigureRow]:
    """One event per figure; each claim dated by ``claimed`` (a day, or None), changed by ``claim``."""
    events = [make_event(f"{2024 + i // 28}-01-{1 + i % 28:02d}-e", figures=[f]) for i, f in enumerate(figures)]
    out = []
    for row, day in zip(Timeline(events, TAGS).figures(), claimed or ["2024-02-01"] * len(figures), strict=True):
        date = DateSpan(PartialDate.parse(day)) if day else None
        out.append(dataclasses.replace(row, claim=dataclasses.replace(row.claim, date=date, **claim)))
    return out


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_one_titled_chart_per_kind_of_count_and_unit() -> None:
    charts = figure_charts(
        rows(("300", "people", "refused-to-fight"), ("50000", "people", "deserters"), ("12.5", "percent", "deserters"))
    )
    assert [c.title for c in charts] == ["Deserters (people)", "Deserters (per cent)", "Refused to fight (people)"]
    for chart in charts:
        svg = parse(chart.svg)
        assert svg.findtext(f"{SVG}title") == chart.title
        assert len(svg.findall(f"{SVG}g")) == 1, "figures of different kinds or units never share a chart"


def test_each_figure_sits_at_its_claim_date_marked_by_claimant_kind() -> None:
    (chart,) = figure_charts(
        rows(("10", "people", "killed"), ("20", "people", "killed"), claimed=["2024-03-01", "2025-06-01"])
    )
    points = parse(chart.svg).findall(f"{SVG}g")
    xs = [float(p.findall(f"{SVG}text")[0].get("x") or 0) for p in points]
    ys = [float(p.findall(f"{SVG}text")[0].get("y") or 0) for p in points]
    assert xs[0] < xs[1] and ys[0] > ys[1], "later and larger is further right and higher"
    assert all(p.get("class") == "tl-point tl-kind-telegram-channel tl-q-about" for p in points)
    assert points[0].findall(f"{SVG}text")[0].text == MARKS["telegram-channel"]
    assert "Telegram channel" in chart.legend


def test_each_point_is_labelled_with_its_qualifier_and_named_in_full() -> None:
    (chart,) = figure_charts(rows(("18000", "people", "deserters")))
    point = parse(chart.svg).find(f"{SVG}g")
    assert point is not None
    assert (
        point.findtext(f"{SVG}title")
        == "about 18,000 people, claimed by Example Channel (Telegram channel), 1 February 2024"
    )
    assert point.findall(f"{SVG}text")[1].text == "about 18k"


def test_undated_figures_are_in_the_table_only() -> None:
    (chart,) = figure_charts(rows(("5", "people", "wounded"), ("6", "people", "wounded"), claimed=[None, "2024-05-05"]))
    assert chart.undated == 1 and len(chart.rows) == 2
    assert len(parse(chart.svg).findall(f"{SVG}g")) == 1
    (none,) = figure_charts(rows(("5", "people", "wounded"), claimed=[None]))
    assert none.svg == "" and none.rows


def test_claimant_text_is_escaped() -> None:
    (chart,) = figure_charts(rows(("5", "people", "killed"), by="<script>alert(1)</script>"))
    assert "<script>" not in chart.svg
    assert "<script>alert(1)</script>" in (parse(chart.svg).findtext(f"{SVG}g/{SVG}title") or "")


def test_many_points_drop_their_labels_and_stop_at_max_points() -> None:
    figures = [(str(i + 1), "people", "deserters") for i in range(MAX_POINTS + 3)]
    days = [f"{2020 + i // 300}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}" for i in range(len(figures))]
    (chart,) = figure_charts(rows(*figures, claimed=sorted(days)))
    points = parse(chart.svg).findall(f"{SVG}g")
    assert len(points) == MAX_POINTS > LABELLED
    assert all(len(p.findall(f"{SVG}text")) == 1 for p in points)
