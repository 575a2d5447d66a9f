"""Headline figures and latest updates, computed from the public projection and cached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Sum, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from django.utils import timezone

from hrdwatch.records.status import DETAINED_STATUSES, verified_q

from . import caching
from .models import SearchEntry
from .search.index import day_number


@dataclass(frozen=True)
class Headline:
    defenders: int
    detained: int
    countries: int
    years_in_detention: int
    as_of: dt.date | None = None
    unverified: int = 0  # held according to the record, but not verified recently: not counted


def today() -> dt.date:
    return timezone.localdate()


def detention_days(on: dt.date) -> CombinedExpression:
    """Days detained per entry: until release, else until ``on`` (counted live, never stored)."""
    return Coalesce(F("release_day"), Value(day_number(on))) - F("arrest_day")


def headline(entries: QuerySet[SearchEntry] | None = None) -> Headline:
    """Figures over ``entries`` (all public cases by default)."""
    qs = entries if entries is not None else SearchEntry.objects.all()
    # Disputed cases are indexed as "disputed", so they never match a detention status; a held case
    # not verified recently is neither counted as detained nor given days up to today.
    detained = Q(status__in=DETAINED_STATUSES) & verified_q("case__")
    totals = qs.aggregate(
        defenders=Count("defender_id", distinct=True),
        countries=Count("country", distinct=True),
        days=Sum(
            detention_days(today()),
            filter=Q(arrest_day__isnull=False) & (Q(release_day__isnull=False) | detained),
        ),
        detained=Count("defender_id", distinct=True, filter=detained),
        unverified=Count(
            "defender_id",
            distinct=True,
            filter=Q(status__in=DETAINED_STATUSES) & ~verified_q("case__"),
        ),
    )
    return Headline(
        defenders=totals["defenders"] or 0,
        detained=totals["detained"] or 0,
        countries=totals["countries"] or 0,
        years_in_detention=int((totals["days"] or 0) / 365.25),
        as_of=today(),
        unverified=totals["unverified"] or 0,
    )


def cached_headline() -> Headline:
    return caching.cached("headline", today().isoformat(), headline)


def country_counts() -> dict[str, int]:
    def compute() -> dict[str, int]:
        rows = SearchEntry.objects.values_list("country").annotate(n=Count("id")).order_by()
        return {code: n for code, n in rows}

    return caching.cached("country-counts", "", compute)
