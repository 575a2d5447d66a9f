"""Which sources are due for polling, from their schedule and when they were last fetched.

``hrdwatch ingest --due`` (run from cron, say every hour) polls only these, so one crontab line
serves hourly, daily and weekly sources alike; ``manual`` sources are polled only when asked.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Source

INTERVALS = {
    "hourly": dt.timedelta(hours=1),
    "daily": dt.timedelta(days=1),
    "weekly": dt.timedelta(weeks=1),
}
# A cron job starting a little early (or a run that took a while) must not skip a period.
SLACK = dt.timedelta(minutes=10)


def due_sources(now: dt.datetime | None = None) -> QuerySet[Source]:
    """Active, scheduled sources never fetched or last fetched at least one period ago."""
    now = now or timezone.now()
    due = Q()
    for schedule, interval in INTERVALS.items():
        due |= Q(schedule=schedule) & (
            Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lte=now - interval + SLACK)
        )
    return Source.objects.filter(active=True).filter(due)
