"""Regenerate ``world.json`` (compact country outlines) from the SVG world map of pygal-maps-world.

Run by hand only when the outlines should change; the site reads the committed JSON and needs
neither package at run time:

    .venv/bin/pip install svgelements pygal_maps_world
    .venv/bin/python -m hrdwatch.publication.maps.build_shapes

The source map (LGPL-3.0, pygal-maps-world 1.0.2) is 2475x1388 with one group per ISO 3166-1
alpha-2 code. Outlines are resampled to integer points on a 990x555 canvas, dropping islands
smaller than a few pixels, and simplified (Ramer-Douglas-Peucker), which brings 780 kB down to a size a phone can take inline.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

SCALE = 0.4
MIN_EXTENT = 4.0
TOLERANCE = 1.0
OUTPUT = Path(__file__).with_name("world.json")


def _polygons(path_data: str) -> list[list[tuple[int, int]]]:
    from svgelements import Close, Move, Path  # type: ignore[import-not-found]

    polygons: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for segment in Path(path_data):
        if isinstance(segment, Move):
            if current:
                polygons.append(current)
            current = []
        if isinstance(segment, Close) or segment.end is None:
            continue
        samples = (
            [segment.point(t) for t in (0.5, 1.0)]
            if not isinstance(segment, Move)
            else [segment.end]
        )
        for point in samples:
            xy = (round(point.x * SCALE), round(point.y * SCALE))
            if not current or current[-1] != xy:
                current.append(xy)
    if current:
        polygons.append(current)
    return polygons


def _simplify(points: list[tuple[int, int]], tolerance: float = TOLERANCE) -> list[tuple[int, int]]:
    """Ramer-Douglas-Peucker: drop points closer than ``tolerance`` to the line they sit on."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1.0
    distances = [
        abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length for x, y in points[1:-1]
    ]
    index, furthest = max(enumerate(distances, start=1), key=lambda item: item[1])
    if furthest <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def _simplify_ring(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Simplify a closed outline in two halves, split at the point furthest from the start."""
    if len(ring) < 4:
        return ring
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    return _simplify(ring[: far + 1])[:-1] + _simplify(ring[far:] + [ring[0]])[:-1]


def _extent(polygon: list[tuple[int, int]]) -> float:
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return float(max(max(xs) - min(xs), max(ys) - min(ys)))


def build() -> dict[str, str]:
    from lxml import etree

    source = files("pygal_maps_world").joinpath("worldmap.svg").read_bytes()
    tree = etree.fromstring(source)
    shapes: dict[str, str] = {}
    for group in tree.iter("{http://www.w3.org/2000/svg}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes:
            continue
        polygons = [
            polygon
            for path in group.iter("{http://www.w3.org/2000/svg}path")
            for polygon in _polygons(path.get("d", ""))
        ]
        if not polygons:
            continue
        polygons = [_simplify_ring(p) for p in polygons]
        kept = [p for p in polygons if len(p) > 2 and _extent(p) >= MIN_EXTENT] or [
            max(polygons, key=_extent)
        ]
        shapes[classes[0].upper()] = "".join(
            "M" + "L".join(f"{x} {y}" for x, y in polygon) + "Z" for polygon in kept
        )
    return shapes


if __name__ == "__main__":
    shapes = build()
    OUTPUT.write_text(json.dumps(shapes, sort_keys=True, separators=(",", ":")))
    print(f"{len(shapes)} countries, {OUTPUT.stat().st_size} bytes -> {OUTPUT}")
