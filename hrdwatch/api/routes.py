"""The read endpoints: defenders, cases, events, countries, statistics."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase, paginate

from hrdwatch.records.visibility import Gate

from . import figures, keyset
from .access import viewer_of
from .build import ApiBuilder
from .filters import CASE_KEYS, DEFENDER_KEYS, CaseFilters, filter_cases, filter_defenders
from .restricted import audit_restricted
from .schemas import (
    CaseOut,
    CaseSummary,
    CountryDetailOut,
    CountryOut,
    DefenderOut,
    DefenderSummary,
    ErrorOut,
    EventOut,
    StatisticsOut,
)

router = Router()


class Pages(PaginationBase):
    """Page numbers as on the site, or a keyset ``cursor`` (the ``next`` of the previous answer).

    Page numbers are bounded so a huge one is a 422, not a database error; a cursor reads the next
    rows from the index whatever the depth. ``count`` is the size of the whole selection.
    """

    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=200)
        cursor: str | None = Field(
            None, max_length=400, description="Continue after the page that gave this `next`."
        )

    class Output(Schema):
        items: list[Any]
        count: int
        next: str | None = None

    def __init__(self, page_size: int = 50, **kwargs: Any) -> None:
        self.page_size = page_size
        super().__init__(**kwargs)

    def paginate_queryset(
        self, queryset: Any, pagination: Input, request: HttpRequest, **params: Any
    ) -> Any:
        listing: _Listing = queryset
        size = pagination.page_size or self.page_size
        qs = listing.qs
        if pagination.cursor is not None:
            values = keyset.decode(pagination.cursor, listing.keys)
            if values is None:
                raise HttpError(
                    422, "cursor: not a cursor of this list and sort (use the `next` of an answer)"
                )
            rows = list(qs.filter(keyset.after(listing.keys, values))[: size + 1])
        else:
            start = (pagination.page - 1) * size
            rows = list(qs[start : start + size + 1])
        more, rows = len(rows) > size, rows[:size]
        audit_restricted(request, listing.gate, rows, listing.what)
        return {
            "items": [listing.convert(obj) for obj in rows],
            "count": listing.qs.order_by().count(),
            "next": keyset.encode(rows[-1], listing.keys) if more and rows else None,
        }


def builder(request: HttpRequest) -> ApiBuilder:
    return ApiBuilder(Gate(viewer_of(request)))


@router.get("/defenders", response=list[DefenderSummary], tags=["defenders"])
@paginate(Pages, page_size=50)
def list_defenders(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    """Defenders with at least one case matching the filters."""
    build = builder(request)
    qs = filter_defenders(build.gate, build.defenders(), filters)
    return _Listing(qs, build.defender_summary, DEFENDER_KEYS[filters.sort], build.gate)


@router.get("/defenders/{uid}", response={200: DefenderOut, 404: ErrorOut}, tags=["defenders"])
def get_defender(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    defender = get_object_or_404(build.defender_detail(), uid=uid)
    audit_restricted(request, build.gate, [defender], "API defender")
    return build.defender(defender)


@router.get("/cases", response=list[CaseSummary], tags=["cases"])
@paginate(Pages, page_size=50)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    build = builder(request)
    return _Listing(
        filter_cases(build.gate, build.cases(), filters),
        build.case_summary,
        CASE_KEYS[filters.sort],
        build.gate,
    )


@router.get("/cases/{uid}", response={200: CaseOut, 404: ErrorOut}, tags=["cases"])
def get_case(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    case = get_object_or_404(build.case_detail(), uid=uid)
    audit_restricted(request, build.gate, [case], "API case")
    return build.case(case)


@router.get("/cases/{uid}/events", response={200: list[EventOut], 404: ErrorOut}, tags=["cases"])
def list_case_events(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    case = get_object_or_404(build.cases(), uid=uid)
    audit_restricted(request, build.gate, [case], "API case events")
    return [build.event(e) for e in build.events().filter(case=case).order_by("date", "pk")]


@router.get("/events/{uid}", response={200: EventOut, 404: ErrorOut}, tags=["cases"])
def get_event(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    event = get_object_or_404(build.events(), uid=uid)
    audit_restricted(request, build.gate, [event.case], "API event")
    return build.event(event)


@router.get("/countries", response=list[CountryOut], tags=["figures"])
def list_countries(request: HttpRequest) -> Any:
    return figures.countries(Gate(viewer_of(request)))


@router.get("/countries/{code}", response={200: CountryDetailOut, 404: ErrorOut}, tags=["figures"])
def get_country(request: HttpRequest, code: str) -> Any:
    data = figures.country(Gate(viewer_of(request)), code.upper()[:2])
    if data is None:
        raise Http404("no visible cases in this country")
    return data


@router.get("/statistics", response=StatisticsOut, tags=["figures"])
def get_statistics(request: HttpRequest) -> Any:
    return figures.statistics(Gate(viewer_of(request)))


class _Listing:
    """A list endpoint's ordered queryset, its row-to-dict conversion and its keyset keys."""

    def __init__(self, qs: Any, convert: Any, keys: tuple[keyset.Key, ...], gate: Gate) -> None:
        self.qs, self.convert, self.keys, self.gate = qs, convert, keys, gate
        self.what = f"API list of {qs.model._meta.verbose_name_plural}"
