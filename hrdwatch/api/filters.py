"""The site's list filters as API query parameters, applied to gate querysets.

Unknown codes simply match nothing (an empty page, never an error). Free-text search goes through
the public site's search module (``publication.search``), so the API and the site find the same
people: accents, scripts, pinyin and transliterations alike.
"""

from __future__ import annotations

from enum import StrEnum

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from ninja import Schema
from pydantic import Field

from hrdwatch.publication.models import SearchEntry
from hrdwatch.publication.search.backends import get_backend
from hrdwatch.publication.search.text import parse_query
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.visibility import Gate

from .keyset import Key, ordered
from .schemas import Code, QueryText


class Sort(StrEnum):
    LATEST = "latest"
    NAME = "name"
    LONGEST = "longest"


class CaseFilters(Schema):
    q: QueryText | None = Field(
        None, description="Search names in every script, summaries and charges."
    )
    country: Code | None = Field(
        None, description="ISO 3166-1 alpha-2 code of the detaining state."
    )
    status: Code | None = Field(None, description="Case status code, e.g. detained_convicted.")
    gender: Code | None = Field(None, description="Gender code.")
    role: Code | None = Field(None, description="Role code, e.g. lawyer.")
    area: Code | None = Field(None, description="Area-of-work code.")
    charge_category: Code | None = Field(None, description="Charge category code.")
    wgad: Code | None = Field(None, description="WGAD category (I to V).")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of arrest.")
    sort: Sort = Field(Sort.LATEST, description="latest, name or longest (in detention).")


def matching_defender_ids(gate: Gate, text: str) -> QuerySet:
    """Ids of visible defenders whose names (any script or spelling) contain ``text``."""
    names = gate.names().filter(name__icontains=text).values("defender")
    return (
        gate.defenders()
        .filter(
            Q(display_name__icontains=text)
            | Q(name_original_script__icontains=text)
            | Q(pk__in=names)
        )
        .values("pk")
    )


def text_match(gate: Gate, text: str) -> Q | None:
    """Cases matching ``text``: the public site's search index (same tokens, same answers), plus,
    for partners, a plain name/summary/charge match over what only they may see. None: no filter."""
    parsed = parse_query(text)
    if not parsed:
        return None
    rule = Q(pk__in=get_backend().match(SearchEntry.objects.all(), parsed).values("case_id"))
    if not gate.viewer.is_public:
        charges = gate.charges().filter(wording__icontains=text).values("event__case")
        rule |= (
            Q(defender__in=matching_defender_ids(gate, text))
            | Q(summary__icontains=text)
            | Q(pk__in=charges)
        )
    return rule


def filter_cases(gate: Gate, qs: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    """Apply the site's filters and sort order to a queryset of visible cases."""
    rule = text_match(gate, filters.q.strip()) if filters.q else None
    if rule is not None:
        qs = qs.filter(rule)
    if filters.country:
        qs = qs.filter(country=filters.country.upper())
    if filters.status:
        qs = qs.filter(status__code=filters.status)
    if filters.gender:
        qs = qs.filter(defender__gender__code=filters.gender)
    # To-many facets as EXISTS: a join would repeat a case once per matching row and need a
    # SELECT DISTINCT over every column (a full sort of the selection on every page).
    if filters.role:
        roles = Defender.roles.through.objects.filter(
            defender_id=OuterRef("defender_id"), term__code=filters.role
        )
        qs = qs.filter(Exists(roles))
    if filters.area:
        areas = Defender.areas_of_work.through.objects.filter(
            defender_id=OuterRef("defender_id"), term__code=filters.area
        )
        qs = qs.filter(Exists(areas))
    if filters.charge_category:
        qs = qs.filter(
            pk__in=gate.charges()
            .filter(category__code=filters.charge_category)
            .values("event__case")
        )
    if filters.wgad:
        wgad = Case.wgad_categories.through.objects.filter(
            case_id=OuterRef("pk"), term__code=filters.wgad
        )
        qs = qs.filter(Exists(wgad))
    if filters.year:
        qs = qs.filter(arrest_date__year=filters.year)
    return ordered(qs, CASE_KEYS[filters.sort])


# Sort orders as keyset keys (NULLs placed explicitly, so SQLite and PostgreSQL agree).
CASE_KEYS: dict[Sort, tuple[Key, ...]] = {
    Sort.LATEST: (Key("arrest_date", descending=True, nulls_last=True), Key("pk", descending=True)),
    Sort.NAME: (Key("defender__display_name"), Key("pk")),
    Sort.LONGEST: (
        Key("release_date", nulls_last=False),
        Key("arrest_date", nulls_last=False),
        Key("pk"),
    ),
}
DEFENDER_KEYS: dict[Sort, tuple[Key, ...]] = {
    Sort.LATEST: (Key("updated_at", descending=True), Key("pk")),
    Sort.NAME: (Key("display_name"), Key("pk")),
    Sort.LONGEST: (Key("first_arrest", nulls_last=True), Key("pk")),
}


def filter_defenders(
    gate: Gate, qs: QuerySet[Defender], filters: CaseFilters
) -> QuerySet[Defender]:
    """Defenders with at least one visible case matching the filters (all visible ones if none set)."""
    narrowing = filters.model_dump(exclude={"sort"}, exclude_none=True)
    if narrowing:
        cases = filter_cases(gate, gate.cases(), filters).order_by()
        qs = qs.filter(pk__in=cases.values("defender"))
    if filters.sort == Sort.LONGEST:
        first_arrest = gate.cases().filter(defender=OuterRef("pk")).order_by("arrest_date")
        qs = qs.annotate(first_arrest=Subquery(first_arrest.values("arrest_date")[:1]))
    return ordered(qs, DEFENDER_KEYS[filters.sort])
