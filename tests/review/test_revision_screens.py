"""The review screens show a revision of a published case as a diff; reviewers approve or return
it there, and restricted values stay withheld from reviewers of other organisations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hrdwatch import actions
from hrdwatch.audit.models import AuditEntry
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import login, make_case, make_source, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def revision(world):
    case = make_case(world.a, state=ReviewState.PUBLISHED, summary="Old words")
    editor, source = world.users["a_editor"], make_source(world.a)
    actions.do_update_case(editor, case, version=case.version, source=source, summary="New words")
    return m.CaseRevision.objects.get(case=case)


def test_the_author_submits_and_two_reviewers_approve_on_screen(client, world, revision):
    login(client, world.users["a_editor"])
    workspace = client.get(f"/workspace/cases/{revision.case.uid}/").content.decode()
    assert reverse("review:revision", args=[revision.pk]) in workspace
    page = client.get(reverse("review:revision", args=[revision.pk])).content.decode()
    assert "Old words" in page and "New words" in page
    client.post(reverse("review:revision-decision", args=[revision.pk]), {"decision": "submit"})
    login(client, world.users["b_reviewer"])
    assert "Changes to published cases" in client.get(reverse("review:queue")).content.decode()
    listing = client.get(reverse("review:revisions")).content.decode()
    assert reverse("review:revision", args=[revision.pk]) in listing
    for reviewer in ("b_reviewer", "a_reviewer"):
        login(client, world.users[reviewer])
        client.post(
            reverse("review:revision-decision", args=[revision.pk]), {"decision": "approve"}
        )
    revision.case.refresh_from_db()
    assert revision.case.summary == "New words"
    assert AuditEntry.objects.filter(action="revision.approve", via="web").count() == 2


def test_a_reviewer_of_another_organisation_does_not_read_restricted_proposals(client, world):
    case = make_case(world.a, state=ReviewState.PUBLISHED)
    with writes_allowed("test data"):
        event = m.Event.objects.create(
            case=case, event_type=term(Vocabulary.EVENT_TYPE, "trial"), visibility="public"
        )
    actions.do_update(
        world.users["a_editor"],
        event,
        version=event.version,
        source=make_source(world.a),
        visibility=Visibility.RESTRICTED,
        description="Secret words",
    )
    revision = m.CaseRevision.objects.get(case=case)
    url = reverse("review:revision", args=[revision.pk])
    login(client, world.users["b_reviewer"])
    page = client.get(url).content.decode()
    assert "Secret words" not in page and "[restricted]" in page
    login(client, world.users["a_reviewer"])
    assert "Secret words" in client.get(url).content.decode()
