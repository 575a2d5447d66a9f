"""The audit log: an entry for every action, restricted views logged, nothing editable."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from hrdwatch import actions
from hrdwatch.audit.log import Actor
from hrdwatch.audit.models import AppendOnlyError, AuditEntry
from hrdwatch.records.levels import Visibility
from hrdwatch.review.models import Decision
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import login, make_defender, make_source, term
from tests.review.test_workflow import COMPLETE


def _actions_of(case):
    return list(
        AuditEntry.objects.filter(object_uid=case.uid)
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_every_action_leaves_an_audit_entry_with_who_where_and_source(world):
    users = world.users
    source = make_source(world.a)
    web = Actor(users["a_documenter"], via="web", ip_address="192.0.2.7", user_agent="phone")
    defender = actions.do_create_defender(
        web, organisation=world.a, source=source, display_name="Someone"
    )
    case = actions.do_create_case(
        web,
        defender=defender,
        organisation=world.a,
        source=source,
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
    )
    actions.do_add_event(
        users["a_documenter"], case, source=source, event_type=term(Vocabulary.EVENT_TYPE, "arrest")
    )
    actions.do_update_case(
        users["a_documenter"], case, version=case.version, source=source, city="Lyon"
    )
    actions.do_update_checklist(users["a_documenter"], case, **COMPLETE)
    actions.do_submit_for_review(users["a_documenter"], case)
    actions.do_review_case(users["a_reviewer"], case, Decision.APPROVE)
    actions.do_review_case(users["b_reviewer"], case, Decision.APPROVE)
    actions.do_publish_case(users["a_editor"], case)
    actions.do_withdraw_case(users["a_editor"], case, "risk changed")
    actions.do_share_case(users["a_editor"], case, world.b)
    actions.do_unshare_case(users["a_editor"], case, world.b)
    actions.do_delete(users["a_editor"], case, reason="duplicate")
    actions.do_restore(users["a_administrator"], case)
    assert _actions_of(case) == [
        "case.create",
        "case.update",
        "checklist.update",
        "case.submit",
        "case.review",
        "case.review",
        "case.publish",
        "case.withdraw",
        "case.share",
        "case.unshare",
        "case.delete",
        "case.restore",
    ]
    created = AuditEntry.objects.get(action="case.create")
    assert (created.actor, created.ip_address, created.via, created.source) == (
        users["a_documenter"],
        "192.0.2.7",
        "web",
        source,
    )
    assert created.organisation == world.a
    assert AuditEntry.objects.filter(action="event.create", source=source).exists()
    assert AuditEntry.objects.get(action="defender.create").object_uid == defender.uid
    update = AuditEntry.objects.get(action="case.update").details
    assert update["fields"] == ["city"] and update["changes"] == {"city": ["", "Lyon"]}


def test_merging_people_is_audited(world):
    keep = make_defender(world.a, name="Keep")
    other = make_defender(world.a, name="Other spelling")
    actions.do_merge_defenders(world.users["a_editor"], keep, other)
    entry = AuditEntry.objects.get(action="defender.merge")
    assert entry.object_uid == keep.uid and entry.details["merged"] == other.uid
    assert keep.names.filter(name="Other spelling").exists()


def test_audit_entries_cannot_be_changed_or_deleted_through_the_application(world):
    entry = AuditEntry.objects.create(action="test")
    entry.action = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_database_refuses_update_and_delete_of_audit_rows_on_postgresql(world):
    entry = AuditEntry.objects.create(action="test")
    table = AuditEntry._meta.db_table
    for statement in (
        f"UPDATE {table} SET action = 'x' WHERE id = %s",
        f"DELETE FROM {table} WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "test"


def test_viewing_restricted_details_on_the_review_screen_is_logged(client, world):
    source = make_source(world.a)
    case = actions.do_create_case(
        world.users["a_documenter"],
        defender=make_defender(world.a),
        organisation=world.a,
        source=source,
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
        visibility=Visibility.PARTNERS,
    )
    actions.do_add_sensitive_detail(
        world.users["a_documenter"],
        case=case,
        kind=term(Vocabulary.SENSITIVE_KIND),
        text="health note",
    )
    login(client, world.users["a_reviewer"])
    response = client.get(f"/review/case/{case.uid}/")
    assert "health note" in response.content.decode()
    entry = AuditEntry.objects.get(action="restricted.view")
    assert entry.actor == world.users["a_reviewer"] and entry.object_uid == case.uid
    login(client, world.users["b_reviewer"])
    response = client.get(f"/review/case/{case.uid}/")
    assert response.status_code == 200 and "health note" not in response.content.decode()
    assert AuditEntry.objects.filter(action="restricted.view").count() == 1


def test_administrators_export_the_log_as_csv_and_others_cannot(client, world):
    AuditEntry.objects.create(action="=HYPERLINK(1)", organisation=world.a)
    AuditEntry.objects.create(action="other.org", organisation=world.b)
    login(client, world.users["a_editor"])
    assert client.get("/audit/export.csv").status_code == 403
    login(client, world.users["a_administrator"])
    response = client.get("/audit/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    actions_seen = {r["action"] for r in rows}
    assert "'=HYPERLINK(1)" in actions_seen, "formulas are neutralised"
    assert "other.org" not in actions_seen, "an organisation's admin sees its own entries"
    login(client, world.users["net_administrator"])
    rows = b"".join(client.get("/audit/export.csv").streaming_content).decode()
    assert "other.org" in rows
    assert AuditEntry.objects.filter(action="audit.export").count() == 2


def test_admin_offers_no_way_to_change_audit_entries(client, world):
    from django.contrib import admin

    from hrdwatch.audit.models import AuditEntry as Model

    model_admin = admin.site._registry[Model]
    request = type("R", (), {"user": world.users["net_administrator"]})()
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert not model_admin.has_add_permission(request)
    assert model_admin.has_view_permission(request)
