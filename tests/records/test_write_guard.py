"""One write path: record models refuse writes outside the action layer, and no module outside it
writes them (a static scan of the source, so paths no test walks are covered too)."""

from __future__ import annotations

import pytest
from django.db import transaction

from hrdwatch import actions
from hrdwatch.records import models as m
from hrdwatch.records.guard import RecordWriteOutsideActions, writes_allowed
from tests.builders import build_sample, term
from tests.records.write_scan import writes_outside_actions

pytestmark = pytest.mark.django_db


def test_no_module_outside_the_action_layer_writes_a_record_model():
    found = [f"hrdwatch/{w.path}:{w.line}: {w.code}" for w in writes_outside_actions()]
    assert found == [], "write through hrdwatch.actions instead:\n" + "\n".join(found)


def test_the_scan_finds_a_planted_write(tmp_path):
    planted = tmp_path / "publication" / "planted.py"
    planted.parent.mkdir()
    planted.write_text(
        "from hrdwatch.records.models import Case\n"
        "from hrdwatch.records import models as m\n\n\n"
        "def sneaky(case: Case) -> None:\n"
        "    Case.objects.filter(pk=case.pk).update(summary='x')\n"
        "    case.save()\n"
        "    m.Defender.all_objects.filter(pk=1).delete()\n"
        "    case.defender.roles.set([])\n",
        encoding="utf-8",
    )
    assert [w.line for w in writes_outside_actions(tmp_path)] == [6, 7, 8, 9]


def test_every_kind_of_write_is_refused_outside_the_actions():
    sample = build_sample()
    case = m.Case.objects.get(pk=sample.case.pk)
    attempts = [
        lambda: case.save(),
        lambda: case.delete(),
        lambda: m.Case.objects.filter(pk=case.pk).update(summary="x"),
        lambda: m.Case.all_objects.filter(pk=case.pk).delete(),
        lambda: m.Event.objects.bulk_create(
            [m.Event(case=case, event_type=term("event_type", "trial"))]
        ),
        lambda: m.Case.objects.bulk_update([case], ["summary"]),
        lambda: case.wgad_categories.clear(),
        lambda: case.defender.roles.add(term("role", "journalist")),
        lambda: m.CaseShare.objects.create(case=case, organisation=sample.other_org),
        lambda: case.soft_delete(),
    ]
    for attempt in attempts:
        with pytest.raises(RecordWriteOutsideActions), transaction.atomic():
            attempt()
    case.refresh_from_db()
    assert case.summary == "Arrested for peaceful advocacy." and case.deleted_at is None


def test_the_guard_is_lifted_only_inside_an_action_or_an_explicit_block():
    sample = build_sample()
    with writes_allowed("test data"):  # a draft: a published case's edits wait for review
        m.Case.objects.filter(pk=sample.case.pk).update(city="Hue", review_state="draft")
    with pytest.raises(RecordWriteOutsideActions):
        m.Case.objects.filter(pk=sample.case.pk).update(city="Hanoi")
    actions.do_update(
        None, sample.case, version=None, source=m.Source.objects.first(), city="Hanoi"
    )
    with pytest.raises(RecordWriteOutsideActions):  # and it is closed again afterwards
        m.Case.objects.filter(pk=sample.case.pk).update(city="Hue")
    assert m.Case.objects.get(pk=sample.case.pk).city == "Hanoi"
