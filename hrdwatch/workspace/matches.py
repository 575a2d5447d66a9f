""" "Probably the same as …, because …": before a new person is created, the people already
recorded that the linkage name keys say are likely the same, each with the reasons.

Only people the gate lets the user see are considered (the candidates are read from
``Gate.defenders()``, their other names from ``Gate.names()``). Names are compared with the
linkage model's name keys (``linkage.names``: every script and spelling reduced to comparable
forms); the database is first narrowed with the folded and transliterated words of the name, the
same folding the public search uses (``core.text.fold`` and ``anyascii``), or the nationality. A
strong name agreement is proposed on its own; a loose one (a name in Arabic script against its
Latin spelling) only beside the same year of birth or country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from anyascii import anyascii
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from hrdwatch.core.countries import country_name
from hrdwatch.core.text import fold
from hrdwatch.linkage.names import NameLevel, PersonName, compare_names, person_name
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.models import Defender
from hrdwatch.records.visibility import Gate

from .people import PersonRow, person_row

CANDIDATES = 200  # people read from the database at most, before the name keys are compared
SHOWN = 5
SHORTEST_WORD = 3


@dataclass(frozen=True)
class ProbableMatch:
    person: PersonRow
    reasons: list[str]
    level: int


def _words(name: str, original: str, typed: PersonName) -> set[str]:
    texts = [
        fold(name),
        fold(original),
        anyascii(fold(name)).lower(),
        anyascii(fold(original)).lower(),
    ]
    words = {w for text in texts for w in text.replace("-", " ").split()}
    words |= {t for form in typed.forms for t in form.tokens}
    return {w for w in words if len(w) >= SHORTEST_WORD}


def _narrowed(gate: Gate, words: set[str], country: str) -> Any:
    """People whose names share a word with the typed one, or (for a name that shares no letters
    with the Latin records, e.g. typed in Arabic script only) of the same nationality."""
    names = gate.names()
    match = reduce(
        or_,
        (
            Q(display_name__icontains=w)
            | Q(name_original_script__icontains=w)
            | Q(names__name__icontains=w, names__in=names)
            for w in sorted(words)
        ),
    )
    if country:
        match |= Q(nationality=country)
    return (
        gate.defenders()
        .filter(match)
        .distinct()
        .select_related("owner")
        .prefetch_related(
            "roles",
            Prefetch("names", names.only("defender_id", "name"), to_attr="visible_names"),
            Prefetch(
                "cases", gate.cases().select_related("status").order_by("-arrest_date", "-id")
            ),
        )
        .order_by("id")[:CANDIDATES]
    )


def _reasons(
    typed: PersonName,
    known: PersonName,
    level: NameLevel,
    why: str,
    person: dict[str, Any],
    d: Defender,
) -> list[str]:
    reasons = [why]
    if {f.key for f in typed.forms} & {f.key for f in known.forms}:
        reasons[0] = _("same name key")
    year = person.get("birth_year")
    if year and d.birth_date and str(d.birth_date.year) == str(year):
        reasons.append(_("same year of birth (%(year)s)") % {"year": year})
    country = person.get("nationality") or ""
    if country and d.nationality == country:
        reasons.append(_("same country (%(country)s)") % {"country": country_name(country)})
    return reasons


def probable_matches(user: Any, person: dict[str, Any]) -> list[ProbableMatch]:
    """People the user may see who are probably the one typed in ``person`` (the draft's step 1:
    ``name``, ``name_original``, ``birth_year``, ``nationality``), most likely first."""
    name = " ".join(str(person.get("name") or "").split())
    original = " ".join(str(person.get("name_original") or "").split())
    if not (name or original):
        return []
    country = str(person.get("nationality") or "")
    typed = person_name(name, original, country=country)
    words = _words(name, original, typed)
    if not words:
        return []
    gate = Gate(viewer_for(user))
    found = []
    for defender in _narrowed(gate, words, country):
        others = [n.name for n in getattr(defender, "visible_names", [])]
        known = person_name(
            defender.display_name,
            defender.name_original_script,
            others=others,
            country=defender.nationality,
        )
        match = compare_names(typed, known)
        if match.level < NameLevel.LOOSE:
            continue
        reasons = _reasons(typed, known, match.level, match.reason.render(_), person, defender)
        if match.level == NameLevel.LOOSE and len(reasons) < 2:
            continue  # a loose name agreement counts only beside a birth year or a country
        found.append(
            ProbableMatch(person_row(gate, defender), reasons, int(match.level) * 10 + len(reasons))
        )
    found.sort(key=lambda m: (-m.level, m.person.name))
    return found[:SHOWN]
