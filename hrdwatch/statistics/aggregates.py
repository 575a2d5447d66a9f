"""The figures behind the statistics page, computed from the public projection of the record.

Each aggregate is a ``Table`` (columns + rows), which the page shows beside its chart and offers
for download, so a chart never says more than its data table. Durations are counted to today.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hrdwatch.publication import caching
from hrdwatch.publication.figures import detention_days, today
from hrdwatch.publication.labels import labeller, language
from hrdwatch.publication.models import SearchEntry
from hrdwatch.publication.search import bitmaps

TOP_COUNTRIES = 8


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    kind: str = "bar"  # bar: (label, count); stacked: (x, series, count)

    def pivot(self) -> tuple[tuple[str, ...], list[tuple[str | int, ...]]]:
        """The table as shown: two-way tables become one row per x value, one column per series."""
        if self.kind != "stacked":
            return self.columns, list(self.rows)
        series = sorted({str(r[1]) for r in self.rows})
        cells: dict[str, dict[str, int]] = defaultdict(dict)
        for x, name, n in self.rows:
            cells[str(x)][str(name)] = int(n)
        rows: list[tuple[str | int, ...]] = [
            (x, *[cells[x].get(name, 0) for name in series]) for x in sorted(cells)
        ]
        return (self.columns[0], *series), rows


def _entries(country: str | None) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    return entries.filter(country=country) if country else entries


def _facet_table(
    name: str, facet: str, title: Promise, column: Promise
) -> Callable[[str | None], Table]:
    """Cases per value of a facet, counted from the facet bitmaps (a popcount each)."""

    def build(country: str | None) -> Table:
        if country:
            maps = bitmaps.load([facet, "country"])
            within = maps.get(("country", country), 0)
            counts = [
                (v, (bits & within).bit_count()) for (f, v), bits in maps.items() if f == facet
            ]
        else:
            counts = [(v, n) for (f, v), n in bitmaps.sizes().items() if f == facet]
        counts = sorted(((v, n) for v, n in counts if n), key=lambda item: (-item[1], item[0]))
        label = labeller()
        return Table(
            name,
            str(title),
            (str(column), str(_("Cases"))),
            tuple((label(facet, v), n) for v, n in counts),
        )

    return build


def arrests_by_year(country: str | None) -> Table:
    """Arrests per year, split by the countries with most cases (the rest grouped)."""
    entries = _entries(country).filter(arrest_year__isnull=False)
    rows = list(entries.values_list("arrest_year", "country").annotate(n=Count("id")).order_by())
    totals: dict[str, int] = defaultdict(int)
    for _year, code, n in rows:
        totals[code] += n
    top = {c for c, _n in sorted(totals.items(), key=lambda i: -i[1])[:TOP_COUNTRIES]}
    label = labeller()
    other = str(_("Other countries"))
    merged: dict[tuple[int, str], int] = defaultdict(int)
    for year, code, n in rows:
        merged[(year, label("country", code) if code in top else other)] += n
    return Table(
        "arrests_by_year",
        str(_("Arrests per year by country")),
        (str(_("Year")), str(_("Country")), str(_("Arrests"))),
        tuple((str(y), c, n) for (y, c), n in sorted(merged.items())),
        kind="stacked",
    )


def _bucketed(
    name: str,
    title: Promise | str,
    column: Promise | str,
    expression: Callable[[], object],
    buckets: list[tuple[Promise, int | None]],
    base: Callable[[str | None], QuerySet[SearchEntry]],
) -> Callable[[str | None], Table]:
    """Count entries into ranges of ``expression``: buckets are (label, exclusive upper bound)."""

    def build(country: str | None) -> Table:
        whens = [
            When(value__lt=bound, then=Value(i))
            for i, (_l, bound) in enumerate(buckets)
            if bound is not None
        ]
        bucket = Case(*whens, default=Value(len(buckets) - 1), output_field=IntegerField())
        counts = dict(
            base(country)
            .annotate(value=expression())
            .annotate(bucket=bucket)
            .values_list("bucket")
            .annotate(n=Count("id"))
            .order_by()
        )
        return Table(
            name,
            str(title),
            (str(column), str(_("Cases"))),
            tuple((str(label), counts.get(i, 0)) for i, (label, _b) in enumerate(buckets)),
        )

    return build


_YEAR = 365.25
time_in_detention = _bucketed(
    "time_in_detention",
    _("Time in detention (to release, or to today)"),
    _("Time detained"),
    lambda: detention_days(today()),
    [
        (_("under 1 year"), int(_YEAR)),
        (_("1–2 years"), int(2 * _YEAR)),
        (_("2–5 years"), int(5 * _YEAR)),
        (_("5–10 years"), int(10 * _YEAR)),
        (_("10 years or more"), None),
    ],
    lambda country: _entries(country).filter(arrest_day__isnull=False),
)


def sentence_lengths(country: str | None) -> Table:
    """Prison terms in ranges, with life and death sentences counted apart."""
    terms = _bucketed(
        "sentence_lengths",
        "",
        "",
        lambda: F("sentence_months"),
        [
            (_("under 1 year"), 12),
            (_("1–3 years"), 36),
            (_("3–5 years"), 60),
            (_("5–10 years"), 120),
            (_("10 years or more"), None),
        ],
        lambda c: _entries(c).filter(sentence_kind="term", sentence_months__isnull=False),
    )(country)
    special = dict(
        _entries(country)
        .filter(sentence_kind__in=["life", "death"])
        .values_list("sentence_kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = terms.rows + (
        (str(_("Life imprisonment")), special.get("life", 0)),
        (str(_("Death penalty")), special.get("death", 0)),
    )
    return Table(
        "sentence_lengths", str(_("Sentence lengths")), (str(_("Sentence")), str(_("Cases"))), rows
    )


AGGREGATES: dict[str, Callable[[str | None], Table]] = {
    "arrests_by_year": arrests_by_year,
    "status": _facet_table("status", "status", _("Current status"), _("Status")),
    "gender": _facet_table("gender", "gender", _("Gender"), _("Gender")),
    "roles": _facet_table("roles", "role", _("Roles of the defenders"), _("Role")),
    "charges": _facet_table("charges", "charge", _("Charge categories"), _("Charge category")),
    "sentence_lengths": sentence_lengths,
    "time_in_detention": time_in_detention,
}


def table(name: str, country: str | None = None) -> Table:
    """One aggregate, cached per language, country and day until the record changes."""
    build = AGGREGATES[name]
    return caching.cached(
        f"stats:{name}",
        f"{language()}:{country or ''}:{today().isoformat()}",
        lambda: build(country),
    )
