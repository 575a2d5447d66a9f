"""The home page's world map of cases by country, drawn server-side as plain SVG (no JavaScript).

Outlines come from ``world.json`` (see ``build_shapes``). Colours are a five-step sequential
scale readable by colour-blind visitors; each country links to its page and names its count,
and the same figures are always given as a table beside the map.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from html import escape
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe

# ColorBrewer "OrRd", light to dark; the darkest steps pass 3:1 against the light background.
STEPS = ("#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
EMPTY = "#e6e6e6"
WIDTH, HEIGHT = 990, 480  # the source canvas, cropped above Antarctica


@cache
def shapes() -> dict[str, str]:
    return dict(json.loads(Path(__file__).with_name("world.json").read_text()))


def colour_for(count: int, maximum: int) -> str:
    """Steps on a square-root scale, so one country with many cases does not wash out the rest."""
    if count <= 0 or maximum <= 0:
        return EMPTY
    index = min(len(STEPS) - 1, int((count / maximum) ** 0.5 * len(STEPS)))
    return STEPS[index]


def world_map_svg(
    counts: Mapping[str, int], link: Callable[[str], str], name: Callable[[str], str], title: str
) -> SafeString:
    """An SVG map; ``link(code)`` and ``name(code)`` give each country's URL and label."""
    maximum = max(counts.values(), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="world-map" '
        f'aria-labelledby="world-map-title" focusable="false"><title id="world-map-title">{escape(title)}</title>'
    ]
    for code, outline in shapes().items():
        count = counts.get(code, 0)
        fill = colour_for(count, maximum)
        path = f'<path d="{outline}" fill="{fill}" stroke="#ffffff" stroke-width="0.6">'
        if count:
            label = escape(f"{name(code)}: {count}")
            parts.append(
                f'<a href="{escape(link(code))}" aria-label="{label}">{path}<title>{label}</title></path></a>'
            )
        else:
            parts.append(path + "</path>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above


def legend(maximum: int) -> list[tuple[str, str]]:
    """(colour, range text) pairs for the legend under the map."""
    if maximum <= 0:
        return []
    bounds = [0] + [round(maximum * ((i + 1) / len(STEPS)) ** 2) for i in range(len(STEPS))]
    items = []
    for index, colour in enumerate(STEPS):
        low, high = bounds[index] + 1, bounds[index + 1]
        if high >= low:
            items.append((colour, f"{low}–{high}" if high > low else str(low)))
    return items
