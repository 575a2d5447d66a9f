"""A small, complete record built by hand for tests: every model, every visibility level.

Every restricted value contains the CANARY marker, so leak tests can search responses for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from hrdwatch.partners.models import Organisation
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.vocab.models import Term

CANARY = "CANARY-7f3e"


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


@dataclass
class Sample:
    org: Organisation
    other_org: Organisation
    defender: m.Defender
    case: m.Case
    hidden_defender: m.Defender


@writes_allowed("test data")
def build_sample() -> Sample:
    org = Organisation.objects.create(slug="local-ngo", name="Local NGO", country="VN")
    other = Organisation.objects.create(
        slug="intl-ngo", name="International NGO", kind="international"
    )
    public = Visibility.PUBLIC
    src = m.Source.objects.create(
        url="https://example.org/report",
        title="Public report",
        publisher="Local NGO",
        published=dt.date(2020, 3, 10),
        language="en",
        visibility=public,
        organisation=org,
    )
    secret_src = m.Source.objects.create(
        url="https://example.org/secret",
        title=f"Unpublished testimony {CANARY}-source",
        archived_text=f"{CANARY}-archived",
        visibility=Visibility.RESTRICTED,
        organisation=org,
    )
    prison = m.PlaceOfDetention.objects.create(name="Prison No. 5", country="VN", visibility=public)
    judge = m.Perpetrator.objects.create(
        name="Judge Example",
        perpetrator_type=term("perpetrator_type", "judge"),
        country="VN",
        visibility=public,
    )
    defender = m.Defender.objects.create(
        display_name="Nguyễn Văn Đài Example",
        name_original_script="",
        gender=term("gender", "male"),
        birth_date=dt.date(1969, 1, 1),
        birth_date_precision="year",
        nationality="VN",
        biography="Human rights lawyer.",
        visibility=public,
        owner=org,
    )
    defender.roles.set([term("role", "lawyer")])
    m.DefenderName.objects.create(
        defender=defender, name="Nguyen Van Dai Example", visibility=public
    )
    m.DefenderName.objects.create(
        defender=defender, name=f"Secret alias {CANARY}-name", visibility=Visibility.RESTRICTED
    )
    m.SensitiveDetail.objects.create(
        defender=defender,
        kind=term("sensitive_kind", "family_contact"),
        text=f"+84 000 {CANARY}-family",
    )
    case = m.Case.objects.create(
        defender=defender,
        country="VN",
        city="Hanoi",
        status=term("case_status", "detained_convicted"),
        summary="Arrested for peaceful advocacy.",
        review_state=ReviewState.PUBLISHED,
        visibility=public,
        owner=org,
        detention_conditions="Held in a crowded cell.",
        last_verified_at=timezone.now(),
    )
    case.wgad_categories.set([term("wgad_category", "II")])
    m.SensitiveDetail.objects.create(
        case=case, kind=term("sensitive_kind", "health"), text=f"Heart condition {CANARY}-health"
    )
    arrest = m.Event.objects.create(
        case=case,
        event_type=term("event_type", "arrest"),
        date=dt.date(2019, 3, 5),
        date_precision="day",
        place="Hanoi",
        place_of_detention=prison,
        visibility=public,
    )
    m.Evidence.objects.create(
        source=src, event=arrest, quote="was arrested on 5 March", visibility=public
    )
    m.Evidence.objects.create(
        source=secret_src, event=arrest, quote=f"{CANARY}-quote", visibility=Visibility.RESTRICTED
    )
    sentence = m.Event.objects.create(
        case=case,
        event_type=term("event_type", "sentence"),
        date=dt.date(2020, 4, 1),
        date_precision="month",
        sentence_kind="term",
        sentence_months=180,
        visibility=public,
    )
    m.Charge.objects.create(
        event=sentence,
        wording="Activities aimed at overthrowing the people's administration",
        legal_provision="Article 79",
        category=term("charge_category", "state_security"),
        visibility=public,
    )
    m.EventPerpetrator.objects.create(
        event=sentence,
        perpetrator=judge,
        role=term("perpetrator_role", "sentencing"),
        visibility=public,
    )
    m.Event.objects.create(
        case=case,
        event_type=term("event_type", "torture"),
        date=dt.date(2020, 5, 1),
        date_precision="month",
        description=f"Beaten by guards {CANARY}-event",
        visibility=Visibility.RESTRICTED,
    )
    m.Intervention.objects.create(
        case=case,
        intervention_type=term("intervention_type", "urgent_appeal"),
        title="Urgent appeal",
        date=dt.date(2019, 3, 7),
        date_precision="day",
        organisation=other,
        visibility=public,
    )
    hidden = m.Defender.objects.create(
        display_name=f"Hidden Person {CANARY}-defender", visibility=Visibility.RESTRICTED, owner=org
    )
    m.Case.objects.create(
        defender=hidden,
        country="VN",
        status=term("case_status", "disappeared"),
        summary=f"{CANARY}-case",
        review_state=ReviewState.DRAFT,
        visibility=Visibility.RESTRICTED,
        owner=org,
    )
    defender.refresh_from_db()
    case.refresh_from_db()
    return Sample(org, other, defender, case, hidden)
