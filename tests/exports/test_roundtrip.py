"""Export then import into an empty database yields the same record."""

import io
import json

import pytest
from django.core.management import call_command

from hrdwatch.core.cells import neutralise_formula
from hrdwatch.exports.base import exporters
from hrdwatch.partners.models import Organisation
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.visibility import Viewer
from tests.builders import build_sample

pytestmark = pytest.mark.django_db

# Children before parents, so protected foreign keys allow the wipe.
WIPE_ORDER = [
    m.Evidence,
    m.EventPerpetrator,
    m.Charge,
    m.Intervention,
    m.SensitiveDetail,
    m.Event,
    m.CaseShare,
    m.Case,
    m.DefenderName,
    m.Defender,
    m.Perpetrator,
    m.PlaceOfDetention,
    m.Source,
]


def export_json(level: str) -> dict:
    buffer = io.BytesIO()
    exporters()["json"]().write(Viewer.at_level(level), buffer)
    document = json.loads(buffer.getvalue())
    document.pop("exported_at")
    return document


@writes_allowed("test data")
def wipe():
    for model in WIPE_ORDER:
        getattr(model, "all_objects", model.objects).all().delete()
    Organisation.objects.all().delete()


def _without_workflow(document: dict) -> dict:
    """The export with the fields only the review workflow sets left out."""
    for defender in document["defenders"]:
        defender.pop("visibility", None)
        for case in defender.get("cases", []):
            case.pop("visibility", None)
            case.pop("review_state", None)
    return document


def test_export_then_import_into_an_empty_database_gives_the_same_record_as_drafts(tmp_path):
    """Everything comes back, except that publication is never imported: every case is a draft
    of partners level or below, to go through review again."""
    build_sample()
    before = export_json("restricted")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(before), encoding="utf-8")
    wipe()
    assert not m.Defender.all_objects.exists()
    call_command("import", str(path), stdout=io.StringIO())
    after = export_json("restricted")
    assert _without_workflow(after) == _without_workflow(before)
    assert len(after["defenders"]) >= 1
    assert set(m.Case.all_objects.values_list("review_state", flat=True)) == {"draft"}
    assert not m.Case.all_objects.filter(visibility="public").exists()
    assert export_json("public")["defenders"] == []


def test_importing_an_export_twice_changes_nothing(tmp_path):
    build_sample()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_json("restricted")), encoding="utf-8")
    out = io.StringIO()
    call_command("import", str(path), stdout=out)
    assert "0 record(s) were created, changed or removed" in out.getvalue()


def test_exports_neutralise_spreadsheet_formulas(tmp_path):
    sample = build_sample()
    with writes_allowed("test data"):
        sample.case.summary = '=HYPERLINK("http://evil.example")'
        sample.case.save()
    buffer = io.BytesIO()
    exporters()["csv"]().write(Viewer.public(), buffer)
    assert "'=HYPERLINK" in buffer.getvalue().decode()
    assert neutralise_formula("-2+3") == "'-2+3"
    assert neutralise_formula("Plain") == "Plain"


def test_the_export_command_writes_a_file_atomically(tmp_path):
    build_sample()
    target = tmp_path / "out.csv"
    call_command("export", "--format", "csv", "--output", str(target), stdout=io.StringIO())
    assert target.read_text(encoding="utf-8").startswith("defender_id,display_name")
    assert not list(tmp_path.glob(".out.csv.*"))
