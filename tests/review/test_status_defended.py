"""Status you can defend (#24): conflicts block publication, approvals verify, stale cases wait."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hrdwatch import actions
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case
from hrdwatch.review.models import Decision
from hrdwatch.review.workflow import WorkflowError, missing_criteria
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import login, make_defender, make_source, term
from tests.review.test_workflow import COMPLETE

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(world):
    source = make_source(world.a)
    defender = make_defender(world.a, Visibility.PARTNERS)
    case = actions.do_create_case(
        world.users["a_documenter"],
        defender=defender,
        organisation=world.a,
        source=source,
        country="FR",
        status=term(Vocabulary.CASE_STATUS, "detained_awaiting_trial"),
        visibility=Visibility.PARTNERS,
    )
    actions.do_add_event(
        world.users["a_documenter"],
        case,
        source=source,
        visibility=Visibility.PUBLIC,
        event_type=term(Vocabulary.EVENT_TYPE, "arrest"),
        date=dt.date(2020, 1, 2),
        date_precision="day",
    )
    actions.do_update_checklist(world.users["a_documenter"], case, **COMPLETE)
    return actions.do_submit_for_review(world.users["a_documenter"], case), source


def _approve_twice(world, case):
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    return case


def test_an_approval_records_when_and_by_whom_the_case_was_verified(world, in_review):
    case, _source = in_review
    assert case.last_verified_at is None
    case = _approve_twice(world, case)
    assert case.review_state == ReviewState.VERIFIED
    assert case.last_verified_by == world.users["b_reviewer"]
    assert timezone.now() - case.last_verified_at < dt.timedelta(minutes=5)


def test_a_status_the_public_timeline_contradicts_cannot_be_published(world, in_review):
    case, source = in_review
    actions.do_add_event(
        world.users["a_editor"],
        case,
        source=source,
        visibility=Visibility.PUBLIC,
        event_type=term(Vocabulary.EVENT_TYPE, "release"),
        date=dt.date(2021, 5, 1),
        date_precision="day",
    )
    case = _approve_twice(world, case)
    assert case.status_conflict
    assert case.review_state == ReviewState.IN_REVIEW
    assert any("contradicts the public timeline" in m for m in missing_criteria(case))
    with pytest.raises(WorkflowError, match="contradicts"):
        actions.do_publish_case(world.users["a_editor"], case)


def test_a_hidden_release_does_not_block_but_the_reviewer_sees_it(world, in_review, client):
    case, source = in_review
    actions.do_add_event(
        world.users["a_editor"],
        case,
        source=source,
        visibility=Visibility.PARTNERS,
        event_type=term(Vocabulary.EVENT_TYPE, "release"),
        date=dt.date(2021, 5, 1),
        date_precision="day",
    )
    case.refresh_from_db()
    assert not case.status_conflict and case.hidden_facts_differ
    login(client, world.users["a_reviewer"])
    body = client.get(reverse("review:case", args=[case.uid])).content.decode()
    assert "Events the public cannot see change the picture" in body


def test_stale_published_cases_are_queued_and_re_verification_clears_them(world, in_review, client):
    case, _source = in_review
    case = _approve_twice(world, case)
    actions.do_publish_case(world.users["a_editor"], case)
    with writes_allowed("test data"):
        Case.all_objects.filter(pk=case.pk).update(
            last_verified_at=timezone.now() - dt.timedelta(days=400)
        )
    login(client, world.users["a_reviewer"])
    assert case.defender.display_name in client.get(reverse("review:reverify")).content.decode()
    response = client.post(reverse("review:transition", args=[case.uid, "reverify"]))
    assert response.status_code == 302
    case.refresh_from_db()
    assert timezone.now() - case.last_verified_at < dt.timedelta(minutes=5)
    assert case.last_verified_by == world.users["a_reviewer"]
    assert case.defender.display_name not in client.get(reverse("review:reverify")).content.decode()


def test_only_reviewers_re_verify(world, in_review):
    case, _source = in_review
    case = _approve_twice(world, case)
    actions.do_publish_case(world.users["a_editor"], case)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.do_reverify_case(world.users["a_documenter"], case)
