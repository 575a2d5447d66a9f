"""Import: bad rows reported with their line, dry run, idempotence, all-or-nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from hrdwatch.exports.tabular import COLUMN_NAMES
from hrdwatch.records import models as m

pytestmark = pytest.mark.django_db

HEADER = "defender_id,display_name,other_names,roles,case_id,country,status,arrest_date,charges,charge_category,sentence_months,sentence_date,case_visibility,review_state\n"
GOOD = [
    "D1,Nguyễn Văn An,Nguyen Van An,lawyer,C1,VN,detained_convicted,2020-03-05,Propaganda against the state,state_security,96,2021-01,public,published\n",
    "D2,Wang Li,王力,journalist,C2,China,detained_awaiting_trial,2021-02,Picking quarrels,public_order,,,public,published\n",
]


def write(tmp_path, lines, name="cases.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes("".join(lines).encode(encoding))
    return path


def run_import(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue(), err.getvalue() + str(exc)
    return True, out.getvalue(), err.getvalue()


def counts():
    return (
        m.Defender.objects.count(),
        m.Case.objects.count(),
        m.Event.objects.count(),
        m.Charge.objects.count(),
    )


def test_a_good_file_creates_the_record_and_a_reimport_changes_nothing(tmp_path):
    path = write(tmp_path, [HEADER, *GOOD])
    ok, out, _ = run_import(path)
    assert ok, out
    assert counts() == (2, 2, 5, 2)
    case = m.Case.objects.get(external_id="C1")
    assert case.defender.display_name == "Nguyễn Văn An"
    assert case.events.get(event_type__code="sentence").sentence_months == 96
    assert case.arrest_date.isoformat() == "2020-03-05"
    assert m.Case.objects.get(external_id="C2").country == "CN"
    history_before = m.Case.history.count()
    ok, out, _ = run_import(path)
    assert ok
    assert "0 record(s) were created, changed or removed" in out
    assert counts() == (2, 2, 5, 2)
    assert m.Case.history.count() == history_before


def test_a_dry_run_reports_what_would_change_and_writes_nothing(tmp_path):
    ok, out, _ = run_import(write(tmp_path, [HEADER, *GOOD]), "--dry-run")
    assert ok
    assert "created: 2 cases" in out and "would be created" in out
    assert counts() == (0, 0, 0, 0)


BAD_ROWS = {
    "impossible date": "D3,Bad Date,,lawyer,C3,VN,released,2021-02-30,,,,,public,published\n",
    "unknown role": "D4,Bad Role,,astronaut,C4,VN,released,2021,,,,,public,published\n",
    "not a country": "D5,Bad Country,,lawyer,C5,Atlantis,released,2021,,,,,public,published\n",
    "formula": 'D6,"=HYPERLINK(""http://evil.example"",""x"")",,lawyer,C6,VN,released,2021,,,,,public,published\n',
    "unknown status": "D7,Bad Status,,lawyer,C7,VN,free-ish,2021,,,,,public,published\n",
}


@pytest.mark.parametrize("reason", BAD_ROWS)
def test_a_file_with_one_bad_row_changes_nothing_and_names_the_line(tmp_path, reason):
    path = write(tmp_path, [HEADER, GOOD[0], BAD_ROWS[reason], GOOD[1]])
    ok, _, err = run_import(path)
    assert not ok
    assert "line 3, column " in err
    assert "nothing was imported" in err
    assert counts() == (0, 0, 0, 0)


def test_skip_invalid_imports_the_good_rows_only(tmp_path):
    path = write(tmp_path, [HEADER, GOOD[0], *BAD_ROWS.values(), GOOD[1]])
    ok, out, err = run_import(path, "--skip-invalid")
    assert ok
    assert [line.split(",")[0] for line in err.strip().splitlines()] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
    ]
    assert "2021-02-30" in err and "astronaut" in err and "Atlantis" in err and "formula" in err
    assert counts() == (2, 2, 5, 2)


def test_a_huge_cell_is_refused_without_importing_anything(tmp_path):
    huge = "x" * (50 * 1024 * 1024)
    path = write(
        tmp_path, [HEADER, f"D8,Big,,lawyer,C8,VN,released,2021,{huge},other,,,public,published\n"]
    )
    ok, _, err = run_import(path)
    assert not ok and "cell too large" in err and "line 2" in err
    assert counts() == (0, 0, 0, 0)


def test_a_latin1_file_is_read_with_a_warning_and_missing_columns_are_file_errors(tmp_path):
    latin1 = write(
        tmp_path,
        [HEADER, "D9,Café Owner,,lawyer,C9,FR,released,2021,,,,,public,published\n"],
        encoding="cp1252",
    )
    ok, _, err = run_import(latin1, "--dry-run")
    assert ok and "warning: the file is not UTF-8: read as cp1252" in err
    missing = write(tmp_path, ["defender_id,country\n", "D1,VN\n"], name="missing.csv")
    ok, _, err = run_import(missing)
    assert not ok and "missing required column(s): display_name" in err
    assert counts() == (0, 0, 0, 0)


def test_an_unknown_column_is_a_warning_or_mapped_with_map(tmp_path):
    unknown = write(
        tmp_path,
        [
            "defender_id,display_name,Shoe size,Date of arrest,case_id,country,status\n",
            "D1,A,42,2020-01-02,C1,VN,detained_awaiting_trial\n",
        ],
        name="unknown.csv",
    )
    ok, _, err = run_import(unknown, "--dry-run")
    assert (
        ok
        and "warning: column(s) ignored, not part of the format: Shoe size, Date of arrest" in err
    )
    ok, _, err = run_import(unknown, "--map", "Date of arrest=arrest_date")
    assert ok and "Date of arrest" not in err
    arrest = m.Case.objects.get(external_id="C1").events.get(event_type__code="arrest")
    assert arrest.date.isoformat() == "2020-01-02"
    ok, _, err = run_import(unknown, "--map", "Date of arrest=arrested_on")
    assert not ok and "unknown field 'arrested_on'" in err


def test_xlsx_formulas_are_refused_per_row(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMN_NAMES)
    row = dict.fromkeys(COLUMN_NAMES, None)
    row.update(
        defender_id="X1", display_name="Fine Name", case_id="XC1", country="VN", status="released"
    )
    sheet.append([row[c] for c in COLUMN_NAMES])
    row.update(
        defender_id="X2", display_name='=HYPERLINK("http://evil.example","x")', case_id="XC2"
    )
    sheet.append([row[c] for c in COLUMN_NAMES])
    path = tmp_path / "cases.xlsx"
    workbook.save(path)
    ok, _, err = run_import(path)
    assert not ok and "row 3, column display_name: " in err and "formula" in err
    assert counts() == (0, 0, 0, 0)
