"""The fixed stage every demo case plays on: vocabularies, partner organisations, places, perpetrators.

Built once per run (a few hundred rows whatever the size), before the defenders are generated.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from hrdwatch.actions.bulk import BulkLoad
from hrdwatch.partners.models import Organisation, OrganisationKind
from hrdwatch.records.base import new_uid
from hrdwatch.records.levels import PlaceKind, Visibility
from hrdwatch.records.models import Perpetrator, PlaceOfDetention
from hrdwatch.vocab.defaults import default_terms
from hrdwatch.vocab.models import Term

from .names import person_name
from .profiles import PROFILES, CountryProfile

# (slug, name, kind, country, is_public). Fictional organisations; websites on example.org.
ORGANISATIONS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("lantern-rights-monitor", "Lantern Rights Monitor", OrganisationKind.LOCAL, "CN", True),
    (
        "pearl-river-worker-hotline",
        "Pearl River Worker Hotline",
        OrganisationKind.LOCAL,
        "CN",
        False,
    ),
    (
        "bamboo-prisoner-support",
        "Bamboo Prisoner Support Network",
        OrganisationKind.LOCAL,
        "VN",
        True,
    ),
    ("nile-defenders-forum", "Nile Defenders Forum", OrganisationKind.LOCAL, "EG", True),
    ("alborz-rights-watch", "Alborz Rights Watch", OrganisationKind.LOCAL, "IR", True),
    ("open-cell-monitor", "Open Cell Monitoring Group", OrganisationKind.LOCAL, "RU", True),
    ("pahonia-prisoner-aid", "Pahonia Prisoner Aid", OrganisationKind.LOCAL, "BY", True),
    ("anatolia-legal-aid", "Anatolia Legal Aid Collective", OrganisationKind.LOCAL, "TR", True),
    ("caspian-free-voice", "Caspian Free Voice", OrganisationKind.LOCAL, "AZ", True),
    (
        "irrawaddy-prisoner-assistance",
        "Irrawaddy Prisoner Assistance",
        OrganisationKind.LOCAL,
        "MM",
        False,
    ),
    (
        "xolotlan-rights-collective",
        "Xolotlán Human Rights Collective",
        OrganisationKind.LOCAL,
        "NI",
        True,
    ),
    (
        "global-defenders-network",
        "Global Defenders Network (secretariat)",
        OrganisationKind.NETWORK,
        "",
        True,
    ),
    (
        "sentinel-for-defenders",
        "Sentinel for Human Rights Defenders",
        OrganisationKind.INTERNATIONAL,
        "",
        True,
    ),
    (
        "trial-observation-project",
        "International Trial Observation Project",
        OrganisationKind.INTERNATIONAL,
        "",
        True,
    ),
    ("pen-and-prison", "Pen & Prison International", OrganisationKind.INTERNATIONAL, "", True),
    (
        "free-expression-legal-fund",
        "Free Expression Legal Fund",
        OrganisationKind.INTERNATIONAL,
        "",
        True,
    ),
)
FICTIONAL_NOTE = "Fictional demo person"


@dataclass
class CitySetup:
    """The authorities of one city that the generated events name."""

    name: str
    name_original: str
    court: Perpetrator
    judges: list[Perpetrator]
    police: Perpetrator
    police_head: Perpetrator
    prosecutor: Perpetrator
    prosecutor_person: Perpetrator
    pretrial: list[PlaceOfDetention]
    prisons: list[PlaceOfDetention]


@dataclass
class CountrySetup:
    profile: CountryProfile
    cities: list[CitySetup]
    security: Perpetrator
    ministry: Perpetrator
    facility_of: dict[str, Perpetrator]  # place uid -> the facility as a perpetrator
    director_of: dict[str, Perpetrator]  # place uid -> its director
    local_orgs: list[Organisation] = field(default_factory=list)


@dataclass
class Setting:
    terms: dict[tuple[str, str], Term]
    countries: dict[str, CountrySetup]
    international: list[Organisation]
    places: list[PlaceOfDetention]
    perpetrators: list[Perpetrator]

    def __post_init__(self) -> None:
        self.places_by_uid = {p.uid: p for p in self.places}
        self.perpetrators_by_uid = {p.uid: p for p in self.perpetrators}
        self.term_ids = {key: term.pk for key, term in self.terms.items()}
        self.observer = next(o for o in self.international if o.slug == "trial-observation-project")

    def term(self, vocabulary: str, code: str) -> Term:
        return self.terms[(vocabulary, code)]

    def term_id(self, vocabulary: str, code: str) -> int:
        return self.term_ids[(vocabulary, code)]

    def codes(self, vocabulary: str) -> list[str]:
        """The vocabulary's shipped codes in a fixed order ("other" left out), whatever a network added."""
        return sorted(c for c in default_terms()[vocabulary] if c != "other")


def _organisations() -> list[Organisation]:
    """The partner organisations, created when missing (they may outlive a demo database reset)."""
    orgs = []
    for slug, name, kind, country, is_public in ORGANISATIONS:
        org, _created = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "is_public": is_public,
                "website": f"https://{slug}.example.org/",
            },
        )
        orgs.append(org)
    return orgs


def build_setting(seed: int, load: BulkLoad) -> Setting:
    """Create the organisations, places and perpetrators of every demo country (deterministic)."""
    builder = _Builder(seed, {(t.vocabulary, t.code): t for t in Term.objects.all()})
    orgs = _organisations()
    countries = {
        profile.code: builder.country(profile, [o for o in orgs if o.country == profile.code])
        for profile in PROFILES
    }
    international = [o for o in orgs if o.kind != OrganisationKind.LOCAL]
    load.insert(builder.places)
    # Institutions first, then the people whose ``parent`` they are.
    load.insert([p for p in builder.perps if p.parent is None])
    load.insert([p for p in builder.perps if p.parent is not None])
    return Setting(builder.terms, countries, international, builder.places, builder.perps)


class _Builder:
    """Makes the rows of the setting in a fixed order (their identifiers come from their keys)."""

    def __init__(self, seed: int, terms: dict[tuple[str, str], Term]) -> None:
        self.seed, self.terms = seed, terms
        self.places: list[PlaceOfDetention] = []
        self.perps: list[Perpetrator] = []

    def perp(
        self, country: str, key: str, name: str, original: str, ptype: str, **extra: object
    ) -> Perpetrator:
        row = Perpetrator(
            uid=new_uid("per", f"demo:{self.seed}:{country}:{key}", "Perpetrator"),
            name=name,
            name_original=original,
            perpetrator_type=self.terms[("perpetrator_type", ptype)],
            country=country,
            visibility=Visibility.PUBLIC,
            **extra,
        )
        self.perps.append(row)
        return row

    def person(
        self,
        country: str,
        key: str,
        rng: random.Random,
        position: str,
        parent: Perpetrator,
        ptype: str = "person",
    ) -> Perpetrator:
        names = person_name(country, rng, rng.random() < 0.3)
        return self.perp(
            country,
            key,
            names.display,
            names.original,
            ptype,
            position=position,
            parent=parent,
            identifiers={"note": FICTIONAL_NOTE, "birth_year": str(rng.randint(1955, 1985))},
        )

    def country(self, profile: CountryProfile, orgs: list[Organisation]) -> CountrySetup:
        code = profile.code
        rng = random.Random(f"{self.seed}:setting:{code}")
        security = self.perp(code, "security", *profile.security, "security_unit")
        ministry = self.perp(code, "ministry", *profile.ministry, "ministry")
        places = _CountryPlaces()
        cities = [
            self.city(profile, rng, c, city, city_o, places)
            for c, (city, city_o) in enumerate(profile.cities)
        ]
        return CountrySetup(
            profile, cities, security, ministry, places.facility_of, places.director_of, orgs
        )

    def city(
        self,
        profile: CountryProfile,
        rng: random.Random,
        c: int,
        city: str,
        city_o: str,
        places: _CountryPlaces,
    ) -> CitySetup:
        code = profile.code

        def fill(template: str) -> str:
            return template.format(city=city, city_o=city_o)

        def institution(key: str, names: tuple[str, str], ptype: str) -> Perpetrator:
            return self.perp(code, f"{key}:{c}", fill(names[0]), fill(names[1]), ptype)

        court = institution("court", profile.court, "court")
        judges = [
            self.person(
                code, f"judge:{c}:{j}", rng, f"Presiding judge, {court.name}", court, "judge"
            )
            for j in range(2)
        ]
        police = institution("police", profile.police, "police_unit")
        prosecutor = institution("prosecutor", profile.prosecutor, "prosecutor")
        pretrial, prisons = self.city_places(profile, rng, c, fill, places)
        return CitySetup(
            city,
            city_o,
            court,
            judges,
            police,
            self.person(code, f"police_head:{c}", rng, f"Head, {police.name}", police),
            prosecutor,
            self.person(
                code, f"prosecutor_person:{c}", rng, f"Prosecutor, {prosecutor.name}", prosecutor
            ),
            pretrial or prisons,
            prisons or pretrial,
        )

    def city_places(
        self,
        profile: CountryProfile,
        rng: random.Random,
        c: int,
        fill: Callable[[str], str],
        places: _CountryPlaces,
    ) -> tuple[list[PlaceOfDetention], list[PlaceOfDetention]]:
        """The city's pre-trial places and prisons; a national place (no city in its name) is
        made once per country and shared by its cities."""
        code = profile.code
        pretrial: list[PlaceOfDetention] = []
        prisons: list[PlaceOfDetention] = []
        for p, (kind, name_t, original_t) in enumerate(profile.places):
            name = fill(name_t)
            place = places.national.get(name)
            if place is None:
                place = PlaceOfDetention(
                    uid=new_uid(
                        "plc", f"demo:{self.seed}:{code}:place:{c}:{p}", "PlaceOfDetention"
                    ),
                    name=name,
                    name_original=fill(original_t),
                    kind=kind,
                    country=code,
                    city=fill("{city}") if "{city}" in name_t else "",
                    visibility=Visibility.PUBLIC,
                )
                self.places.append(place)
                facility = self.perp(
                    code, f"facility:{c}:{p}", place.name, place.name_original, "detention_facility"
                )
                places.facility_of[place.uid] = facility
                places.director_of[place.uid] = self.person(
                    code, f"director:{c}:{p}", rng, f"Director, {place.name}", facility
                )
                if "{city}" not in name_t:
                    places.national[name] = place
            (prisons if kind == PlaceKind.PRISON else pretrial).append(place)
        return pretrial, prisons


@dataclass
class _CountryPlaces:
    national: dict[str, PlaceOfDetention] = field(default_factory=dict)
    facility_of: dict[str, Perpetrator] = field(default_factory=dict)
    director_of: dict[str, Perpetrator] = field(default_factory=dict)
