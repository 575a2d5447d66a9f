"""Hostile import files are refused before they are loaded, with a clear error; nothing changes."""

from __future__ import annotations

import json
import re

import pytest

from .hostile_files import deep_json, xlsx_bomb
from .test_import import GOOD, HEADER, counts, run_import, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    """Two records already in the database, to show a refused file changes nothing."""
    ok, out, _ = run_import(write(tmp_path, [HEADER, *GOOD], name="first.csv"))
    assert ok, out
    return counts()


def test_an_xlsx_bomb_is_refused_before_loading(tmp_path, settings, imported):
    settings.HRDWATCH_IMPORT_MAX_EXPANDED_BYTES = 5_000_000
    path = tmp_path / "bomb.xlsx"
    rows = [HEADER.strip().split(","), GOOD[0].strip().split(",")]
    xlsx_bomb(path, rows, 20_000_000)
    assert path.stat().st_size < 100_000
    ok, _, err = run_import(path)
    assert not ok
    assert re.search(
        r"bomb\.xlsx would expand to 20,\d{3},\d{3} bytes from [\d,]+ \(limit 5,000,000\): "
        r"refused as a possible zip bomb",
        err,
    ), err
    assert counts() == imported


def test_a_nul_byte_in_a_csv_cell_is_refused_with_line_and_column(tmp_path, imported):
    row = GOOD[1].replace("Wang Li", "Wang\x00Li")
    ok, _, err = run_import(write(tmp_path, [HEADER, GOOD[0], row]))
    assert not ok
    assert (
        "cases.csv: line 3, column 2 (display_name): the value holds the control character "
        "U+0000 (NUL), which cannot be stored or exported; remove it and import the file again"
    ) in err
    assert counts() == imported


def test_a_100000_deep_json_is_refused_without_a_traceback(tmp_path, imported):
    path = tmp_path / "deep.json"
    path.write_text(deep_json(100_000))
    ok, _, err = run_import(path)
    assert not ok
    assert "deep.json: line 1, column 100: nested more than 64 levels deep" in err
    assert "Traceback" not in err and "RecursionError" not in err
    assert counts() == imported


def test_a_nul_in_a_json_value_is_refused_with_its_path(tmp_path, imported):
    path = tmp_path / "nul.json"
    document = {"format": "hrdwatch", "defenders": [{"uid": "x", "display_name": "A\x00B"}]}
    path.write_text(json.dumps(document))
    ok, _, err = run_import(path)
    assert not ok
    assert "nul.json.defenders[0].display_name: the value holds the control character U+0000" in err
    assert counts() == imported
