"""Derive a case's status from its timeline, and keep the derived fields on Case and Defender true.

The stated status is the documenter's; the derived one is what the latest events imply. When they
disagree the case is flagged for a reviewer rather than silently changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hrdwatch.core.dates import Precision

from .levels import Certainty, ReviewState, Visibility

# Which status an event type implies; types not listed (torture, appeal, travel ban...) leave it.
STATUS_AFTER_EVENT = {
    "arrest": "detained_awaiting_trial",
    "detention": "detained_awaiting_trial",
    "incommunicado_detention": "detained_awaiting_trial",
    "charge": "detained_awaiting_trial",
    "indictment": "detained_awaiting_trial",
    "enforced_disappearance": "disappeared",
    "conviction": "detained_convicted",
    "sentence": "detained_convicted",
    "house_arrest": "house_arrest",
    "release": "released",
    "conditional_release": "released_conditionally",
    "death_in_custody": "died_in_custody",
}
# Events that continue a detention without changing whether the person was convicted.
_KEEPS_CONVICTED = {"charge", "indictment", "detention", "trial"}
START_EVENTS = {"arrest", "detention", "incommunicado_detention", "enforced_disappearance", "house_arrest"}
END_EVENTS = {"release", "conditional_release", "death_in_custody"}


@dataclass(frozen=True)
class TimelineEntry:
    """The part of an event that status derivation needs."""

    event_type: str
    date: object  # datetime.date | None; ordering only
    precision: str
    certainty: str
    order: int = 0


def derive_status(events: Iterable[TimelineEntry]) -> str | None:
    """The status code the timeline implies, or None when no event says anything about it.

    Disputed events are ignored; undated events count as happening before dated ones.
    """
    usable = [e for e in events if e.certainty != Certainty.DISPUTED]
    usable.sort(key=lambda e: (e.date is not None, e.date or 0, e.order))  # type: ignore[return-value]
    status: str | None = None
    for entry in usable:
        implied = STATUS_AFTER_EVENT.get(entry.event_type)
        if implied is None:
            continue
        if status == "detained_convicted" and entry.event_type in _KEEPS_CONVICTED:
            continue
        status = implied
    return status


def arrest_and_release(events: Iterable[TimelineEntry]) -> tuple[TimelineEntry | None, TimelineEntry | None]:
    """The first dated start of detention and the last dated end, if any."""
    dated = sorted((e for e in events if e.date is not None and e.precision != Precision.UNKNOWN),
                   key=lambda e: (e.date, e.order))  # type: ignore[arg-type, return-value]
    start = next((e for e in dated if e.event_type in START_EVENTS), None)
    end = None
    for entry in dated:
        if entry.event_type in END_EVENTS:
            end = entry
        elif entry.event_type in START_EVENTS and end is not None and start and entry.date > end.date:  # type: ignore[operator]
            end = None
    return start, end


def refresh_case(case_id: int) -> None:
    """Recompute a case's derived status, conflict flag, arrest and release dates."""
    from hrdwatch.vocab.models import Term, Vocabulary

    from .models import Case

    case = Case.all_objects.get(pk=case_id)
    entries = [
        TimelineEntry(code, date, precision, certainty, pk)
        for code, date, precision, certainty, pk in case.events.values_list(
            "event_type__code", "date", "date_precision", "certainty", "pk"
        )
    ]
    derived_code = derive_status(entries)
    derived = (
        Term.objects.filter(vocabulary=Vocabulary.CASE_STATUS, code=derived_code).first()
        if derived_code else None
    )
    start, end = arrest_and_release(entries)
    Case.all_objects.filter(pk=case_id).update(
        derived_status=derived,
        status_conflict=bool(derived and derived.pk != case.status_id),
        arrest_date=start.date if start else None,
        arrest_date_precision=start.precision if start else Precision.UNKNOWN,
        release_date=end.date if end else None,
    )
    refresh_defender(case.defender_id)


def refresh_defender(defender_id: int) -> None:
    """A defender is published when at least one live case is published and public."""
    from .models import Case, Defender

    published = Case.objects.filter(
        defender_id=defender_id, review_state=ReviewState.PUBLISHED, visibility=Visibility.PUBLIC
    ).exists()
    Defender.all_objects.filter(pk=defender_id).update(is_published=published)
