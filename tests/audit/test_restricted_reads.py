"""Restricted values read through the partner API are audited like those shown on the web, and
the audit takes the client's address from the trusted proxy only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from hrdwatch.audit.log import Actor
from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.tokens import issue_token
from hrdwatch.records.levels import ReviewState, Visibility
from tests.partners.fixtures import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.HRDWATCH_API_RATE_PARTNER = "100000/min"
    settings.HRDWATCH_API_RATE_PUBLIC = "100000/min"


def _token(user) -> dict[str, str]:
    _, raw = issue_token(user, "script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize(
    "path", ["/api/v1/cases/{uid}", "/api/v1/cases/{uid}/events", "/api/v1/cases?page_size=200"]
)
def test_a_partner_token_reading_restricted_data_leaves_a_restricted_view_entry(
    client, world, path
):
    case = make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.DRAFT)
    viewer = world.users["a_viewer"]
    response = client.get(path.format(uid=case.uid), **_token(viewer))
    assert response.status_code == 200 and case.uid in response.content.decode() + path.format(
        uid=case.uid
    )
    entry = AuditEntry.objects.get(action="restricted.view")
    assert (entry.actor, entry.organisation, entry.object_uid, entry.via) == (
        viewer,
        world.a,
        case.uid,
        "api",
    )


def test_partner_level_and_public_answers_write_no_restricted_view(client, world):
    case = make_case(world.a, visibility=Visibility.PARTNERS, state=ReviewState.DRAFT)
    assert (
        client.get(f"/api/v1/cases/{case.uid}", **_token(world.users["b_viewer"])).status_code
        == 200
    )
    assert (
        client.get(f"/api/v1/cases/{case.uid}", **_token(world.users["a_viewer"])).status_code
        == 200
    )
    assert not AuditEntry.objects.filter(action="restricted.view").exists()


def test_a_defender_with_a_restricted_case_is_audited_through_its_cases(client, world):
    case = make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.DRAFT)
    viewer = world.users["a_viewer"]
    assert client.get(f"/api/v1/defenders/{case.defender.uid}", **_token(viewer)).status_code == 200
    assert AuditEntry.objects.filter(
        action="restricted.view", object_uid=case.defender.uid, actor=viewer
    ).exists()


def test_the_audit_believes_forwarded_addresses_only_from_a_trusted_proxy(settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    factory = RequestFactory()
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    proxied.user = AnonymousUser()
    assert Actor.from_request(proxied).ip_address == "203.0.113.9"
    spoofed = factory.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9")
    spoofed.user = AnonymousUser()
    assert Actor.from_request(spoofed).ip_address == "198.51.100.4"
