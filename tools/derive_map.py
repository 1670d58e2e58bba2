"""One-off tool: derive the map's region outlines (generator/renderer/regions-map.json) from packaged sources.

The build never runs this and needs none of its inputs: its output is committed. Rerun it only to
change the outlines (a new source, a finer simplification). Its inputs:

- Ukraine's 27 regions (24 oblasts, Crimea as UA-43, Kyiv city UA-30, Sevastopol UA-40): the SVG in
  PyPI's ``pygal_maps_ua`` 1.0.2 (LGPL-3.0-or-later; drawn from geoBoundaries UKR ADM1 and OCHA),
  which keeps Crimea in Ukraine.
- Russia's 83 federal subjects (the standard's list, none of them in Ukraine): Debian's ``gmt-dcw``
  2.1.1, the Digital Chart of the World for GMT (LGPL-3.0-or-later), ``/usr/share/gmt-dcw/dcw-gmt.nc``.

Each outline is simplified as a coverage (shapely's ``coverage_simplify``, which keeps shared
borders shared, so neighbours neither gap nor overlap) and written as an SVG path in the map's own
coordinates: Ukraine in one panel, Russia in a second (an equirectangular projection at 60° N,
the far east wrapped past 180°). The two sources are drawn in separate panels because the Ukrainian
SVG comes projected, without coordinates to join it to the Russian one.

    python3 -m venv /tmp/mapvenv && /tmp/mapvenv/bin/pip install shapely h5py svgelements numpy
    /tmp/mapvenv/bin/pip download --no-deps -d /tmp/mapsrc pygal_maps_ua==1.0.2   # then unzip it
    apt-get install gmt-dcw
    /tmp/mapvenv/bin/python tools/derive_map.py /tmp/mapsrc/pygal_maps_ua/UKR-ADM1_simplified.Svg \
        /usr/share/gmt-dcw/dcw-gmt.nc > generator/renderer/regions-map.json
"""

from __future__ import annotations

import json
import math
import sys
import xml.etree.ElementTree as ET

import h5py  # type: ignore[import-not-found]
import shapely  # type: ignore[import-not-found]
import svgelements  # type: ignore[import-not-found]
from shapely.geometry import MultiPolygon, Polygon  # type: ignore[import-not-found]

UA = {
    "cherkasy": "UA-71", "chernihiv": "UA-74", "chernivtsi": "UA-77", "crimea": "UA-43",
    "dnipropetrovsk": "UA-12", "donetsk": "UA-14", "kharkiv": "UA-63", "kherson": "UA-65",
    "khmelnitskyi": "UA-68", "kyiv": "UA-32", "kyivcity": "UA-30", "kirovohrad": "UA-35",
    "lviv": "UA-46", "luhansk": "UA-09", "mykolaiv": "UA-48", "odesa": "UA-51", "poltava": "UA-53",
    "rivne": "UA-56", "sevastopolcity": "UA-40", "sumy": "UA-59", "ivano-frankivsk": "UA-26",
    "ternopil": "UA-61", "zakarpattia": "UA-21", "vinnytsia": "UA-05", "volyn": "UA-07",
    "zaporizhzhia": "UA-23", "zhytomir": "UA-18",
}  # fmt: skip
"""pygal_maps_ua's region names to ISO 3166-2 codes."""
WIDTH = 600
UA_HEIGHT = 400
GAP = 20
MIN_AREA = 4
"""Square map units (pixels at full size) below which a part of a region is left out."""
SVG = "{http://www.w3.org/2000/svg}"


def ukraine(path: str) -> dict[str, shapely.Geometry]:
    """Each region's paths: a ``g`` whose class names the region holds them (some moved by a ``translate``)."""
    shapes: dict[str, list[Polygon]] = {}
    for group in ET.parse(path).iter(f"{SVG}g"):
        name = next((c[3:] for c in group.get("class", "").split() if c.startswith("ua_")), None)
        if name is None:
            continue
        for element in group.iter(f"{SVG}path"):
            shape = svgelements.Path(element.get("d"))
            for holder in (group, element):
                if holder.get("transform"):
                    shape *= svgelements.Matrix(holder.get("transform"))
            for sub in svgelements.Path(shape.segments()).as_subpaths():
                points = [(p.x, p.y) for p in _points(sub)]
                polygon = Polygon(points).buffer(0)
                if polygon.area > 0.5:
                    shapes.setdefault(UA[name], []).append(polygon)
    return {code: shapely.union_all(parts) for code, parts in shapes.items()}


def _points(segments: list[svgelements.PathSegment]) -> list[svgelements.Point]:
    """The corners of a subpath, and four points along each curve."""
    points = []
    for segment in segments:
        if isinstance(segment, svgelements.Line | svgelements.Move | svgelements.Close) and segment.end is not None:
            points.append(segment.end)
        elif segment.end is not None:
            points.extend(segment.point(t) for t in (0.25, 0.5, 0.75, 1.0))
    return points


def russia(path: str) -> dict[str, shapely.Geometry]:
    data = h5py.File(path, "r")
    codes = sorted({k[2:].rsplit("_", 1)[0] for k in data if k.startswith("RU") and k[2:3] != "_"})
    out = {}
    for code in codes:
        lon, lat = data[f"RU{code}_lon"], data[f"RU{code}_lat"]
        lons = lon[:] / lon.attrs["scale"][0] + lon.attrs["min"][0]
        lats = lat[:] / lat.attrs["scale"][0] + lat.attrs["min"][0]
        rings, ring = [], []
        for raw, x, y in zip(lon[:], lons, lats, strict=True):
            if raw == 65535:  # GMT's marker between polygons
                rings.append(ring)
                ring = []
                continue
            ring.append(((x + 360 if x < 0 else x) * math.cos(math.radians(60)), -y))
        rings.append(ring)
        polygons = [Polygon(r).buffer(0) for r in rings if len(r) > 3]
        out[f"RU-{code}"] = shapely.union_all([p for p in polygons if p.area > 0.002])
    return out


def fit(shapes: dict[str, shapely.Geometry], top: float, height: float) -> dict[str, shapely.Geometry]:
    """Scale and move ``shapes`` to fill the panel at ``top`` of the map's width, keeping their aspect."""
    minx, miny, maxx, maxy = shapely.union_all(list(shapes.values())).bounds
    scale = min(WIDTH / (maxx - minx), height / (maxy - miny))
    return {
        code: shapely.affinity.affine_transform(g, [scale, 0, 0, scale, -minx * scale, top - miny * scale])
        for code, g in shapes.items()
    }


def path(geometry: shapely.Geometry) -> str:
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    parts = []
    for polygon in polygons:
        if polygon.area < MIN_AREA:
            continue  # islets a reader could not see or click at this size
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = [f"{round(x)} {round(y)}" for x, y in ring.coords[:-1]]
            coords = [c for i, c in enumerate(coords) if c != coords[i - 1]]
            if len(coords) >= 3 and Polygon(ring).area >= MIN_AREA:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def dot(geometry: shapely.Geometry) -> str:
    """A region too small to draw at this size (Moscow city) as a small square where it lies, so it can still be found."""
    x, y = geometry.centroid.x, geometry.centroid.y
    return f"M{round(x) - 2} {round(y) - 2}h4v4h-4Z"


def simplified(shapes: dict[str, shapely.Geometry], tolerance: float) -> dict[str, shapely.Geometry]:
    codes = sorted(shapes)
    result = shapely.coverage_simplify([shapes[c] for c in codes], tolerance)
    return dict(zip(codes, result, strict=True))


def main() -> None:
    ua = fit(simplified(ukraine(sys.argv[1]), 1.2), 0, UA_HEIGHT)
    ru_raw = fit(russia(sys.argv[2]), UA_HEIGHT + GAP, 340)
    ru = simplified(ru_raw, 1.3)
    height = math.ceil(max(g.bounds[3] for g in ru.values()))
    regions = [{"code": c, "d": path(g) or dot(ru_raw.get(c, g))} for c, g in sorted({**ua, **ru}.items())]
    json.dump(
        {
            "about": "Region outlines for the map page, derived by tools/derive_map.py; see NOTICE below.",
            "notice": NOTICE,
            "width": WIDTH,
            "height": height,
            "panels": {"UA": [0, UA_HEIGHT], "RU": [UA_HEIGHT + GAP, height]},
            "regions": regions,
        },
        sys.stdout,
        indent=0,
        ensure_ascii=False,
    )


NOTICE = {
    "UA": "Ukraine's regions: pygal_maps_ua 1.0.2 (Kozea and contributors, LGPL-3.0-or-later), "
    "from geoBoundaries (CC BY 4.0) and OCHA; simplified.",
    "RU": "Russia's federal subjects: DCW-GMT 2.1.1, the Digital Chart of the World for GMT "
    "(The GMT Team, LGPL-3.0-or-later); simplified.",
}

if __name__ == "__main__":
    main()
