"""Search queries, sign-up addresses and link tokens never reach the access log."""

from __future__ import annotations

import datetime
import logging
from types import SimpleNamespace

from gunicorn.config import Config

from hrdwatch.core.logging import AccessLogger, RedactRestrictedFilter, redact_url

SECRET = "Canary Defender Name"


def _atoms(uri: str, referer: str = "-") -> dict:
    path, _, query = uri.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": uri,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_REFERER": referer,
        "REMOTE_ADDR": "127.0.0.1",
    }
    resp = SimpleNamespace(status="200 OK", sent=10, headers=[])
    req = SimpleNamespace(headers=[("REFERER", referer)])
    return AccessLogger(Config()).atoms(resp, req, environ, datetime.timedelta(seconds=0))


def test_query_values_are_redacted_and_names_kept():
    assert (
        redact_url("/search/?q=Canary+Defender&page=2") == "/search/?q=[redacted]&page=[redacted]"
    )
    assert redact_url("/cases/") == "/cases/"


def test_link_tokens_in_paths_are_redacted():
    assert "abc123" not in redact_url("/accounts/reset/MQ/abc123-deadbeef/")
    assert "tok3n" not in redact_url("/act/alerts/confirm/tok3n/")
    assert "tok3n" not in redact_url("/act/alerts/unsubscribe/tok3n/")


def test_gunicorn_access_lines_carry_no_query():
    uri = f"/search/?q={SECRET.replace(' ', '+')}"
    atoms = _atoms(uri, referer=f"https://example.org{uri}")
    line = Config().access_log_format % atoms
    assert "Canary" not in line
    assert "/search/?q=[redacted]" in line
    assert all("Canary" not in str(value) for value in atoms.values())


def test_django_request_lines_are_redacted_too():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /search/?q=Canary+Defender HTTP/1.1", "200", "10"),
        None,
    )
    RedactRestrictedFilter().filter(record)
    assert "Canary" not in record.getMessage()


def test_the_deploy_guide_starts_gunicorn_with_the_redacting_logger():
    from pathlib import Path

    deploy = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text(
        encoding="utf-8"
    )
    assert "--logger-class hrdwatch.core.logging.AccessLogger" in deploy
