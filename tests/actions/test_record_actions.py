"""The generic record actions: permission, validation, versions, audit diffs, derived fields and
search following every change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrdwatch import actions
from hrdwatch.audit.models import AuditEntry
from hrdwatch.records import models as m
from hrdwatch.records.levels import ReviewState, ShareLevel, Visibility
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import make_case, make_source, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world):
    return make_case(world.a, visibility=Visibility.PARTNERS, state=ReviewState.DRAFT)


def test_every_record_type_is_created_changed_deleted_and_restored_through_one_api(world, draft):
    who, source = world.users["a_documenter"], make_source(world.a)
    arrest = actions.do_add_event(
        who,
        draft,
        source=source,
        quote="arrested at dawn",
        event_type=term(Vocabulary.EVENT_TYPE, "arrest"),
        date=dt.date(2021, 5, 4),
        date_precision="day",
    )
    charge = actions.do_add_charge(
        who,
        arrest,
        source=source,
        wording="Subversion",
        category=term(Vocabulary.CHARGE_CATEGORY, "state_security"),
    )
    name = actions.do_add_name(who, draft.defender, source=source, name="Another spelling")
    detail = actions.do_add_sensitive_detail(
        who, case=draft, kind=term(Vocabulary.SENSITIVE_KIND), text="lawyer's phone"
    )
    judge = actions.do_create_perpetrator(
        who, name="A judge", country="FR", perpetrator_type=term(Vocabulary.PERPETRATOR_TYPE)
    )
    link = actions.do_link_perpetrator(
        who, arrest, judge, source=source, role=term(Vocabulary.PERPETRATOR_ROLE)
    )
    place = actions.do_create_place(who, name="Prison 1", country="FR")
    note = actions.do_add_intervention(
        who, draft, title="Appeal", intervention_type=term(Vocabulary.INTERVENTION_TYPE)
    )
    evidence = actions.do_add_evidence(who, source, case=draft, quote="the whole report")
    for obj in (arrest, charge, name, detail, judge, link, place, note, evidence):
        assert obj.pk and obj.version == 1
    actions.do_update(who, arrest, version=1, source=source, place_of_detention=place)
    arrest.refresh_from_db()
    assert arrest.place_of_detention == place and arrest.version == 2
    draft.refresh_from_db()
    # derived from the new event: the whole timeline for reviewers (the public one holds none yet)
    assert draft.full_derived_status is not None and draft.arrest_date is None
    assert arrest.evidence.filter(quote="arrested at dawn").exists()
    actions.do_delete(who, charge, reason="entered twice")
    assert not m.Charge.objects.filter(pk=charge.pk).exists()
    actions.do_restore(who, charge)
    assert m.Charge.objects.filter(pk=charge.pk).exists()
    created = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "event.create",
        "charge.create",
        "name.create",
        "sensitive_detail.create",
        "perpetrator.create",
        "perpetrator_link.create",
        "place.create",
        "intervention.create",
        "evidence.create",
        "event.update",
        "charge.delete",
        "charge.restore",
    } <= created


def test_another_organisation_can_neither_add_to_nor_change_a_draft(world, draft):
    outsider, source = world.users["b_editor"], make_source(world.b)
    with pytest.raises(PermissionDenied):
        actions.do_add_event(
            outsider, draft, source=source, event_type=term(Vocabulary.EVENT_TYPE, "arrest")
        )
    with pytest.raises(PermissionDenied):
        actions.do_update(outsider, draft, version=draft.version, source=source, city="Paris")
    with pytest.raises(PermissionDenied):
        actions.do_delete(outsider, draft, reason="mine now")
    assert not m.Event.objects.filter(case=draft).exists()


def test_a_share_at_the_edit_level_lets_the_other_organisation_edit(world, draft):
    source = make_source(world.b)
    actions.do_share_case(world.users["a_editor"], draft, world.b, ShareLevel.READ)
    with pytest.raises(PermissionDenied):
        actions.do_update(world.users["b_documenter"], draft, version=None, source=source, city="X")
    actions.do_share_case(world.users["a_editor"], draft, world.b, ShareLevel.EDIT)
    actions.do_update(world.users["b_documenter"], draft, version=None, source=source, city="X")
    assert m.Case.objects.get(pk=draft.pk).city == "X"
    assert list(
        AuditEntry.objects.filter(action="case.share")
        .values_list("details__level", flat=True)
        .order_by("id")
    ) == ["read", "edit"]


def test_workflow_and_bookkeeping_fields_are_refused(world, draft):
    who, source = world.users["a_editor"], make_source(world.a)
    for field, value in [
        ("review_state", ReviewState.PUBLISHED),
        ("visibility", Visibility.PUBLIC),
        ("derived_status", term(Vocabulary.CASE_STATUS, "released")),
        ("uid", "case-x"),
        ("owner", world.b),
    ]:
        with pytest.raises(ValidationError):
            actions.do_update(who, draft, version=None, source=source, **{field: value})
    with pytest.raises(ValidationError):
        actions.do_create_case(
            who,
            defender=draft.defender,
            organisation=world.a,
            source=source,
            country="FR",
            status=term(Vocabulary.CASE_STATUS),
            visibility=Visibility.PUBLIC,
        )
    draft.refresh_from_db()
    assert (draft.review_state, draft.visibility) == (ReviewState.DRAFT, Visibility.PARTNERS)


def test_bad_values_are_refused_by_field_before_anything_is_written(world, draft):
    who, source = world.users["a_documenter"], make_source(world.a)
    with pytest.raises(ValidationError) as refused:
        actions.do_add_event(
            who,
            draft,
            source=source,
            certainty="rumoured",
            event_type=term(Vocabulary.CHARGE_CATEGORY, "other"),
        )
    assert set(refused.value.message_dict) == {"certainty", "event_type"}
    assert not m.Event.all_objects.filter(case=draft).exists()
    assert not AuditEntry.objects.filter(action="event.create").exists()


def test_a_save_over_a_newer_version_is_refused_with_both_versions(world, draft):
    first, second = world.users["a_documenter"], world.users["a_editor"]
    source = make_source(world.a)
    seen = draft.version
    actions.do_update(first, draft, version=seen, source=source, summary="First account.")
    with pytest.raises(actions.StaleVersionError) as conflict:
        actions.do_update(second, draft, version=seen, source=source, summary="Second account.")
    error = conflict.value
    assert (error.your_version, error.current_version) == (seen, seen + 1)
    assert error.yours == {"summary": "Second account."}
    assert error.theirs == {"summary": "First account."}
    assert error.changed_by == "a_documenter"
    assert m.Case.objects.get(pk=draft.pk).summary == "First account."


def test_the_audit_diff_withholds_restricted_values(world, draft):
    who = world.users["a_documenter"]
    detail = actions.do_add_sensitive_detail(
        who, case=draft, kind=term(Vocabulary.SENSITIVE_KIND), text="+33 6 00 00 00 00"
    )
    actions.do_update(who, detail, version=detail.version, text="+33 7 11 11 11 11")
    entries = AuditEntry.objects.filter(object_uid=detail.uid)
    assert entries.count() == 2
    assert "+33" not in str(list(entries.values_list("details", flat=True)))
    assert entries.get(action="sensitive_detail.update").details["changes"]["text"] == [
        "[restricted]",
        "[restricted]",
    ]
    public = actions.do_add_name(
        who, draft.defender, source=make_source(world.a), name="Public name"
    )
    assert AuditEntry.objects.get(object_uid=public.uid).details["changes"]["name"] == [
        None,
        "Public name",
    ]


def test_a_cited_source_must_be_one_the_editor_may_read(world, draft):
    hidden = make_source(world.b, visibility=Visibility.RESTRICTED)
    with pytest.raises(PermissionDenied):
        actions.do_add_event(
            world.users["a_documenter"],
            draft,
            source=hidden,
            event_type=term(Vocabulary.EVENT_TYPE, "arrest"),
        )


def test_a_change_made_without_a_user_is_the_systems_only_from_the_command_line(world, draft):
    source = make_source(world.a)
    actions.do_update(None, draft, version=None, source=source, city="Lille")  # via="cli"
    with pytest.raises(PermissionDenied):
        actions.do_update(
            actions.Actor(None, via="web"), draft, version=None, source=source, city="Metz"
        )
    assert m.Case.objects.get(pk=draft.pk).city == "Lille"
