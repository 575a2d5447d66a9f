"""Headline figures and breakdowns of what a viewer may see, for the API, briefs and campaigns."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language

from hrdwatch.core.countries import country_name
from hrdwatch.records.models import Case
from hrdwatch.records.status import days_detained, detained_q
from hrdwatch.records.visibility import Gate
from hrdwatch.vocab.models import Term


def _term_counts(rows: QuerySet, code_field: str, vocabulary: str) -> list[dict[str, Any]]:
    """[{key, label, count}] for counts grouped by a vocabulary code, labelled in the active language."""
    language = get_language()
    labels = {t.code: t.label(language) for t in Term.objects.filter(vocabulary=vocabulary)}
    counted = (
        rows.values(code_field).annotate(n=Count("pk", distinct=True)).order_by("-n", code_field)
    )
    return [
        {
            "key": row[code_field],
            "label": labels.get(row[code_field], row[code_field]),
            "count": row["n"],
        }
        for row in counted
        if row[code_field]
    ]


def detained(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.filter(detained_q())


def detained_defenders(cases: QuerySet[Case]) -> int:
    """Defenders with at least one case counted as detained (undisputed, recently verified)."""
    return detained(cases).values("defender").distinct().count()


def total_days_in_detention(cases: QuerySet[Case]) -> int:
    """Days spent in detention over all cases: released ones until release, the others until today."""
    rows = (
        cases.filter(arrest_date__isnull=False)
        .select_related("status")
        .only(
            "arrest_date",
            "arrest_date_precision",
            "release_date",
            "status__code",
            "status_conflict",
            "last_verified_at",
        )
    )
    return sum(days_detained(case) or 0 for case in rows)


def by_status(cases: QuerySet[Case]) -> list[dict[str, Any]]:
    return _term_counts(cases, "status__code", "case_status")


def arrests_by_year(cases: QuerySet[Case]) -> list[dict[str, Any]]:
    rows = (
        cases.filter(arrest_date__isnull=False)
        .annotate(year=ExtractYear("arrest_date"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return [{"key": str(r["year"]), "label": str(r["year"]), "count": r["n"]} for r in rows]


def charge_categories(gate: Gate, cases: QuerySet[Case]) -> list[dict[str, Any]]:
    """Cases counted once per charge category brought against them."""
    charges = gate.charges().filter(event__case__in=cases.order_by().values("pk"))
    language = get_language()
    labels = {t.code: t.label(language) for t in Term.objects.filter(vocabulary="charge_category")}
    rows = (
        charges.values("category__code")
        .annotate(n=Count("event__case", distinct=True))
        .order_by("-n")
    )
    return [
        {
            "key": r["category__code"],
            "label": labels.get(r["category__code"], r["category__code"]),
            "count": r["n"],
        }
        for r in rows
    ]


def by_country(cases: QuerySet[Case]) -> list[dict[str, Any]]:
    rows = cases.values("country").annotate(n=Count("pk")).order_by("-n", "country")
    return [
        {"key": r["country"], "label": country_name(r["country"]), "count": r["n"]} for r in rows
    ]


def countries(gate: Gate) -> list[dict[str, Any]]:
    """Each country with visible cases: case, defender and detained counts."""
    cases = gate.cases().order_by()
    detained_counts = dict(
        detained(cases)
        .values("country")
        .annotate(n=Count("defender", distinct=True))
        .values_list("country", "n")
    )
    rows = (
        cases.values("country")
        .annotate(n_cases=Count("pk"), n_defenders=Count("defender", distinct=True))
        .order_by("country")
    )
    return [
        {
            "code": r["country"],
            "name": country_name(r["country"]),
            "cases": r["n_cases"],
            "defenders": r["n_defenders"],
            "detained": detained_counts.get(r["country"], 0),
        }
        for r in rows
    ]


def country(gate: Gate, code: str) -> dict[str, Any] | None:
    cases = gate.cases().filter(country=code).order_by()
    if not cases.exists():
        return None
    return {
        "code": code,
        "name": country_name(code),
        "cases": cases.count(),
        "defenders": cases.values("defender").distinct().count(),
        "detained": detained_defenders(cases),
        "by_status": by_status(cases),
        "arrests_by_year": arrests_by_year(cases),
        "charge_categories": charge_categories(gate, cases),
    }


def statistics(gate: Gate) -> dict[str, Any]:
    cases = gate.cases().order_by()
    defenders = gate.defenders().order_by()
    return {
        "defenders": defenders.count(),
        "cases": cases.count(),
        "detained": detained_defenders(cases),
        "countries": cases.values("country").distinct().count(),
        "days_in_detention": total_days_in_detention(cases),
        "by_status": by_status(cases),
        "by_country": by_country(cases),
        "arrests_by_year": arrests_by_year(cases),
        "by_gender": _term_counts(defenders, "gender__code", "gender"),
        "by_role": _term_counts(defenders, "roles__code", "role"),
        "charge_categories": charge_categories(gate, cases),
    }
