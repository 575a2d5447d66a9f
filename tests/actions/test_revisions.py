"""An edit to a published case opens a revision that goes through review like the first; until it
is approved, the public (page, API, search) keeps seeing the last approved version."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from hrdwatch import actions
from hrdwatch.audit.models import AuditEntry
from hrdwatch.publication.listing import ListingQuery, filtered_entries
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.status import refresh_defender
from hrdwatch.review.workflow import WorkflowError
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import make_case, make_source, term

pytestmark = pytest.mark.django_db

OLD, NEW = "Held in Zanskar prison.", "Released to Quillbrook after appeal."


@pytest.fixture
def published(world):
    case = make_case(world.a, state=ReviewState.PUBLISHED, summary=OLD)
    with writes_allowed("test data"):
        refresh_defender(case.defender_id)
    rebuild()
    return case


def _public_view(client, case) -> str:
    page = client.get(reverse("publication:defender", args=[case.defender.uid])).content.decode()
    api = client.get(f"/api/v1/cases/{case.uid}").json()
    found = filtered_entries(ListingQuery(q="Quillbrook")).exists()
    return f"{page} {api.get('summary')} {'FOUND' if found else ''}"


def _commit(capture, fn, *args, **kwargs):
    with capture(execute=True):
        return fn(*args, **kwargs)


def test_an_edit_to_a_published_case_waits_for_two_reviewers(
    client, world, published, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    editor, source = world.users["a_editor"], make_source(world.a)
    before = published.version
    _commit(
        capture,
        actions.do_update_case,
        editor,
        published,
        version=before,
        source=source,
        summary=NEW,
    )
    published.refresh_from_db()
    assert (published.summary, published.version) == (OLD, before)
    seen = _public_view(client, published)
    assert OLD in seen and NEW not in seen and "FOUND" not in seen

    revision = m.CaseRevision.objects.get(case=published)
    assert revision.state == m.RevisionState.OPEN and revision.proposed_by == editor
    proposed = AuditEntry.objects.get(action="revision.propose")
    assert (proposed.actor, proposed.organisation, proposed.object_uid) == (
        editor,
        world.a,
        published.uid,
    )
    assert proposed.details["changes"] == {"summary": [OLD, NEW]}

    actions.do_submit_revision(editor, revision)
    with pytest.raises(WorkflowError):  # the author does not review their own changes
        actions.do_review_revision(editor, revision, approve=True)
    _commit(capture, actions.do_review_revision, world.users["a_reviewer"], revision, approve=True)
    published.refresh_from_db()
    assert published.summary == OLD, "one approval from the owner is not enough"

    _commit(capture, actions.do_review_revision, world.users["b_reviewer"], revision, approve=True)
    published.refresh_from_db()
    revision.refresh_from_db()
    assert (published.summary, published.review_state) == (NEW, ReviewState.PUBLISHED)
    assert revision.state == m.RevisionState.APPROVED
    assert published.public_updated_at is not None  # the latest updates and feeds order by it
    assert published.public_updated_at >= revision.decided_at - dt.timedelta(seconds=1)
    seen = _public_view(client, published)
    assert NEW in seen and "FOUND" in seen
    approvals = AuditEntry.objects.filter(action="revision.approve").order_by("id")
    assert [e.details["applied"] for e in approvals] == [False, True]
    assert approvals.last().actor == world.users["b_reviewer"]
    applied = AuditEntry.objects.get(action="case.update")
    assert applied.actor == editor and applied.details["revision"] == revision.pk
    assert AuditEntry.objects.filter(action="revision.apply", object_uid=published.uid).exists()


def test_a_returned_revision_leaves_the_public_version_intact(
    client, world, published, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    editor, source = world.users["a_editor"], make_source(world.a)
    event = _commit(
        capture,
        actions.do_add_event,
        editor,
        published,
        source=source,
        quote="charged",
        event_type=term(Vocabulary.EVENT_TYPE, "charge"),
        date=dt.date(2024, 2, 1),
        visibility=Visibility.PUBLIC,
        description="Charged in Quillbrook.",
    )
    assert event.pk is None and not m.Event.all_objects.filter(case=published).exists()
    charge = actions.do_add_charge(
        editor,
        event,
        source=source,
        wording="Quillbrook charge",
        category=term(Vocabulary.CHARGE_CATEGORY),
        visibility=Visibility.PUBLIC,
    )
    assert charge.pk is None
    revision = m.CaseRevision.objects.get(case=published)
    assert [s["op"] for s in revision.steps] == ["create", "create"]
    assert revision.steps[1]["values"]["event"] == {"ref": 1}

    actions.do_submit_revision(editor, revision)
    _commit(
        capture,
        actions.do_review_revision,
        world.users["b_reviewer"],
        revision,
        approve=False,
        comment="Which source says so?",
    )
    revision.refresh_from_db()
    assert revision.state == m.RevisionState.OPEN
    assert not m.Event.all_objects.filter(case=published).exists()
    assert "Quillbrook" not in _public_view(client, published)
    returned = AuditEntry.objects.get(action="revision.return")
    assert returned.actor == world.users["b_reviewer"] and returned.organisation == world.a

    actions.do_submit_revision(editor, revision)
    for reviewer in ("net_reviewer", "a_reviewer"):
        _commit(capture, actions.do_review_revision, world.users[reviewer], revision, approve=True)
    made = m.Event.objects.get(case=published)
    assert made.charges.get().wording == "Quillbrook charge"
    assert made.evidence.get(field="").quote == "charged"
    assert "Charged in Quillbrook." in _public_view(client, published)


def test_partners_level_notes_and_deletions_are_handled_by_level(world, published):
    editor, source = world.users["a_editor"], make_source(world.a)
    note = actions.do_add_event(
        editor,
        published,
        source=source,
        event_type=term(Vocabulary.EVENT_TYPE, "arrest"),
        visibility=Visibility.PARTNERS,
    )
    assert note.pk is not None, "what the public never sees is written at once"
    assert not m.CaseRevision.objects.exists()
    with writes_allowed("test data"):
        public = m.Event.objects.create(
            case=published, event_type=term(Vocabulary.EVENT_TYPE, "arrest"), visibility="public"
        )
    actions.do_delete(editor, public, reason="entered twice")
    public.refresh_from_db()
    assert public.deleted_at is None
    revision = m.CaseRevision.objects.get()
    assert revision.steps == [
        {
            "op": "delete",
            "kind": "event",
            "pk": public.pk,
            "uid": public.uid,
            "reason": "entered twice",
        }
    ]
    actions.do_discard_revision(editor, revision, reason="changed my mind")
    revision.refresh_from_db()
    assert revision.state == m.RevisionState.DISCARDED
    assert AuditEntry.objects.filter(action="revision.discard").count() == 1


def test_a_draft_case_is_still_edited_in_place(world):
    draft = make_case(world.a, state=ReviewState.DRAFT, summary=OLD)
    actions.do_update_case(
        world.users["a_editor"],
        draft,
        version=draft.version,
        source=make_source(world.a),
        summary=NEW,
    )
    draft.refresh_from_db()
    assert draft.summary == NEW and not m.CaseRevision.objects.exists()


def test_an_approval_that_would_contradict_the_stated_status_applies_nothing(world, published):
    editor = world.users["a_editor"]
    actions.do_add_event(
        editor,
        published,
        source=make_source(world.a),
        event_type=term(Vocabulary.EVENT_TYPE, "release"),
        date=dt.date(2024, 2, 1),
        visibility=Visibility.PUBLIC,
    )
    revision = m.CaseRevision.objects.get()
    actions.do_submit_revision(editor, revision)
    actions.do_review_revision(world.users["a_reviewer"], revision, approve=True)
    with pytest.raises(WorkflowError, match="contradicts the public timeline"):
        actions.do_review_revision(world.users["b_reviewer"], revision, approve=True)
    revision.refresh_from_db()
    assert revision.state == m.RevisionState.IN_REVIEW
    assert not m.Event.all_objects.filter(case=published).exists()


def test_a_revert_on_a_published_case_waits_for_review(world):
    case = make_case(world.a, state=ReviewState.DRAFT, summary=OLD)
    editor = world.users["a_editor"]
    actions.do_update_case(
        editor, case, version=case.version, source=make_source(world.a), summary=NEW
    )
    entry = AuditEntry.objects.filter(action="case.update", object_uid=case.uid).latest("id")
    with writes_allowed("test data"):
        m.Case.objects.filter(pk=case.pk).update(review_state=ReviewState.PUBLISHED)
    actions.do_revert(editor, entry, "summary")
    case.refresh_from_db()
    assert case.summary == NEW  # the public keeps the approved text until review
    revision = m.CaseRevision.objects.get(case=case)
    assert revision.steps[-1]["values"] == {"summary": OLD}
