"""The public pages render from public data only, in every language, without server errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from hrdwatch.publication.models import SearchEntry
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import SensitiveDetail

from .factories import make_case, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(indexed):
    with indexed():
        dai = make_case("Nguyễn Văn Đài", country="VN", roles=("lawyer",), summary="Blogger and lawyer.")
        wang = make_case("Wang Quanzhang", original="王全璋", country="CN", gender="male",
                         roles=("lawyer",), arrest=dt.date(2015, 8, 3))
        lena = make_case("Elena Petrova", original="Елена Петрова", country="RU", gender="female",
                         status="released", roles=("journalist",))
        hidden = make_case("Hidden Draft Person", review_state=ReviewState.DRAFT)
        partners = make_case("Partners Only Person", visibility=Visibility.PARTNERS)
        SensitiveDetail.objects.create(defender=dai.defender, kind=term("sensitive_kind", "health"),
                                       text="CANARY-health-secret")
    return {"dai": dai, "wang": wang, "lena": lena, "hidden": hidden, "partners": partners}


def test_only_published_public_cases_enter_the_projection(cases):
    names = set(SearchEntry.objects.values_list("defender__display_name", flat=True))
    assert names == {"Nguyễn Văn Đài", "Wang Quanzhang", "Elena Petrova"}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_public_page_renders_in_each_language(client, cases, language):
    client.cookies["django_language"] = language
    dai = cases["dai"]
    urls = [
        reverse("publication:home"), reverse("publication:cases"),
        reverse("publication:cases") + "?q=nguyen&country=VN&sort=name",
        reverse("publication:defender", args=[dai.defender.uid]),
        reverse("publication:country", args=["VN"]),
        reverse("publication:statistics:page"),
        reverse("publication:feed"), reverse("publication:defender-feed", args=[dai.defender.uid]),
        reverse("publication:sitemap"), reverse("publication:robots"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "CANARY" not in body
        assert "Hidden Draft Person" not in body and "Partners Only Person" not in body


def test_non_public_defender_pages_are_not_found(client, cases):
    for key in ("hidden", "partners"):
        response = client.get(reverse("publication:defender", args=[cases[key].defender.uid]))
        assert response.status_code == 404


def test_defender_page_cites_the_source_of_each_event_and_counts_days(client, cases):
    wang = cases["wang"]
    response = client.get(reverse("publication:defender", args=[wang.defender.uid]))
    body = response.content.decode()
    assert "王全璋" in body
    assert 'href="#source-1"' in body and 'id="source-1"' in body
    days = (dt.date.today() - dt.date(2015, 8, 3)).days
    assert f"{days:,}".replace(",", "") in body.replace(",", "")
    assert "3 August 2015" in body
    assert "Working Group on Arbitrary Detention" in body  # the letter's recipients


def test_demo_banner_on_every_page_with_fictional_data(client, cases):
    assert "Demonstration site." in client.get(reverse("publication:home")).content.decode()


def test_filtered_csv_and_json_downloads_hold_the_filtered_cases(client, cases):
    csv_body = b"".join(client.get(reverse("publication:cases-csv") + "?country=CN").streaming_content).decode()
    lines = csv_body.strip().splitlines()
    assert len(lines) == 2 and "Wang Quanzhang" in lines[1]
    data = json.loads(client.get(reverse("publication:cases-json") + "?role=lawyer").content)
    assert {c["name"] for c in data["cases"]} == {"Nguyễn Văn Đài", "Wang Quanzhang"}


def test_facet_counts_narrow_with_each_filter(client, cases):
    from django.http import QueryDict

    from hrdwatch.publication.listing import ListingQuery, facet_counts

    everything = dict(facet_counts(ListingQuery.from_params(QueryDict("")))["role"])
    assert everything == {"lawyer": 2, "journalist": 1}
    narrowed = facet_counts(ListingQuery.from_params(QueryDict("role=lawyer&country=CN")))
    assert dict(narrowed["country"]) == {"CN": 1}


def test_each_case_of_a_defender_shows_only_its_own_events_charges_and_sources(cases, indexed):
    from hrdwatch.publication.views.defender import defender_context
    from hrdwatch.records.models import Case, Charge, Event, Source

    wang = cases["wang"]
    with indexed():
        earlier = Case.objects.create(
            defender=wang.defender, country="CN", status=term("case_status", "released"),
            visibility=Visibility.PUBLIC, review_state=ReviewState.PUBLISHED, is_fictional=True,
        )
        event = Event.objects.create(case=earlier, event_type=term("event_type", "arrest"), date=dt.date(2011, 5, 2),
                                     date_precision="day", visibility=Visibility.PUBLIC)
        Charge.objects.create(event=event, wording="Inciting subversion", visibility=Visibility.PUBLIC,
                              category=term("charge_category", "public_order"))
        source = Source.objects.create(title="Earlier report", publisher="Other Watch", visibility=Visibility.PUBLIC,
                                       url="https://example.org/earlier", published=dt.date(2011, 6, 1))
        event.evidence.create(source=source, case=earlier, visibility=Visibility.PUBLIC)
    context = defender_context(wang.defender.uid, "http://testserver/")
    views = {view.case.pk: view for view in context["cases"]}
    assert set(views) == {wang.pk, earlier.pk}
    for case_id, view in views.items():
        assert {item["event"].case_id for item in view.timeline} == {case_id}
    assert [c["wording"] for c in views[earlier.pk].charges] == ["Inciting subversion"]
    assert [c["wording"] for c in views[wang.pk].charges] == ["Subversion of state power"]
    cited = {s.title for s in context["sources"]}
    assert cited == {"Report", "Earlier report"}
    earlier_numbers = views[earlier.pk].timeline[0]["sources"]
    assert [context["sources"][n - 1].title for n in earlier_numbers] == ["Earlier report"]
