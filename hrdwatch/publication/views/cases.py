"""The case list: search, facets with counts, sort, pages and downloads of the current selection."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from hrdwatch.records.visibility import Gate, Viewer

from ..downloads import csv_lines
from ..labels import FACET_TITLES, labeller
from ..listing import PAGE_SIZE, SORTS, ListingQuery, filtered_entries, ordered, selection_counts
from ..rows import CaseRow, case_rows
from ..search.index import FACETS

EXPORT_LIMIT = 20_000
EXPORT_COLUMNS = (
    "case_id",
    "defender_id",
    "name",
    "name_original_script",
    "country",
    "status",
    "arrest_date",
    "days_detained",
    "roles",
    "url",
    "fictional",
)


def _facet_value(
    query: ListingQuery, label: Callable[[str, str], str], name: str, value: str, count: int
) -> dict[str, Any]:
    return {
        "value": value,
        "label": label(name, value),
        "count": count,
        "selected": value in query.filters.get(name, ()),
        "url": "?" + query.toggled(name, value).querystring(),
    }


def _facets(query: ListingQuery, counts: dict[str, list[tuple[str, int]]]) -> list[dict[str, Any]]:
    """Each facet's values with their counts and the link that toggles them; a selected value
    with no match any more still shows, first, so it can be removed."""
    facets = []
    label = labeller()
    for name in FACETS:
        selected = set(query.filters.get(name, ()))
        values = [_facet_value(query, label, name, value, n) for value, n in counts.get(name, [])]
        shown = {v["value"] for v in values}
        gone = [_facet_value(query, label, name, v, 0) for v in sorted(selected - shown)]
        facets.append(
            {
                "name": name,
                "title": FACET_TITLES[name],
                "values": gone[::-1] + values,
                "open": bool(selected),
            }
        )
    return facets


def _sorts(query: ListingQuery) -> list[tuple[str, str]]:
    labels = {
        "relevance": _("Relevance"),
        "latest": _("Latest updates"),
        "name": _("Name"),
        "longest": _("Longest in detention"),
        "arrest": _("Latest arrest"),
        "release": _("Latest release"),
    }
    return [(s, labels[s]) for s in SORTS if s != "relevance" or query.q]


def case_list(request: HttpRequest) -> HttpResponse:
    query = ListingQuery.from_params(request.GET)
    selection = selection_counts(query)
    count = selection.total
    paginator = Paginator(range(count), PAGE_SIZE)
    page_number = min(query.page, max(1, paginator.num_pages))
    start = (page_number - 1) * PAGE_SIZE
    # One page from the database, ranked there (FTS5 bm25 / ts_rank): no match list in Python.
    ids = list(
        ordered(filtered_entries(query), query).values_list("case_id", flat=True)[
            start : start + PAGE_SIZE
        ]
    )
    page = paginator.get_page(page_number)
    label = labeller()

    def link(number: int, exists: bool) -> str:
        return "?" + query.with_page(number).querystring() if exists else ""

    return render(
        request,
        "publication/case_list.html",
        {
            "query": query,
            "rows": case_rows(ids, Gate(Viewer.public())),
            "count": count,
            "facets": _facets(query, selection.facets),
            "page": page,
            "previous_url": link(page_number - 1, page.has_previous()),
            "next_url": link(page_number + 1, page.has_next()),
            "sorts": _sorts(query),
            "current_sort": query.effective_sort,
            "selected": [
                {
                    "title": FACET_TITLES[name],
                    "label": label(name, v),
                    "url": "?" + query.toggled(name, v).querystring(),
                }
                for name, values in query.filters.items()
                for v in values
            ],
            "querystring": query.querystring(),
            "page_number": page_number,
        },
    )


def _export_rows(request: HttpRequest) -> Iterator[CaseRow]:
    query = ListingQuery.from_params(request.GET)
    ids = list(
        ordered(filtered_entries(query), query).values_list("case_id", flat=True)[:EXPORT_LIMIT]
    )
    gate = Gate(Viewer.public())
    for start in range(0, len(ids), 500):
        yield from case_rows(ids[start : start + 500], gate)


def _record(row: CaseRow, request: HttpRequest) -> dict[str, object]:
    return {
        "case_id": row.case_uid,
        "defender_id": row.defender_uid,
        "name": row.name,
        "name_original_script": row.name_original,
        "country": row.country,
        "status": row.status,
        "arrest_date": row.arrest_iso,
        "days_detained": row.days_detained,
        "roles": list(row.roles),
        "url": request.build_absolute_uri(row.url),
        "fictional": row.is_fictional,
    }


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    records = (_record(row, request) for row in _export_rows(request))
    lines = csv_lines(EXPORT_COLUMNS, ([r[c] for c in EXPORT_COLUMNS] for r in records))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hrdwatch-cases.csv"'
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    records = [_record(row, request) for row in _export_rows(request)]
    response = HttpResponse(
        json.dumps({"count": len(records), "cases": records}, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="hrdwatch-cases.json"'
    return response
