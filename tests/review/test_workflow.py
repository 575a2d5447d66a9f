"""The publication workflow: checklist, four eyes, withdrawal."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from hrdwatch import actions
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Event
from hrdwatch.records.visibility import Gate
from hrdwatch.review.models import Consent, Decision
from hrdwatch.review.workflow import WorkflowError, missing_criteria
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import make_defender, make_source, term

COMPLETE = {
    "is_defender": True,
    "defender_activity": "Lawyer defending protesters, per court records",
    "deprived_of_liberty": True,
    "linked_to_activity": True,
    "link_reasoning": "Arrested the day after a hearing",
    "credible_source": True,
    "consent": Consent.FAMILY,
    "risk_assessed": True,
    "wgad_assessed": True,
}


@pytest.fixture
def draft(world):
    source = make_source(world.a)
    defender = make_defender(world.a, Visibility.PARTNERS)
    case = actions.do_create_case(
        world.users["a_documenter"],
        defender=defender,
        organisation=world.a,
        source=source,
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
        visibility=Visibility.PARTNERS,
    )
    return case


def _to_review(world, case):
    actions.do_update_checklist(world.users["a_documenter"], case, **COMPLETE)
    return actions.do_submit_for_review(world.users["a_documenter"], case)


def test_a_new_case_is_a_draft_citing_its_source(world, draft):
    assert draft.review_state == ReviewState.DRAFT
    assert draft.evidence.count() == 1


def test_facts_cannot_change_without_a_source(world, draft):
    with pytest.raises(actions.MissingSourceError):
        actions.do_add_event(
            world.users["a_documenter"],
            draft,
            source=None,
            event_type=term(Vocabulary.EVENT_TYPE, "arrest"),
        )
    assert not Event.objects.filter(case=draft).exists()


def test_documenter_edits_own_drafts_only(world, draft):
    source = make_source(world.a)
    actions.do_update_case(
        world.users["a_documenter"], draft, version=None, source=source, city="Lyon"
    )
    with pytest.raises(PermissionDenied):
        actions.do_update_case(
            world.users["b_documenter"], draft, version=None, source=source, city="Paris"
        )
    _to_review(world, draft)
    with pytest.raises(PermissionDenied):
        actions.do_update_case(
            world.users["a_documenter"], draft, version=None, source=source, city="Nice"
        )
    actions.do_update_case(world.users["a_editor"], draft, version=None, source=source, city="Nice")


def test_publication_needs_two_different_reviewers_one_from_outside(world, draft):
    case = _to_review(world, draft)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.IN_REVIEW
    with pytest.raises(WorkflowError):
        actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    with pytest.raises(WorkflowError):
        actions.do_publish_case(world.users["a_editor"], case)
    actions.do_review_case(world.users["a_editor"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.IN_REVIEW, "two reviewers of the owner are not enough"
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED
    actions.do_publish_case(world.users["a_editor"], case)
    case.refresh_from_db()
    assert case.review_state == ReviewState.PUBLISHED
    assert Gate().cases().filter(pk=case.pk).exists()
    assert Gate().defenders().filter(pk=case.defender_id).exists()


def test_network_wide_reviewer_counts_as_the_second_pair_of_eyes(world, draft):
    case = _to_review(world, draft)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["net_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED


def test_incomplete_checklist_blocks_verification_and_says_what_is_missing(world, draft):
    actions.do_update_checklist(
        world.users["a_documenter"], draft, **{**COMPLETE, "consent": Consent.UNKNOWN}
    )
    case = actions.do_submit_for_review(world.users["a_documenter"], draft)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.IN_REVIEW
    assert any("Consent" in m for m in missing_criteria(case))
    with pytest.raises(WorkflowError, match="Consent"):
        actions.do_publish_case(world.users["a_editor"], case)
    actions.do_update_checklist(world.users["b_reviewer"], case, consent=Consent.DEFENDER)
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED


def test_request_for_changes_returns_to_draft_and_starts_a_new_round(world, draft):
    case = _to_review(world, draft)
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.REQUEST_CHANGES, "dates?")
    case.refresh_from_db()
    assert case.review_state == ReviewState.DRAFT
    actions.do_submit_for_review(world.users["a_documenter"], case)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.IN_REVIEW, "old approvals must not count"


def test_only_editors_publish_and_documenters_cannot_review(world, draft):
    case = _to_review(world, draft)
    with pytest.raises(PermissionDenied):
        actions.do_review_case(world.users["a_documenter"], case, Decision.APPROVE)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    for name in ("a_reviewer", "b_editor", "a_documenter"):
        with pytest.raises(PermissionDenied):
            actions.do_publish_case(world.users[name], case)


def test_withdrawal_hides_everywhere_but_keeps_the_record(world, draft):
    case = _to_review(world, draft)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["net_reviewer"], case, Decision.APPROVE)
    actions.do_publish_case(world.users["a_editor"], case)
    with pytest.raises(WorkflowError):
        actions.do_withdraw_case(world.users["a_editor"], case, reason=" ")
    actions.do_withdraw_case(world.users["a_editor"], case, reason="Family asked")
    case.refresh_from_db()
    assert case.review_state == ReviewState.WITHDRAWN
    assert not Gate().cases().filter(pk=case.pk).exists()
    assert not Gate().defenders().filter(pk=case.defender_id).exists()
    assert case.history.filter(review_state=ReviewState.PUBLISHED).exists()


def test_transitions_outside_the_workflow_are_refused(world, draft):
    with pytest.raises(WorkflowError):
        actions.do_withdraw_case(world.users["a_editor"], draft, reason="no")
    with pytest.raises(WorkflowError):
        actions.do_review_case(world.users["a_reviewer"], draft, Decision.APPROVE)


def test_reviewers_are_told_after_commit(world, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _to_review(world, draft)
    assert mail.outbox, "reviewers get a notice"
    recipients = set(mail.outbox[-1].to)
    assert "b_reviewer@example.org" in recipients
    assert "a_documenter@example.org" not in recipients
    assert draft.defender.display_name not in mail.outbox[-1].body
