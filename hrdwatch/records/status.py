"""Derive a case's status from its timeline, and keep the derived fields on Case and Defender true.

The stated status is the documenter's; the derived one is what the latest events imply. When they
disagree the case is flagged for a reviewer rather than silently changed.

Derived values the public reads (``derived_status``, ``status_conflict``, ``arrest_date``,
``release_date``) come from the *public* timeline only, so a hidden fact never shows through a
derived value. ``full_derived_status`` is the whole timeline's answer, for reviewers, and
``hidden_facts_differ`` tells them the two pictures disagree. Which statuses count as "detained",
and whether a case's status can be stood behind today (not disputed, verified recently enough),
is decided here, once, for every page, feed, counter, letter and the API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

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
START_EVENTS = {
    "arrest",
    "detention",
    "incommunicado_detention",
    "enforced_disappearance",
    "house_arrest",
}
END_EVENTS = {"release", "conditional_release", "death_in_custody"}
# The statuses that count as "currently detained" (counters, lists, letters, campaigns, the API).
DETAINED_STATUSES = ("detained_awaiting_trial", "detained_convicted", "disappeared", "house_arrest")
# What the public is shown instead of a status its own timeline contradicts.
DISPUTED = "disputed"


def is_detained(status_code: str) -> bool:
    return status_code in DETAINED_STATUSES


def verification_cutoff(on: dt.datetime | None = None) -> dt.datetime:
    """Cases verified before this moment are stale ("unverified since …")."""
    days = int(getattr(settings, "HRDWATCH_VERIFY_MAX_AGE_DAYS", 183))
    return (on or timezone.now()) - dt.timedelta(days=days)


def verified_q(prefix: str = "", on: dt.datetime | None = None) -> Q:
    """Q for cases verified recently enough to be stood behind."""
    return Q(**{f"{prefix}last_verified_at__gte": verification_cutoff(on)})


def detained_q(prefix: str = "", on: dt.datetime | None = None) -> Q:
    """Q for cases that count as currently detained: a detention status the public timeline does
    not contradict, verified recently enough."""
    return Q(
        **{f"{prefix}status__code__in": DETAINED_STATUSES, f"{prefix}status_conflict": False}
    ) & verified_q(prefix, on)


@dataclass(frozen=True)
class Standing:
    """What the public may be told about a case's status today."""

    code: str  # the stated status code, or DISPUTED
    disputed: bool
    unverified_since: dt.datetime | None  # set when the last verification is too old (or never)
    stale: bool

    @property
    def detained(self) -> bool:
        """Counts as currently detained: a detention status, undisputed and recently verified."""
        return not self.disputed and not self.stale and is_detained(self.code)

    @property
    def held(self) -> bool:
        """The (possibly stale) record says the person is still held: days are still counted."""
        return not self.disputed and is_detained(self.code)


def standing(case: object, on: dt.datetime | None = None) -> Standing:
    """The public standing of a case (needs ``status``, ``status_conflict``, ``last_verified_at``)."""
    disputed = bool(getattr(case, "status_conflict", False))
    verified = getattr(case, "last_verified_at", None)
    stale = verified is None or verified < verification_cutoff(on)
    code = DISPUTED if disputed else case.status.code  # type: ignore[attr-defined]
    return Standing(code, disputed, verified if stale else None, stale)


def public_status_code(case: object) -> str:
    """The status code the public projection stores: the stated one, or DISPUTED."""
    return DISPUTED if getattr(case, "status_conflict", False) else case.status.code  # type: ignore[attr-defined]


T = TypeVar("T")


def timeline_order(
    items: Iterable[T],
    date: Callable[[T], Any] = lambda i: i.date,  # type: ignore[attr-defined]
    order: Callable[[T], Any] = lambda i: i.pk,  # type: ignore[attr-defined]
) -> list[T]:
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
    usable = timeline_order(
        [e for e in events if e.certainty != Certainty.DISPUTED], order=lambda e: e.order
    )
    status: str | None = None
    for entry in usable:
        implied = STATUS_AFTER_EVENT.get(entry.event_type)
        if implied is None:
            continue
        if status == "detained_convicted" and entry.event_type in _KEEPS_CONVICTED:
            continue
        status = implied
    return status


def arrest_and_release(
    events: Iterable[TimelineEntry],
) -> tuple[TimelineEntry | None, TimelineEntry | None]:
    """The first dated start of detention and the last dated end, if any."""
    dated = sorted(
        (e for e in events if e.date is not None and e.precision != Precision.UNKNOWN),
        key=lambda e: (e.date, e.order),  # type: ignore[arg-type, return-value]
    )
    start = next((e for e in dated if e.event_type in START_EVENTS), None)
    end = None
    for entry in dated:
        if entry.event_type in END_EVENTS:
            end = entry
        elif entry.event_type in START_EVENTS and end is not None and start:
            if entry.date > end.date:  # type: ignore[operator]
                end = None
    return start, end


def refresh_case(case_id: int) -> None:
    """Recompute a case's derived fields: from its public timeline for what the public reads,
    and from the whole timeline for reviewers (``full_derived_status``, ``hidden_facts_differ``)."""
    from hrdwatch.vocab.models import Term, Vocabulary

    from .models import Case

    case = Case.all_objects.get(pk=case_id)
    rows = case.events.values_list(
        "event_type__code", "date", "date_precision", "certainty", "pk", "visibility"
    )
    everything = [
        TimelineEntry(code, date, precision, certainty, pk)
        for code, date, precision, certainty, pk, _v in rows
    ]
    public = [
        TimelineEntry(code, date, precision, certainty, pk)
        for code, date, precision, certainty, pk, level in rows
        if level == Visibility.PUBLIC
    ]
    codes = {derive_status(public), derive_status(everything)} - {None}
    terms = {
        t.code: t for t in Term.objects.filter(vocabulary=Vocabulary.CASE_STATUS, code__in=codes)
    }
    derived, full = (
        terms.get(derive_status(public) or ""),
        terms.get(derive_status(everything) or ""),
    )
    # An undated fact never makes a conflict by itself: the dated public facts must disagree too.
    dated_code = derive_status([e for e in public if e.date is not None])
    stated = case.status.code if case.status_id else None
    start, end = arrest_and_release(public)
    full_dates = tuple(e.date if e else None for e in arrest_and_release(everything))
    Case.all_objects.filter(pk=case_id).update(
        derived_status=derived,
        status_conflict=bool(
            derived
            and derived.pk != case.status_id
            and dated_code is not None
            and dated_code != stated
        ),
        full_derived_status=full,
        hidden_facts_differ=(
            full != derived
            or full_dates != (start.date if start else None, end.date if end else None)
        ),
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


def days_detained(case: object, on: dt.date | None = None) -> int | None:
    """Days deprived of liberty, from the public arrest date: to the release; while held, to today
    if the case is verified recently enough, else only to its last verification (never a guess).

    None when the arrest date is unknown, the status is disputed, or a held case was never verified.
    """
    arrest = getattr(case, "arrest_date", None)
    if arrest is None or getattr(case, "arrest_date_precision", "") == Precision.UNKNOWN:
        return None
    release = getattr(case, "release_date", None)
    if release is not None:
        return max(0, (release - arrest).days)
    state = standing(case)
    if not state.held:
        return None
    if state.stale:
        verified = getattr(case, "last_verified_at", None)
        if verified is None:
            return None
        end = timezone.localdate(verified)
    else:
        end = on or timezone.localdate()
    return max(0, (end - arrest).days)
