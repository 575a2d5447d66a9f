"""Running an extractor over a JSONL file, one output line per input line, in order.

Kept apart from the management command so tests and the benchmark call the same code. A line that
is not a valid document yields an output line with an ``error`` and no victims; the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from hrdwatch.extraction.extractors.base import Extractor
from hrdwatch.extraction.schema import ExtractionResult, SourceDocument


def _line_id(raw: object, number: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str | int):
        return str(raw["id"])
    return f"line-{number}"


def extract_line(line: str, number: int, extractor: Extractor) -> ExtractionResult:
    """The result for one input line (``number`` counts from 1 and names a bad line)."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return ExtractionResult(id=f"line-{number}", error=f"line {number}: not JSON ({exc.msg})")
    try:
        document = SourceDocument.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors()
        )
        return ExtractionResult(id=_line_id(raw, number), error=f"line {number}: {problems}")
    try:
        found = extractor.analyse(document)
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop a run
        return ExtractionResult(
            id=document.id, error=f"line {number}: {extractor.name} failed: {exc}"
        )
    return ExtractionResult(
        id=document.id, victims=found.victims, language=found.language, warnings=found.warnings
    )


def extract_lines(lines: Iterable[str], extractor: Extractor) -> Iterator[ExtractionResult]:
    """Results for every non-blank line, in input order."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield extract_line(line, number, extractor)


def to_json_line(result: ExtractionResult) -> str:
    """One output line (``error`` only when set), UTF-8 kept readable."""
    payload = result.model_dump(mode="json")
    if payload.get("error") is None:
        payload.pop("error", None)
    return json.dumps(payload, ensure_ascii=False)
