"""Exports read through the gate: the public export and the open-data release hold only sources
that something public cites, and every export beyond the public level is audited."""

from __future__ import annotations

import io
import json
from io import StringIO

import pytest
from django.core.management import call_command

from hrdwatch.audit.models import AuditEntry
from hrdwatch.exports.base import exporters
from hrdwatch.exports.opendata import write_release
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Evidence
from hrdwatch.records.visibility import Gate, Viewer
from tests.partners.fixtures import make_case, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(world):
    """A public case citing one source; a public-level source cited by nothing public (its title
    names a hidden defender); a public-level source cited only by partner-level evidence."""
    case = make_case(world.a, state=ReviewState.PUBLISHED)
    hidden = make_case(world.a, state=ReviewState.DRAFT, visibility=Visibility.RESTRICTED)
    cited = make_source(world.a, title="CANARYCITED report")
    uncited = make_source(world.a, title="CANARYUNCITED arrest of a hidden defender")
    privately = make_source(world.a, title="CANARYPRIVATE appeal")
    with writes_allowed("test data"):
        defender = case.defender
        defender.is_published = True
        defender.save()
        Evidence.objects.create(source=cited, case=case, visibility=Visibility.PUBLIC)
        Evidence.objects.create(source=uncited, case=hidden, visibility=Visibility.PUBLIC)
        Evidence.objects.create(source=privately, case=case, visibility=Visibility.PARTNERS)
    return cited, uncited, privately


def _export(fmt: str, level: str) -> str:
    buffer = io.BytesIO()
    exporters()[fmt]().write(Viewer.at_level(level), buffer)
    return buffer.getvalue().decode("utf-8", "replace")


def test_uncited_sources_not_in_the_public_export(sources):
    cited, uncited, privately = sources
    assert set(Gate(Viewer.public()).sources()) == {cited}
    for fmt in ("json", "ftm"):
        text = _export(fmt, Visibility.PUBLIC)
        assert "CANARYCITED" in text, fmt
        assert "CANARYUNCITED" not in text and "CANARYPRIVATE" not in text, fmt
    partners = json.loads(_export("json", Visibility.PARTNERS))
    assert {s["title"] for s in partners["sources"]} >= {cited.title, privately.title}


def test_uncited_sources_not_in_the_open_data_release(sources, tmp_path):
    release = write_release(tmp_path)
    text = "\n".join(
        p.read_text("utf-8", "replace")
        for p in release.folder.iterdir()
        if p.suffix in {".json", ".csv"}
    )
    assert "CANARYCITED" in text
    assert "CANARYUNCITED" not in text and "CANARYPRIVATE" not in text


@pytest.mark.parametrize("level", [Visibility.PARTNERS, Visibility.RESTRICTED])
def test_an_export_beyond_the_public_level_is_audited(sources, tmp_path, level):
    call_command(
        "export",
        "--format",
        "json",
        "--visibility",
        level,
        "--output",
        str(tmp_path / "out.json"),
        stdout=StringIO(),
    )
    entry = AuditEntry.objects.get(action="export")
    assert entry.via == "cli"
    assert entry.details["visibility"] == level and entry.details["format"] == "json"
    assert entry.details["records"] >= 1


def test_a_public_export_is_not_an_audited_disclosure(sources, tmp_path):
    call_command(
        "export", "--format", "csv", "--output", str(tmp_path / "out.csv"), stdout=StringIO()
    )
    assert not AuditEntry.objects.filter(action="export").exists()


def test_a_partner_dossier_is_an_audited_export(sources, tmp_path):
    call_command(
        "dossier",
        "wgad",
        sources[0].evidence.get().case.uid,
        "--output",
        str(tmp_path / "w.docx"),
        "--visibility",
        "partners",
        stdout=StringIO(),
    )
    entry = AuditEntry.objects.get(action="export")
    assert (entry.details["what"], entry.details["visibility"]) == ("wgad", Visibility.PARTNERS)
