"""Scheduled polling: ``ingest --due`` polls only sources whose schedule says they are due."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hrdwatch.ingestion.models import Document, Source
from hrdwatch.ingestion.schedule import due_sources

pytestmark = pytest.mark.django_db


def add(site, path: str, schedule: str, fetched_hours_ago: float | None) -> Source:
    call_command("sources", "add", site.url(path), "--kind", "article", stdout=StringIO())
    source = Source.objects.get(url=site.url(path))
    source.schedule = schedule
    if fetched_hours_ago is not None:
        source.last_fetched_at = timezone.now() - dt.timedelta(hours=fetched_hours_ago)
    source.save()
    return source


def test_due_sources_follow_their_schedule(site):
    add(site, "/news/trial-postponed.html", "hourly", 2)
    add(site, "/news/zhang-detained.html", "daily", 2)
    add(site, "/news/woman-activist-released.html", "weekly", None)
    add(site, "/syndicated.html", "manual", None)
    add(site, "/ru/zaderzhan-pravozashchitnik.html", "daily", 30)
    due = sorted(source.url.rsplit("/", 1)[1] for source in due_sources())
    assert due == [
        "trial-postponed.html",
        "woman-activist-released.html",
        "zaderzhan-pravozashchitnik.html",
    ]


def test_ingest_due_polls_only_due_sources_and_plain_ingest_polls_all(site):
    add(site, "/news/trial-postponed.html", "hourly", 3)
    add(site, "/news/zhang-detained.html", "daily", 1)
    add(site, "/syndicated.html", "manual", None)
    out = StringIO()
    call_command("ingest", "--due", stdout=out)
    assert [d.url.rsplit("/", 1)[1] for d in Document.objects.all()] == ["trial-postponed.html"]
    again = StringIO()
    call_command("ingest", "--due", stdout=again)
    assert "no source is due" in again.getvalue(), "a source just polled is not due"
    call_command("ingest", stdout=StringIO())
    assert Document.objects.count() == 3
