"""The documents and advocacy behind each generated case: sources, evidence quotes, interventions.

Split from ``records`` (people, cases, timelines); same row conventions (dicts with ids, see
``bulk``). Public sources never quote a restricted event; restricted sources carry the marker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import NamedTuple

from hrdwatch.core.dates import Precision, format_partial_iso
from hrdwatch.records.levels import Visibility

from .records import FICTIONAL, CaseRows, Ids, Person, Row, Rows, marked
from .setting import Setting
from .stories import REFERENCE_DATE, StoryEvent
from .timestamps import noon


class _Spec(NamedTuple):
    title: str
    publisher: str
    organisation_id: int | None
    url: str
    published: dt.date
    supported: list[tuple[Row, StoryEvent]]
    visibility: str


def add_sources(
    rows: Rows, setting: Setting, ids: Ids, rng: random.Random, person: Person, case: CaseRows
) -> list[Row]:
    """The documents behind a case, with evidence quoting them for the events they support."""
    return [
        _write_source(rows, ids, case, person.names.display, n, spec)
        for n, spec in enumerate(_specs(setting, rng, person, case))
    ]


def _specs(setting: Setting, rng: random.Random, person: Person, case: CaseRows) -> list[_Spec]:
    """Which documents report the case: the owner's (or an international NGO's) report, now and
    then the press, a court's verdict, and rarely an unpublished restricted testimony."""
    profile, story = person.country.profile, case.story
    events = [(row, e) for row, e in case.events if e.visibility == Visibility.PUBLIC]
    dated = [e.date for _row, e in events if e.date]
    first = dated[0] if dated else REFERENCE_DATE
    last = max(dated) if dated else REFERENCE_DATE
    reporter = person.owner if person.owner.is_public else rng.choice(setting.international)
    name = person.names.display

    def of_type(*codes: str) -> list[tuple[Row, StoryEvent]]:
        return [(row, e) for row, e in events if e.type in codes]

    specs = [
        _Spec(
            f"{reporter.name}: {name} detained in {story.city.name}",
            reporter.name,
            reporter.pk,
            f"https://{reporter.slug}.example.org/reports/{first.year}/",
            first + dt.timedelta(days=rng.randint(2, 20)),
            events,
            Visibility.PUBLIC,
        )
    ]
    if rng.random() < 0.6:
        specs.append(
            _Spec(
                f"Defender {name} faces charges",
                profile.news_domain,
                None,
                f"https://{profile.news_domain}/{first.year}/{first.month:02d}/",
                first + dt.timedelta(days=rng.randint(1, 40)),
                of_type("arrest", "charge", "trial"),
                Visibility.PUBLIC,
            )
        )
    verdict = of_type("conviction", "sentence", "appeal")
    if verdict and rng.random() < 0.5:
        specs.append(
            _Spec(
                f"Verdict in the case of {name}",
                story.city.court.name,
                None,
                f"https://courts-{profile.code.lower()}.example.org/verdicts/",
                (verdict[0][1].date or last) + dt.timedelta(days=3),
                verdict,
                Visibility.PUBLIC,
            )
        )
    if rng.random() < 0.05:
        specs.append(_testimony(person, case, events, last))
    return specs


def _testimony(
    person: Person, case: CaseRows, events: list[tuple[Row, StoryEvent]], last: dt.date
) -> _Spec:
    """An unpublished, restricted testimony: what a leak would show."""
    secret = [(row, e) for row, e in case.events if e.visibility == Visibility.RESTRICTED]
    return _Spec(
        "Unpublished testimony from a relative",
        person.owner.name,
        person.owner.pk,
        "",
        last,
        events[:2] + secret,
        Visibility.RESTRICTED,
    )


def _write_source(rows: Rows, ids: Ids, case: CaseRows, name: str, n: int, spec: _Spec) -> Row:
    """The source row, and one evidence row per event it supports, quoting its archived text."""
    uid = ids("src", "Source", f"source:{case.case['uid']}:{n}")
    visibility = spec.visibility
    published = min(spec.published, REFERENCE_DATE)
    text, quotes = _archived_text(name, spec.supported)
    text = marked(text, visibility, uid)
    source = rows.sources.add(
        uid=uid,
        url=f"{spec.url}{uid}" if spec.url else "",
        title=marked(spec.title, visibility, uid),
        publisher=spec.publisher,
        organisation_id=spec.organisation_id,
        published=published,
        language="en",
        archived_text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        retrieved_at=noon(min(published + dt.timedelta(days=1), REFERENCE_DATE)),
        visibility=visibility,
        created_at=noon(published),
    )
    for q, (event, start, end) in enumerate(quotes):
        restricted = Visibility.RESTRICTED in (visibility, event["visibility"])
        rows.evidence.add(
            uid=ids("evd", "Evidence", f"evidence:{uid}:{q}"),
            source_id=source["id"],
            case_id=case.case["id"],
            defender_id=case.case["defender_id"],
            event_id=event["id"],
            quote=text[start:end],
            start=start,
            end=end,
            visibility=Visibility.RESTRICTED if restricted else Visibility.PUBLIC,
        )
    return source


def _archived_text(
    name: str, events: list[tuple[Row, StoryEvent]]
) -> tuple[str, list[tuple[Row, int, int]]]:
    """A short document: one sentence per supported event, with the offsets of each quote."""
    parts = [f"{FICTIONAL} This text concerns {name}."]
    offset = len(parts[0]) + 1
    quotes = []
    for row, event in events:
        when = format_partial_iso(event.date, event.precision) or "On an unknown date"
        sentence = f"{when}: {row['description']}"
        quotes.append((row, offset, offset + len(sentence)))
        parts.append(sentence)
        offset += len(sentence) + 1
    return " ".join(parts), quotes


_INTERVENTIONS = (
    (
        "urgent_appeal",
        0.6,
        3,
        30,
        "Urgent appeal for the immediate release of {name}",
        "Called on the authorities to release {name} and guarantee access to a lawyer.",
    ),
    (
        "public_statement",
        0.3,
        10,
        200,
        "Statement on the detention of {name}",
        "Condemned the detention of {name} as retaliation for human rights work.",
    ),
    (
        "joint_letter",
        0.2,
        30,
        400,
        "Joint letter of NGOs on {name}",
        "Twenty organisations wrote to the {ministry} about {name}.",
    ),
    (
        "un_communication",
        0.3,
        90,
        700,
        "Submission to the UN Working Group on Arbitrary Detention",
        "Individual communication on behalf of {name}.",
    ),
    (
        "campaign",
        0.1,
        60,
        900,
        "Campaign: Free {name}",
        "Letter-writing campaign and solidarity actions.",
    ),
    (
        "sanctions_submission",
        0.03,
        200,
        1200,
        "Sanctions submission naming officials responsible",
        "Dossier on the officials responsible for the detention of {name}, sent to sanctions authorities.",
    ),
)


def add_interventions(
    rows: Rows,
    setting: Setting,
    ids: Ids,
    rng: random.Random,
    person: Person,
    case: CaseRows,
    arrest: dt.date,
) -> None:
    """Advocacy actions after the arrest: appeals, letters, UN communications, trial observation."""
    name, ministry = person.names.display, person.country.ministry.name
    uid_base = case.case["uid"]
    for n, (code, chance, low, high, title, text) in enumerate(_INTERVENTIONS):
        if rng.random() >= chance:
            continue
        day = arrest + dt.timedelta(days=rng.randint(low, high))
        if day > REFERENCE_DATE:
            continue
        org = rng.choice([*setting.international, person.owner])
        uid = ids("int", "Intervention", f"intervention:{uid_base}:{n}")
        visibility = rng.choices((Visibility.PUBLIC, Visibility.PARTNERS), (85, 15))[0]
        rows.interventions.add(
            uid=uid,
            case_id=case.case["id"],
            intervention_type_id=setting.term_id("intervention_type", code),
            date=day,
            date_precision=Precision.DAY,
            organisation_id=org.pk,
            title=title.format(name=name),
            description=marked(text.format(name=name, ministry=ministry), visibility, uid),
            outcome=(
                "The Working Group found the detention arbitrary (fictional opinion)."
                if code == "un_communication" and rng.random() < 0.5
                else ""
            ),
            url=f"https://{org.slug}.example.org/actions/{uid}",
            visibility=visibility,
        )
    trial = next((e for e in case.story.events if e.type == "trial" and e.date), None)
    if trial and rng.random() < 0.3:
        uid = ids("int", "Intervention", f"intervention:{uid_base}:trial")
        rows.interventions.add(
            uid=uid,
            case_id=case.case["id"],
            intervention_type_id=setting.term_id("intervention_type", "trial_observation"),
            date=trial.date,
            date_precision=trial.precision,
            organisation_id=setting.observer.pk,
            title=f"Trial observation: {name}",
            description="Observers went to the court building.",
            outcome="Observers were refused entry to the courtroom.",
            visibility=Visibility.PUBLIC,
        )


def seen_in(names: list[Row], sources: list[Row], rng: random.Random) -> None:
    """Say where some of the defender's other names were seen (a public source of theirs)."""
    public = [s for s in sources if s["visibility"] == Visibility.PUBLIC]
    for name in names:
        if public and rng.random() < 0.5:
            name["seen_in_id"] = rng.choice(public)["id"]
