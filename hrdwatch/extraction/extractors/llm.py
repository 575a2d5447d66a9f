"""The ``llm`` extractor: asks an OpenAI-compatible chat endpoint (llama.cpp, vLLM, ...) and
accepts its answer only if it validates against the extractor schema.

Configured by settings HRDWATCH_LLM_URL (base URL, e.g. ``http://127.0.0.1:8080/v1``),
HRDWATCH_LLM_MODEL and HRDWATCH_LLM_API_KEY, so a stronger model plugs in without code changes.
Models quote evidence more reliably than they count characters, so evidence may come back as exact
quotes; they are turned into offsets here and quotes not found in the text are dropped.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from hrdwatch.extraction.extractors.base import Extractor, register
from hrdwatch.extraction.schema import (
    EVENT_TYPES,
    ExtractedEvent,
    ExtractedVictim,
    SourceDocument,
)


class LLMAnswerError(ValueError):
    """The endpoint answered, but not with a valid extraction."""


class LLMNotConfiguredError(RuntimeError):
    """HRDWATCH_LLM_URL is not set."""


class _AnswerEvent(ExtractedEvent):
    """An event as a model may write it: evidence as [start, end] pairs or as exact quotes."""

    model_config = ConfigDict(extra="ignore")
    evidence: list[tuple[int, int] | str] = Field(default_factory=list)  # type: ignore[assignment]


class _AnswerVictim(ExtractedVictim):
    model_config = ConfigDict(extra="ignore")
    events: list[_AnswerEvent] = Field(default_factory=list)  # type: ignore[assignment]


class _Answer(BaseModel):
    victims: list[_AnswerVictim]


SYSTEM_PROMPT = f"""You extract candidate cases of human rights defenders deprived of liberty or
persecuted from one document. Answer with one JSON object and nothing else:
{{"victims": [{{"name": str, "aliases": [str], "country": ISO 3166-1 alpha-2 of the detaining state,
"roles": [str], "events": [{{"type": one of {", ".join(EVENT_TYPES)}, "date": "YYYY-MM-DD" | "YYYY-MM" |
"YYYY" | null, "charges": [str], "sentence_months": int | null, "place": str | null,
"evidence": [exact quotes copied from the document]}}]}}]}}
Rules: list only people the text says were arrested, detained, charged, tried, convicted, sentenced,
released, disappeared, tortured, banned from travel, harassed or who died in custody. Never list
spokespeople, researchers, officials, judges, authors, or laws named after people. Resolve relative
dates against the publication date; leave the date null when the text does not support one. "Sentenced"
is both a conviction and a sentence. If there is no victim, answer {{"victims": []}}."""


def _offsets(text: str, evidence: list[tuple[int, int] | str]) -> list[tuple[int, int]]:
    """Valid spans of ``text``: pairs inside the text, and quotes found in it."""
    spans: list[tuple[int, int]] = []
    for item in evidence:
        if isinstance(item, str):
            start = text.find(item.strip())
            if item.strip() and start >= 0:
                spans.append((start, start + len(item.strip())))
        elif 0 <= item[0] < item[1] <= len(text):
            spans.append((item[0], item[1]))
    return spans


def parse_answer(content: str, text: str) -> list[ExtractedVictim]:
    """Victims from a model's message content, or LLMAnswerError saying what was wrong."""
    cleaned = content.strip()
    if cleaned.startswith("```"):
        cleaned = cleaned.strip("`").removeprefix("json").strip()
    try:
        answer = _Answer.model_validate_json(cleaned)
    except ValidationError as exc:
        raise LLMAnswerError(f"answer does not match the schema: {exc.errors()[:3]}") from exc
    victims = []
    for victim in answer.victims:
        events = [
            ExtractedEvent(
                **event.model_dump(exclude={"evidence"}), evidence=_offsets(text, event.evidence)
            )
            for event in victim.events
        ]
        victims.append(ExtractedVictim(**victim.model_dump(exclude={"events"}), events=events))
    return victims


@register("llm")
class LLMExtractor(Extractor):
    """Sends each document to the configured chat endpoint."""

    version = "1.0"
    timeout = 120.0

    def __init__(self) -> None:
        self.url = str(getattr(settings, "HRDWATCH_LLM_URL", "") or "").rstrip("/")
        self.model = str(getattr(settings, "HRDWATCH_LLM_MODEL", "") or "")
        self.api_key = str(getattr(settings, "HRDWATCH_LLM_API_KEY", "") or "")

    @retry(
        retry=retry_if_exception_type(httpx.TransportError),
        stop=stop_after_attempt(3),
        wait=wait_exponential(multiplier=0.5, max=8),
        reraise=True,
    )
    def _chat(self, payload: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = httpx.post(
            f"{self.url}/chat/completions", json=payload, headers=headers, timeout=self.timeout
        )
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def extract(self, document: SourceDocument) -> list[ExtractedVictim]:
        if not self.url:
            raise LLMNotConfiguredError("set HRDWATCH_LLM_URL to use the llm extractor")
        user = json.dumps(
            {"published": document.published, "title": document.title, "text": document.text},
            ensure_ascii=False,
        )
        payload: dict[str, Any] = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": user},
            ],
        }
        reply = self._chat(payload)
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMAnswerError("reply has no choices[0].message.content") from exc
        if not isinstance(content, str):
            raise LLMAnswerError("message content is not text")
        return parse_answer(content, document.text)
