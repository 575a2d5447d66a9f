import pytest

from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.visibility import Gate
from tests.builders import build_sample

pytestmark = pytest.mark.django_db


def test_every_change_is_recorded_with_before_and_after_and_can_be_reverted(django_user_model):
    editor = django_user_model.objects.create_user("editor")
    sample = build_sample()
    case = sample.case
    with writes_allowed("test data"):
        case.summary = "Changed by mistake."
        case._history_user = editor
        case.save()
    latest, previous = case.history.all()[:2]
    assert latest.history_user == editor
    delta = latest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("summary", "Arrested for peaceful advocacy.", "Changed by mistake.")
    ]
    versions = case.history.count()
    with writes_allowed("test data"):
        previous.instance.save()  # revert to the earlier version
    case.refresh_from_db()
    assert case.summary == "Arrested for peaceful advocacy."
    assert case.history.count() == versions + 1


def test_deletion_is_soft_and_restorable():
    sample = build_sample()
    defender = sample.defender
    with writes_allowed("test data"):
        defender.soft_delete()
    assert not m.Defender.objects.filter(pk=defender.pk).exists()
    assert m.Defender.all_objects.filter(pk=defender.pk).exists()
    assert not Gate().defenders().filter(pk=defender.pk).exists()
    assert not Gate().cases().filter(defender=defender).exists()
    with writes_allowed("test data"):
        defender.restore()
    assert Gate().defenders().filter(pk=defender.pk).exists()
    assert defender.history.filter(history_type="~").count() >= 2


def test_the_admin_offers_no_hard_delete(verified_admin_client):
    admin_client = verified_admin_client
    sample = build_sample()
    with writes_allowed("test data"):  # a draft: deleting a published case waits for review
        m.Case.objects.filter(pk=sample.case.pk).update(review_state=ReviewState.DRAFT)
    response = admin_client.get(f"/admin/records/case/{sample.case.pk}/delete/")
    assert response.status_code == 403
    response = admin_client.post(
        "/admin/records/case/",
        {"action": "soft_delete_selected", "_selected_action": [sample.case.pk]},
    )
    assert response.status_code == 302
    assert m.Case.all_objects.get(pk=sample.case.pk).is_deleted
    admin_client.post(
        "/admin/records/case/", {"action": "restore_selected", "_selected_action": [sample.case.pk]}
    )
    assert not m.Case.all_objects.get(pk=sample.case.pk).is_deleted
