"""Status you can defend on the public site (#24): disputed and stale cases are said to be so,
never counted as currently detained, and never offered a letter asking for release."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from hrdwatch.publication.figures import headline
from hrdwatch.publication.models import SearchEntry
from hrdwatch.records.models import Case, Event
from hrdwatch.records.status import DETAINED_STATUSES, standing
from hrdwatch.records.visibility import Gate

from .factories import make_case, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(indexed):
    with indexed():
        fresh = make_case("Fresh Verified Person", country="VN")
        stale = make_case("Stale Unverified Person", country="VN", verified=False)
        disputed = make_case("Disputed Status Person", country="VN", arrest=dt.date(2016, 1, 1))
        Event.objects.create(
            case=disputed,
            event_type=term("event_type", "release"),
            date=dt.date(2018, 5, 1),
            date_precision="day",
            visibility="public",
        )
    return {"fresh": fresh, "stale": stale, "disputed": Case.objects.get(pk=disputed.pk)}


def _page(client, case) -> str:
    return client.get(reverse("publication:defender", args=[case.defender.uid])).content.decode()


def test_no_published_case_shows_a_status_its_public_timeline_contradicts(client, cases):
    for case in Gate().cases().select_related("status", "derived_status"):
        state = standing(case)
        if case.derived_status and case.derived_status != case.status:
            assert state.disputed and not state.detained
    body = _page(client, cases["disputed"])
    assert "Status disputed" in body
    assert "Detained awaiting trial" not in body.split('class="status-line"')[1].split("</p>")[0]
    assert SearchEntry.objects.get(case=cases["disputed"]).status == "disputed"


def test_a_stale_case_is_not_counted_as_detained_and_gets_no_letter(client, cases):
    figures = headline()
    assert figures.detained == 1  # only the fresh, verified one
    assert figures.unverified == 1
    stale_page = _page(client, cases["stale"])
    assert "never verified" in stale_page or "unverified since" in stale_page
    assert 'class="letter' not in stale_page and "-letter" not in stale_page
    assert "-letter" in _page(client, cases["fresh"])
    assert "-letter" not in _page(client, cases["disputed"])
    stats = client.get("/api/v1/statistics").json()
    assert stats["detained"] == 1


def test_counters_say_as_of_which_date(client, cases):
    body = client.get(reverse("publication:home")).content.decode()
    assert "As of " in body
    assert "not verified recently" in body
    assert "As of " in client.get(reverse("publication:statistics:page")).content.decode()


def test_detained_statuses_are_decided_in_records():
    assert "detained_convicted" in DETAINED_STATUSES and "released" not in DETAINED_STATUSES


@pytest.mark.parametrize(
    ("lang", "word"), [("en", "whereabouts"), ("fr", "lieu où"), ("es", "paradero")]
)
def test_a_disappeared_persons_letter_asks_for_whereabouts(indexed, lang, word):
    from hrdwatch.advocacy.letters import letter_for

    with indexed():
        gone = make_case("Disappeared Person", status="disappeared")
        held = make_case("Held Person")
    assert word in letter_for(gone, "Disappeared Person", [], lang).text
    assert word not in letter_for(held, "Held Person", [], lang).text
    assert "{" not in letter_for(held, "Held Person", [], lang).text
