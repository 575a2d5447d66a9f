"""Latest updates, feeds and the "latest" sort follow when a case's public record last changed
(its publication or an approved revision), not when rows were loaded; each row says when."""

from __future__ import annotations

import re

import pytest

from hrdwatch.demo.generator import generate
from hrdwatch.publication.models import SearchEntry
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generate(60, seed=11)
    rebuild()


def test_published_cases_carry_the_time_of_their_last_public_change(demo):
    published = Case.objects.filter(review_state=ReviewState.PUBLISHED)
    assert published.exists() and not published.filter(public_updated_at=None).exists()
    assert published.values("public_updated_at").distinct().count() > 10
    assert (
        not Case.objects.filter(review_state=ReviewState.DRAFT)
        .exclude(public_updated_at=None)
        .exists()
    )


def test_latest_updates_come_first_and_show_their_date(client, demo):
    latest = list(SearchEntry.objects.order_by("-updated_at", "-id")[:8])
    assert len(latest) == 8
    cases = {c.pk: c for c in Case.objects.filter(pk__in=[e.case_id for e in latest])}
    assert [e.updated_at for e in latest] == [cases[e.case_id].public_updated for e in latest]
    assert latest == sorted(latest, key=lambda e: e.updated_at, reverse=True)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert page.count('class="updated"') == len(latest)
    assert "mis à jour le" in page, re.findall(r"class=.updated.{0,80}", page)[:2]


def test_feed_entries_carry_their_own_dates(client, demo):
    feed = client.get("/feed.atom").content.decode()
    updated = re.findall(r"<entry>.*?<updated>([^<]+)</updated>", feed, flags=re.S)
    assert len(updated) > 5 and len(set(updated)) > len(updated) // 2
    assert updated == sorted(updated, reverse=True)
