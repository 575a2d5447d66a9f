"""Derived values come from public facts only (#21): planting hidden facts changes no public output.

The canaries: a partners-only arrest and release on the public case, a restricted release, and a
non-public co-defendant (a published case kept at partners level) in the same country. No public
page, search result, feed, statistic, map, letter, card, export or API response may change.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from hrdwatch.exports.base import exporters
from hrdwatch.records import models as m
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.visibility import Viewer
from tests.builders import build_sample, term

pytestmark = pytest.mark.django_db

D = dt.date


def public_urls(sample) -> list[str]:
    uid, case_uid = sample.defender.uid, sample.case.uid
    return [
        "/",
        "/cases/",
        "/cases/?q=Nguyen",
        "/cases/?status=detained_convicted",
        "/cases.csv",
        "/cases.json",
        f"/defenders/{uid}/",
        f"/defenders/{uid}/feed.atom",
        "/countries/VN/",
        "/feed.atom",
        "/statistics/",
        "/statistics/data/status.csv",
        "/statistics/data/time_in_detention.csv",
        "/statistics/data/arrests_by_year.csv",
        f"/act/card/{uid}/",
        f"/act/card/{uid}.png",
        "/api/v1/cases",
        f"/api/v1/cases/{case_uid}",
        "/api/v1/statistics",
        "/api/v1/defenders",
        f"/api/v1/defenders/{uid}",
    ]


_VOLATILE = re.compile(rb'(csrfmiddlewaretoken" value="|csrftoken=|nonce=")[^"&;]*')


def snapshot(client, urls: list[str]) -> dict[str, bytes]:
    cache.clear()
    out = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        out[url] = str(response.status_code).encode() + b" " + _VOLATILE.sub(rb"\1", body)
    buffer = io.BytesIO()
    exporters()["json"]().write(Viewer.public(), buffer)
    out["export"] = re.sub(rb'"exported_at": "[^"]*"', b"", buffer.getvalue())
    return out


def verify(case: m.Case) -> None:
    m.Case.all_objects.filter(pk=case.pk).update(last_verified_at=timezone.now())


def plant_canaries(sample) -> None:
    case = sample.case
    event = term("event_type", "arrest")
    m.Event.objects.create(
        case=case,
        event_type=event,
        date=D(2016, 2, 2),
        date_precision="day",
        visibility=Visibility.PARTNERS,
    )
    m.Event.objects.create(
        case=case,
        event_type=term("event_type", "release"),
        date=D(2024, 6, 1),
        date_precision="day",
        visibility=Visibility.PARTNERS,
    )
    m.Event.objects.create(
        case=case,
        event_type=term("event_type", "release"),
        date=D(2023, 6, 1),
        date_precision="day",
        visibility=Visibility.RESTRICTED,
    )
    co = m.Defender.objects.create(
        display_name="Co Defendant Partners", visibility=Visibility.PARTNERS, owner=sample.org
    )
    co_case = m.Case.objects.create(
        defender=co,
        country="VN",
        status=term("case_status", "detained_awaiting_trial"),
        review_state=ReviewState.PUBLISHED,
        visibility=Visibility.PARTNERS,
        owner=sample.org,
    )
    m.Event.objects.create(
        case=co_case,
        event_type=event,
        date=D(2019, 3, 5),
        date_precision="day",
        visibility=Visibility.PUBLIC,
    )
    verify(co_case)


def test_hidden_facts_change_no_public_output(client, indexed):
    with indexed():
        sample = build_sample()
        verify(sample.case)
        m.Case.objects.filter(pk=sample.case.pk).first().save()  # reindex with the verification
    urls = public_urls(sample)
    before = snapshot(client, urls)
    assert b"Nguy" in before[f"/defenders/{sample.defender.uid}/"]
    assert before["/api/v1/statistics"].startswith(b"200")
    with indexed():
        plant_canaries(sample)
    sample.case.refresh_from_db()
    assert sample.case.hidden_facts_differ  # the reviewers' picture did change
    after = snapshot(client, urls)
    changed = [url for url in urls + ["export"] if before[url] != after[url]]
    assert changed == []


def test_the_reviewer_sees_the_conflict_between_public_and_full_picture(indexed):
    with indexed():
        sample = build_sample()
        plant_canaries(sample)
    case = m.Case.objects.get(pk=sample.case.pk)
    assert case.derived_status.code == "detained_convicted"
    assert case.full_derived_status.code == "released"
    assert case.hidden_facts_differ
