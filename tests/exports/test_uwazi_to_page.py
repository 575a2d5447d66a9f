"""From an Uwazi export to a public defender page (#25): the fixture is imported as one organisation's
drafts, one case goes through review (submitted, approved by a reviewer of another organisation,
published) and the public page shows the person, the charges and the timeline as imported."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hrdwatch import actions
from hrdwatch.records import models as m
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.review.models import Decision
from tests.exports.test_uwazi import EN, FIXTURE, run
from tests.review.test_workflow import COMPLETE

pytestmark = pytest.mark.django_db
CASE = "uwazi-case:Detention of Daniela Villalba Soto"


def make_facts_public(editor, case) -> None:
    """What the documenter decides before review: which imported facts the public may see
    (the import keeps every fact at the partners level)."""
    source = case.evidence.get().source
    actions.do_update(editor, source, version=None, visibility=Visibility.PUBLIC)
    facts = [*case.events.all(), *m.Charge.objects.filter(event__case=case)]
    facts += [e.place_of_detention for e in case.events.all() if e.place_of_detention]
    for fact in facts:
        actions.do_update(editor, fact, version=None, source=source, visibility=Visibility.PUBLIC)
    for evidence in case.evidence.all():
        actions.do_update(editor, evidence, version=None, visibility=Visibility.PUBLIC)


def test_an_imported_case_reviewed_and_published_gives_the_defender_page(world, client):
    ok, out, err = run(
        "--from",
        "uwazi",
        str(EN),
        "--mapping",
        str(FIXTURE / "mapping.yaml"),
        "--skip-invalid",
        "--organisation",
        world.a.slug,
        "--user",
        world.users["a_documenter"].username,
    )
    assert ok, err
    assert "mapped to 28 defenders, 27 cases, 28 sources" in out
    case = m.Case.objects.get(external_id=CASE)
    assert case.owner == world.a and case.review_state == ReviewState.DRAFT
    page = reverse("publication:defender", args=[case.defender.uid])
    assert client.get(page).status_code == 404  # nothing is public before review

    make_facts_public(world.users["a_editor"], case)
    actions.do_update_checklist(world.users["a_documenter"], case, **COMPLETE)
    case = actions.do_submit_for_review(world.users["a_documenter"], case)
    actions.do_review_case(world.users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(world.users["b_reviewer"], case, Decision.APPROVE)
    case.refresh_from_db()
    assert case.review_state == ReviewState.VERIFIED
    actions.do_publish_case(world.users["a_editor"], case)
    case.refresh_from_db()
    assert case.visibility == Visibility.PUBLIC

    response = client.get(page)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Daniela Villalba Soto" in body
    assert "Terrorism" in body and "Art. 100" in body  # the charge with its article
    assert "20 October 2018" in body or "2018-10-20" in body  # the arrest on the timeline
    assert "Centro Penitenciario Colombia 1" in body  # where she is held
    assert "https://defenders.example.org/alerts/1" in body  # the source it cites
    other = m.Case.objects.exclude(pk=case.pk).select_related("defender").first()
    assert other is not None
    assert client.get(reverse("publication:defender", args=[other.defender.uid])).status_code == (
        404
    )
