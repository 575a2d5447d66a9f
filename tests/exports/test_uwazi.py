"""Migrating from Uwazi: an invented export of 60 entities over three templates, in English and in
Spanish (tests/exports/fixtures/uwazi/, written by make_fixture.py in Uwazi's export format)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from hrdwatch.exports.uwazi.convert import strptime_format
from hrdwatch.exports.uwazi.export_file import UwaziFileError, read_export
from hrdwatch.exports.uwazi.mapping import MappingError, load_mapping
from hrdwatch.records import models as m

FIXTURE = Path(__file__).parent / "fixtures" / "uwazi"
EN, ES = FIXTURE / "export_en.csv", FIXTURE / "export_es.csv"


def run(*args: str) -> tuple[bool, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue(), err.getvalue() + str(exc)
    return True, out.getvalue(), err.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (
        m.Defender.objects.count(),
        m.Case.objects.count(),
        m.Event.objects.count(),
        m.Charge.objects.count(),
    )


def test_the_export_is_read_as_uwazi_writes_it() -> None:
    export = read_export(EN)
    assert len(export.rows) == 60
    assert {t: len(rows) for t, rows in export.templates().items()} == {
        "Human rights defender": 28,
        "Detention": 28,
        "Report": 4,
    }
    assert export.property_columns[0] == "Gender"
    assert read_export(ES).templates().keys() == {
        "Defensor de derechos humanos",
        "Detención",
        "Informe",
    }


@pytest.mark.django_db
def test_suggest_mapping_drafts_the_fixture_mapping_from_the_headers() -> None:
    ok, out, _ = run("--from", "uwazi", str(EN), "--suggest-mapping", "--date-format", "dd/MM/yyyy")
    assert ok
    drafted = yaml.safe_load(out)
    assert drafted == yaml.safe_load((FIXTURE / "mapping.yaml").read_text(encoding="utf-8"))
    assert drafted["templates"]["Detention"]["columns"]["Detained person"] == "defender"
    assert drafted["templates"]["Report"]["record"] == "skip"
    assert m.Defender.objects.count() == 0


@pytest.mark.django_db
def test_unknown_vocabulary_values_are_reported_and_nothing_is_imported() -> None:
    ok, _, err = run("--from", "uwazi", str(EN), "--mapping", str(FIXTURE / "mapping.yaml"))
    assert not ok
    assert (
        "export_en.csv line 5, column 'Status': 'Held incommunicado' is not a known case status"
        in err
    )
    assert "export_en.csv line 12, column 'Profession': 'Poet' is not a known role" in err
    assert "nothing was imported" in err
    assert counts() == (0, 0, 0, 0)


@pytest.mark.django_db
def test_the_export_is_imported_end_to_end_and_a_reimport_changes_nothing() -> None:
    args = (
        "--from",
        "uwazi",
        str(EN),
        "--mapping",
        str(FIXTURE / "mapping.yaml"),
        "--skip-invalid",
    )
    ok, out, err = run(*args)
    assert ok, err
    assert "60 entities read; mapped to 28 defenders, 27 cases, 28 sources" in out
    assert "template 'Report': 4 entities skipped" in out
    assert m.Defender.objects.count() == 28 and m.Case.objects.count() == 27
    case = m.Case.objects.get(external_id="uwazi-case:Detention of Daniela Villalba Soto")
    assert case.defender.display_name == "Daniela Villalba Soto"
    assert case.country == "CO" and case.status.code == "detained_awaiting_trial"
    arrest = case.events.get(event_type__code="arrest")
    assert arrest.date.isoformat() == "2018-10-20"  # 20/10/2018 in the instance's format
    assert case.review_state == "draft"
    assert [c.wording for c in m.Charge.objects.filter(event__case=case)] == ["Terrorism"]
    assert case.evidence.get().source.url == "https://defenders.example.org/alerts/1"
    defender = case.defender
    assert defender.gender.code == "female" and defender.nationality == "CO"
    assert [r.code for r in defender.roles.all()] == ["journalist"]
    before = counts()
    ok, out, _ = run(*args)
    assert ok
    assert "0 record(s) were created, changed or removed" in out
    assert counts() == before


@pytest.mark.django_db
def test_the_spanish_export_gives_the_same_record() -> None:
    ok, out, err = run(
        "--from", "uwazi", str(ES), "--mapping", str(FIXTURE / "mapping_es.yaml"), "--skip-invalid"
    )
    assert ok, err
    assert "'Incomunicado' is not a known case status" in err
    assert m.Defender.objects.count() == 28 and m.Case.objects.count() == 27
    case = m.Case.objects.get(external_id="uwazi-case:Detention of Daniela Villalba Soto")
    assert case.country == "CO" and case.status.code == "detained_awaiting_trial"


@pytest.mark.django_db
def test_a_wrong_date_format_names_the_cell_and_the_format() -> None:
    ok, _, err = run(
        "--from",
        "uwazi",
        str(EN),
        "--mapping",
        str(FIXTURE / "mapping.yaml"),
        "--date-format",
        "MM/dd/yyyy",
    )
    assert not ok
    assert "column 'Date of birth': '08/11/1974' is not a date" not in err  # 11 Aug is a date
    assert "is not a date in the format '%m/%d/%Y'" in err
    assert counts() == (0, 0, 0, 0)


def test_mapping_mistakes_name_the_place_and_what_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "templates:\n  Detention:\n    record: case\n    columns:\n      Status: statut\n",
        encoding="utf-8",
    )
    with pytest.raises(
        MappingError,
        match=r"templates.'Detention'.columns.'Status': unknown field 'statut' \(accepted: display_name",
    ):
        load_mapping(path)
    path.write_text("templates:\n  Detention:\n    record: event\n", encoding="utf-8")
    with pytest.raises(MappingError, match=r"record: 'event' \(accepted: defender, case, skip\)"):
        load_mapping(path)


def test_date_formats_and_files_that_are_not_exports(tmp_path: Path) -> None:
    assert strptime_format("dd/MM/yyyy") == "%d/%m/%Y"
    with pytest.raises(ValueError, match="use yyyy, MM and dd"):
        strptime_format("D MMMM YYYY")
    bad = tmp_path / "export.csv"
    bad.write_text("name,country\nA,B\n", encoding="utf-8")
    with pytest.raises(UwaziFileError, match="line 1: 2 columns; an Uwazi export has at least 7"):
        read_export(bad)
