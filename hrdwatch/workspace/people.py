"""The person picker: people the user may see (the gate decides), each shown with what tells
two people of the same name apart — country, birth year, roles, status, owning organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q

from hrdwatch.core.countries import country_name
from hrdwatch.core.text import fold
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.visibility import Gate

LIMIT = 12


@dataclass(frozen=True)
class PersonRow:
    """One search result, with the facts that distinguish namesakes."""

    uid: str
    name: str
    original: str
    country: str
    birth_year: int | None
    roles: str
    status: str
    organisation: str
    photo: bool


def person_row(gate: Gate, defender: Defender) -> PersonRow:
    cases = list(defender.cases.all())
    latest = cases[0] if cases else None
    country = defender.nationality or (latest.country if latest else "")
    return PersonRow(
        uid=defender.uid,
        name=defender.display_name,
        original=defender.name_original_script,
        country=country_name(country) if country else "",
        birth_year=defender.birth_date.year if defender.birth_date else None,
        roles=", ".join(t.label() for t in defender.roles.all()),
        status=latest.status.label() if latest else "",
        organisation=gate.organisation_name(defender.owner),
        photo=gate.may_see_photo(defender),
    )


def search_people(user: Any, query: str) -> list[PersonRow]:
    """People the user may see whose name (any spelling) contains ``query``."""
    query = " ".join((query or "").split())
    if len(query) < 2:
        return []
    gate = Gate(viewer_for(user))
    folded = fold(query)
    match = (
        Q(display_name__icontains=query)
        | Q(name_original_script__icontains=query)
        | Q(names__name__icontains=query, names__in=gate.names())
    )
    if folded != query.lower():
        match |= Q(display_name__icontains=folded) | Q(
            names__name__icontains=folded, names__in=gate.names()
        )
    found = (
        gate.defenders()
        .filter(match)
        .distinct()
        .select_related("owner")
        .prefetch_related(
            "roles",
            Prefetch(
                "cases", gate.cases().select_related("status").order_by("-arrest_date", "-id")
            ),
        )
        .order_by("display_name", "id")[:LIMIT]
    )
    return [person_row(gate, d) for d in found]


def visible_person(user: Any, uid: str) -> Defender | None:
    """The defender with ``uid`` if the user may see it (never anyone else's hidden person)."""
    if not uid:
        return None
    return Gate(viewer_for(user)).defenders().filter(uid=uid).first()


def describe(user: Any, uid: str) -> PersonRow | None:
    defender = visible_person(user, uid)
    if defender is None:
        return None
    gate = Gate(viewer_for(user))
    defender = (
        Defender.objects.prefetch_related(
            "roles",
            Prefetch(
                "cases", gate.cases().select_related("status").order_by("-arrest_date", "-id")
            ),
        )
        .select_related("owner")
        .get(pk=defender.pk)
    )
    return person_row(gate, defender)


__all__ = ["Case", "PersonRow", "describe", "person_row", "search_people", "visible_person"]
