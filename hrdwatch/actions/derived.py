"""The derived fields of many cases at once, for the bulk path.

``records.status.refresh_case`` recomputes one case in five queries; after a bulk write that
touched thousands of cases, ``refresh_cases`` gives each the same values (it uses the same
``derive_status`` and ``arrest_and_release``) in a few queries per batch: the events of all the
cases, their status terms, one ``bulk_update`` of the cases and two updates of their defenders'
``is_published``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import connection

from hrdwatch.core.dates import Precision
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender, Event
from hrdwatch.records.status import TimelineEntry, arrest_and_release, derive_status
from hrdwatch.vocab.models import Term, Vocabulary

from .bulkcreate import CHUNK

DERIVED = [
    "derived_status",
    "status_conflict",
    "full_derived_status",
    "hidden_facts_differ",
    "arrest_date",
    "arrest_date_precision",
    "release_date",
]


def _derive(case: Any, rows: list[tuple[Any, ...]], terms: dict[str, Term]) -> None:
    """Set the derived fields of ``case`` as ``refresh_case`` computes them."""
    everything = [TimelineEntry(code, d, p, c, pk) for code, d, p, c, pk, _v in rows]
    public = [
        TimelineEntry(code, d, p, c, pk)
        for code, d, p, c, pk, level in rows
        if level == Visibility.PUBLIC
    ]
    derived = terms.get(derive_status(public) or "")
    full = terms.get(derive_status(everything) or "")
    dated_code = derive_status([e for e in public if e.date is not None])
    stated = case.status.code if case.status_id else None
    start, end = arrest_and_release(public)
    full_dates = tuple(e.date if e else None for e in arrest_and_release(everything))
    case.derived_status = derived
    case.status_conflict = bool(
        derived and derived.pk != case.status_id and dated_code is not None and dated_code != stated
    )
    case.full_derived_status = full
    case.hidden_facts_differ = full != derived or full_dates != (
        start.date if start else None,
        end.date if end else None,
    )
    case.arrest_date = start.date if start else None
    case.arrest_date_precision = start.precision if start else Precision.UNKNOWN
    case.release_date = end.date if end else None


def refresh_cases(case_ids: Iterable[int]) -> None:
    """Recompute the derived fields of these cases and their defenders' ``is_published``."""
    ids = sorted(set(case_ids))
    terms = {t.code: t for t in Term.objects.filter(vocabulary=Vocabulary.CASE_STATUS)}
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        cases = list(Case.all_objects.filter(pk__in=part).select_related("status"))
        events: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for case_id, *row in Event.objects.filter(case_id__in=part).values_list(
            "case_id", "event_type__code", "date", "date_precision", "certainty", "pk", "visibility"
        ):
            events[case_id].append(tuple(row))
        for case in cases:
            _derive(case, events[case.pk], terms)
        _write(cases)
        _publish_flags({c.defender_id for c in cases})


def _write(cases: list[Any]) -> None:
    """One ``UPDATE … WHERE id = %s`` run for all the cases (``bulk_update``'s CASE WHEN
    expression costs more than the refresh itself)."""
    fields: list[Any] = [Case._meta.get_field(name) for name in DERIVED]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    # Only quoted identifiers from the model's metadata go into the text; values are parameters.
    sql = f"UPDATE {quote(Case._meta.db_table)} SET {assignments} WHERE id = %s"  # noqa: S608
    params = [
        [f.get_db_prep_save(getattr(case, f.attname), connection) for f in fields] + [case.pk]
        for case in cases
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _publish_flags(defenders: set[int]) -> None:
    """A defender is published when one of its live cases is published and public."""
    published = set(
        Case.objects.filter(
            defender_id__in=defenders,
            review_state=ReviewState.PUBLISHED,
            visibility=Visibility.PUBLIC,
        ).values_list("defender_id", flat=True)
    )
    stored = dict(Defender.all_objects.filter(pk__in=defenders).values_list("pk", "is_published"))
    wrong = [pk for pk, flag in stored.items() if flag != (pk in published)]
    for pk in wrong:
        Defender.all_objects.filter(pk=pk).update(is_published=pk in published)
