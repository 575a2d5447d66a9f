"""A small hand-made record with known names, dates and figures, and canaries in restricted places.

Shared by the API, advocacy and FtM tests: assertions name exactly what was put in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from hrdwatch.partners.models import Organisation
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import (
    Case,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    Perpetrator,
    PlaceOfDetention,
    SensitiveDetail,
    Source,
)
from hrdwatch.records.status import refresh_case
from hrdwatch.vocab.lookup import TermCache

CANARY = "CANARY-7f3a"  # appears only in partner or restricted data


@dataclass
class Sample:
    org: Organisation
    defender: Defender
    case: Case
    arrest: Event
    sentence: Event
    judge: Perpetrator
    court: Perpetrator
    source: Source
    partner_defender: Defender
    partner_case: Case
    restricted_defender: Defender
    restricted_case: Case


def _case(
    terms: TermCache, defender: Defender, owner: Organisation, visibility: str, **fields: object
) -> Case:
    case = Case.objects.create(
        defender=defender,
        owner=owner,
        visibility=visibility,
        review_state=ReviewState.PUBLISHED,
        last_verified_at=timezone.now(),
        status=terms.get("case_status", str(fields.pop("status", "detained_convicted"))),
        **fields,
    )
    return case


@writes_allowed("test data")
def build_sample() -> Sample:
    terms = TermCache()
    org = Organisation.objects.create(slug="rights-watch", name="Rights Watch Network")
    source = Source.objects.create(
        title="Lawyer Tran Van Minh sentenced",
        url="https://example.org/report/1",
        publisher="Example Monitor",
        published=dt.date(2021, 6, 2),
        visibility=Visibility.PUBLIC,
    )
    hidden_source = Source.objects.create(
        title=f"Internal memo {CANARY}",
        url="https://example.org/internal",
        organisation=org,
        visibility=Visibility.RESTRICTED,
    )
    defender = Defender.objects.create(
        display_name="Tran Van Minh",
        name_original_script="Trần Văn Minh",
        nationality="VN",
        gender=terms.get("gender", "male"),
        birth_date=dt.date(1980, 1, 1),
        birth_date_precision="year",
        biography="A human rights lawyer who defended land-rights petitioners.",
        owner=org,
        visibility=Visibility.PUBLIC,
        is_fictional=True,
    )
    defender.roles.add(terms.get("role", "lawyer"))
    DefenderName.objects.create(
        defender=defender,
        name="Trần Văn Minh",
        script="Latn",
        language="vi",
        kind=terms.get("name_kind", "original_script"),
        visibility=Visibility.PUBLIC,
    )
    DefenderName.objects.create(
        defender=defender,
        name=f"Alias {CANARY}",
        kind=terms.get("name_kind", "alias"),
        visibility=Visibility.RESTRICTED,
    )
    case = _case(
        terms,
        defender,
        org,
        Visibility.PUBLIC,
        country="VN",
        city="Hanoi",
        authorities="Hanoi People's Court; Ministry of Public Security",
        arresting_forces="Hanoi police, security investigation agency",
        arrest_warrant_shown="no",
        reasons_given="Accused of 'abusing democratic freedoms'.",
        legal_basis="Criminal Code art. 331",
        wgad_reasoning="Detained for his work as a lawyer.",
        domestic_remedies="Appeal rejected by the High Court in 2022.",
        summary="Land-rights lawyer sentenced to 8 years.",
        is_fictional=True,
    )
    case.wgad_categories.add(terms.get("wgad_category", "II"), terms.get("wgad_category", "V"))
    prison = PlaceOfDetention.objects.create(
        name="Hoa Lo Detention Centre", country="VN", city="Hanoi", visibility=Visibility.PUBLIC
    )
    arrest = Event.objects.create(
        case=case,
        event_type=terms.get("event_type", "arrest"),
        date=dt.date(2020, 3, 14),
        date_precision="day",
        place="Hanoi",
        place_of_detention=prison,
        description="Arrested at his office.",
        visibility=Visibility.PUBLIC,
    )
    sentence = Event.objects.create(
        case=case,
        event_type=terms.get("event_type", "sentence"),
        date=dt.date(2021, 6, 1),
        date_precision="day",
        place="Hanoi",
        description="Sentenced to 8 years in prison.",
        sentence_kind="term",
        sentence_months=96,
        visibility=Visibility.PUBLIC,
    )
    Charge.objects.create(
        event=sentence,
        wording="Abusing democratic freedoms",
        legal_provision="Art. 331",
        category=terms.get("charge_category", "state_security"),
        visibility=Visibility.PUBLIC,
    )
    Event.objects.create(
        case=case,
        event_type=terms.get("event_type", "torture"),
        date=dt.date(2020, 4, 1),
        date_precision="month",
        description=f"Beaten in custody {CANARY}",
        visibility=Visibility.RESTRICTED,
    )
    court = Perpetrator.objects.create(
        name="Hanoi People's Court",
        country="VN",
        perpetrator_type=terms.get("perpetrator_type", "court"),
        visibility=Visibility.PUBLIC,
    )
    judge = Perpetrator.objects.create(
        name="Judge Nguyen Hoang Son",
        country="VN",
        position="Presiding judge",
        parent=court,
        perpetrator_type=terms.get("perpetrator_type", "judge"),
        identifiers={"birth_date": "1965", "wikidata": "Q000000"},
        visibility=Visibility.PUBLIC,
    )
    EventPerpetrator.objects.create(
        event=sentence,
        perpetrator=judge,
        role=terms.get("perpetrator_role", "sentencing"),
        visibility=Visibility.PUBLIC,
    )
    EventPerpetrator.objects.create(
        event=arrest,
        perpetrator=court,
        role=terms.get("perpetrator_role", "ordering"),
        visibility=Visibility.PUBLIC,
    )
    Evidence.objects.create(
        source=source,
        event=sentence,
        case=case,
        quote="sentenced to eight years",
        visibility=Visibility.PUBLIC,
    )
    Evidence.objects.create(source=source, event=arrest, case=case, visibility=Visibility.PUBLIC)
    Evidence.objects.create(
        source=hidden_source, event=arrest, case=case, visibility=Visibility.RESTRICTED
    )
    Intervention.objects.create(
        case=case,
        intervention_type=terms.get("intervention_type", "urgent_appeal"),
        date=dt.date(2020, 3, 20),
        date_precision="day",
        title="Urgent appeal for Tran Van Minh",
        organisation=org,
        visibility=Visibility.PUBLIC,
    )
    SensitiveDetail.objects.create(
        defender=defender,
        kind=terms.get("sensitive_kind", "family_contact"),
        text=f"Wife's phone {CANARY}",
    )
    SensitiveDetail.objects.create(
        case=case,
        kind=terms.get("sensitive_kind", "health"),
        text=f"Diabetes {CANARY}",
        visibility=Visibility.PARTNERS,
    )

    partner_defender = Defender.objects.create(
        display_name=f"Partner Person {CANARY}", owner=org, visibility=Visibility.PARTNERS
    )
    partner_case = _case(
        terms,
        partner_defender,
        org,
        Visibility.PARTNERS,
        country="CN",
        summary=f"Partner-only case {CANARY}",
        status="detained_awaiting_trial",
    )
    Event.objects.create(
        case=partner_case,
        event_type=terms.get("event_type", "arrest"),
        date=dt.date(2022, 5, 1),
        date_precision="month",
        visibility=Visibility.PARTNERS,
    )
    restricted_defender = Defender.objects.create(
        display_name=f"Hidden Person {CANARY}", owner=org, visibility=Visibility.RESTRICTED
    )
    restricted_case = _case(
        terms,
        restricted_defender,
        org,
        Visibility.RESTRICTED,
        country="EG",
        summary=f"Restricted case {CANARY}",
        status="disappeared",
    )
    for c in (case, partner_case, restricted_case):
        refresh_case(c.pk)
    for obj in (
        defender,
        case,
        partner_defender,
        partner_case,
        restricted_defender,
        restricted_case,
    ):
        obj.refresh_from_db()
    return Sample(
        org,
        defender,
        case,
        arrest,
        sentence,
        judge,
        court,
        source,
        partner_defender,
        partner_case,
        restricted_defender,
        restricted_case,
    )
