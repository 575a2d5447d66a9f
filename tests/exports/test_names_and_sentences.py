"""Names with their kind and script, life and indeterminate sentences: imported from a table and
carried through a CSV, XLSX and JSON export back into an empty database (#25)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from hrdwatch.records import models as m
from tests.exports.test_import import counts, run_import, write
from tests.exports.test_roundtrip import wipe

pytestmark = pytest.mark.django_db

HEADER = (
    "defender_id,display_name,other_names,other_name_kind,other_name_script,case_id,country,"
    "status,arrest_date,sentence_months,sentence_kind,sentence_date,case_visibility\n"
)
ROWS = [
    # a patronymic form, a name in Cyrillic (script read from its letters), a birth name
    "P1,Ivan Example,Ivan Petrovich Example | Иван Пример | Ivan Sample,"
    "patronymic | transliteration | birth_name,Latn |  | Latn,C1,RU,detained_convicted,"
    "2021-03-04,96,,2022-01,restricted\n",
    # life, written in the months cell
    "P2,Ali Example,Əli Nümunə,alias,,C2,AZ,detained_convicted,2019,life,,unknown,restricted\n",
    # indeterminate with a minimum term of five years
    "P3,John Sample,J. Sample,pen_name,latn,C3,GB,detained_convicted,2012-05,60,indeterminate,"
    "2013,restricted\n",
    # indeterminate, no minimum, written in the months cell
    "P4,Jane Sample,,,,C4,GB,detained_convicted,2014,indeterminate,,2015-02-01,restricted\n",
]


def names_of(defender_id: str) -> list[tuple[str, str, str]]:
    defender = m.Defender.objects.get(external_id=defender_id)
    return sorted((n.name, n.kind.code if n.kind else "", n.script) for n in defender.names.all())


def sentence_of(case_id: str) -> tuple[str, int | None]:
    event = m.Event.objects.get(case__external_id=case_id, event_type__code="sentence")
    return event.sentence_kind, event.sentence_months


def snapshot() -> dict[str, object]:
    return {
        **{f"names {d}": names_of(d) for d in ("P1", "P2", "P3", "P4")},
        **{f"sentence {c}": sentence_of(c) for c in ("C1", "C2", "C3", "C4")},
    }


EXPECTED = {
    "names P1": [
        ("Ivan Petrovich Example", "patronymic", "Latn"),
        ("Ivan Sample", "birth_name", "Latn"),
        ("Иван Пример", "transliteration", "Cyrl"),
    ],
    "names P2": [("Əli Nümunə", "alias", "Latn")],
    "names P3": [("J. Sample", "pen_name", "Latn")],
    "names P4": [],
    "sentence C1": ("term", 96),
    "sentence C2": ("life", None),
    "sentence C3": ("indeterminate", 60),
    "sentence C4": ("indeterminate", None),
}


def test_names_keep_their_kind_and_script_and_sentences_their_kind(tmp_path):
    ok, out, err = run_import(write(tmp_path, [HEADER, *ROWS]))
    assert ok, err
    assert snapshot() == EXPECTED
    before = counts(), m.DefenderName.objects.count()
    ok, out, _ = run_import(write(tmp_path, [HEADER, *ROWS]))
    assert ok and "0 record(s) were created, changed or removed" in out
    assert (counts(), m.DefenderName.objects.count()) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_then_import_keeps_names_and_sentences(tmp_path, fmt):
    ok, _out, err = run_import(write(tmp_path, [HEADER, *ROWS]))
    assert ok, err
    exported = tmp_path / f"export.{fmt}"
    call_command("export", "--format", fmt, "--visibility", "restricted", "--output", str(exported))
    if fmt == "csv":
        with exported.open(encoding="utf-8-sig", newline="") as handle:
            row = next(r for r in csv.DictReader(handle) if r["defender_id"] == "P1")
        names = row["other_names"].split(" | ")
        kinds = dict(zip(names, row["other_name_kind"].split(" | "), strict=True))
        scripts = dict(zip(names, row["other_name_script"].split(" | "), strict=True))
        assert kinds["Иван Пример"] == "transliteration" and scripts["Иван Пример"] == "Cyrl"
    wipe()
    assert counts() == (0, 0, 0, 0)
    ok, _out, err = run_import(exported)
    assert ok, err
    assert snapshot() == EXPECTED


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ("nickname,", "other_name_kind", "'nickname'"),
        ("alias,Cyrillic", "other_name_script", "'Cyrillic' is not an ISO 15924 script code"),
    ],
)
def test_a_wrong_name_kind_or_script_names_its_column(tmp_path, cells, column, message):
    row = f"P9,Some One,Some Other,{cells},,,,,,,,\n"
    ok, _out, err = run_import(write(tmp_path, [HEADER, row]))
    assert not ok
    assert f"line 2, column {column}: " in err and message in err
    assert counts() == (0, 0, 0, 0)


def test_a_sentence_kind_that_contradicts_the_months_cell_is_an_error(tmp_path):
    row = "P9,Some One,,,,C9,GB,,2014,life,indeterminate,,restricted\n"
    ok, _out, err = run_import(write(tmp_path, [HEADER, row]))
    assert not ok
    assert "line 2, column sentence_months: 'life' contradicts sentence_kind 'indeterminate'" in err
    row = "P9,Some One,,,,C9,GB,,2014,12,for ever,,restricted\n"
    ok, _out, err = run_import(write(tmp_path, [HEADER, row]))
    assert not ok
    assert "line 2, column sentence_kind: unknown value 'for ever'" in err


def test_the_example_row_of_the_documentation_imports(tmp_path):
    from hrdwatch.exports.spec import TABLE_COLUMNS

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.name for c in TABLE_COLUMNS])
    writer.writerow([c.example for c in TABLE_COLUMNS])
    path = tmp_path / "example.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    ok, _out, err = run_import(path)
    assert ok, err
    assert names_of("AZ-014") == [
        ("Rauf Examplovich Exampleov", "patronymic", "Latn"),
        ("Рауф Примеров", "original_script", "Cyrl"),
    ]
