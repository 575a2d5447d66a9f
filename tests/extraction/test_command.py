"""``hrdwatch extract`` reads JSONL, writes one line per input line, and needs no database.

These tests are not marked django_db, so pytest-django fails them if the command touches the DB.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.extraction.examples import NEWS_WITH_QUOTED_PEOPLE, NO_VICTIMS


def run(tmp_path: Path, lines: list[str], *extra: str) -> list[dict[str, object]]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("extract", "--input", str(source), "--output", str(target), *extra)
    return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]


def test_one_output_line_per_input_line_in_order_with_the_documented_shape(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": NEWS_WITH_QUOTED_PEOPLE, "published": "2022-06-16"}),
        json.dumps({"id": "b", "text": NO_VICTIMS, "language": "en", "url": "http://x.test/"}),
    ]
    out = run(tmp_path, lines)
    assert [row["id"] for row in out] == ["a", "b"]
    assert out[1] == {
        "id": "b",
        "victims": [],
        "language": "en",
        "warnings": ["no_publication_date"],
    }
    victim = out[0]["victims"][0]  # type: ignore[index]
    assert set(victim) == {"name", "aliases", "country", "roles", "events", "confidence"}
    event = victim["events"][0]
    assert set(event) == {"type", "date", "charges", "sentence_months", "place", "evidence"}
    assert all(isinstance(span, list) and len(span) == 2 for span in event["evidence"])


def test_malformed_lines_get_an_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok", "text": NO_VICTIMS}),
    ]
    out = run(tmp_path, lines)
    assert [row["id"] for row in out] == ["line-1", "no-text", "line-3", "ok"]
    assert "line 1" in str(out[0]["error"]) and out[0]["victims"] == []
    assert "text" in str(out[1]["error"]) and out[1]["victims"] == []
    assert "error" not in out[3]


def test_unknown_extractor_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="unknown extractor"):
        run(tmp_path, [json.dumps({"id": "a", "text": "x"})], "--extractor", "nope")
