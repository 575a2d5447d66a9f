"""``hrdwatch link``: CSV in, clusters out, bad rows reported by line.

None of these tests may touch a database (pytest-django refuses it without a django_db mark),
which is how they show that the command works without one.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hrdwatch.linkage.inputs import country_code, record_from_row

HEADER = "record_id,source_org,name,name_original_script,country,birth_year,gender,role,arrest_date,detention_place\n"
ROWS = [
    "a1,org-a,Wang Minghui,王明辉,CN,1976,m,lawyer,2015-08-03,",
    "a2,org-b,Minghui Wang,,CN,,male,lawyer,2015-08,",
    "a3,org-c,王明輝,,CN,1976,,,2015-08-03,No. 1 Detention Centre",
    "b1,org-a,Wang Minghua,王明华,CN,1979,f,lawyer,2015-08-03,No. 1 Detention Centre",  # his sister
    "c1,org-b,Nguyễn Văn Bình,,VN,1969,m,,2017-12-16,",
    "c2,org-c,Binh Van Nguyen,,VN,1969,,,2017-12-16,",
    "d1,org-a,Nguyen Van Binh,,VN,1992,m,journalist,2021-01-01,",  # a younger namesake
    "e1,org-a,Alaa Abd El-Hamid,علاء عبد الحميد,EG,1981,m,blogger,2019-09-29,",
    "e2,org-c,Alaa Abdel Hamid,,EG,,m,,2019-09-29,",
]


def clusters_of(path: Path) -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["record_id", "cluster_id"]
    return {row["record_id"]: row["cluster_id"] for row in rows}


def write_input(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "records.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_link_groups_reports_of_one_person_and_keeps_sister_and_namesake_apart(
    tmp_path: Path,
) -> None:
    out = tmp_path / "clusters.csv"
    call_command("link", "--input", str(write_input(tmp_path, ROWS)), "--output", str(out))
    clusters = clusters_of(out)
    assert list(clusters) == [row.split(",")[0] for row in ROWS]  # one row per record, input order
    assert clusters["a1"] == clusters["a2"] == clusters["a3"]
    assert clusters["b1"] != clusters["a1"]
    assert clusters["c1"] == clusters["c2"] != clusters["d1"]
    assert clusters["e1"] == clusters["e2"]
    assert len(set(clusters.values())) == 5
    assert not list(tmp_path.glob(".clusters.csv.*"))  # the temporary file was renamed into place


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (",org-a,Someone,,,,,,,", "record_id is missing"),
        ("a1,org-z,Wang Minghui,,,,,,,", "duplicate record_id"),
        ("z9,org-z,Someone Else,,,,,,2019-02-30,", "arrest_date"),
        ("z9,org-z,Someone Else,,,,,,March 2019,", "arrest_date"),
    ],
)
def test_a_bad_row_stops_the_run_with_its_line_and_nothing_written(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad_row: str,
    message: str,
) -> None:
    out = tmp_path / "clusters.csv"
    source = write_input(tmp_path, [*ROWS[:3], bad_row, *ROWS[3:]])
    with pytest.raises(CommandError, match="nothing written"):
        call_command("link", "--input", str(source), "--output", str(out))
    reported = capsys.readouterr().err
    assert ":5" in reported  # header is line 1, the bad row is the fourth data row
    assert message in reported
    assert not out.exists()


def test_skip_invalid_links_the_other_rows(tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    source = write_input(tmp_path, [*ROWS, "zz,org-z,Someone,,,,,,2019-13,"])
    call_command("link", "--input", str(source), "--output", str(out), "--skip-invalid")
    clusters = clusters_of(out)
    assert "zz" not in clusters
    assert len(clusters) == len(ROWS)


def test_a_country_written_as_a_code_or_a_name_is_one_country() -> None:
    assert {country_code(text) for text in ("CN", "chn", "China", " cn")} == {"CN"}
    assert country_code("Viet Nam") == country_code("VN") == "VN"
    assert country_code("Atlantis") == "ATLANTIS"  # unknown: kept, compared as written
    assert country_code("") == ""


@pytest.mark.parametrize(("written", "year"), [("1976", 1976), ("1976.0", 1976), ("c. 1976", 1976)])
def test_a_birth_year_as_spreadsheets_and_approximate_dates_write_it(
    written: str, year: int
) -> None:
    assert (
        record_from_row(
            {"record_id": "x", "name": "Ales Bialiatski", "birth_year": written}
        ).birth_year
        == year
    )


def test_a_birth_year_that_is_not_one_is_a_bad_row() -> None:
    with pytest.raises(ValueError, match="birth_year"):
        record_from_row({"record_id": "x", "name": "Ales Bialiatski", "birth_year": "unknown"})
