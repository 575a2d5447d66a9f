"""What a case looks like in a list, a download or a feed: one row type for all of them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human, format_partial_iso
from hrdwatch.records.models import Case
from hrdwatch.records.status import DISPUTED, Standing, days_detained, standing
from hrdwatch.records.visibility import Gate

from .labels import labeller, language
from .models import SearchEntry, SearchFacet


@dataclass(frozen=True)
class CaseRow:
    case_uid: str
    defender_uid: str
    name: str
    name_original: str
    country: str
    country_name: str
    status: str
    status_label: str
    arrest_date: dt.date | None
    arrest_precision: str
    days_detained: int | None
    roles: tuple[str, ...]
    updated_at: dt.datetime
    summary: str
    is_fictional: bool
    detained: bool = False
    unverified_since: dt.datetime | None = None
    stale: bool = False

    @property
    def url(self) -> str:
        return reverse("publication:defender", args=[self.defender_uid]) + f"#{self.case_uid}"

    @property
    def is_detained(self) -> bool:
        return self.detained

    @property
    def arrest_human(self) -> str:
        return format_partial_human(self.arrest_date, self.arrest_precision)

    @property
    def arrest_iso(self) -> str:
        return format_partial_iso(self.arrest_date, self.arrest_precision)


def case_rows(case_ids: Iterable[int], gate: Gate) -> list[CaseRow]:
    """Rows for these cases, in the given order; cases the gate hides are left out."""
    ids = list(case_ids)
    lang = language()
    label = labeller(lang)
    cases = {c.pk: c for c in gate.cases().filter(pk__in=ids).select_related("defender", "status")}
    roles: dict[int, list[str]] = defaultdict(list)
    # Entry ids first: filtering facets through a join makes SQLite scan every "role" row.
    case_of_entry = dict(SearchEntry.objects.filter(case_id__in=ids).values_list("id", "case_id"))
    for entry_id, value in SearchFacet.objects.filter(
        entry_id__in=list(case_of_entry), facet="role"
    ).values_list("entry_id", "value"):
        roles[case_of_entry[entry_id]].append(label("role", value))
    rows = []
    for pk in ids:
        case = cases.get(pk)
        if case is None:
            continue
        state = standing(case)
        rows.append(
            CaseRow(
                case_uid=case.uid,
                defender_uid=case.defender.uid,
                name=case.defender.display_name,
                name_original=case.defender.name_original_script,
                country=case.country,
                country_name=country_name(case.country, lang),
                status=state.code,
                status_label=status_label(case, state, lang),
                arrest_date=case.arrest_date,
                arrest_precision=case.arrest_date_precision,
                days_detained=days_detained(case),
                roles=tuple(sorted(roles[pk])),
                updated_at=case.public_updated,
                summary=case.translated("summary", lang),
                is_fictional=case.is_fictional,
                detained=state.detained,
                unverified_since=state.unverified_since,
                stale=state.stale,
            )
        )
    return rows


def status_label(case: Case, state: Standing, lang: str) -> str:
    """The status as the public is told it: the stated label, or "Status disputed" when the public
    timeline contradicts it (never a guess between the two)."""
    if state.code == DISPUTED:
        return str(_("Status disputed"))
    return case.status.label(lang)
