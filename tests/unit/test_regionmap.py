"""generator.renderer.regionmap: Ukraine's and Russia's regions from the committed outlines, shaded and linked."""

from __future__ import annotations

import dataclasses
import re

from generator.renderer import urls
from generator.renderer.regionmap import OCCUPIED, outlines, region_map, shade
from generator.site.plugin import sanitise
from generator.validation.regions import REGIONS
from tests.helpers import make_event

HERE = urls.regions()


def located(event_id: str, region: str):  # type: ignore[no-untyped-def]
    event = make_event(event_id)
    return dataclasses.replace(event, location=dataclasses.replace(event.location, region=region))


def test_every_region_of_the_standard_has_an_outline_and_crimea_is_ukrainian() -> None:
    paths = outlines().paths
    assert set(paths) == REGIONS
    assert len([c for c in paths if c.startswith("UA-")]) == 27
    assert "UA-43" in paths and "UA-40" in paths
    assert all(re.fullmatch(r"(M-?\d+ -?\d+([Lhv]-?\d+( -?\d+)?)*Z)+", d) for d in paths.values())
    assert set(outlines().notice) == {"UA", "RU"}
    assert all("LGPL-3.0-or-later" in n for n in outlines().notice.values())


def test_regions_with_events_link_to_their_pages_with_their_count() -> None:
    by_region = {
        "UA-43": [located("2024-01-01-a", "UA-43")],
        "RU-BEL": [located(f"2024-01-0{i}-b", "RU-BEL") for i in (1, 2)],
    }
    svg = str(region_map(by_region, HERE))
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><path class="([^"]+)" data-region', svg)
    assert links == [
        (urls.href(urls.region("RU-BEL"), HERE), "Belgorodskaya oblast&#x27; (RU-BEL): 2 events", "tl-region tl-n2"),
        (
            urls.href(urls.region("UA-43"), HERE),
            "Avtonomna Respublika Krym (UA-43): 1 event (occupied by Russia)",
            "tl-region tl-n1 tl-occupied tl-occupied-wholly",
        ),
    ]
    assert svg.count("<path ") == len(REGIONS)
    assert svg.count("tl-occupied ") == len(OCCUPIED)


def test_shades() -> None:
    assert [shade(n) for n in (0, 1, 2, 3, 4, 9, 10, 500)] == ["0", "1", "2", "2", "3", "3", "4", "4"]


def test_the_sanitiser_keeps_the_map_and_nothing_more() -> None:
    svg = str(region_map({"UA-63": [located("2024-01-01-a", "UA-63")]}, HERE))
    assert sanitise(svg).count(' d="M') == len(REGIONS)
    injected = '<svg><path d="M0 0h9999v9999h-9999Z" class="x"></path></svg>'
    assert sanitise(injected) == '<svg><path class="x"></path></svg>'
