"""A list shaped like the real ones (104 invented people): semicolon CSV, an unknown column, one bad date."""

from __future__ import annotations

import pytest

from hrdwatch.records import models as m
from tests.exports import reallist
from tests.exports.test_import import counts, run_import

pytestmark = pytest.mark.django_db
BAD_LINE = 58  # row 57 of the list, after the header


def write_list(tmp_path, bad_date: str | None = "2023-02-30", encoding: str = "utf-8"):
    items = reallist.rows()
    if bad_date:
        items[BAD_LINE - 2]["arrest_date"] = bad_date
    path = tmp_path / "political-prisoners.csv"
    path.write_bytes(reallist.as_csv(items).encode(encoding))
    return path


def test_one_bad_date_is_reported_exactly_and_nothing_is_imported(tmp_path):
    ok, _out, err = run_import(write_list(tmp_path))
    assert not ok
    assert err.splitlines() == [
        "warning: columns separated by semicolons",
        "warning: column(s) ignored, not part of the format: Notes (internal) (see docs/import-export.md, "
        "or map one with --map COLUMN=FIELD)",
        f"line {BAD_LINE}, column arrest_date: '2023-02-30' is not a real date: day is out of range for month; "
        "accepted: Date of arrest: YYYY, YYYY-MM or YYYY-MM-DD; `unknown` records the fact with its date unknown.",
        "1 invalid row(s); nothing was imported (fix them, or use --skip-invalid to import the valid rows).",
    ]
    assert counts() == (0, 0, 0, 0)


def test_the_whole_list_imports_with_what_real_lists_say(tmp_path):
    path = write_list(tmp_path, bad_date=None, encoding="utf-8")
    ok, out, err = run_import(path)
    assert ok, err
    assert m.Defender.objects.count() == reallist.SIZE == m.Case.objects.count()
    life = m.Case.objects.get(external_id="PP-014-1")
    sentence = life.events.get(event_type__code="sentence")
    assert (sentence.sentence_kind, sentence.sentence_months, sentence.date) == ("life", None, None)
    died = m.Case.objects.get(external_id="PP-022-1")
    assert died.events.filter(event_type__code="death_in_custody").count() == 1
    assert not died.events.filter(event_type__code="release").exists()
    assert died.status.code == "died_in_custody" and not died.status_conflict
    charges = {
        c.wording: (c.legal_provision, c.category.code)
        for c in m.Charge.objects.filter(event__case=life)
    }
    assert charges == {
        "Illegal entrepreneurship": ("Art. 192.3.2", "fraud_economic"),
        "Possession of narcotics": ("Art. 234.4.3", "other"),
    }
    undated = m.Case.objects.get(external_id="PP-002-1")  # sentenced, length known, date not
    assert undated.events.get(event_type__code="sentence").date is None
    assert undated.derived_status.code == "detained_convicted" and not undated.status_conflict
    assert not m.Case.objects.filter(status_conflict=True).exists()
    held = m.Case.objects.get(external_id="PP-003-1").events.filter(
        place_of_detention__isnull=False
    )
    assert [e.place_of_detention.name for e in held.order_by("date")] == [
        "Penitentiary Institution No. 12",
        "Penitentiary Institution No. 17",
    ]
    assert m.PlaceOfDetention.objects.count() == 4
    assert (
        m.Case.objects.get(external_id="PP-009-1").events.get(event_type__code="arrest").certainty
        == "alleged"
    )
    assert m.Evidence.objects.filter(case__external_id="PP-004-1").count() == 2
    defender = m.Defender.objects.get(external_id="PP-001")
    assert defender.names.get().name == "Nurlan Ilham oglu Mirzabeyli"
    assert defender.name_original_script == "Нурлан Mirzabeyli"
    ok, out, _ = run_import(path)
    assert ok and "0 record(s) were created, changed or removed" in out


def test_every_error_of_a_row_once_per_cell(tmp_path):
    items = reallist.rows()[:3]
    items[1].update(
        charge_category="treason | treason", sentence_months="lifetime", birth_date="1980-13"
    )
    path = tmp_path / "list.csv"
    path.write_text(reallist.as_csv(items, separator="\t"), encoding="utf-8")
    ok, _out, err = run_import(path)
    assert not ok
    errors = [line for line in err.splitlines() if line.startswith("line ")]
    assert [line.split(":")[0] for line in errors] == [
        "line 3, column birth_date",
        "line 3, column charge_category",
        "line 3, column sentence_months",
    ]
    assert (
        "'lifetime' is not a whole number; accepted: Prison term in months, `life` or "
        "`indeterminate`" in err
    )
    assert "columns separated by tabs" in err


def test_a_file_in_windows_1252_is_read(tmp_path):
    items = reallist.rows()[:2]
    for item in items:
        item["name_original_script"] = ""  # Cyrillic has no place in Windows-1252
    items[0]["display_name"] = "Elvar Qaradaéli"
    path = tmp_path / "list.csv"
    path.write_bytes(reallist.as_csv(items).encode("cp1252"))
    ok, _out, err = run_import(path)
    assert ok, err
    assert m.Defender.objects.filter(display_name="Elvar Qaradaéli").exists()


def test_a_dropped_charge_is_shown_by_the_dry_run_and_removed_only_with_prune(tmp_path):
    items = reallist.rows()[:3]
    path = tmp_path / "list.csv"
    path.write_text(reallist.as_csv(items), encoding="utf-8")
    assert run_import(path)[0]
    items[0].update(
        charges="Illegal entrepreneurship",
        charge_category="fraud_economic",
        legal_provision="Art. 192.3.2",
    )
    path.write_text(reallist.as_csv(items), encoding="utf-8")
    notice = "line 2: charge 'Hooliganism' (Art. 221.3) of case PP-001-1 is no longer in the file"
    ok, out, _ = run_import(path)
    assert ok and f"{notice}: kept (--prune removes it)" in out
    assert m.Charge.objects.filter(
        wording="Hooliganism", event__case__external_id="PP-001-1"
    ).exists()
    ok, out, _ = run_import(path, "--prune", "--dry-run")
    assert ok and f"{notice}: would be removed" in out and "removed: 1 charges" in out
    assert m.Charge.objects.filter(
        wording="Hooliganism", event__case__external_id="PP-001-1"
    ).exists()
    ok, out, _ = run_import(path, "--prune")
    assert ok and f"{notice}: were removed" in out
    assert not m.Charge.objects.filter(
        wording="Hooliganism", event__case__external_id="PP-001-1"
    ).exists()
    assert m.Charge.all_objects.filter(wording="Hooliganism").exclude(deleted_at=None).count() == 1
    ok, out, _ = run_import(path, "--prune")
    assert (
        ok
        and "no longer in the file" not in out
        and "0 record(s) were created, changed or removed" in out
    )


def test_implausible_dates_are_warnings_naming_the_cell(tmp_path):
    items = reallist.rows()[:2]
    items[1].update(sentence_date="2015-03", birth_date="2021", release_date="2016")
    path = tmp_path / "list.csv"
    path.write_text(reallist.as_csv(items), encoding="utf-8")
    ok, _out, err = run_import(path, "--dry-run")
    assert ok, err
    assert (
        "warning: line 3, column sentence_date: the sentence (2015-03-01) is dated before the arrest "
        "(2020-03-03); imported as given, check the date"
    ) in err
    assert (
        "warning: line 3, column release_date: the release (2016-01-01) is dated before the arrest"
        in err
    )
    assert (
        "warning: line 3, column birth_date: the birth (2021-01-01) is dated after the arrest"
        in err
    )
