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
    return _Teller(rng, country, start, ends_in_release).tell()


_ARREST_PLACES = (
    "at home",
    "at the office",
    "at the airport",
    "on the street",
    "at a protest",
    "at a relative's house",
)
_ILL_TREATMENT = (
    "Beaten during interrogation and deprived of sleep.",
    "Held in stress positions and threatened with harm to relatives.",
    "Denied food and kept in solitary confinement for weeks.",
)


class _Teller:
    """One story told step by step. Each step draws from ``rng`` in a fixed order, so a seed
    always tells the same story; a step returning a ``Story`` ends it there."""

    def __init__(
        self, rng: random.Random, country: CountrySetup, start: dt.date, ends_in_release: bool
    ) -> None:
        self.rng, self.country, self.start = rng, country, start
        self.ends_in_release = ends_in_release
        self.city = rng.choice(country.cities)
        self.security = country.security
        self.events: list[StoryEvent] = []
        self.places: list[str] = []
        self.day = start
        self.charges: list[Charge] = []
        self.convicted: list[Charge] = []
        self.ill_treated = self.appealed = self.incommunicado = False

    def add(self, event: StoryEvent) -> StoryEvent:
        self.events.append(event)
        return event

    def story(self, charges: list[Charge]) -> Story:
        return Story(
            self.city,
            _until_reference(self.events),
            charges,
            self.places,
            self.ill_treated,
            self.appealed,
            self.incommunicado,
        )

    def tell(self) -> Story:
        self.arrest()
        scenario = self.rng.random()
        ended = self.disappearance_or_incommunicado(scenario)
        if ended:
            return ended
        self.charge()
        self.ill_treatment()
        self.confession_and_indictment()
        if scenario > 0.93 or (self.ends_in_release and scenario > 0.85):
            return self.released_before_trial()
        kind, months = self.trial_and_sentence()
        if kind == SentenceKind.SUSPENDED:
            release = StoryEvent(
                "release", self.day + _days(self.rng, 0, 3), "Released under a suspended sentence."
            )
            self.add(release)
            return self.story(self.convicted)
        died = self.prison()
        if died:
            return self.story(self.convicted)
        self.harassment()
        if months is not None or self.ends_in_release:
            self.release(months)
        return self.contested()

    def arrest(self) -> None:
        rng, city = self.rng, self.city
        self.pretrial = rng.choice(city.pretrial)
        self.facility = self.country.facility_of[self.pretrial.uid]
        where = rng.choice(_ARREST_PLACES)
        precision = rng.choices((Precision.DAY, Precision.MONTH, Precision.YEAR), (78, 18, 4))[0]
        arrest_day = {
            Precision.DAY: self.start,
            Precision.MONTH: self.start.replace(day=1),
            Precision.YEAR: self.start.replace(month=1, day=1),
        }[precision]
        arrest = self.add(
            StoryEvent(
                "arrest",
                arrest_day,
                f"Detained {where} in {city.name} by officers of {city.police.name}.",
                precision=precision,
                place=city.name,
                place_uid=self.pretrial.uid,
                perpetrators=[(city.police.uid, "arresting"), (self.facility.uid, "holding")],
            )
        )
        if rng.random() < 0.3:
            arrest.perpetrators.append((self.security.uid, "ordering"))
        if rng.random() < 0.15:
            arrest.perpetrators.append((city.police_head.uid, "ordering"))
        self.places.append(self.pretrial.name)

    def disappearance_or_incommunicado(self, scenario: float) -> Story | None:
        rng = self.rng
        disappeared = scenario < 0.08
        self.incommunicado = not disappeared and rng.random() < 0.12
        if self.incommunicado:
            self.add(
                StoryEvent(
                    "incommunicado_detention",
                    self.day + _days(rng, 0, 3),
                    "Held without access to a lawyer or family.",
                    place_uid=self.pretrial.uid,
                    perpetrators=[(self.facility.uid, "holding")],
                )
            )
        if not disappeared:
            return None
        self.day += _days(rng, 1, 20)
        self.add(
            StoryEvent(
                "enforced_disappearance",
                self.day,
                f"The authorities refuse to confirm where {'' if rng.random() < 0.5 else 'or why '}the defender is held; "
                "relatives' enquiries go unanswered.",
                certainty=rng.choice((Certainty.CONFIRMED, Certainty.ALLEGED)),
                perpetrators=[(self.security.uid, "holding")],
            )
        )
        if rng.random() < 0.5 and not self.ends_in_release:  # still missing
            return Story(
                self.city, _until_reference(self.events), [], self.places, False, False, False
            )
        self.day += _days(rng, 60, 400)
        self.add(
            StoryEvent(
                "detention",
                self.day,
                f"Reappeared in official custody at {self.pretrial.name}.",
                place_uid=self.pretrial.uid,
                perpetrators=[(self.facility.uid, "holding")],
            )
        )
        return None

    def charge(self) -> None:
        rng, city, profile = self.rng, self.city, self.country.profile
        k = min(len(profile.charges), rng.choice((1, 1, 2, 2, 3)))
        self.charges = list(rng.sample(profile.charges, k=k))
        self.day += _days(rng, 2, 60)
        self.add(
            StoryEvent(
                "charge",
                self.day,
                f"Formally charged by the {city.prosecutor.name}.",
                perpetrators=[(city.prosecutor.uid, "prosecuting")],
                charges=list(self.charges),
            )
        )

    def ill_treatment(self) -> None:
        rng = self.rng
        self.ill_treated = rng.random() < 0.18
        if not self.ill_treated:
            return
        date = self.day - _days(rng, 0, 20) if rng.random() < 0.8 else None
        text = rng.choice(_ILL_TREATMENT)
        by = [(self.facility.uid, "ill_treating")]
        if rng.random() < 0.4:
            by.append((self.security.uid, "ill_treating"))
        self.add(
            StoryEvent(
                "torture",
                date,
                text,
                certainty=Certainty.ALLEGED,
                precision=Precision.DAY if date else Precision.UNKNOWN,
                place_uid=self.pretrial.uid,
                perpetrators=by,
            )
        )

    def confession_and_indictment(self) -> None:
        rng, city = self.rng, self.city
        if rng.random() < (0.25 if self.country.profile.code in {"CN", "IR", "HK", "EG"} else 0.05):
            self.add(
                StoryEvent(
                    "forced_confession",
                    self.day + _days(rng, 5, 120),
                    "A confession obtained under duress was broadcast on state television.",
                    certainty=Certainty.ALLEGED,
                    perpetrators=[(self.security.uid, "ill_treating")],
                )
            )
        if rng.random() < 0.4:
            self.day += _days(rng, 30, 200)
            self.add(
                StoryEvent(
                    "indictment",
                    self.day,
                    f"Indicted by the {city.prosecutor.name}.",
                    perpetrators=[(city.prosecutor_person.uid, "prosecuting")],
                )
            )

    def released_before_trial(self) -> Story:
        rng = self.rng
        self.day += _days(rng, 20, 300)
        kind = rng.choice(("house_arrest", "conditional_release"))
        text = (
            "Released on bail pending trial, under a travel ban and police reporting duties."
            if kind == "conditional_release"
            else "Moved to house arrest under police surveillance."
        )
        self.add(StoryEvent(kind, self.day, text, perpetrators=[(self.city.court.uid, "ordering")]))
        if self.ends_in_release and kind == "house_arrest":
            self.day += _days(rng, 60, 400)
            self.add(StoryEvent("release", self.day, "House arrest lifted."))
        return self.story(list(self.charges))

    def trial_and_sentence(self) -> tuple[str, int | None]:
        rng, city = self.rng, self.city
        judge = rng.choice(city.judges)
        court = [(city.court.uid, "sentencing"), (judge.uid, "sentencing")]
        self.day += _days(rng, 60, 500)
        self.add(
            StoryEvent(
                "trial",
                self.day,
                f"Tried behind closed doors by the {city.court.name}; "
                "diplomats and relatives were refused entry.",
                perpetrators=list(court),
            )
        )
        self.convicted = list(self.charges) if rng.random() < 0.7 else list(self.charges[:1])
        self.day += _days(rng, 0, 30)
        self.add(
            StoryEvent(
                "conviction",
                self.day,
                f"Convicted by the {city.court.name}.",
                perpetrators=list(court),
                charges=self.convicted,
            )
        )
        kind, months = self.sentence_kind()
        fine = rng.choice((None, None, None, 5000, 20000, 100000))
        self.add(
            StoryEvent(
                "sentence",
                self.day,
                _sentence_text(kind, months, fine, self.country.profile.currency),
                perpetrators=[(judge.uid, "sentencing")],
                sentence_kind=kind,
                sentence_months=months,
                fine=fine,
            )
        )
        self.appealed = rng.random() < 0.45
        if self.appealed:
            self.day += _days(rng, 30, 150)
            self.add(
                StoryEvent(
                    "appeal",
                    self.day,
                    "Appeal rejected; the sentence was upheld.",
                    perpetrators=[(city.court.uid, "sentencing")],
                )
            )
        return kind, months

    def sentence_kind(self) -> tuple[str, int | None]:
        roll = self.rng.random()
        if roll < 0.01:
            return SentenceKind.LIFE, None
        if roll < 0.015 and self.country.profile.code in {"IR", "SA"}:
            return SentenceKind.DEATH, None
        if roll < 0.05:
            return SentenceKind.SUSPENDED, self.rng.choice((12, 24, 36))
        return SentenceKind.TERM, _sentence_months(self.rng)

    def prison(self) -> bool:
        """Transfer to prison and what happens there; True when the defender dies in custody."""
        rng, country = self.rng, self.country
        prison = rng.choice(self.city.prisons)
        holder = country.facility_of[prison.uid].uid
        if prison.uid != self.pretrial.uid:
            self.day += _days(rng, 10, 90)
            self.places.append(prison.name)
            moved = self.add(
                StoryEvent(
                    "transfer",
                    self.day,
                    f"Transferred to {prison.name}.",
                    place_uid=prison.uid,
                    perpetrators=[(holder, "holding")],
                )
            )
            if rng.random() < 0.05:
                moved.date, moved.precision = None, Precision.UNKNOWN
        if rng.random() >= 0.15:
            return False
        refused = self.day + _days(rng, 30, 400)
        self.add(
            StoryEvent(
                "denial_of_medical_care",
                refused,
                "Prison authorities refused treatment for a serious illness.",
                certainty=rng.choice((Certainty.CONFIRMED, Certainty.ALLEGED)),
                perpetrators=[(country.director_of[prison.uid].uid, "ordering")],
            )
        )
        if rng.random() >= 0.12:
            return False
        self.add(
            StoryEvent(
                "death_in_custody",
                refused + _days(rng, 30, 300),
                f"Died in {prison.name}; the family was not allowed an independent autopsy.",
                perpetrators=[(holder, "holding")],
            )
        )
        return True

    def harassment(self) -> None:
        if self.rng.random() < 0.1:
            self.add(
                StoryEvent(
                    "harassment",
                    self.day + _days(self.rng, 10, 300),
                    "Relatives were summoned by police and warned not to speak to the media.",
                    certainty=Certainty.ALLEGED,
                    perpetrators=[(self.city.police.uid, "other")],
                )
            )

    def release(self, months: int | None) -> None:
        rng, start = self.rng, self.start
        served = start + dt.timedelta(days=int(30.4 * (months or rng.randint(12, 60))))
        early = rng.random() < 0.1
        release_day = start + (served - start) * rng.uniform(0.3, 0.8) if early else served
        if self.ends_in_release:
            release_day = min(release_day, REFERENCE_DATE - _days(rng, 200, 900))
        release_day = max(release_day, self.day + dt.timedelta(days=1))
        text = "Released after a pardon." if early else "Released after serving the sentence."
        self.add(StoryEvent("release", release_day, text))
        if rng.random() < 0.25:
            self.add(
                StoryEvent(
                    "travel_ban",
                    release_day + _days(rng, 0, 30),
                    "Barred from leaving the country after release.",
                )
            )

    def contested(self) -> Story:
        """Now and then a contested report: status derivation must ignore disputed events."""
        story = self.story(self.convicted)
        if story.events[-1].type not in {"release", "travel_ban"} and self.rng.random() < 0.04:
            story.events.append(
                StoryEvent(
                    "release",
                    min(self.day + _days(self.rng, 30, 400), REFERENCE_DATE),
                    "State media reported a release; relatives say the defender is still held.",
                    certainty=Certainty.DISPUTED,
                )
            )
        return story


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
