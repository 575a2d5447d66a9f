"""The workspace case page: a readable, translated history with revert (through the action
layer, audited), correcting a returned case and submitting it again, and sharing the case."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.actions import do_review_case, do_share_case, do_update
from hrdwatch.audit.models import AuditEntry
from hrdwatch.records.levels import ReviewState, ShareLevel
from hrdwatch.records.models import Case, CaseShare, SensitiveDetail
from hrdwatch.vocab.models import Term, Vocabulary
from tests.partners.fixtures import login
from tests.workspace.test_record_case import DETENTION, FACTS, PERSON, start, step_url

pytestmark = pytest.mark.django_db


def recorded(client, world) -> Case:
    login(client, world.users["a_documenter"])
    draft = start(client)
    client.post(step_url(draft, "person"), PERSON)
    client.post(step_url(draft, "detention"), DETENTION)
    client.post(step_url(draft, "facts"), {**FACTS, "go": "submit"})
    draft.refresh_from_db()
    assert draft.case is not None
    return draft.case


def returned(client, world) -> Case:
    case = recorded(client, world)
    do_review_case(world.users["b_reviewer"], case, "request_changes", "Add the prison's name.")
    case.refresh_from_db()
    assert case.review_state == ReviewState.DRAFT
    return case


def page(client, case: Case, language: str = "en") -> str:
    response = client.get(f"/workspace/cases/{case.uid}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_history_shows_labels_and_readable_values(client, world):
    case = returned(client, world)
    arrest = case.events.get(event_type__code="arrest")
    source = arrest.evidence.get().source
    do_update(
        world.users["a_documenter"],
        arrest,
        version=arrest.version,
        source=source,
        date=dt.date(2024, 3, 5),
        date_precision="day",
    )
    text = page(client, case)
    assert "date_precision" not in text and "case.submit" not in text
    assert "March 2024 → 5 March 2024" in text.replace("</span>", "").replace(
        '<span dir="auto">', ""
    )
    assert "Submitted for review" in text or "submitted for review" in text
    assert "Detained awaiting trial" in text or "detained" in text.lower()
    french = page(client, case, "fr")
    assert "mars 2024" in french


def test_revert_sets_the_value_back_through_the_actions(client, world):
    case = returned(client, world)
    arrest = case.events.get(event_type__code="arrest")
    source = arrest.evidence.get().source
    do_update(
        world.users["a_documenter"],
        arrest,
        version=arrest.version,
        source=source,
        place="Wrong place",
    )
    entry = AuditEntry.objects.filter(action="event.update", object_uid=arrest.uid).latest("id")
    assert "Revert" in page(client, case)
    arrest.refresh_from_db()
    response = client.post(
        f"/workspace/cases/{case.uid}/revert/",
        {"entry": entry.pk, "field": "place", "version": arrest.version},
    )
    assert response.status_code == 302
    arrest.refresh_from_db()
    assert arrest.place == "Commissariat central"
    reverted = AuditEntry.objects.get(action="event.revert", object_uid=arrest.uid)
    assert reverted.details["reverts"] == entry.pk
    assert reverted.actor == world.users["a_documenter"]


def test_revert_refused_without_the_right_and_restricted_values_hidden(client, world):
    case = returned(client, world)
    note = SensitiveDetail.objects.get(case=case)
    do_update(world.users["a_documenter"], note, version=note.version, text="Brother: +212 611")
    entry = AuditEntry.objects.get(action="sensitive_detail.update")
    assert "Brother: +212 611" in page(client, case)  # the owner's member may read it
    do_share_case(world.users["a_editor"], case, world.b, ShareLevel.READ)
    client.logout()
    login(client, world.users["b_viewer"])
    text = page(client, case)
    assert "Revert" not in text
    response = client.post(
        f"/workspace/cases/{case.uid}/revert/", {"entry": entry.pk, "field": "text"}
    )
    assert response.status_code in (302, 403, 404)
    note.refresh_from_db()
    assert note.text == "Brother: +212 611"
    client.logout()
    login(client, world.users["net_reviewer"])
    other = client.get(f"/workspace/cases/{case.uid}/")
    assert b"Sister: +212" not in other.content and b"Brother: +212" not in other.content


def test_returned_case_is_corrected_and_submitted_again(client, world):
    case = returned(client, world)
    home = client.get("/workspace/").content.decode()
    assert "Add the prison&#x27;s name." in home or "Add the prison's name." in home
    assert f"/workspace/cases/{case.uid}/edit/" in home
    form = client.get(f"/workspace/cases/{case.uid}/edit/").content.decode()
    assert "Add the prison" in form and 'value="Commissariat central"' in form
    source = case.events.get(event_type__code="arrest").evidence.get().source
    arrest = case.events.get(event_type__code="arrest")
    response = client.post(
        f"/workspace/cases/{case.uid}/edit/",
        {
            **DETENTION,
            "place": "Prison locale de Salé",
            "arrest_date_0": "2024",
            "arrest_date_1": "3",
            "arrest_date_2": "",
            "certainty": "confirmed",
            "source": source.uid,
            "quote": "",
            "case_version": case.version,
            "arrest_version": arrest.version,
            "go": "resubmit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    arrest.refresh_from_db()
    assert arrest.place == "Prison locale de Salé" and arrest.certainty == "confirmed"
    assert case.review_state == ReviewState.IN_REVIEW
    actions = list(
        AuditEntry.objects.filter(actor=world.users["a_documenter"])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["event.update", "case.submit"]
    # submitted: no longer the documenter's to correct; sent back to the case with a message
    response = client.get(f"/workspace/cases/{case.uid}/edit/")
    assert response.status_code == 302 and response.url == f"/workspace/cases/{case.uid}/"


def test_stale_correction_is_refused(client, world):
    case = returned(client, world)
    source = case.events.get(event_type__code="arrest").evidence.get().source
    status = Term.objects.get(vocabulary=Vocabulary.CASE_STATUS, code="released")
    do_update(world.users["a_documenter"], case, version=case.version, source=source, status=status)
    response = client.post(
        f"/workspace/cases/{case.uid}/edit/",
        {
            **DETENTION,
            "arrest_date_0": "2024",
            "certainty": "confirmed",
            "source": source.uid,
            "case_version": case.version,
            "go": "save",
        },
    )
    assert response.status_code == 200 and "changed by someone else" in response.content.decode()


def test_share_is_shown_added_changed_and_removed_from_the_case_page(client, world):
    case = recorded(client, world)
    text = page(client, case)
    assert "Not shared with any other organisation." in text
    assert 'action="/workspace/cases/' + case.uid + '/share/"' not in text  # a documenter may not
    assert (
        client.post(
            f"/workspace/cases/{case.uid}/share/", {"organisation": world.b.pk, "level": "read"}
        ).status_code
        == 403
    )
    client.logout()
    login(client, world.users["a_editor"])
    url = f"/workspace/cases/{case.uid}/share/"
    assert client.post(url, {"organisation": world.b.pk, "level": "read"}).status_code == 302
    assert CaseShare.objects.get(case=case).level == ShareLevel.READ
    text = page(client, case)
    assert "Org B" in text and "See the restricted data" in text
    client.post(url, {"organisation": world.b.pk, "level": "edit"})
    assert CaseShare.objects.get(case=case).level == ShareLevel.EDIT
    client.post(url, {"organisation": world.b.pk, "level": "none"})
    assert not CaseShare.objects.filter(case=case).exists()
    audited = set(AuditEntry.objects.filter(object_uid=case.uid).values_list("action", flat=True))
    assert {"case.share", "case.unshare"} <= audited


def test_reverting_a_date_brings_back_its_precision_and_can_itself_be_reverted(client, world):
    case = returned(client, world)
    arrest = case.events.get(event_type__code="arrest")
    source = arrest.evidence.get().source
    do_update(
        world.users["a_documenter"],
        arrest,
        version=arrest.version,
        source=source,
        date=dt.date(2024, 3, 5),
        date_precision="day",
    )
    entry = AuditEntry.objects.filter(action="event.update").latest("id")
    client.post(f"/workspace/cases/{case.uid}/revert/", {"entry": entry.pk, "field": "date"})
    arrest.refresh_from_db()
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 3, 1), "month")
    revert = AuditEntry.objects.get(action="event.revert")
    assert "Event: change reverted" in page(client, case)
    client.post(f"/workspace/cases/{case.uid}/revert/", {"entry": revert.pk, "field": "date"})
    arrest.refresh_from_db()
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 3, 5), "day")


def test_a_stale_revert_and_a_change_of_another_case_are_refused(client, world):
    case = returned(client, world)
    arrest = case.events.get(event_type__code="arrest")
    source = arrest.evidence.get().source
    do_update(world.users["a_documenter"], arrest, version=arrest.version, source=source, place="X")
    entry = AuditEntry.objects.filter(action="event.update").latest("id")
    url = f"/workspace/cases/{case.uid}/revert/"
    client.post(url, {"entry": entry.pk, "field": "place", "version": arrest.version - 1})
    arrest.refresh_from_db()
    assert arrest.place == "X" and not AuditEntry.objects.filter(action="event.revert").exists()
    other = recorded(client, world)
    assert (
        client.post(
            f"/workspace/cases/{other.uid}/revert/", {"entry": entry.pk, "field": "place"}
        ).status_code
        == 404
    )
