"""Build the public projection (SearchEntry, SearchFacet, FacetBitmap) from the visibility gate.

Everything in it comes from ``Gate(Viewer.public())``: a case that stops being public loses its
row on the next refresh, and restricted data never enters the tokens. Facet rows are written with
one ``executemany`` per batch (model instances cost more than the rest of the rebuild).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, transaction

from hrdwatch.core.countries import country_name
from hrdwatch.core.text import fold
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.status import public_status_code
from hrdwatch.records.visibility import Gate, Viewer

from ..models import SearchEntry, SearchFacet
from . import bitmaps
from .text import build_search_text

EPOCH = dt.date(1970, 1, 1)
FACETS = ("country", "status", "gender", "role", "area", "charge", "year", "wgad")
# Heaviest sentence first.
_SENTENCE_WEIGHT = {
    "death": 5,
    "life": 4,
    "indeterminate": 3,
    "term": 2,
    "suspended": 1,
    "non_custodial": 0,
}


def day_number(value: dt.date | None) -> int | None:
    return (value - EPOCH).days if value else None


def _batches(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class _Related:
    """What the entries of a batch of cases need besides the case and defender rows."""

    names: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    areas: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    wgad: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    charges: dict[int, list[tuple[str, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # the heaviest sentence of each case: (weight of its kind, months)
    sentences: dict[int, tuple[int, int]] = field(default_factory=dict)


def _related(case_ids: list[int], defender_ids: set[int], gate: Gate) -> _Related:
    """One query per related table for the whole batch, through the gate where it filters."""
    related = _Related()
    names = gate.names().filter(defender_id__in=defender_ids)
    for defender_id, name in names.values_list("defender_id", "name"):
        related.names[defender_id].append(name)
    for through, into in (
        (Defender.roles.through, related.roles),
        (Defender.areas_of_work.through, related.areas),
    ):
        for defender_id, code in through.objects.filter(defender_id__in=defender_ids).values_list(
            "defender_id", "term__code"
        ):
            into[defender_id].append(code)
    for case_id, code in Case.wgad_categories.through.objects.filter(
        case_id__in=case_ids
    ).values_list("case_id", "term__code"):
        related.wgad[case_id].append(code)
    for case_id, wording, provision, category in (
        gate.charges()
        .filter(event__case_id__in=case_ids)
        .values_list("event__case_id", "wording", "legal_provision", "category__code")
    ):
        related.charges[case_id].append((wording, provision, category))
    for case_id, kind, months in (
        gate.events()
        .filter(case_id__in=case_ids)
        .exclude(sentence_kind="")
        .values_list("case_id", "sentence_kind", "sentence_months")
    ):
        weight = (_SENTENCE_WEIGHT.get(kind, 0), months or 0)
        if weight > related.sentences.get(case_id, (-1, -1)):
            related.sentences[case_id] = weight
    return related


_KIND_BY_WEIGHT = {w: k for k, w in _SENTENCE_WEIGHT.items()}


def _entry(case: Case, related: _Related) -> SearchEntry:
    defender = case.defender
    all_names = [defender.display_name, defender.name_original_script, *related.names[defender.id]]
    texts = [
        case.summary,
        *[str(v.get("summary", "")) for v in case.translations.values()],
        defender.biography,
        case.city,
        case.region,
        case.authorities,
        *[f"{w} {p}" for w, p, _c in related.charges[case.id]],
        *{country_name(case.country, lang) for lang in ("en", "fr", "es")},
    ]
    sentence = related.sentences.get(case.id)
    currently_detained = case.arrest_date is not None and case.release_date is None
    return SearchEntry(
        case_id=case.id,
        defender_id=defender.id,
        tokens=build_search_text([n for n in all_names if n], [t for t in texts if t]),
        name_sort=fold(defender.display_name)[:300],
        country=case.country,
        status=public_status_code(case),
        gender=defender.gender.code if defender.gender else "",
        arrest_year=case.arrest_date.year if case.arrest_date else None,
        arrest_day=day_number(case.arrest_date),
        release_day=day_number(case.release_date),
        detained_since=case.arrest_date if currently_detained else None,
        sentence_months=(sentence[1] or None)
        if sentence and sentence[0] == _SENTENCE_WEIGHT["term"]
        else None,
        sentence_kind=_KIND_BY_WEIGHT[sentence[0]] if sentence else "",
        updated_at=case.public_updated,
        published_at=case.created_at,
    )


def _facet_values(case: Case, related: _Related) -> list[tuple[str, str]]:
    defender = case.defender
    values = [("country", case.country), ("status", public_status_code(case))]
    if defender.gender:
        values.append(("gender", defender.gender.code))
    if case.arrest_date:
        values.append(("year", str(case.arrest_date.year)))
    values += [("role", code) for code in related.roles[defender.id]]
    values += [("area", code) for code in related.areas[defender.id]]
    values += [("wgad", code) for code in related.wgad[case.id]]
    values += [("charge", category) for _w, _p, category in related.charges[case.id]]
    return sorted(set(values))


def _build(
    case_ids: list[int], gate: Gate
) -> tuple[list[SearchEntry], dict[int, list[tuple[str, str]]]]:
    """Entries and facet values for the public cases among ``case_ids``."""
    cases = list(
        gate.cases()
        .filter(pk__in=case_ids)
        .select_related("defender", "defender__gender", "status")
    )
    related = _related(case_ids, {c.defender_id for c in cases}, gate)
    entries = [_entry(case, related) for case in cases]
    return entries, {case.id: _facet_values(case, related) for case in cases}


def _write(entries: list[SearchEntry], facets: dict[int, list[tuple[str, str]]]) -> None:
    SearchEntry.objects.bulk_create(entries)
    quote = connection.ops.quote_name
    column_of = {f.name: str(f.column) for f in SearchFacet._meta.concrete_fields}
    columns = ", ".join(quote(column_of[name]) for name in ("entry", "facet", "value"))
    # Only quoted names from the model's metadata; the values are parameters.
    sql = f"INSERT INTO {quote(SearchFacet._meta.db_table)} ({columns}) VALUES (%s, %s, %s)"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(e.pk, f, v) for e in entries for f, v in facets[e.case_id]])


def reindex_cases(case_ids: Iterable[int]) -> int:
    """Refresh the rows of these cases (removing those no longer public); returns rows written."""
    ids = sorted(set(case_ids))
    written = 0
    gate = Gate(Viewer.public())
    for batch in _batches(ids, 1000):
        with transaction.atomic():
            SearchEntry.objects.filter(case_id__in=batch).delete()
            entries, facets = _build(batch, gate)
            _write(entries, facets)
            bitmaps.update(batch, bitmaps.members_of(facets))
            written += len(entries)
    return written


def rebuild(batch_size: int = 2000, progress: Callable[[int], None] | None = None) -> int:
    """Drop and rebuild the whole projection from the gate; returns the number of public cases."""
    gate = Gate(Viewer.public())
    written = 0
    every_facet: dict[int, list[tuple[str, str]]] = {}
    with transaction.atomic():
        SearchFacet.objects.all().delete()
        SearchEntry.objects.all().delete()
        for batch in _batches(
            gate.cases().order_by("pk").values_list("pk", flat=True).iterator(), batch_size
        ):
            entries, facets = _build(batch, gate)
            _write(entries, facets)
            every_facet.update(facets)
            written += len(entries)
            if progress:
                progress(written)
        bitmaps.replace_all(bitmaps.members_of(every_facet))
    return written


def cases_of_defenders(defender_ids: Iterable[int]) -> list[int]:
    """Every case (public or not) of these defenders: a defender change touches all of them."""
    return list(
        Case.all_objects.filter(defender_id__in=list(defender_ids)).values_list("pk", flat=True)
    )
