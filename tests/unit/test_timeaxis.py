"""generator.renderer.timeaxis: the time axis, one linked and named mark per event, or counts per month."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.renderer import urls
from generator.renderer.timeaxis import AGGREGATE_AT, time_axis
from tests.helpers import make_event

SVG = "{http://www.w3.org/2000/svg}"
HERE = urls.timeline()


def svg_of(markup: str) -> ET.Element:
    svg = re.search(r"<svg .*?</svg>", str(markup), re.S)
    assert svg is not None
    return ET.fromstring(svg.group(0).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def marks(markup: str) -> list[ET.Element]:
    return svg_of(markup).findall(f"{SVG}a")


def test_every_event_is_one_named_mark_linking_to_its_page() -> None:
    events = [
        make_event("2024-03-05-a", title="A <b>bold</b> title"),
        make_event("2024-04-b", date="2024-04-01", date_end="2024-04-20", status="confirmed"),
        make_event("2024-06-c", approximate=True, status="disputed"),
    ]
    links = marks(time_axis(events, HERE))
    assert [a.get("href") for a in links] == [urls.href(urls.event(e.id), HERE) for e in events]
    assert links[0].get("aria-label") == "A <b>bold</b> title, 5 March 2024, reported"
    rects = [a.find(f"{SVG}rect") for a in links]
    assert [r.get("class") for r in rects if r is not None] == [
        "tl-mark tl-s-reported tl-day",
        "tl-mark tl-s-confirmed tl-range",
        "tl-mark tl-s-disputed tl-approx",
    ]
    widths = [float(r.get("width") or 0) for r in rects if r is not None]
    assert widths[1] > 4 * widths[0], "a range is drawn as a span over its days"


def test_overlapping_events_stack_and_the_axis_names_its_months() -> None:
    events = [make_event(f"2024-05-{d:02d}-e{d}") for d in (1, 1, 2)]
    axis = time_axis(events, HERE)
    ys = {r.get("y") for a in marks(axis) for r in a.findall(f"{SVG}rect")}
    assert len(ys) == 3
    assert "When the events happened, May 2024 to May 2024" in axis
    assert "tl-legend" in axis and "an approximate date" in axis


def test_many_events_are_counted_per_month_with_links_to_year_pages() -> None:
    events = [make_event(f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}-e{i}") for i in range(AGGREGATE_AT)]
    links = marks(time_axis(events, HERE))
    assert len(links) == 12
    assert {a.get("href") for a in links} == {urls.href(urls.year(2023), HERE)}
    counts = [int(re.search(r"(\d+) events", a.get("aria-label") or "").group(1)) for a in links]  # type: ignore[union-attr]
    assert sum(counts) == AGGREGATE_AT


def test_ten_thousand_events_stay_small() -> None:
    events = [make_event(f"{2022 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}-e{i}") for i in range(10_000)]
    assert len(str(time_axis(events, HERE)).encode()) < 20_000


def test_no_events_no_axis() -> None:
    assert time_axis([], HERE) == ""
