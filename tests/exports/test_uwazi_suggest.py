"""Uwazi migration, first step: a draft mapping printed from an Uwazi CSV export's headers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

FIXTURES = Path(__file__).parent / "fixtures" / "uwazi"


def suggest(name: str) -> tuple[str, dict]:
    out = io.StringIO()
    call_command("import", str(FIXTURES / name), "--from", "uwazi", "--suggest-mapping", stdout=out)
    return out.getvalue(), yaml.safe_load(out.getvalue())


def test_the_fixture_is_an_uwazi_export_of_two_templates_in_two_languages():
    for language, title in (("en", "Title"), ("es", "Título")):
        with (FIXTURES / f"export-{language}.csv").open(encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        assert len(rows) >= 50 and rows[0].keys() >= {title}
        templates = {row["Template" if language == "en" else "Plantilla"] for row in rows}
        assert templates == {"Defender", "Case"}


def test_suggest_mapping_drafts_templates_columns_and_values():
    text, mapping = suggest("export-en.csv")
    assert text.startswith("# Draft mapping for an Uwazi CSV export")
    assert mapping["date_format"] == "dd/MM/yyyy"
    defender, case = mapping["templates"]["Defender"], mapping["templates"]["Case"]
    assert (defender["rows"], defender["creates"]) == (26, "defender")
    assert (case["rows"], case["creates"]) == (26, "case")
    assert defender["columns"]["Title"] == "display_name"
    assert defender["columns"]["Date of birth"] == "birth_date"
    assert defender["columns"]["Cases"] == "link to Case"
    assert case["columns"]["Defender"] == "link to Defender"
    assert case["columns"]["Arrest date"] == "arrest_date"
    assert "Country" not in case["columns"], "a column is listed under the templates that fill it"
    assert mapping["values"]["Status"]["Died in custody"] == "died_in_custody"
    assert mapping["values"]["Occupation"]["Lawyer"] == "lawyer"
    assert mapping["values"]["Occupation"]["Community radio host"] is None, "never invented"


def test_suggest_mapping_reads_the_spanish_export():
    _, mapping = suggest("export-es.csv")
    assert set(mapping["templates"]) == {"Defender", "Case"}
    assert mapping["templates"]["Defender"]["columns"]["Título"] == "display_name"
    assert mapping["values"]["Gender"] == {
        "Hombre": "male",
        "Mujer": "female",
        "No binario": "non_binary",
    }


def test_an_uwazi_import_without_suggest_mapping_says_what_exists():
    with pytest.raises(CommandError, match="--suggest-mapping"):
        call_command("import", str(FIXTURES / "export-en.csv"), "--from", "uwazi")
