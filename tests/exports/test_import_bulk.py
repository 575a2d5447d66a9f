"""The bulk path of the import: new rows written in batches through ``actions.create_many`` leave
the same record, history, audit trail and derived fields as the per-record actions."""

import pytest

from hrdwatch.actions.derived import DERIVED
from hrdwatch.audit.models import AuditEntry
from hrdwatch.exports import batching
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.status import refresh_case
from tests.exports.test_import import GOOD, HEADER, counts, run_import, write

pytestmark = pytest.mark.django_db

SECOND_CASE = (
    "D1,Nguyễn Văn An,Nguyen Van An,lawyer,C9,VN,released,2015-01-02,,,,,public,published\n"
)


def test_each_record_has_a_history_row_and_a_compact_audit_entry_marked_bulk(tmp_path):
    ok, out, err = run_import(write(tmp_path, [HEADER, *GOOD]))
    assert ok, err
    defender = m.Defender.objects.get(external_id="D1")
    assert defender.history.count() == 1
    assert [r.term.code for r in defender.history.first().roles.all()] == ["lawyer"]
    load = AuditEntry.objects.get(action="bulk.load")
    entries = AuditEntry.objects.filter(details__bulk=load.details["bulk"]).exclude(pk=load.pk)
    assert entries.filter(action="defender.create").count() == 2
    assert entries.filter(action="charge.create").count() == 2
    mine = entries.get(object_uid=defender.uid)
    assert (mine.via, mine.object_id) == ("import", str(defender.pk))
    assert load.details["counts"]["event.create"] == m.Event.objects.count()


def test_derived_fields_are_those_the_per_record_refresh_computes(tmp_path):
    ok, _out, err = run_import(write(tmp_path, [HEADER, *GOOD]))
    assert ok, err
    for case in m.Case.objects.all():
        bulk = [getattr(case, name) for name in DERIVED]
        with writes_allowed("test"):
            refresh_case(case.pk)
        case.refresh_from_db()
        assert [getattr(case, name) for name in DERIVED] == bulk


def test_the_same_defender_on_two_rows_is_one_defender_with_two_cases(tmp_path):
    ok, _out, err = run_import(write(tmp_path, [HEADER, GOOD[0], SECOND_CASE, GOOD[1]]))
    assert ok, err
    assert m.Defender.objects.get(external_id="D1").cases.count() == 2
    assert counts()[:2] == (2, 3)
    ok, out, _err = run_import(write(tmp_path, [HEADER, GOOD[0], SECOND_CASE, GOOD[1]]))
    assert ok and "0 record(s) were created, changed or removed" in out


def test_small_batches_give_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setattr(batching, "BATCH", 1)
    ok, _out, err = run_import(write(tmp_path, [HEADER, GOOD[0], SECOND_CASE, GOOD[1]]))
    assert ok, err
    assert counts()[:2] == (2, 3)
