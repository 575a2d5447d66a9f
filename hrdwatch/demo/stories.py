"""One case's story: arrest, charges, trial, sentence, transfers, ill-treatment, release or worse.

The story is simulated forward from the arrest and cut at ``REFERENCE_DATE``, so recent arrests are
still awaiting trial and long sentences are still being served. Status is never chosen directly:
the generator derives it from these events with the same code the application uses.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from hrdwatch.core.dates import Precision
from hrdwatch.records.levels import Certainty, SentenceKind, Visibility

from .profiles import Charge
from .setting import CitySetup, CountrySetup

# The demo data is dated as of this day, whatever day it is generated, so it is deterministic.
REFERENCE_DATE = dt.date(2026, 11, 1)
RESTRICTED_MARKER = "RESTRICTED-CANARY"
PARTNERS_MARKER = "PARTNERS-CANARY"


@dataclass
class StoryEvent:
    """An event before it becomes a row: type code, date, who took part, what was charged."""

    type: str
    date: dt.date | None
    description: str
    precision: str = Precision.DAY
    certainty: str = Certainty.CONFIRMED
    place: str = ""
    place_uid: str = ""
    perpetrators: list[tuple[str, str]] = field(
        default_factory=list
    )  # (perpetrator uid, role code)
    charges: list[Charge] = field(default_factory=list)
    sentence_kind: str = ""
    sentence_months: int | None = None
    fine: int | None = None
    visibility: str = Visibility.PUBLIC


@dataclass
class Story:
    """A case's timeline and the facts the case fields are written from."""

    city: CitySetup
    events: list[StoryEvent]
    charges: list[Charge]
    places: list[str]  # names of places held in
    ill_treated: bool
    appealed: bool
    incommunicado: bool

    @property
    def end(self) -> dt.date:
        dated = [e.date for e in self.events if e.date]
        return max(dated) if dated else REFERENCE_DATE


def _days(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(low, high))


def _sentence_months(rng: random.Random) -> int:
    return rng.choice(
        (8, 12, 18, 24, 36, 42, 48, 60, 72, 84, 96, 108, 120, 132, 144, 168, 180, 216, 240)
    )


def tell(rng: random.Random, country: CountrySetup, start: dt.date, ends_in_release: bool) -> Story:
    """Simulate one deprivation of liberty from ``start``; ``ends_in_release`` forces a release."""
    city = rng.choice(country.cities)
    security = country.security
    events: list[StoryEvent] = []
    places: list[str] = []

    def add(event: StoryEvent) -> StoryEvent:
        events.append(event)
        return event

    pretrial = rng.choice(city.pretrial)
    facility = country.facility_of[pretrial.uid]
    where = rng.choice(
        (
            "at home",
            "at the office",
            "at the airport",
            "on the street",
            "at a protest",
            "at a relative's house",
        )
    )
    arrest_precision = rng.choices((Precision.DAY, Precision.MONTH, Precision.YEAR), (78, 18, 4))[0]
    arrest_day = {
        Precision.DAY: start,
        Precision.MONTH: start.replace(day=1),
        Precision.YEAR: start.replace(month=1, day=1),
    }[arrest_precision]
    arrest = add(
        StoryEvent(
            "arrest",
            arrest_day,
            f"Detained {where} in {city.name} by officers of {city.police.name}.",
            precision=arrest_precision,
            place=city.name,
            place_uid=pretrial.uid,
            perpetrators=[(city.police.uid, "arresting"), (facility.uid, "holding")],
        )
    )
    if rng.random() < 0.3:
        arrest.perpetrators.append((security.uid, "ordering"))
    if rng.random() < 0.15:
        arrest.perpetrators.append((city.police_head.uid, "ordering"))
    places.append(pretrial.name)
    day = start
    scenario = rng.random()
    disappeared = scenario < 0.08
    incommunicado = not disappeared and rng.random() < 0.12
    if disappeared:
        day += _days(rng, 1, 20)
        add(
            StoryEvent(
                "enforced_disappearance",
                day,
                f"The authorities refuse to confirm where {'' if rng.random() < 0.5 else 'or why '}the defender is held; "
                "relatives' enquiries go unanswered.",
                certainty=rng.choice((Certainty.CONFIRMED, Certainty.ALLEGED)),
                perpetrators=[(security.uid, "holding")],
            )
        )
        if rng.random() < 0.5 and not ends_in_release:  # still missing
            return Story(city, _until_reference(events), [], places, False, False, False)
        day += _days(rng, 60, 400)
        add(
            StoryEvent(
                "detention",
                day,
                f"Reappeared in official custody at {pretrial.name}.",
                place_uid=pretrial.uid,
                perpetrators=[(facility.uid, "holding")],
            )
        )
    elif incommunicado:
        add(
            StoryEvent(
                "incommunicado_detention",
                day + _days(rng, 0, 3),
                "Held without access to a lawyer or family.",
                place_uid=pretrial.uid,
                perpetrators=[(facility.uid, "holding")],
            )
        )
    profile = country.profile
    charges = rng.sample(profile.charges, k=min(len(profile.charges), rng.choice((1, 1, 2, 2, 3))))
    day += _days(rng, 2, 60)
    add(
        StoryEvent(
            "charge",
            day,
            f"Formally charged by the {city.prosecutor.name}.",
            perpetrators=[(city.prosecutor.uid, "prosecuting")],
            charges=list(charges),
        )
    )
    ill_treated = rng.random() < 0.18
    if ill_treated:
        add(
            StoryEvent(
                "torture",
                day - _days(rng, 0, 20) if rng.random() < 0.8 else None,
                rng.choice(
                    (
                        "Beaten during interrogation and deprived of sleep.",
                        "Held in stress positions and threatened with harm to relatives.",
                        "Denied food and kept in solitary confinement for weeks.",
                    )
                ),
                certainty=Certainty.ALLEGED,
                place_uid=pretrial.uid,
                perpetrators=[(facility.uid, "ill_treating")]
                + ([(security.uid, "ill_treating")] if rng.random() < 0.4 else []),
            )
        )
        if events[-1].date is None:
            events[-1].precision = Precision.UNKNOWN
    if rng.random() < (0.25 if profile.code in {"CN", "IR", "HK", "EG"} else 0.05):
        add(
            StoryEvent(
                "forced_confession",
                day + _days(rng, 5, 120),
                "A confession obtained under duress was broadcast on state television.",
                certainty=Certainty.ALLEGED,
                perpetrators=[(security.uid, "ill_treating")],
            )
        )
    if rng.random() < 0.4:
        day += _days(rng, 30, 200)
        add(
            StoryEvent(
                "indictment",
                day,
                f"Indicted by the {city.prosecutor.name}.",
                perpetrators=[(city.prosecutor_person.uid, "prosecuting")],
            )
        )
    if scenario > 0.93 or (ends_in_release and scenario > 0.85):
        day += _days(rng, 20, 300)
        kind = rng.choice(("house_arrest", "conditional_release"))
        text = (
            "Released on bail pending trial, under a travel ban and police reporting duties."
            if kind == "conditional_release"
            else "Moved to house arrest under police surveillance."
        )
        add(StoryEvent(kind, day, text, perpetrators=[(city.court.uid, "ordering")]))
        if ends_in_release and kind == "house_arrest":
            day += _days(rng, 60, 400)
            add(StoryEvent("release", day, "House arrest lifted."))
        return Story(
            city, _until_reference(events), list(charges), places, ill_treated, False, incommunicado
        )

    judge = rng.choice(city.judges)
    day += _days(rng, 60, 500)
    add(
        StoryEvent(
            "trial",
            day,
            f"Tried behind closed doors by the {city.court.name}; "
            "diplomats and relatives were refused entry.",
            perpetrators=[(city.court.uid, "sentencing"), (judge.uid, "sentencing")],
        )
    )
    convicted = list(charges) if rng.random() < 0.7 else list(charges[:1])
    day += _days(rng, 0, 30)
    add(
        StoryEvent(
            "conviction",
            day,
            f"Convicted by the {city.court.name}.",
            perpetrators=[(city.court.uid, "sentencing"), (judge.uid, "sentencing")],
            charges=convicted,
        )
    )
    roll = rng.random()
    if roll < 0.01:
        kind, months = SentenceKind.LIFE, None
    elif roll < 0.015 and profile.code in {"IR", "SA"}:
        kind, months = SentenceKind.DEATH, None
    elif roll < 0.05:
        kind, months = SentenceKind.SUSPENDED, rng.choice((12, 24, 36))
    else:
        kind, months = SentenceKind.TERM, _sentence_months(rng)
    fine = rng.choice((None, None, None, 5000, 20000, 100000))
    add(
        StoryEvent(
            "sentence",
            day,
            _sentence_text(kind, months, fine, profile.currency),
            perpetrators=[(judge.uid, "sentencing")],
            sentence_kind=kind,
            sentence_months=months,
            fine=fine,
        )
    )
    appealed = rng.random() < 0.45
    if appealed:
        day += _days(rng, 30, 150)
        add(
            StoryEvent(
                "appeal",
                day,
                "Appeal rejected; the sentence was upheld.",
                perpetrators=[(city.court.uid, "sentencing")],
            )
        )
    if kind == SentenceKind.SUSPENDED:
        add(StoryEvent("release", day + _days(rng, 0, 3), "Released under a suspended sentence."))
        return Story(
            city, _until_reference(events), convicted, places, ill_treated, appealed, incommunicado
        )
    prison = rng.choice(city.prisons)
    if prison.uid != pretrial.uid:
        day += _days(rng, 10, 90)
        places.append(prison.name)
        moved = add(
            StoryEvent(
                "transfer",
                day,
                f"Transferred to {prison.name}.",
                place_uid=prison.uid,
                perpetrators=[(country.facility_of[prison.uid].uid, "holding")],
            )
        )
        if rng.random() < 0.05:
            moved.date, moved.precision = None, Precision.UNKNOWN
    if rng.random() < 0.15:
        refused = day + _days(rng, 30, 400)
        add(
            StoryEvent(
                "denial_of_medical_care",
                refused,
                "Prison authorities refused treatment for a serious illness.",
                certainty=rng.choice((Certainty.CONFIRMED, Certainty.ALLEGED)),
                perpetrators=[(country.director_of[prison.uid].uid, "ordering")],
            )
        )
        if rng.random() < 0.12:
            add(
                StoryEvent(
                    "death_in_custody",
                    refused + _days(rng, 30, 300),
                    f"Died in {prison.name}; the family was not allowed an independent autopsy.",
                    perpetrators=[(country.facility_of[prison.uid].uid, "holding")],
                )
            )
            return Story(
                city,
                _until_reference(events),
                convicted,
                places,
                ill_treated,
                appealed,
                incommunicado,
            )
    if rng.random() < 0.1:
        add(
            StoryEvent(
                "harassment",
                day + _days(rng, 10, 300),
                "Relatives were summoned by police and warned not to speak to the media.",
                certainty=Certainty.ALLEGED,
                perpetrators=[(city.police.uid, "other")],
            )
        )
    if months is not None or ends_in_release:
        served = start + dt.timedelta(days=int(30.4 * (months or rng.randint(12, 60))))
        early = rng.random() < 0.1
        release_day = start + (served - start) * rng.uniform(0.3, 0.8) if early else served
        if ends_in_release:
            release_day = min(release_day, REFERENCE_DATE - _days(rng, 200, 900))
        release_day = max(release_day, day + dt.timedelta(days=1))
        add(
            StoryEvent(
                "release",
                release_day,
                "Released after a pardon." if early else "Released after serving the sentence.",
            )
        )
        if rng.random() < 0.25:
            add(
                StoryEvent(
                    "travel_ban",
                    release_day + _days(rng, 0, 30),
                    "Barred from leaving the country after release.",
                )
            )
    timeline = _until_reference(events)
    if timeline[-1].type not in {"release", "travel_ban"} and rng.random() < 0.04:
        # A contested report: status derivation must ignore disputed events.
        timeline.append(
            StoryEvent(
                "release",
                min(day + _days(rng, 30, 400), REFERENCE_DATE),
                "State media reported a release; relatives say the defender is still held.",
                certainty=Certainty.DISPUTED,
            )
        )
    return Story(city, timeline, convicted, places, ill_treated, appealed, incommunicado)


def _until_reference(events: list[StoryEvent]) -> list[StoryEvent]:
    """The events that have happened by the reference date (undated ones stay)."""
    return [e for e in events if e.date is None or e.date <= REFERENCE_DATE]


def _sentence_text(kind: str, months: int | None, fine: int | None, currency: str) -> str:
    if kind == SentenceKind.LIFE:
        text = "Sentenced to life imprisonment."
    elif kind == SentenceKind.DEATH:
        text = "Sentenced to death."
    elif kind == SentenceKind.SUSPENDED:
        text = f"Sentenced to {months} months, suspended."
    else:
        years = (months or 0) // 12
        text = f"Sentenced to {years} years" + (
            f" and {months % 12} months" if months and months % 12 else ""
        )
        text += " in prison."
    if fine:
        text += f" Fined {fine:,} {currency}."
    return text


def blur(event: StoryEvent, rng: random.Random, floor: dt.date | None) -> None:
    """Lower a date's precision now and then, as sources do, without moving it before ``floor``."""
    if event.date is None or event.precision != Precision.DAY or rng.random() > 0.12:
        return
    month_start = event.date.replace(day=1)
    if floor is None or month_start >= floor:
        event.date, event.precision = month_start, Precision.MONTH
