"""The ``llm`` extractor against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hrdwatch.extraction.extractors import get_extractor
from hrdwatch.extraction.extractors.llm import LLMAnswerError, LLMNotConfiguredError
from hrdwatch.extraction.run import extract_line
from hrdwatch.extraction.schema import SourceDocument

TEXT = "Police arrested the poet Ana Duarte on 2 May 2023 in Caracas."


class FakeChat(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions with whatever content the test put in ``replies``."""

    replies: list[str] = []
    requests: list[dict[str, object]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), **body}
        )
        content = FakeChat.replies.pop(0)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@pytest.fixture
def fake_llm(settings) -> Iterator[type[FakeChat]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HRDWATCH_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.HRDWATCH_LLM_MODEL = "test-model"
    settings.HRDWATCH_LLM_API_KEY = "secret-token"
    FakeChat.replies, FakeChat.requests = [], []
    yield FakeChat
    server.shutdown()
    server.server_close()


def test_valid_answer_becomes_victims_with_quotes_turned_into_offsets(
    fake_llm: type[FakeChat],
) -> None:
    fake_llm.replies.append(
        json.dumps(
            {
                "victims": [
                    {
                        "name": "Ana Duarte",
                        "aliases": [],
                        "country": "ve",
                        "roles": ["writer"],
                        "events": [
                            {
                                "type": "arrest",
                                "date": "2023-05-02",
                                "charges": [],
                                "sentence_months": None,
                                "place": "Caracas",
                                "evidence": ["arrested the poet Ana Duarte", "not in the text"],
                            }
                        ],
                    }
                ]
            }
        )
    )
    victims = get_extractor("llm").extract(
        SourceDocument(id="1", text=TEXT, published="2023-05-03")
    )
    assert [v.name for v in victims] == ["Ana Duarte"]
    assert victims[0].country == "VE"
    ((start, end),) = victims[0].events[0].evidence
    assert TEXT[start:end] == "arrested the poet Ana Duarte"
    request = fake_llm.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["model"] == "test-model"
    assert request["auth"] == "Bearer secret-token"


def test_answer_outside_the_schema_is_rejected(fake_llm: type[FakeChat]) -> None:
    fake_llm.replies.append(
        json.dumps({"victims": [{"name": "Ana Duarte", "events": [{"type": "kidnap"}]}]})
    )
    with pytest.raises(LLMAnswerError, match="schema"):
        get_extractor("llm").extract(SourceDocument(id="1", text=TEXT))


def test_answer_that_is_not_json_becomes_an_error_line(fake_llm: type[FakeChat]) -> None:
    fake_llm.replies.append("Sure! Ana Duarte was arrested.")
    result = extract_line(json.dumps({"id": "1", "text": TEXT}), 1, get_extractor("llm"))
    assert result.victims == []
    assert result.error and "llm failed" in result.error


def test_llm_without_url_says_how_to_configure_it(settings) -> None:
    settings.HRDWATCH_LLM_URL = ""
    with pytest.raises(LLMNotConfiguredError, match="HRDWATCH_LLM_URL"):
        get_extractor("llm").extract(SourceDocument(id="1", text=TEXT))
