"""Import across organisations: an import matches records only within the importing organisation
(or a case shared with it at the edit level), refuses duplicate ids inside one file, and never
changes owner, visibility or review state; new records are drafts of the importing organisation."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from tests.exports import reallist
from tests.exports.test_import import run_import
from tests.partners.fixtures import make_case

pytestmark = pytest.mark.django_db


def _run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue() + err.getvalue() + str(exc)
    return True, out.getvalue() + err.getvalue()


def _file(tmp_path, defenders, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "hrdwatch", "defenders": defenders}), "utf-8")
    return path


def _takeover(case, owner="org-b", summary="CANARYTAKEOVER"):
    return [
        {
            "uid": case.defender.uid,
            "display_name": "Renamed",
            "owner": owner,
            "visibility": "public",
            "cases": [
                {
                    "uid": case.uid,
                    "country": "FR",
                    "summary": summary,
                    "owner": owner,
                    "visibility": "public",
                    "review_state": "published",
                }
            ],
        }
    ]


@pytest.fixture
def draft(world):
    """Organisation A's restricted draft."""
    with writes_allowed("test data"):
        case = make_case(
            world.a,
            visibility=Visibility.RESTRICTED,
            summary="A's own words",
            defender_visibility=Visibility.RESTRICTED,
        )
        case.external_id = "A-C1"
        case.save()
    return case


def _unchanged(case, world):
    case.refresh_from_db()
    case.defender.refresh_from_db()
    assert (case.owner, case.visibility, case.review_state, case.summary) == (
        world.a,
        Visibility.RESTRICTED,
        ReviewState.DRAFT,
        "A's own words",
    )
    assert (case.defender.owner, case.defender.visibility) == (world.a, Visibility.RESTRICTED)
    assert case.defender.display_name != "Renamed"


def test_another_organisations_import_never_takes_over_a_record(tmp_path, world, draft):
    ok, out = _run(
        _file(tmp_path, _takeover(draft)), "--organisation", "org-b", "--user", "b_editor"
    )
    assert not ok
    assert "defenders[0]" in out and "another organisation" in out
    _unchanged(draft, world)
    assert "CANARYTAKEOVER" not in out and "A's own words" not in out


def test_matching_by_external_id_stays_within_the_organisation(tmp_path, world, draft):
    rows = [
        {
            "external_id": "B-D1",
            "display_name": "Someone",
            "cases": [{"external_id": "A-C1", "country": "FR", "summary": "CANARYTAKEOVER"}],
        }
    ]
    ok, out = _run(_file(tmp_path, rows), "--organisation", "org-b", "--user", "b_documenter")
    assert not ok and "another organisation" in out
    _unchanged(draft, world)


def test_an_import_creates_drafts_owned_by_the_importing_organisation(tmp_path, world):
    rows = [
        {
            "external_id": "B-D1",
            "display_name": "New person",
            "owner": "org-a",
            "visibility": "partners",
            "cases": [
                {
                    "external_id": "B-C1",
                    "country": "FR",
                    "owner": "org-a",
                    "status": "released",
                    "visibility": "partners",
                    "review_state": "published",
                }
            ],
        }
    ]
    ok, out = _run(_file(tmp_path, rows), "--organisation", "org-b", "--user", "b_documenter")
    assert ok, out
    case = m.Case.objects.get(external_id="B-C1")
    assert (case.owner, case.defender.owner, case.review_state) == (
        world.b,
        world.b,
        ReviewState.DRAFT,
    )


def test_the_owner_reimporting_changes_content_but_never_owner_visibility_or_state(
    tmp_path, world, draft
):
    ok, out = _run(
        _file(tmp_path, _takeover(draft, owner="org-b", summary="Corrected")),
        "--organisation",
        "org-a",
        "--user",
        "a_editor",
    )
    assert ok, out
    draft.refresh_from_db()
    assert draft.summary == "Corrected"
    assert (draft.owner, draft.visibility, draft.review_state) == (
        world.a,
        Visibility.RESTRICTED,
        ReviewState.DRAFT,
    )
    assert draft.defender.owner == world.a


def test_a_case_shared_at_the_edit_level_is_updated_but_stays_its_owners(tmp_path, world, draft):
    with writes_allowed("test data"):
        m.CaseShare.objects.create(case=draft, organisation=world.b, level="edit")
    ok, out = _run(
        _file(tmp_path, _takeover(draft, summary="Shared edit")),
        "--organisation",
        "org-b",
        "--user",
        "b_documenter",
    )
    assert ok, out
    draft.refresh_from_db()
    assert draft.summary == "Shared edit"
    assert (draft.owner, draft.visibility, draft.review_state) == (
        world.a,
        Visibility.RESTRICTED,
        ReviewState.DRAFT,
    )
    draft.defender.refresh_from_db()
    assert draft.defender.display_name != "Renamed", "the shared case, not its owner's defender"


def test_duplicate_ids_inside_one_file_are_refused(tmp_path, world):
    rows = [
        {
            "external_id": f"B-D{i}",
            "display_name": f"Person {i}",
            "cases": [{"external_id": "B-C1", "country": "FR", "summary": f"version {i}"}],
        }
        for i in (1, 2)
    ]
    ok, out = _run(_file(tmp_path, rows), "--organisation", "org-b", "--user", "b_documenter")
    assert not ok
    assert "defenders[1]" in out and "B-C1" in out and "defenders[0]" in out
    assert not m.Case.objects.exists()


def test_a_user_may_import_only_for_an_organisation_of_theirs(tmp_path, world):
    rows = [{"external_id": "X", "display_name": "Someone"}]
    ok, out = _run(_file(tmp_path, rows), "--organisation", "org-a", "--user", "b_documenter")
    assert not ok and "org-a" in out
    assert not m.Defender.objects.exists()


def test_a_table_import_with_prune_acts_only_for_the_importing_organisation(tmp_path, world):
    """--prune, the table format's line numbers and the organisation scope together: another
    organisation's re-import of the list is refused line by line and removes nothing."""
    items = reallist.rows()[:2]
    path = tmp_path / "list.csv"
    path.write_text(reallist.as_csv(items), encoding="utf-8")
    assert run_import(path, "--organisation", "org-a", "--user", "a_documenter")[0]
    items[0].update(
        charges="Illegal entrepreneurship",
        charge_category="fraud_economic",
        legal_provision="Art. 192.3.2",
    )
    path.write_text(reallist.as_csv(items), encoding="utf-8")
    dropped = m.Charge.objects.filter(wording="Hooliganism", event__case__external_id="PP-001-1")
    ok, out, err = run_import(path, "--prune", "--organisation", "org-b", "--user", "b_documenter")
    assert not ok and "line 2" in err and "another organisation" in err
    assert dropped.exists()
    ok, out, err = run_import(path, "--prune", "--organisation", "org-a", "--user", "a_documenter")
    assert ok, err
    assert not dropped.exists()
    assert m.Case.objects.get(external_id="PP-001-1").owner == world.a
