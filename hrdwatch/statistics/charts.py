"""Charts as SVG rendered on the server with vl-convert (Vega-Lite), so pages need no JavaScript."""

from __future__ import annotations

import json
from typing import Any

import vl_convert

from hrdwatch.publication import caching

from .aggregates import Table, table

WIDTH = 560
BAR = "#0b5d8a"  # 7:1 against white
FONT = "DejaVu Sans, WenQuanYi Micro Hei, sans-serif"


def spec_for(data: Table) -> dict[str, Any]:
    """A Vega-Lite spec: horizontal bars, or stacked yearly bars for two-way tables."""
    config = {
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 12, "titleFontSize": 12},
        "background": "white",
    }
    if data.kind == "stacked":
        x, series, count = data.columns
        values = [{"x": r[0], "series": r[1], "n": r[2]} for r in data.rows]
        return {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": WIDTH,
            "height": 260,
            "data": {"values": values},
            "mark": "bar",
            "config": config,
            "encoding": {
                "x": {"field": "x", "type": "ordinal", "title": x},
                "y": {"field": "n", "type": "quantitative", "title": count},
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": series,
                    "scale": {"scheme": "tableau10"},
                },
            },
        }
    label, count = data.columns
    values = [{"label": r[0], "n": r[1]} for r in data.rows]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH - 160,
        "height": {"step": 22},
        "data": {"values": values},
        "config": config,
        "layer": [
            {"mark": {"type": "bar", "color": BAR}},
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "color": "#1a1a1a"},
                "encoding": {"text": {"field": "n", "type": "quantitative"}},
            },
        ],
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": label},
            "x": {"field": "n", "type": "quantitative", "title": count},
        },
    }


def chart_svg(name: str, country: str | None = None) -> str:
    """The chart of one aggregate as SVG text, cached by its spec (figures, labels, language).

    Rendering takes vl-convert 70-150 ms a chart at 100,000 defenders, far more than the figures;
    keyed by the spec itself, a chart is drawn again only when something it shows has changed.
    """
    spec = spec_for(table(name, country))
    return caching.cached(
        "chart",
        json.dumps(spec, sort_keys=True, ensure_ascii=False),
        lambda: str(vl_convert.vegalite_to_svg(spec)),
        timeout=24 * 60 * 60,
        versioned=False,
    )
