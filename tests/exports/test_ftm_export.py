"""The FollowTheMoney export validates against the FtM model and carries only public data."""

from __future__ import annotations

import io
import json

import pytest
from followthemoney import model

from hrdwatch.exports.base import exporters
from hrdwatch.exports.ftm import FtMError, check_entity
from hrdwatch.records.visibility import Viewer
from tests.advocacy.sample import CANARY, build_sample


def export(viewer: Viewer) -> list[dict]:
    buffer = io.BytesIO()
    count = exporters()["ftm"]().write(viewer, buffer)
    lines = buffer.getvalue().decode().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


@pytest.mark.django_db
def test_ftm_export_validates_and_links_person_case_event_and_article():
    sample = build_sample()
    entities = export(Viewer.public())
    by_id = {e["id"]: e for e in entities}
    for entity in entities:
        proxy = model.get_proxy(entity)
        assert proxy.to_dict()["properties"] == entity["properties"], entity["id"]
        check_entity(entity)
    person = by_id[sample.defender.uid]
    assert person["schema"] == "Person"
    assert person["properties"]["name"] == ["Tran Van Minh"]
    assert person["properties"]["nationality"] == ["vn"]
    assert by_id[sample.case.uid]["schema"] == "CourtCase"
    sentence = by_id[sample.sentence.uid]
    assert sentence["schema"] == "Event"
    assert set(sentence["properties"]["involved"]) == {sample.defender.uid, sample.judge.uid}
    assert by_id[sample.source.uid]["schema"] == "Article"
    docs = [e for e in entities if e["schema"] == "Documentation"]
    assert {d["properties"]["entity"][0] for d in docs} == {sample.sentence.uid, sample.arrest.uid}
    schemata = {e["schema"] for e in entities}
    assert {
        "Person",
        "Event",
        "CourtCase",
        "CourtCaseParty",
        "Documentation",
        "Article",
        "PublicBody",
    } <= schemata


@pytest.mark.django_db
def test_ftm_export_never_carries_restricted_data():
    build_sample()
    text = json.dumps(export(Viewer.public()))
    assert CANARY not in text


def test_an_invalid_value_is_refused_not_dropped():
    with pytest.raises(FtMError):
        check_entity(
            {
                "id": "x",
                "schema": "Person",
                "properties": {"name": ["A"], "birthDate": ["not a date"]},
            }
        )
    with pytest.raises(FtMError):
        check_entity(
            {"id": "x", "schema": "Person", "properties": {"name": ["A"], "noSuchProperty": ["1"]}}
        )
    with pytest.raises(FtMError):
        check_entity({"id": "x", "schema": "Event", "properties": {}})


@pytest.mark.django_db
def test_ftm_export_of_the_demo_data_validates():
    from hrdwatch.demo.generator import generate

    generate(40, seed=11)
    entities = export(Viewer.public())
    assert len({e["id"] for e in entities}) == len(entities), "entity ids are unique"
    ids = {e["id"] for e in entities}
    for entity in entities:
        check_entity(entity)
        schema = model.get(entity["schema"])
        assert schema is not None
        for name, values in entity["properties"].items():
            if schema.properties[name].type.name == "entity":
                assert set(values) <= ids, f"{entity['id']}.{name} points outside the export"
    assert sum(e["schema"] == "Person" for e in entities) >= 30


@pytest.mark.django_db
def test_hrdwatch_export_format_ftm_writes_json_lines(tmp_path):
    from django.core.management import call_command

    sample = build_sample()
    out = tmp_path / "entities.ftm.json"
    call_command("export", "--format", "ftm", "--output", str(out), stdout=io.StringIO())
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sample.defender.uid in {e["id"] for e in lines}
