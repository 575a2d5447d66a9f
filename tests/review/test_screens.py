"""The review queue and review screen, driven as a reviewer would on a phone."""

from __future__ import annotations

from hrdwatch import actions
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import login, make_case, make_defender, make_source, term
from tests.review.test_workflow import COMPLETE


def _in_review(world) -> Case:
    case = actions.do_create_case(
        world.users["a_documenter"],
        defender=make_defender(world.a, Visibility.PARTNERS),
        organisation=world.a,
        source=make_source(world.a, title="Court ruling"),
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
        visibility=Visibility.PARTNERS,
    )
    return actions.do_submit_for_review(world.users["a_documenter"], case)


def test_queue_filters_by_country_organisation_and_age(client, world):
    case = _in_review(world)
    other = make_case(world.b, visibility=Visibility.PARTNERS, state=ReviewState.IN_REVIEW)
    login(client, world.users["b_reviewer"])
    page = client.get("/review/").content.decode()
    assert case.uid in page and other.uid in page
    page = client.get("/review/?organisation=org-a").content.decode()
    assert case.uid in page and other.uid not in page
    assert case.uid not in client.get("/review/?country=DE").content.decode()
    assert case.uid not in client.get("/review/?age=30").content.decode()


def test_review_screen_shows_sources_beside_the_form_and_records_decisions(client, world):
    case = _in_review(world)
    login(client, world.users["b_reviewer"])
    page = client.get(f"/review/case/{case.uid}/").content.decode()
    assert "Court ruling" in page and "Still missing before publication" in page
    assert 'name="viewport"' in page and "review.css" in page
    response = client.post(
        f"/review/case/{case.uid}/",
        {"form": "checklist", **{k: ("on" if v is True else v) for k, v in COMPLETE.items()}},
    )
    assert response.status_code == 302
    client.post(f"/review/case/{case.uid}/", {"form": "decision", "decision": "approve"})
    login(client, world.users["a_reviewer"])
    client.post(f"/review/case/{case.uid}/", {"form": "decision", "decision": "approve"})
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED
    login(client, world.users["a_reviewer"])
    client.post(f"/review/case/{case.uid}/publish/")
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED, "reviewers do not publish"
    login(client, world.users["a_editor"])
    client.post(f"/review/case/{case.uid}/publish/")
    case.refresh_from_db()
    assert case.review_state == ReviewState.PUBLISHED


def test_cases_a_reviewer_may_not_see_are_not_found(client, world):
    hidden = make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.IN_REVIEW)
    login(client, world.users["b_reviewer"])
    assert client.get(f"/review/case/{hidden.uid}/").status_code == 404
