"""Turn a generated person and their stories into rows (dicts keyed by model attribute name).

Rows get their primary keys when queued (see ``hrdwatch.actions.tables``), so they refer to each other by id and
``generator`` inserts them table by table. Restricted and partners-only text carries a marker
(``RESTRICTED_MARKER`` / ``PARTNERS_MARKER``) so leak tests can search every output for it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from hrdwatch.actions.bulk import BulkLoad
from hrdwatch.actions.tables import Table
from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import Precision, format_partial_iso
from hrdwatch.partners.models import Organisation
from hrdwatch.records.base import new_uid
from hrdwatch.records.levels import Certainty, ReviewState, Visibility, WarrantShown
from hrdwatch.records.models import (
    Case,
    CaseShare,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    SensitiveDetail,
    Source,
)
from hrdwatch.records.status import TimelineEntry, arrest_and_release, derive_status
from hrdwatch.vocab.models import Term

from .names import PersonName, person_name
from .setting import CountrySetup, Setting
from .stories import PARTNERS_MARKER, REFERENCE_DATE, RESTRICTED_MARKER, Story, StoryEvent
from .timestamps import last_verified, noon, public_updated

FICTIONAL = "Fictional demo record."
Row = dict[str, Any]


class Rows:
    """One queue per table, in the order the tables are inserted."""

    def __init__(self, load: BulkLoad, now: dt.datetime) -> None:
        def table(model: type[models.Model]) -> Table:
            return load.table(model, now)

        self.now = now

        self.defenders = table(Defender)
        self.defender_roles = table(Defender.roles.through)
        self.defender_areas = table(Defender.areas_of_work.through)
        self.cases = table(Case)
        self.case_wgad = table(Case.wgad_categories.through)
        self.shares = table(CaseShare)
        self.events = table(Event)
        self.charges = table(Charge)
        self.perpetrator_links = table(EventPerpetrator)
        self.sources = table(Source)
        self.evidence = table(Evidence)
        self.names = table(DefenderName)
        self.sensitive = table(SensitiveDetail)
        self.interventions = table(Intervention)

    @property
    def tables(self) -> list[Table]:
        return [t for t in vars(self).values() if isinstance(t, Table)]


class Ids:
    """Stable uids for one defender's rows: hashed from the seed, the defender's number and a key."""

    def __init__(self, seed: int, index: int) -> None:
        self.base = f"demo:{seed}:{index}"

    def __call__(self, prefix: str, model: str, key: str) -> str:
        return new_uid(prefix, f"{self.base}:{key}", model)


def hidden_level(visibility: str, review_state: str) -> str:
    """The level a case's texts are really shown at: unpublished cases are not public."""
    if visibility == Visibility.PUBLIC and review_state != ReviewState.PUBLISHED:
        return Visibility.PARTNERS
    return visibility


def marked(text: str, visibility: str, uid: str) -> str:
    """Append the leak-test marker that matches a non-public level (empty texts stay empty)."""
    if not text:
        return text
    if visibility == Visibility.RESTRICTED:
        return f"{text} [{RESTRICTED_MARKER} {uid}]"
    if visibility == Visibility.PARTNERS:
        return f"{text} [{PARTNERS_MARKER} {uid}]"
    return text


def _phone(rng: random.Random) -> str:
    return f"+{rng.randint(1, 99)} 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


@dataclass
class Person:
    """The generated facts about a defender that the case rows also need."""

    index: int
    country: CountrySetup
    names: PersonName
    female: bool
    roles: list[Term]
    areas: list[Term]
    visibility: str
    owner: Organisation


@dataclass
class CaseRows:
    """A queued case with its events, each beside the story event it came from."""

    case: Row
    events: list[tuple[Row, StoryEvent]]
    story: Story


def add_defender(
    rows: Rows,
    setting: Setting,
    ids: Ids,
    rng: random.Random,
    person: Person,
    first_arrest: dt.date,
) -> tuple[Row, list[Row]]:
    """The defender row, its roles, areas and other names."""
    code = person.country.profile.code
    gender = (
        "female" if person.female else rng.choices(("male", "non_binary", "unknown"), (96, 2, 2))[0]
    )
    birth, precision = _birth(rng)
    bio = _biographies(person, rng.choice(person.country.cities).name)
    name = person.names.display
    uid = ids("hrd", "Defender", "defender")
    defender = rows.defenders.add(
        uid=uid,
        display_name=name,
        name_original_script=person.names.original,
        gender_id=setting.term_id("gender", gender),
        birth_date=birth,
        birth_date_precision=precision,
        nationality=code,
        affiliations=person.owner.name if person.owner.is_public and rng.random() < 0.4 else "",
        biography=marked(bio["en"], person.visibility, uid),
        translations={"fr": {"biography": bio["fr"]}, "es": {"biography": bio["es"]}},
        owner_id=person.owner.pk,
        is_fictional=True,
        visibility=person.visibility,
        created_at=noon(min(first_arrest + dt.timedelta(days=14), REFERENCE_DATE)),
    )
    for role in person.roles:
        rows.defender_roles.add(defender_id=defender["id"], term_id=role.pk)
    for area in person.areas:
        rows.defender_areas.add(defender_id=defender["id"], term_id=area.pk)
    names = [
        rows.names.add(
            uid=ids("nam", "DefenderName", f"name:{n}"),
            defender_id=defender["id"],
            name=alias.name,
            script=alias.script,
            language=alias.language,
            kind_id=setting.term_id("name_kind", alias.kind),
            visibility=Visibility.PUBLIC,
        )
        for n, alias in enumerate(person.names.aliases)
    ]
    return defender, names


def _birth(rng: random.Random) -> tuple[dt.date | None, str]:
    """A birth date at the precision sources give it: the day, the year only, or unknown."""
    birth_year = rng.randint(1950, 2003)
    precision = rng.choices((Precision.DAY, Precision.YEAR, Precision.UNKNOWN), (5, 4, 1))[0]
    day = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
    birth = {
        Precision.DAY: day,
        Precision.YEAR: dt.date(birth_year, 1, 1),
        Precision.UNKNOWN: None,
    }[precision]
    return birth, precision


def _biographies(person: Person, city: str) -> dict[str, str]:
    code, name = person.country.profile.code, person.names.display

    def labels(terms: list[Term], language: str) -> str:
        return ", ".join(getattr(t, f"label_{language}").lower() for t in terms)

    return {
        "en": f"{FICTIONAL} {name} is a {' and '.join(r.label_en.lower() for r in person.roles)} from "
        f"{city}, {country_name(code, 'en')}, working on {labels(person.areas, 'en')}.",
        "fr": f"Dossier fictif de démonstration. {name} : {labels(person.roles, 'fr')} de {city} "
        f"({country_name(code, 'fr')}), engagé·e pour : {labels(person.areas, 'fr')}.",
        "es": f"Registro ficticio de demostración. {name}: {labels(person.roles, 'es')} de {city} "
        f"({country_name(code, 'es')}), trabaja en: {labels(person.areas, 'es')}.",
    }


_HEALTH = (
    "Suffers from hypertension; medication withheld for weeks at a time.",
    "Lost hearing in one ear after a beating; needs a specialist.",
    "Diabetic; family reports rapid weight loss since detention.",
)


def _family_contact(rng: random.Random, code: str, city: str) -> str:
    female = rng.random() < 0.6
    relation = rng.choice(
        ("sister", "mother", "wife", "daughter")
        if female
        else ("brother", "father", "husband", "son")
    )
    relative = person_name(code, rng, female).display
    return (
        f"Family contact: {relation} {relative}, phone {_phone(rng)}, "
        f"lives near the {city} central market."
    )


def add_sensitive(
    rows: Rows,
    setting: Setting,
    ids: Ids,
    rng: random.Random,
    person: Person,
    defender: Row,
    case: CaseRows,
) -> None:
    """Restricted details a partner would keep: family and lawyer contacts, health, risk notes."""
    code = person.country.profile.code
    details = []
    if rng.random() < 0.6:
        details.append(("family_contact", _family_contact(rng, code, case.story.city.name)))
    if rng.random() < 0.5:
        lawyer = person_name(code, rng, rng.random() < 0.4).display
        details.append(
            ("lawyer_contact", f"Lawyer: {lawyer}, mobile {_phone(rng)}, reachable on Signal.")
        )
    if case.story.ill_treated or rng.random() < 0.2:
        details.append(("health", rng.choice(_HEALTH)))
    if rng.random() < 0.3:
        details.append(
            (
                "risk",
                "Relatives were threatened after speaking to foreign media; "
                "do not publish the home address or the names of the children.",
            )
        )
    for n, (kind, text) in enumerate(details):
        uid = ids("sen", "SensitiveDetail", f"sensitive:{case.case['uid']}:{n}")
        rows.sensitive.add(
            uid=uid,
            defender_id=defender["id"],
            case_id=case.case["id"] if kind != "family_contact" else None,
            kind_id=setting.term_id("sensitive_kind", kind),
            text=marked(text, Visibility.RESTRICTED, uid),
            visibility=Visibility.RESTRICTED,
        )


_REVIEW_STATES = (
    ReviewState.PUBLISHED,
    ReviewState.DRAFT,
    ReviewState.IN_REVIEW,
    ReviewState.VERIFIED,
    ReviewState.WITHDRAWN,
)


def add_case(
    rows: Rows,
    setting: Setting,
    ids: Ids,
    rng: random.Random,
    person: Person,
    defender: Row,
    story: Story,
    number: int,
) -> CaseRows:
    """A case with its events, charges, perpetrator links, derived status and WGAD assessment."""
    uid = ids("case", "Case", f"case:{number}")
    visibility = person.visibility
    if visibility == Visibility.PUBLIC:
        visibility = rng.choices(
            (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.RESTRICTED), (92, 6, 2)
        )[0]
    status = _status_fields(setting, story, rng)
    summary = _summaries(setting, person, story, status.pop("start"), status.pop("stated"))
    review_state = rng.choices(_REVIEW_STATES, (82, 6, 6, 3, 3))[0]
    level = hidden_level(visibility, review_state)

    def hide(text: str) -> str:
        return marked(text, level, uid)

    arrested = status["arrest_date"]
    case = rows.cases.add(
        uid=uid,
        defender_id=defender["id"],
        country=person.country.profile.code,
        city=story.city.name,
        **status,
        last_verified_at=last_verified(uid, rows.now, review_state),
        public_updated_at=public_updated(uid, story, review_state),
        **_case_texts(story, rng, hide),
        summary=hide(summary["en"]),
        translations={
            "fr": {"summary": hide(summary["fr"])},
            "es": {"summary": hide(summary["es"])},
        },
        review_state=review_state,
        owner_id=person.owner.pk,
        is_fictional=True,
        visibility=visibility,
        created_at=noon(min((arrested or REFERENCE_DATE) + dt.timedelta(days=10), REFERENCE_DATE)),
    )
    _add_wgad(rows, setting, rng, case, story)
    if rng.random() < 0.08:
        rows.shares.add(case_id=case["id"], organisation_id=rng.choice(setting.international).pk)
    events = [
        (_add_event(rows, setting, ids, case, item, n), item) for n, item in enumerate(story.events)
    ]
    if rng.random() < 0.06:
        secret = _restricted_event(story.events[0])
        events.append((_add_event(rows, setting, ids, case, secret, len(story.events)), secret))
    return CaseRows(case, events, story)


def _status_fields(setting: Setting, story: Story, rng: random.Random) -> dict[str, Any]:
    """The case's status and dates as a save would derive them (records.status), in memory, on
    the timeline's order: what the public reads from the public events, the whole timeline for
    reviewers; now and then a stated status that disagrees, for reviewers to find. Also the
    arrest entry (``start``) and the stated status term (``stated``), for the summaries."""
    every = [
        TimelineEntry(e.type, e.date, e.precision, e.certainty, n)
        for n, e in enumerate(story.events)
    ]
    entries = [
        e
        for e, item in zip(every, story.events, strict=True)
        if item.visibility == Visibility.PUBLIC
    ]
    derived_code = derive_status(entries) or "detained_awaiting_trial"
    full_code = derive_status(every) or "detained_awaiting_trial"
    start, end = arrest_and_release(entries)
    full_dates = tuple(e.date if e else None for e in arrest_and_release(every))
    stated_code = derived_code
    if rng.random() < 0.03:  # deliberate disagreements for reviewers to find
        stated_code = rng.choice(
            [
                c
                for c in ("detained_awaiting_trial", "detained_convicted", "released")
                if c != derived_code
            ]
        )
    stated = setting.term("case_status", stated_code)
    arrested: dt.date | None = start.date if start else None  # type: ignore[assignment]
    return {
        "start": start,
        "stated": stated,
        "status_id": stated.pk,
        "derived_status_id": setting.term_id("case_status", derived_code),
        "status_conflict": stated_code != derived_code,
        "full_derived_status_id": setting.term_id("case_status", full_code),
        "hidden_facts_differ": full_code != derived_code
        or full_dates != (arrested, end.date if end else None),
        "arrest_date": arrested,
        "arrest_date_precision": start.precision if start else Precision.UNKNOWN,
        "release_date": end.date if end else None,
    }


def _case_texts(story: Story, rng: random.Random, hide: Callable[[str], str]) -> dict[str, Any]:
    """The case's descriptive fields, each marked at the case's level (see ``marked``)."""
    city = story.city
    tried = [city.court.name] if any(e.type == "trial" for e in story.events) else []
    plain_clothes = " in plain clothes" if rng.random() < 0.4 else ""
    return {
        "authorities": hide(
            "\n".join(dict.fromkeys([city.police.name, city.prosecutor.name] + tried))
        ),
        "arresting_forces": hide(f"Officers of {city.police.name}{plain_clothes}"),
        "arrest_warrant_shown": rng.choices(
            (WarrantShown.NO, WarrantShown.YES, WarrantShown.UNKNOWN), (5, 2, 3)
        )[0],
        "reasons_given": hide("; ".join(c.wording for c in story.charges) or "No reason given."),
        "legal_basis": hide("; ".join(c.provision for c in story.charges)),
        "detention_conditions": hide(_conditions(story)),
        "domestic_remedies": hide(
            "Appeal rejected; no further domestic remedy is effective."
            if story.appealed
            else "Requests for access to a lawyer and for release on bail were refused."
        ),
    }


def _restricted_event(first: StoryEvent) -> StoryEvent:
    """A restricted fact on the day of the arrest: what a leak would show first."""
    return StoryEvent(
        "harassment",
        first.date,
        "Security officers visited the family home at night "
        "and photographed the children's school timetable.",
        precision=first.precision,
        certainty=Certainty.ALLEGED,
        visibility=Visibility.RESTRICTED,
    )


def _summaries(
    setting: Setting, person: Person, story: Story, start: TimelineEntry | None, stated: Term
) -> dict[str, str]:
    when = format_partial_iso(start.date, start.precision) if start else "?"  # type: ignore[arg-type]
    name, city, role = person.names.display, story.city.name, person.roles[0]
    categories = [
        setting.term("charge_category", c) for c in dict.fromkeys(c.category for c in story.charges)
    ]
    en = (
        f"{FICTIONAL} {name}, a {role.label_en.lower()} from {city}, was arrested ({when}) by "
        f"{story.city.police.name}."
    )
    if story.charges:
        en += f" Charged with {'; '.join(c.wording for c in story.charges)}."
    sentence = next((e for e in story.events if e.type == "sentence"), None)
    if sentence:
        en += f" {sentence.description}"
    en += f" Current status: {stated.label_en.lower()}."
    fr = (
        f"Dossier fictif de démonstration. {name} ({role.label_fr.lower()}, {city}) a été arrêté·e "
        f"({when})."
    )
    es = (
        f"Registro ficticio de demostración. {name} ({role.label_es.lower()}, {city}) fue detenido/a "
        f"({when})."
    )
    if categories:
        fr += f" Chefs d'accusation : {', '.join(c.label_fr.lower() for c in categories)}."
        es += f" Cargos: {', '.join(c.label_es.lower() for c in categories)}."
    fr += f" Situation actuelle : {stated.label_fr.lower()}."
    es += f" Situación actual: {stated.label_es.lower()}."
    return {"en": en, "fr": fr, "es": es}


def _conditions(story: Story) -> str:
    parts = [f"Held in {', then '.join(story.places)}."]
    if story.incommunicado:
        parts.append("Held incommunicado for the first weeks.")
    if story.ill_treated:
        parts.append("Alleges ill-treatment during interrogation.")
    if any(e.type == "denial_of_medical_care" for e in story.events):
        parts.append("Denied adequate medical care.")
    return " ".join(parts)


_WGAD_REASONS = {
    "I": "No legal basis: held for weeks before any charge or detention order.",
    "II": "Detained for peaceful exercise of the rights to freedom of expression, association and assembly.",
    "III": "Trial closed to the public; lawyer of choice refused; confession obtained under duress.",
    "IV": "Held in prolonged administrative detention as a foreign national without judicial review.",
    "V": "Targeted for their work as a human rights defender and for belonging to a minority.",
}


def _add_wgad(rows: Rows, setting: Setting, rng: random.Random, case: Row, story: Story) -> None:
    tried = any(e.type == "trial" for e in story.events)
    met = [
        cat
        for cat, chance in (
            ("I", 0.2),
            ("II", 0.9),
            ("III", 0.7 if tried else 0.1),
            ("IV", 0.02),
            ("V", 0.3),
        )
        if rng.random() < chance
    ]
    reasoning = "\n".join(f"Category {cat}: {_WGAD_REASONS[cat]}" for cat in met)
    case["wgad_reasoning"] = marked(
        reasoning, hidden_level(case["visibility"], case["review_state"]), case["uid"]
    )
    for cat in met:
        rows.case_wgad.add(case_id=case["id"], term_id=setting.term_id("wgad_category", cat))


def _add_event(rows: Rows, setting: Setting, ids: Ids, case: Row, item: StoryEvent, n: int) -> Row:
    uid = ids("evt", "Event", f"event:{case['uid']}:{n}")
    place = setting.places_by_uid.get(item.place_uid)
    # recorded about a week after it happened (an undated fact: with the case)
    recorded = (
        noon(min(item.date + dt.timedelta(days=7), REFERENCE_DATE))
        if item.date
        else case["created_at"]
    )
    event = rows.events.add(
        uid=uid,
        case_id=case["id"],
        event_type_id=setting.term_id("event_type", item.type),
        date=item.date,
        date_precision=item.precision,
        certainty=item.certainty,
        place=item.place,
        place_of_detention_id=place.pk if place else None,
        description=marked(item.description, item.visibility, uid),
        sentence_kind=item.sentence_kind,
        sentence_months=item.sentence_months,
        fine_amount=item.fine,
        fine_currency=setting.countries[case["country"]].profile.currency if item.fine else "",
        visibility=item.visibility,
        created_at=recorded,
        updated_at=recorded,
    )
    for c, charge in enumerate(item.charges):
        rows.charges.add(
            uid=ids("chg", "Charge", f"charge:{uid}:{c}"),
            event_id=event["id"],
            wording=charge.wording,
            legal_provision=charge.provision,
            category_id=setting.term_id("charge_category", charge.category),
            visibility=Visibility.PUBLIC,
        )
    for p, (perp_uid, role) in enumerate(item.perpetrators):
        rows.perpetrator_links.add(
            uid=ids("epr", "EventPerpetrator", f"link:{uid}:{p}"),
            event_id=event["id"],
            perpetrator_id=setting.perpetrators_by_uid[perp_uid].pk,
            role_id=setting.term_id("perpetrator_role", role),
            visibility=item.visibility,
        )
    return event
