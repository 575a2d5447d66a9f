"""The read endpoints: defenders, cases, events, countries, statistics."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router
from ninja.pagination import PageNumberPagination, paginate

from hrdwatch.records.visibility import Gate

from . import figures
from .access import viewer_of
from .build import ApiBuilder
from .filters import CaseFilters, filter_cases, filter_defenders
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


class Pages(PageNumberPagination):
    """Page numbers as on the site; bounded so a huge page number is a 422, not a database error."""

    class Input(PageNumberPagination.Input):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=200)


def builder(request: HttpRequest) -> ApiBuilder:
    return ApiBuilder(Gate(viewer_of(request)))


@router.get("/defenders", response=list[DefenderSummary], tags=["defenders"])
@paginate(Pages, page_size=50)
def list_defenders(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    """Defenders with at least one case matching the filters."""
    build = builder(request)
    qs = filter_defenders(build.gate, build.defenders(), filters)
    return _Mapped(qs, build.defender_summary)


@router.get("/defenders/{uid}", response={200: DefenderOut, 404: ErrorOut}, tags=["defenders"])
def get_defender(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    return build.defender(get_object_or_404(build.defender_detail(), uid=uid))


@router.get("/cases", response=list[CaseSummary], tags=["cases"])
@paginate(Pages, page_size=50)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    build = builder(request)
    return _Mapped(filter_cases(build.gate, build.cases(), filters), build.case_summary)


@router.get("/cases/{uid}", response={200: CaseOut, 404: ErrorOut}, tags=["cases"])
def get_case(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    return build.case(get_object_or_404(build.case_detail(), uid=uid))


@router.get("/cases/{uid}/events", response={200: list[EventOut], 404: ErrorOut}, tags=["cases"])
def list_case_events(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    case = get_object_or_404(build.cases(), uid=uid)
    return [build.event(e) for e in build.events().filter(case=case).order_by("date", "pk")]


@router.get("/events/{uid}", response={200: EventOut, 404: ErrorOut}, tags=["cases"])
def get_event(request: HttpRequest, uid: str) -> Any:
    build = builder(request)
    return build.event(get_object_or_404(build.events(), uid=uid))


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


class _Mapped:
    """A queryset that the paginator can count and slice, yielding API dicts for each page."""

    def __init__(self, qs: Any, convert: Any) -> None:
        self.qs, self.convert = qs, convert

    def count(self) -> int:
        return int(self.qs.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [self.convert(obj) for obj in self.qs[index]]
