"""Small public records for the public-site tests (the demo generator serves the browser tests)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Charge, Defender, DefenderName, Event, Source
from hrdwatch.vocab.models import Term


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


@writes_allowed("test data")
def make_case(
    name: str,
    *,
    original: str = "",
    aliases: tuple[str, ...] = (),
    country: str = "VN",
    status: str = "detained_awaiting_trial",
    gender: str = "male",
    roles: tuple[str, ...] = ("activist",),
    arrest: dt.date | None = dt.date(2020, 3, 14),
    summary: str = "",
    charge_category: str | None = "state_security",
    visibility: str = Visibility.PUBLIC,
    review_state: str = ReviewState.PUBLISHED,
    fictional: bool = True,
    verified: bool = True,
) -> Case:
    """A published public case with an arrest event, one charge and a cited source."""
    defender = Defender.objects.create(
        display_name=name,
        name_original_script=original,
        gender=term("gender", gender),
        visibility=Visibility.PUBLIC,
        is_fictional=fictional,
        biography=f"Biography of {name}.",
    )
    defender.roles.set([term("role", r) for r in roles])
    for alias in aliases:
        DefenderName.objects.create(defender=defender, name=alias, visibility=Visibility.PUBLIC)
    case = Case.objects.create(
        defender=defender,
        country=country,
        status=term("case_status", status),
        summary=summary,
        visibility=visibility,
        review_state=review_state,
        is_fictional=fictional,
        last_verified_at=timezone.now()
        if verified and review_state == ReviewState.PUBLISHED
        else None,
    )
    if arrest:
        event = Event.objects.create(
            case=case,
            event_type=term("event_type", "arrest"),
            date=arrest,
            date_precision="day",
            visibility=Visibility.PUBLIC,
            description="Arrested at home.",
        )
        if charge_category:
            Charge.objects.create(
                event=event,
                wording="Subversion of state power",
                category=term("charge_category", charge_category),
                visibility=Visibility.PUBLIC,
            )
        source = Source.objects.create(
            title="Report",
            publisher="Example Watch",
            visibility=Visibility.PUBLIC,
            url="https://example.org/report",
            published=arrest,
        )
        event.evidence.create(source=source, case=case, visibility=Visibility.PUBLIC)
    case.refresh_from_db()
    return case
