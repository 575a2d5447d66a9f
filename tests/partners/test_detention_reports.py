"""The public "Report a detention" form: anyone may send; only the chosen organisation's members
read and triage it; bots and floods are held off without a third-party captcha."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.models import DetentionReport
from tests.partners.fixtures import canary, login


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _fields(organisation=None, **extra) -> dict[str, str]:
    fields = {
        "who": canary("who"),
        "where": "Dakar, Senegal",
        "when": "March 2026",
        "what_happened": canary("what"),
        "contact": canary("contact"),
        "organisation": str(organisation.pk) if organisation else "",
    }
    return {**fields, **extra}


def test_the_form_says_what_happens_and_is_linked_from_every_public_page(client, db):
    page = client.get("/report/").content.decode()
    assert "It is not published" in page and "Only the staff" in page
    assert "captcha" not in page.lower() and "<script" not in page
    assert 'href="/report/"' in client.get("/").content.decode()


def test_a_report_reaches_only_the_chosen_organisation(client, world):
    fields = _fields(world.a)
    response = client.post("/report/", fields, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200 and "your report was received" in response.content.decode()
    report = DetentionReport.objects.get()
    assert report.organisation == world.a and report.handled_at is None
    entry = AuditEntry.objects.get(action="report.received")
    assert entry.ip_address is None and entry.actor is None, "nothing about the sender is kept"
    assert "203.0.113.7" not in str(DetentionReport.objects.values().get())

    login(client, world.users["a_viewer"])
    listing = client.get("/workspace/organisation/reports/").content.decode()
    assert fields["who"] in listing
    detail = client.get(f"/workspace/organisation/reports/{report.pk}/").content.decode()
    assert fields["what_happened"] in detail
    assert "Mark as handled" not in detail, "viewers read; documenters and up triage"
    assert AuditEntry.objects.filter(
        action="restricted.view", actor=world.users["a_viewer"]
    ).exists()

    for other in ("b_administrator", "b_viewer", "outsider"):
        login(client, world.users[other])
        listing = client.get("/workspace/organisation/reports/")
        assert fields["who"] not in listing.content.decode()
        for url in (f"/workspace/organisation/reports/{report.pk}/",):
            response = client.get(url)
            assert response.status_code in {403, 404}
            assert not any(v in response.content.decode() for v in fields.values() if "CANARY" in v)
        client.post(f"/workspace/organisation/reports/{report.pk}/triage/", {"note": "x"})
        assert DetentionReport.objects.get().handled_at is None
    client.logout()
    assert client.get("/workspace/organisation/reports/").status_code == 302


def test_a_member_marks_a_report_handled_with_a_note_and_reopens_it(client, world):
    client.post("/report/", _fields(world.a))
    report = DetentionReport.objects.get()
    documenter = world.users["a_documenter"]
    login(client, documenter)
    assert (
        "Mark as handled"
        in client.get(f"/workspace/organisation/reports/{report.pk}/").content.decode()
    )
    client.post(
        f"/workspace/organisation/reports/{report.pk}/triage/", {"note": "Called the family"}
    )
    report.refresh_from_db()
    assert report.handled_by == documenter and report.note == "Called the family"
    entry = AuditEntry.objects.get(action="report.handled")
    assert entry.actor == documenter and entry.organisation_id == world.a.pk
    assert "Called the family" not in str(entry.details)
    client.post(f"/workspace/organisation/reports/{report.pk}/triage/", {"reopen": "1"})
    report.refresh_from_db()
    assert report.handled_at is None and report.note == "Called the family"


def test_reports_sent_to_nobody_go_to_network_wide_members(client, world):
    client.post("/report/", _fields())
    report = DetentionReport.objects.get()
    assert report.organisation is None
    login(client, world.users["net_reviewer"])
    assert client.get(f"/workspace/organisation/reports/{report.pk}/").status_code == 200
    login(client, world.users["a_administrator"])
    assert client.get(f"/workspace/organisation/reports/{report.pk}/").status_code == 404


def test_organisations_that_work_at_risk_are_not_offered(client, world):
    world.b.is_public = False
    world.b.save()
    page = client.get("/report/").content.decode()
    assert "Org A" in page and "Org B" not in page
    response = client.post("/report/", _fields(world.b))
    assert response.status_code == 200 and not DetentionReport.objects.exists()


def test_the_honeypot_keeps_nothing_but_looks_accepted(client, db):
    response = client.post("/report/", _fields(website="http://spam.example"))
    assert response.status_code == 200 and "your report was received" in response.content.decode()
    assert not DetentionReport.objects.exists()


def test_missing_fields_are_named_and_nothing_is_stored(client, db):
    response = client.post("/report/", _fields(who="", what_happened=""))
    assert response.status_code == 200 and not DetentionReport.objects.exists()
    assert set(response.context["form"].errors) == {"who", "what_happened"}


def test_one_address_may_send_only_a_few_reports_an_hour(client, db, settings):
    settings.HRDWATCH_REPORT_RATE = "2/h"
    for _ in range(2):
        assert client.post("/report/", _fields(), REMOTE_ADDR="198.51.100.1").status_code == 200
    refused = client.post("/report/", _fields(), REMOTE_ADDR="198.51.100.1")
    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    assert DetentionReport.objects.count() == 2
    assert client.post("/report/", _fields(), REMOTE_ADDR="198.51.100.2").status_code == 200
    assert DetentionReport.objects.count() == 3


def test_a_documenter_starts_a_draft_case_from_a_report(client, world):
    from hrdwatch.workspace.models import Draft

    fields = _fields(world.a)
    client.post("/report/", fields)
    report = DetentionReport.objects.get()
    login(client, world.users["b_documenter"])
    client.post(f"/workspace/organisation/reports/{report.pk}/triage/", {"draft": "1"})
    assert not Draft.objects.exists(), "another organisation cannot"
    documenter = world.users["a_documenter"]
    login(client, documenter)
    response = client.post(f"/workspace/organisation/reports/{report.pk}/triage/", {"draft": "1"})
    draft = Draft.objects.get()
    assert (
        response.status_code == 302
        and f"/workspace/drafts/{draft.pk}/person/" in response["Location"]
    )
    assert draft.organisation == world.a and draft.author == documenter
    assert draft.data["person"]["name"] == fields["who"]
    report.refresh_from_db()
    assert report.handled_by == documenter and f"draft {draft.pk}" in report.note


def test_every_member_opens_the_organisation_entry_page(client, world):
    login(client, world.users["a_viewer"])
    page = client.get("/workspace/organisation/")
    assert page.status_code == 200 and "/workspace/organisation/reports/" in page.content.decode()
    assert "/workspace/organisation/org-a/" not in page.content.decode()
    login(client, world.users["outsider"])
    assert client.get("/workspace/organisation/").status_code == 403


def test_network_staff_pass_on_a_report_sent_to_no_organisation(client, world):
    client.post("/report/", _fields())
    report = DetentionReport.objects.get()
    login(client, world.users["a_administrator"])
    client.post(
        f"/workspace/organisation/reports/{report.pk}/triage/", {"pass_on": str(world.a.pk)}
    )
    assert DetentionReport.objects.get().organisation is None, "only network-wide members may"
    login(client, world.users["net_reviewer"])
    client.post(
        f"/workspace/organisation/reports/{report.pk}/triage/", {"pass_on": str(world.a.pk)}
    )
    assert DetentionReport.objects.get().organisation == world.a
    assert AuditEntry.objects.filter(
        action="report.passed_on", actor=world.users["net_reviewer"]
    ).exists()
    login(client, world.users["a_viewer"])
    assert client.get(f"/workspace/organisation/reports/{report.pk}/").status_code == 200
