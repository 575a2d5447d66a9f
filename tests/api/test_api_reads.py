"""The API answers the public from the gate: lists, filters, details, figures, ETags, limits."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from hrdwatch import actions
from hrdwatch.records import models as m
from tests.advocacy.sample import CANARY


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_public_defender_list_shows_only_public_defenders(client, sample):
    response = get(client, "/api/v1/defenders")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [d["uid"] for d in body["items"]] == [sample.defender.uid]
    assert CANARY not in response.content.decode()


def test_defender_detail_has_names_and_cases_but_no_restricted_alias(client, sample):
    body = get(client, f"/api/v1/defenders/{sample.defender.uid}").json()
    assert body["display_name"] == "Tran Van Minh"
    assert body["birth_date"] == "1980"
    assert [n["name"] for n in body["names"]] == ["Trần Văn Minh"]
    assert body["cases"][0]["uid"] == sample.case.uid
    assert body["roles"] == [{"code": "lawyer", "label": "Lawyer"}]


def test_hidden_records_are_404_for_the_public(client, sample):
    for url in (
        f"/api/v1/defenders/{sample.partner_defender.uid}",
        f"/api/v1/cases/{sample.restricted_case.uid}",
        f"/api/v1/cases/{sample.partner_case.uid}/events",
    ):
        assert get(client, url).status_code == 404


def test_case_detail_cites_sources_and_hides_restricted_events(client, sample):
    response = get(client, f"/api/v1/cases/{sample.case.uid}")
    body = response.json()
    assert [e["event_type"]["code"] for e in body["events"]] == ["arrest", "sentence"]
    sentence = body["events"][1]
    assert sentence["sentence_months"] == 96
    assert sentence["charges"][0]["category"]["code"] == "state_security"
    assert sentence["perpetrators"][0]["name"] == "Judge Nguyen Hoang Son"
    assert sentence["sources"][0]["url"] == "https://example.org/report/1"
    assert sorted(c["code"] for c in body["wgad_categories"]) == ["II", "V"]
    assert CANARY not in response.content.decode()


def test_filters_narrow_the_case_list(client, sample):
    assert get(client, "/api/v1/cases?country=VN").json()["count"] == 1
    assert get(client, "/api/v1/cases?country=EG").json()["count"] == 0
    assert (
        get(client, "/api/v1/cases?charge_category=state_security&year=2020").json()["count"] == 1
    )
    assert get(client, "/api/v1/cases?charge_category=terrorism_extremism").json()["count"] == 0
    assert get(client, "/api/v1/defenders?q=Minh&role=lawyer").json()["count"] == 1
    assert get(client, "/api/v1/defenders?q=Hidden").json()["count"] == 0
    assert get(client, "/api/v1/cases?q=Trần").json()["count"] == 1, "accents fold as on the site"
    assert get(client, "/api/v1/cases?q=tran%20van%20min").json()["count"] == 1, (
        "prefix of the last word"
    )
    assert get(client, "/api/v1/cases?status=no-such-status").json()["count"] == 0


def test_bad_parameters_are_client_errors_not_server_errors(client, sample):
    assert get(client, "/api/v1/cases?page=0").status_code == 422
    assert get(client, "/api/v1/cases?page=999999999999").status_code == 422
    assert get(client, "/api/v1/cases?q=%00").status_code == 422
    assert get(client, "/api/v1/cases?page=500").json()["items"] == []


def test_statistics_and_countries_agree_with_the_lists(client, sample):
    stats = get(client, "/api/v1/statistics").json()
    assert stats["defenders"] == get(client, "/api/v1/defenders").json()["count"] == 1
    assert stats["cases"] == 1 and stats["detained"] == 1 and stats["countries"] == 1
    assert stats["days_in_detention"] > 365
    countries = get(client, "/api/v1/countries").json()
    assert countries == [
        {"code": "VN", "name": "Vietnam", "cases": 1, "defenders": 1, "detained": 1}
    ]
    detail = get(client, "/api/v1/countries/vn").json()
    assert detail["arrests_by_year"] == [{"key": "2020", "label": "2020", "count": 1}]
    assert get(client, "/api/v1/countries/EG").status_code == 404


def test_labels_follow_the_requested_language(client, sample):
    body = client.get(f"/api/v1/cases/{sample.case.uid}", headers={"Accept-Language": "fr"}).json()
    assert body["status"]["label"] == "Détenu·e après condamnation"


def test_etag_gives_not_modified_until_the_record_changes(client, sample):
    url = f"/api/v1/defenders/{sample.defender.uid}"
    first = get(client, url)
    etag = first["ETag"]
    assert "Authorization" in first["Vary"]
    again = get(client, url, **{"If-None-Match": etag})
    assert again.status_code == 304
    actions.do_update(
        None,
        sample.defender,
        version=sample.defender.version,
        source=m.Source.objects.first(),
        biography="Updated biography.",
    )
    held = get(client, url, **{"If-None-Match": etag})
    assert held.status_code == 304, "an edit to a published record waits for review"
    _approve_pending(sample)
    changed = get(client, url, **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def _approve_pending(sample) -> None:
    """Two reviewers, one of them from another organisation, approve the pending revision."""
    from hrdwatch.partners.models import Membership, Organisation

    other = Organisation.objects.create(slug="second-eyes", name="Second Eyes")
    revision = m.CaseRevision.objects.get(state="open")
    actions.do_submit_revision(None, revision)
    for name, org in (("inside", sample.org), ("outside", other)):
        user = get_user_model().objects.create_user(name, password="x" * 16)
        Membership.objects.create(user=user, organisation=org, role="reviewer")
        actions.do_review_revision(user, revision, approve=True)


def test_public_clients_are_rate_limited(client, sample, settings):
    cache.clear()
    settings.HRDWATCH_API_RATE_PUBLIC = "3/min"
    codes = [get(client, "/api/v1/countries").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_an_unknown_token_is_refused_not_downgraded(client, sample):
    response = get(client, "/api/v1/defenders", Authorization="Bearer not-a-real-token")
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/api/v1/openapi.json"])
def test_openapi_document_lists_every_endpoint(client, path):
    doc = json.loads(get(client, path).content)
    assert doc["openapi"].startswith("3.")
    for endpoint in (
        "/api/v1/defenders",
        "/api/v1/cases/{uid}",
        "/api/v1/countries",
        "/api/v1/statistics",
    ):
        assert endpoint in doc["paths"]


def test_a_partner_token_reads_partner_data_but_not_other_organisations_restricted_data(
    client, sample
):
    from django.contrib.auth import get_user_model

    from hrdwatch.partners.models import Membership, Organisation
    from hrdwatch.partners.tokens import issue_token

    other = Organisation.objects.create(slug="other-org", name="Other Org")
    user = get_user_model().objects.create_user("partner", password="x" * 16)
    Membership.objects.create(user=user, organisation=other, role="viewer")
    _, raw = issue_token(user, "script")
    response = get(client, "/api/v1/defenders", Authorization=f"Bearer {raw}")
    assert response.status_code == 200
    uids = {d["uid"] for d in response.json()["items"]}
    assert uids == {sample.defender.uid, sample.partner_defender.uid}
    assert "private" in response["Cache-Control"]
    found = get(
        client, "/api/v1/defenders?q=Partner%20Person", Authorization=f"Bearer {raw}"
    ).json()
    assert [d["uid"] for d in found["items"]] == [sample.partner_defender.uid]
    assert get(client, "/api/v1/defenders?q=Partner%20Person").json()["count"] == 0
    assert "public" in get(client, "/api/v1/defenders")["Cache-Control"]


def test_interactive_docs_use_local_assets_only(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
