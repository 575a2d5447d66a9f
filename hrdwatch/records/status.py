"""Derive a case's status from its timeline, and keep the derived fields on Case and Defender true.

The stated status is the documenter's; the derived one is what the latest events imply. When they
disagree the case is flagged for a reviewer rather than silently changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

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


T = TypeVar("T")


def timeline_order(items: Iterable[T], date: Callable[[T], Any] = lambda i: i.date,  # type: ignore[attr-defined]
                   order: Callable[[T], Any] = lambda i: i.pk) -> list[T]:  # type: ignore[attr-defined]
    """Dated facts by date; an undated fact right after the fact entered just before it.

    A list that says "sentenced to 8 years" without a date still means after the arrest: the
    fact keeps its place in the order it was recorded instead of jumping to the start.
    """
    by_entry = sorted(items, key=order)
    dated = sorted((i for i in by_entry if date(i) is not None), key=lambda i: (date(i), order(i)))
    followers: dict[int, list[T]] = {}
    anchor = -1  # index in ``dated`` of the dated fact entered last so far; -1 = before all
    position = {id(i): n for n, i in enumerate(dated)}
    for item in by_entry:
        if date(item) is None:
            followers.setdefault(anchor, []).append(item)
        else:
            anchor = max(anchor, position[id(item)])
    result = list(followers.get(-1, []))
    for n, item in enumerate(dated):
        result.append(item)
        result.extend(followers.get(n, []))
    return result


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

    Disputed events are ignored; undated events keep their place in the order they were entered
    (see ``timeline_order``).
    """
    usable = timeline_order([e for e in events if e.certainty != Certainty.DISPUTED], order=lambda e: e.order)
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
    # An undated fact never makes a conflict by itself: the dated facts alone must disagree too.
    dated_code = derive_status([e for e in entries if e.date is not None])
    derived = (
        Term.objects.filter(vocabulary=Vocabulary.CASE_STATUS, code=derived_code).first()
        if derived_code else None
    )
    start, end = arrest_and_release(entries)
    Case.all_objects.filter(pk=case_id).update(
        derived_status=derived,
        status_conflict=bool(derived and derived.pk != case.status_id and dated_code is not None
                             and dated_code != (case.status.code if case.status_id else None)),
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
