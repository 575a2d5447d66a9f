"""When a demo row was recorded, last changed in public and last verified: dates drawn from the
row's own generator, so the rest of the demo stays as it was."""

from __future__ import annotations

import datetime as dt
import random

from hrdwatch.records.levels import ReviewState, Visibility

from .stories import REFERENCE_DATE, Story


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def public_updated(uid: str, story: Story, review_state: str) -> dt.datetime | None:
    """A published case was last updated some days after the latest public fact was reported.
    Drawn from the case's own generator, so the rest of the demo stays as it was."""
    if review_state not in (ReviewState.PUBLISHED, ReviewState.WITHDRAWN):
        return None
    dated = [e.date for e in story.events if e.date and e.visibility == Visibility.PUBLIC]
    rng = random.Random(f"{uid}:updated")  # noqa: S311 -- demo data, not security
    latest = max(dated, default=REFERENCE_DATE)
    updated = latest + dt.timedelta(days=rng.randint(3, 40))
    if updated > REFERENCE_DATE:  # recent facts: updated on one of the last weeks' days
        updated = max(latest, REFERENCE_DATE - dt.timedelta(days=rng.randint(0, 30)))
    return noon(min(updated, REFERENCE_DATE))


def last_verified(uid: str, now: dt.datetime, review_state: str) -> dt.datetime | None:
    """Reviewed cases were verified recently; a few were not re-verified for years (stale).
    Drawn from the case's own generator, so the rest of the demo stays as it was."""
    if review_state not in (ReviewState.PUBLISHED, ReviewState.VERIFIED, ReviewState.WITHDRAWN):
        return None
    rng = random.Random(f"{uid}:verified")  # noqa: S311 -- demo data, not security
    days = rng.randint(400, 1500) if rng.random() < 0.06 else rng.randint(2, 120)
    return now - dt.timedelta(days=days)
