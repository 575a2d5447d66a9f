"""Keep restricted values and personal input out of logs.

Records never carry model instances' restricted fields by design; these are the last line:

- ``RedactRestrictedFilter`` (on every Django log handler) redacts credential-looking
  ``key=value`` pairs and the query strings and link tokens of URLs in any message (the
  development server's request lines included);
- ``AccessLogger`` is a gunicorn logger class (``--logger-class
  hrdwatch.core.logging.AccessLogger``) that does the same to the access log: what someone
  searched for (a defender's name), the address they signed up with, and the secret tokens of
  password-reset and alert links never reach it. Parameter names stay, values go.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl

from gunicorn.glogging import Logger as GunicornLogger

REDACTED = "[redacted]"
_SECRET_PATTERNS = [
    re.compile(r"(?i)(password|passphrase|secret|token|api[_-]?key)=\S+"),
]
# Paths whose last segments are secrets (password-reset and alert links).
_TOKEN_PATHS = re.compile(
    r"(/accounts/reset/|/act/alerts/(?:confirm|unsubscribe)/)[^/?\s\"]+(?:/[^/?\s\"]+)?"
)
_BARE_QUERY_ATOMS = ("q", "{query_string}e")
_QUERY = re.compile(r"\?([^\s\"'#]*)")


def _redact_query(match: re.Match[str]) -> str:
    names = [name for name, _value in parse_qsl(match.group(1), keep_blank_values=True)]
    if not names:
        return "?" + REDACTED if match.group(1) else "?"
    return "?" + "&".join(f"{name}={REDACTED}" for name in names)


def redact_url(text: str) -> str:
    """``text`` with every URL query value and link token replaced by ``[redacted]``."""
    text = _TOKEN_PATHS.sub(lambda m: m.group(1) + REDACTED, text)
    return _QUERY.sub(_redact_query, text)


def redact(text: str) -> str:
    """Credentials, query values and link tokens out of a log message."""
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "=" + REDACTED, text)
    return redact_url(text)


class RedactRestrictedFilter(logging.Filter):
    """Redact credential-looking values, query strings and link tokens from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        return True


class AccessLogger(GunicornLogger):
    """gunicorn's logger with query strings, referrers and link tokens redacted in access lines."""

    def atoms(
        self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any
    ) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        for key in _BARE_QUERY_ATOMS:  # query strings without their "?"
            if atoms.get(key):
                atoms[key] = redact_url("?" + str(atoms[key]))[1:]
        return {
            key: redact_url(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
