"""The public pages render from public data only, in every language, without server errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from hrdwatch.publication.models import SearchEntry
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import SensitiveDetail

from .factories import make_case, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(indexed):
    with indexed():
        dai = make_case(
            "Nguyễn Văn Đài", country="VN", roles=("lawyer",), summary="Blogger and lawyer."
        )
        wang = make_case(
            "Wang Quanzhang",
            original="王全璋",
            country="CN",
            gender="male",
            roles=("lawyer",),
            arrest=dt.date(2015, 8, 3),
        )
        lena = make_case(
            "Elena Petrova",
            original="Елена Петрова",
            country="RU",
            gender="female",
            status="released",
            roles=("journalist",),
        )
        hidden = make_case("Hidden Draft Person", review_state=ReviewState.DRAFT)
        partners = make_case("Partners Only Person", visibility=Visibility.PARTNERS)
        SensitiveDetail.objects.create(
            defender=dai.defender,
            kind=term("sensitive_kind", "health"),
            text="CANARY-health-secret",
        )
    return {"dai": dai, "wang": wang, "lena": lena, "hidden": hidden, "partners": partners}


def test_only_published_public_cases_enter_the_projection(cases):
    names = set(SearchEntry.objects.values_list("defender__display_name", flat=True))
    assert names == {"Nguyễn Văn Đài", "Wang Quanzhang", "Elena Petrova"}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_public_page_renders_in_each_language(client, cases, language):
    client.cookies["django_language"] = language
    dai = cases["dai"]
    urls = [
        reverse("publication:home"),
        reverse("publication:cases"),
        reverse("publication:cases") + "?q=nguyen&country=VN&sort=name",
        reverse("publication:defender", args=[dai.defender.uid]),
        reverse("publication:country", args=["VN"]),
        reverse("publication:statistics:page"),
        reverse("publication:feed"),
        reverse("publication:defender-feed", args=[dai.defender.uid]),
        reverse("publication:sitemap"),
        reverse("publication:robots"),
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
    csv_body = b"".join(
        client.get(reverse("publication:cases-csv") + "?country=CN").streaming_content
    ).decode()
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
            defender=wang.defender,
            country="CN",
            status=term("case_status", "released"),
            visibility=Visibility.PUBLIC,
            review_state=ReviewState.PUBLISHED,
            is_fictional=True,
        )
        event = Event.objects.create(
            case=earlier,
            event_type=term("event_type", "arrest"),
            date=dt.date(2011, 5, 2),
            date_precision="day",
            visibility=Visibility.PUBLIC,
        )
        Charge.objects.create(
            event=event,
            wording="Inciting subversion",
            visibility=Visibility.PUBLIC,
            category=term("charge_category", "public_order"),
        )
        source = Source.objects.create(
            title="Earlier report",
            publisher="Other Watch",
            visibility=Visibility.PUBLIC,
            url="https://example.org/earlier",
            published=dt.date(2011, 6, 1),
        )
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


def _add_case_with_everything(defender, when: dt.date, label: str):
    """A public case with two events, a charge, a perpetrator, an intervention, a WGAD category, a
    public and a restricted place of detention, and a restricted charge the page must not show."""
    from hrdwatch.records.models import (
        Case,
        Charge,
        Event,
        EventPerpetrator,
        Intervention,
        Perpetrator,
        PlaceOfDetention,
        Source,
    )
    from hrdwatch.vocab.models import Term

    def first(vocabulary: str) -> Term:
        return Term.objects.filter(vocabulary=vocabulary).order_by("sort_order", "code").first()

    case = Case.objects.create(
        defender=defender,
        country="CN",
        status=term("case_status", "detained_awaiting_trial"),
        arrest_date=when,
        arrest_date_precision="day",
        visibility=Visibility.PUBLIC,
        review_state=ReviewState.PUBLISHED,
        is_fictional=True,
    )
    case.wgad_categories.set([first("wgad_category")])
    prison = PlaceOfDetention.objects.create(
        name=f"Prison {label}", city="Tianjin", country="CN", visibility=Visibility.PUBLIC
    )
    secret = PlaceOfDetention.objects.create(
        name=f"Secret site {label}", country="CN", visibility=Visibility.RESTRICTED
    )
    arrest = Event.objects.create(
        case=case,
        event_type=term("event_type", "arrest"),
        date=when,
        date_precision="day",
        visibility=Visibility.PUBLIC,
        place_of_detention=prison,
    )
    moved = Event.objects.create(
        case=case,
        event_type=term("event_type", "arrest"),
        date=when + dt.timedelta(days=9),
        date_precision="day",
        visibility=Visibility.PUBLIC,
        place_of_detention=secret,
        place=f"Somewhere {label}",
    )
    Charge.objects.create(
        event=arrest,
        wording=f"Charge {label}",
        category=term("charge_category", "public_order"),
        visibility=Visibility.PUBLIC,
    )
    Charge.objects.create(
        event=moved,
        wording=f"Restricted charge {label}",
        category=term("charge_category", "public_order"),
        visibility=Visibility.RESTRICTED,
    )
    judge = Perpetrator.objects.create(
        name=f"Judge {label}",
        perpetrator_type=first("perpetrator_type"),
        country="CN",
        visibility=Visibility.PUBLIC,
    )
    EventPerpetrator.objects.create(
        event=arrest,
        perpetrator=judge,
        role=first("perpetrator_role"),
        visibility=Visibility.PUBLIC,
    )
    Intervention.objects.create(
        case=case,
        intervention_type=first("intervention_type"),
        title=f"Appeal {label}",
        visibility=Visibility.PUBLIC,
    )
    source = Source.objects.create(
        title=f"Source {label}", visibility=Visibility.PUBLIC, archived_text="x" * 1000
    )
    moved.evidence.create(source=source, visibility=Visibility.PUBLIC)
    return case


def test_defender_page_queries_do_not_grow_with_cases_and_show_only_public_facts(
    client, cases, indexed
):
    """One query per kind of fact for all of a defender's cases; terms, places and links read once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hrdwatch.vocab.models import Term

    wang = cases["wang"]
    url = reverse("publication:defender", args=[wang.defender.uid])
    area = Term.objects.filter(vocabulary="area_of_work").order_by("sort_order", "code").first()
    with writes_allowed("test data"):
        wang.defender.areas_of_work.set([area])

    def render() -> tuple[str, int]:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url).content.decode()
        # Reads only: on PostgreSQL the page also sets a planner option in a savepoint.
        return body, sum(
            q["sql"].lstrip("(").startswith("SELECT") for q in queries.captured_queries
        )

    with indexed():
        _add_case_with_everything(wang.defender, dt.date(2012, 1, 5), "A")
    body_one, queries_one = render()
    with indexed():
        _add_case_with_everything(wang.defender, dt.date(2010, 6, 7), "B")
        _add_case_with_everything(wang.defender, dt.date(2008, 2, 3), "C")
    body, queries = render()
    assert queries == queries_one <= 13  # 12, and one for the public campaigns of the cases
    for label in "ABC":
        assert f"Charge {label}" in body and f"Judge {label}" in body and f"Appeal {label}" in body
        assert f"Prison {label}, Tianjin" in body and f"Source {label}" in body
        assert (
            f"Somewhere {label}" in body
        )  # the place as written, where the named place is restricted
        assert f"Secret site {label}" not in body and f"Restricted charge {label}" not in body
    assert area.label_en in body and "Lawyer" in body
    assert body.count("Deprivation of liberty in") == 4


def test_defender_page_planner_setting_stays_within_the_page(client, cases):
    """On PostgreSQL the page plans its joins as written; what runs after it plans as usual."""
    from django.db import connection

    from hrdwatch.publication.views.defender import joins_as_written

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute(
                "SHOW join_collapse_limit" if connection.vendor == "postgresql" else "SELECT '8'"
            )
            return str(cursor.fetchone()[0])

    before = setting()
    with joins_as_written():
        inside = setting()
    assert (
        client.get(reverse("publication:defender", args=[cases["wang"].defender.uid])).status_code
        == 200
    )
    assert setting() == before == "8"
    assert inside == ("1" if connection.vendor == "postgresql" else "8")
