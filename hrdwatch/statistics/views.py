"""The statistics page, each chart as an SVG file and each data table as CSV or JSON."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from hrdwatch.core.countries import is_country
from hrdwatch.publication.downloads import csv_lines
from hrdwatch.publication.figures import cached_headline

from .aggregates import AGGREGATES, table
from .charts import chart_svg


def _country(request: HttpRequest) -> str | None:
    code = (request.GET.get("country") or "").upper()
    return code if is_country(code) else None


def _name(name: str) -> str:
    if name not in AGGREGATES:
        raise Http404("No such statistic.")
    return name


def statistics_page(request: HttpRequest) -> HttpResponse:
    tables = []
    for name in AGGREGATES:
        result = table(name)
        columns, rows = result.pivot()
        tables.append({"name": name, "title": result.title, "columns": columns, "rows": rows})
    return render(
        request, "statistics/statistics.html", {"tables": tables, "figures": cached_headline()}
    )


def chart(request: HttpRequest, name: str) -> HttpResponse:
    response = HttpResponse(chart_svg(_name(name), _country(request)), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=300"
    return response


def data(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    result = table(_name(name), _country(request))
    if fmt == "json":
        body = json.dumps(
            {"title": result.title, "columns": result.columns, "rows": result.rows},
            ensure_ascii=False,
            indent=1,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        body = "".join(csv_lines(result.columns, result.rows))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hrdwatch-{name}.{fmt}"'
    return response
