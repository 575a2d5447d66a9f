"""The case list as a query: full text, facets with counts, sort and pages, all from GET parameters.

One ``ListingQuery`` serves the list page, its CSV/JSON downloads and the country page, so a
shared URL always means the same selection. Unknown facet values or sorts are dropped, never
errors. Counts come from the facet bitmaps (``search.bitmaps``) for facet selections and from SQL
grouping for full-text ones; pages (ranked by the engine) from SQL over the same
projection; counts are cached per selection and invalidated on any change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count, F, QuerySet
from django.http import QueryDict

from . import caching
from .models import SearchEntry, SearchFacet
from .search import bitmaps
from .search.backends import get_backend
from .search.index import FACETS, day_number
from .search.text import MAX_QUERY_CHARS, parse_query

PAGE_SIZE = 25
MAX_VALUES_PER_FACET = 20
_VALUE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SORTS = ("relevance", "latest", "name", "longest", "arrest", "release")
# Date ranges: a year (2019) or a day (2019-03-14); "from" takes the period's first day, "to" its last.
DATE_RANGES = ("arrest_from", "arrest_to", "release_from", "release_to")
_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def _bound(name: str, raw: str) -> str:
    """The cleaned ISO day a range parameter stands for, or "" when it is not a date."""
    if not _DATE.match(raw or ""):
        return ""
    if len(raw) == 4:
        raw = f"{raw}-01-01" if name.endswith("_from") else f"{raw}-12-31"
    try:
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        return ""


@dataclass(frozen=True)
class ListingQuery:
    """What the visitor asked for, cleaned: safe to echo, to cache on and to build links from."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    dates: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params: QueryDict) -> ListingQuery:
        q = " ".join((params.get("q") or "").split())[:MAX_QUERY_CHARS]
        filters: dict[str, tuple[str, ...]] = {}
        for name in FACETS:
            values = sorted({v for v in params.getlist(name) if _VALUE.match(v)})[
                :MAX_VALUES_PER_FACET
            ]
            if values:
                filters[name] = tuple(values)
        sort = params.get("sort") or ""
        if sort not in SORTS:
            sort = ""
        try:
            page = max(1, min(int(params.get("page") or 1), 10_000))
        except ValueError:
            page = 1
        dates = {
            name: day
            for name in DATE_RANGES
            if (day := _bound(name, (params.get(name) or "").strip()))
        }
        return cls(q=q, filters=filters, sort=sort, page=page, dates=dates)

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and not parse_query(self.q):
            return "latest"
        return self.sort or ("relevance" if parse_query(self.q) else "latest")

    def params(self) -> list[tuple[str, str]]:
        pairs = [("q", self.q)] if self.q else []
        for name in FACETS:
            pairs += [(name, v) for v in self.filters.get(name, ())]
        pairs += [(name, self.dates[name]) for name in DATE_RANGES if name in self.dates]
        if self.sort:
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def querystring(self) -> str:
        return urlencode(self.params())

    def key(self, with_page: bool = False) -> str:
        q = self if with_page else replace(self, page=1)
        return q.querystring()

    def toggled(self, facet: str, value: str) -> ListingQuery:
        """The same selection with one facet value added or removed (back to page 1)."""
        values = set(self.filters.get(facet, ()))
        values ^= {value}
        filters = {k: v for k, v in self.filters.items() if k != facet}
        if values:
            filters[facet] = tuple(sorted(values))
        return replace(self, filters=filters, page=1)

    def with_page(self, page: int) -> ListingQuery:
        return replace(self, page=page)

    def with_sort(self, sort: str) -> ListingQuery:
        return replace(self, sort=sort, page=1)

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters) or bool(self.dates) or bool(parse_query(self.q))


# Single-valued facets are columns of the entry, filtered through their own indexes.
_COLUMNS = {"country": "country", "status": "status", "gender": "gender", "year": "arrest_year"}


def filtered_entries(query: ListingQuery) -> QuerySet[SearchEntry]:
    """Entries matching the full-text query and every facet (values within a facet are OR-ed)."""
    entries = SearchEntry.objects.all()
    for name, values in query.filters.items():
        if name == "year":
            # Only canonical years ("2019", not "02019") are facet values; the rest match nothing.
            years = [int(v) for v in values if v.isdigit() and str(int(v)) == v]
            entries = entries.filter(arrest_year__in=years)
        elif name in _COLUMNS:
            entries = entries.filter(**{f"{_COLUMNS[name]}__in": values})
        else:
            entries = entries.filter(
                pk__in=SearchFacet.objects.filter(facet=name, value__in=values).values("entry_id")
            )
    for name, day in query.dates.items():
        column = "arrest_day" if name.startswith("arrest") else "release_day"
        lookup = "gte" if name.endswith("_from") else "lte"
        entries = entries.filter(**{f"{column}__{lookup}": day_number(dt.date.fromisoformat(day))})
    parsed = parse_query(query.q)
    if parsed:
        entries = get_backend().match(entries, parsed)
    return entries


def ordered(entries: QuerySet[SearchEntry], query: ListingQuery) -> QuerySet[SearchEntry]:
    sort = query.effective_sort
    if sort == "relevance":
        return get_backend().ranked(entries, parse_query(query.q)).order_by("rank", "id")  # type: ignore[misc]  # "rank" comes from extra()
    if sort == "name":
        return entries.order_by("name_sort", "id")
    if sort == "longest":
        return entries.order_by(F("detained_since").asc(nulls_last=True), "id")
    if sort in ("arrest", "release"):
        return entries.order_by(F(f"{sort}_day").desc(nulls_last=True), "-id")
    return entries.order_by("-updated_at", "-id")


@dataclass(frozen=True)
class SelectionCounts:
    """How many public cases a selection holds, and how many of them have each facet value."""

    total: int
    facets: dict[str, list[tuple[str, int]]]


def selection_bitmap(query: ListingQuery, maps: dict[bitmaps.Key, int]) -> int:
    """The selection of facet values (no text) as a bitmap of case ids: the same cases as
    ``filtered_entries`` for a query without full text."""
    selected = maps.get(bitmaps.ALL, 0)
    for name, values in query.filters.items():
        either = 0
        for value in values:
            either |= maps.get((name, value), 0)
        selected &= either
    return selected


def _counts_in_sql(query: ListingQuery) -> dict[bitmaps.Key, int]:
    """Facet counts of a full-text or date-range selection, grouped by the database.

    A text query selects few cases compared with a facet, so grouping their facet rows costs less
    than reading every bitmap, and no list of matches ever comes into Python.
    """
    entries = filtered_entries(query)
    rows = (
        SearchFacet.objects.filter(entry_id__in=entries.values("pk"))
        .order_by()
        .values_list("facet", "value")
        .annotate(n=Count("id"))
    )
    counts: dict[bitmaps.Key, int] = {(facet, value): n for facet, value, n in rows}
    counts[bitmaps.ALL] = entries.count()
    return counts


def selection_counts(query: ListingQuery) -> SelectionCounts:
    """Exact counts for the selection (cached per selection until the record changes).

    The whole record's counts are stored with the bitmaps; a facet selection's are popcounts of
    its bitmap ANDed with each value's; a full-text selection's are grouped in SQL.
    """

    def compute() -> SelectionCounts:
        if parse_query(query.q) or query.dates:
            counts = _counts_in_sql(query)
        elif query.filters:
            maps = bitmaps.load()
            selected = selection_bitmap(query, maps)
            counts = (
                {key: (selected & bits).bit_count() for key, bits in maps.items()}
                if selected
                else {}
            )
        else:
            counts = bitmaps.sizes()
        total = counts.get(bitmaps.ALL, 0)
        facets: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for (facet, value), n in counts.items():
            if n and facet:
                facets[facet].append((value, n))
        for facet, values in facets.items():
            if facet == "year":
                values.sort(key=lambda item: item[0], reverse=True)
            else:
                values.sort(key=lambda item: (-item[1], item[0]))
        return SelectionCounts(total, dict(facets))

    return caching.cached("counts", query.key(), compute)


def facet_counts(query: ListingQuery) -> dict[str, list[tuple[str, int]]]:
    """{facet: [(value, count), ...]} for the current selection, most frequent first."""
    return selection_counts(query).facets
