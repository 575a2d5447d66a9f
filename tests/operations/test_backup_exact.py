"""Backup then restore is exact, on SQLite and PostgreSQL: every row of every table (history
included) comes back as it was, the restore adds none, and new rows get fresh ids afterwards."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from hrdwatch import actions
from hrdwatch.operations.backup import EXCLUDED
from hrdwatch.records.models import Case
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import build_world, make_defender, make_source, term

pytestmark = pytest.mark.django_db(transaction=True)


def _backed_up_models() -> list:
    skip = {label.lower() for label in EXCLUDED}
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label not in skip
        and m._meta.label_lower not in skip
        and m._meta.managed
        and not m._meta.proxy
    ]


def _rows() -> dict[str, dict]:
    """Every row of every backed-up table, by model and primary key, all fields."""
    table: dict[str, dict] = {}
    for model in _backed_up_models():
        manager = getattr(model, "all_objects", model._base_manager)
        table[model._meta.label] = {
            obj.pk: {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            for obj in manager.all()
        }
    return table


@pytest.fixture
def edited():
    """A record with a history: created, then edited twice through the actions."""
    world = build_world()
    source = make_source(world.a)
    defender = make_defender(world.a, name="Round Trip Person")
    who = world.users["a_documenter"]
    case = actions.do_create_case(
        who,
        defender=defender,
        organisation=world.a,
        source=source,
        country="CN",
        status=term(Vocabulary.CASE_STATUS),
        summary="first",
    )
    case = actions.do_update(who, case, version=case.version, source=source, summary="second")
    actions.do_update(who, case, version=case.version, source=source, summary="third")
    return world


def test_restore_gives_back_every_row_with_its_history_and_adds_none(edited, tmp_path):
    history = apps.get_model("records", "HistoricalCase")
    assert history.objects.count() >= 3
    before = _rows()
    target = tmp_path / "backup.hrd"
    call_command("backup", str(target))
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(target))
    after = _rows()
    for label in before:
        assert set(after[label]) == set(before[label]), f"{label}: rows added or lost"
        for pk, row in before[label].items():
            assert after[label][pk] == row, f"{label} {pk} differs"


def test_new_records_after_a_restore_get_fresh_ids(edited, tmp_path):
    target = tmp_path / "backup.hrd"
    call_command("backup", str(target))
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(target))
    world_a = apps.get_model("partners", "Organisation").objects.get(pk=edited.a.pk)
    who = apps.get_model("auth", "User").objects.get(username="a_documenter")
    source = make_source(world_a)
    case = Case.objects.get()
    updated = actions.do_update(
        who, case, version=case.version, source=source, summary="after restore"
    )
    assert updated.summary == "after restore"
    defender = make_defender(world_a, name="Another Person")
    actions.do_create_case(
        who,
        defender=defender,
        organisation=world_a,
        source=source,
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
    )
