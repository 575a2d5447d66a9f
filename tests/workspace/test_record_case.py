"""The workspace: landing after login, recording a case in three steps, submitting it, and who
may see and do what (another organisation's hidden people are never offered)."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.audit.models import AuditEntry
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, SensitiveDetail
from hrdwatch.workspace.models import Draft
from tests.partners.fixtures import PASSWORD, login, make_case, make_defender

pytestmark = pytest.mark.django_db

PERSON = {
    "_form": "1",
    "name": "Amina Haddad",
    "name_original": "أمينة حداد",
    "gender": "female",
    "birth_year": "1988",
    "nationality": "MA",
    "roles": ["journalist"],
}
DETENTION = {
    "_form": "1",
    "country": "MA",
    "city": "Rabat",
    "place": "Commissariat central",
    "arresting_forces": "Police judiciaire",
    "status": "detained_awaiting_trial",
}
FACTS = {
    "_form": "1",
    "arrest_date_0": "2024",
    "arrest_date_1": "3",
    "arrest_date_2": "",
    "certainty": "alleged",
    "charge_wording": "atteinte à la sûreté de l'État",
    "charge_article": "Code pénal art. 206",
    "charge_category": "state_security",
    "source_url": "https://example.org/news/1",
    "source_title": "Arrest reported",
    "quote": "She was arrested in March 2024.",
    "note_kind": "family_contact",
    "note_text": "Sister: +212 600 000 000",
}


def start(client) -> Draft:
    response = client.post("/workspace/new/")
    assert response.status_code == 302
    return Draft.objects.latest("pk")


def step_url(draft: Draft, step: str) -> str:
    return f"/workspace/drafts/{draft.pk}/{step}/"


def test_login_lands_on_the_workspace(client, world):
    response = client.post("/accounts/login/", {"username": "a_documenter", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/workspace/"
    page = client.get("/workspace/")
    text = page.content.decode()
    for heading in ("My drafts", "Returned to me", "Submitted", "Record a case"):
        assert heading in text


def test_anonymous_is_sent_to_login_and_non_members_are_refused(client, world):
    assert client.get("/workspace/")["Location"].startswith("/accounts/login/")
    login(client, world.users["outsider"])
    assert client.get("/workspace/").status_code == 403


def test_three_steps_record_a_case_and_submit_it(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    assert client.post(step_url(draft, "person"), PERSON)["Location"] == step_url(
        draft, "detention"
    )
    assert client.post(step_url(draft, "detention"), DETENTION)["Location"] == step_url(
        draft, "facts"
    )
    response = client.post(step_url(draft, "facts"), {**FACTS, "go": "submit"})
    draft.refresh_from_db()
    case = draft.case
    assert case is not None and response["Location"] == f"/workspace/cases/{case.uid}/"
    assert case.review_state == ReviewState.IN_REVIEW and case.owner == world.a
    assert case.defender.name_original_script == "أمينة حداد"
    arrest = case.events.get(event_type__code="arrest")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 3, 1), "month")
    assert arrest.certainty == "alleged"
    charge = case.events.get(event_type__code="charge").charges.get()
    assert (charge.wording, charge.legal_provision) == (
        "atteinte à la sûreté de l'État",
        "Code pénal art. 206",
    )
    assert arrest.evidence.get().quote == "She was arrested in March 2024."
    note = SensitiveDetail.objects.get(case=case)
    assert note.visibility == Visibility.RESTRICTED
    actions = set(
        AuditEntry.objects.filter(actor=world.users["a_documenter"]).values_list(
            "action", flat=True
        )
    )
    assert {"case.record", "case.create", "event.create", "charge.create", "case.submit"} <= actions
    page = client.get(f"/workspace/cases/{case.uid}/").content.decode()
    assert (
        "Sister: +212 600 000 000" in page
        and "Restricted" in page
        and "Case: submitted for review" in page
    )
    assert "In review" in client.get("/workspace/").content.decode()


def test_each_step_saves_the_draft_even_when_invalid(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    response = client.post(
        step_url(draft, "facts"),
        {**FACTS, "source_url": "", "arrest_date_2": "31", "arrest_date_1": "2", "go": "submit"},
    )
    draft.refresh_from_db()
    assert draft.case is None and draft.step("facts")["note_text"] == FACTS["note_text"]
    assert response.status_code == 200 and "This date does not exist" in response.content.decode()
    page = client.get(step_url(draft, "facts")).content.decode()
    assert "Sister: +212 600 000 000" in page
    assert (
        "This date does not exist"
        in client.get(step_url(draft, "facts") + "?check=1").content.decode()
    )
    response = client.post(step_url(draft, "facts"), {**FACTS, "go": "submit"})
    assert (
        response.status_code == 302
        and response["Location"] == step_url(draft, "person") + "?check=1"
    )
    assert "Give the person" in client.get(response["Location"]).content.decode()


def test_autosave_keeps_what_is_typed(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    response = client.post(
        step_url(draft, "person") + "autosave/", {"name": "Half typed", "roles": ["lawyer"]}
    )
    assert response.json()["saved"] is True
    draft.refresh_from_db()
    assert draft.step("person")["name"] == "Half typed" and draft.step("person")["roles"] == [
        "lawyer"
    ]


def test_month_only_date_round_trips_in_the_form(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    client.post(step_url(draft, "facts"), {**FACTS, "go": "save"})
    page = client.get(step_url(draft, "facts")).content.decode()
    assert 'name="arrest_date_0" value="2024"' in page and 'name="arrest_date_1" value="3"' in page


def test_same_name_people_are_told_apart_and_hidden_people_never_offered(client, world):
    from hrdwatch.records.guard import writes_allowed

    with writes_allowed("test data"):
        first = make_defender(world.a, name="Ali Karimi")
        first.birth_date, first.nationality = dt.date(1970, 1, 1), "IR"
        first.save()
        second = make_defender(world.b, name="Ali Karimi", visibility=Visibility.PARTNERS)
        second.birth_date, second.nationality = dt.date(1991, 1, 1), "AF"
        second.save()
        make_defender(world.b, name="Ali Karimi Hidden", visibility=Visibility.RESTRICTED)
    login(client, world.users["a_documenter"])
    draft = start(client)
    page = client.get(step_url(draft, "person") + "?q=Ali+Karimi").content.decode()
    assert first.uid in page and second.uid in page
    assert "born 1970" in page and "born 1991" in page and "Org B" in page
    assert "Ali Karimi Hidden" not in page
    hidden = Case.objects.none()  # noqa: F841 (the hidden person cannot be picked either)
    from hrdwatch.records.models import Defender

    secret = Defender.objects.get(display_name="Ali Karimi Hidden")
    assert client.post(step_url(draft, "person"), {"pick": secret.uid}).status_code == 404
    client.post(step_url(draft, "person"), {"pick": second.uid})
    draft.refresh_from_db()
    assert draft.step("person")["defender"] == second.uid


def test_another_users_draft_and_another_organisations_case_are_refused(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    hidden = make_case(
        world.a, visibility=Visibility.RESTRICTED, defender_visibility=Visibility.RESTRICTED
    )
    client.logout()
    login(client, world.users["b_documenter"])
    assert client.get(step_url(draft, "person")).status_code == 404
    assert client.post(step_url(draft, "person") + "autosave/", {"name": "x"}).status_code == 404
    assert client.get(f"/workspace/cases/{hidden.uid}/").status_code == 404
    client.logout()
    login(client, world.users["a_viewer"])
    assert client.get(step_url(draft, "person")).status_code == 403
    assert client.post("/workspace/new/").status_code == 403


def test_returned_case_shows_the_reviewers_comment(client, world):
    from hrdwatch.actions import do_review_case

    login(client, world.users["a_documenter"])
    draft = start(client)
    client.post(step_url(draft, "person"), PERSON)
    client.post(step_url(draft, "detention"), DETENTION)
    client.post(step_url(draft, "facts"), {**FACTS, "go": "submit"})
    draft.refresh_from_db()
    do_review_case(
        world.users["b_reviewer"], draft.case, "request_changes", "Please add a second source."
    )
    page = client.get("/workspace/").content.decode()
    assert "Please add a second source." in page
    response = client.post(f"/workspace/cases/{draft.case.uid}/submit/")
    assert response.status_code == 302
    draft.case.refresh_from_db()
    assert draft.case.review_state == ReviewState.IN_REVIEW


def test_the_workspace_speaks_french(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    page = client.get(step_url(draft, "facts"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Date de l’arrestation" in page or "Date de l'arrestation" in page
    assert "Soumettre" in page
