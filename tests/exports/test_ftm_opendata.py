"""The open-data release: dated and versioned folders, a complete manifest, public data only."""

from __future__ import annotations

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.advocacy.sample import CANARY, build_sample


@pytest.mark.django_db
def test_opendata_writes_a_versioned_release_with_dictionary_licence_and_public_data_only(tmp_path):
    build_sample()
    target = tmp_path / "releases"
    out = StringIO()
    call_command("opendata", str(target), stdout=out)
    call_command("opendata", str(target), stdout=StringIO())
    assert "cases.csv: 1" in out.getvalue()
    tmp_path = target
    releases = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert len(releases) == 2 and releases[0].endswith("-v1") and releases[1].endswith("-v2")
    assert json.loads((tmp_path / "latest.json").read_text())["latest"] == releases[1]
    folder = tmp_path / releases[0]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["licence"] == "CC-BY-4.0" and manifest["visibility"] == "public"
    assert manifest["records_written"]["hrdwatch.json"] == 1
    names = {f["name"] for f in manifest["files"]}
    assert {
        "hrdwatch.json",
        "cases.csv",
        "cases.xlsx",
        "entities.ftm.json",
        "DATA-DICTIONARY.md",
        "data-dictionary.json",
        "LICENSE.txt",
    } <= names
    for entry in manifest["files"]:
        assert hashlib.sha256((folder / entry["name"]).read_bytes()).hexdigest() == entry["sha256"]
    dictionary = (folder / "DATA-DICTIONARY.md").read_text()
    assert "| display_name | text | Name as usually written in Latin script. |" in dictionary
    for name in ("hrdwatch.json", "cases.csv", "entities.ftm.json"):
        assert CANARY not in (folder / name).read_text()
    assert "Tran Van Minh" in (folder / "cases.csv").read_text()
