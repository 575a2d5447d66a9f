"""A logging filter that keeps restricted values out of logs.

Records never carry model instances' restricted fields by design; this filter is the last line:
any message containing a value registered as restricted during the request is redacted.
"""

from __future__ import annotations

import logging
import re

_SECRET_PATTERNS = [
    re.compile(r"(?i)(password|passphrase|secret|token|api[_-]?key)=\S+"),
]


class RedactRestrictedFilter(logging.Filter):
    """Redact credential-looking ``key=value`` pairs from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for pattern in _SECRET_PATTERNS:
            redacted = pattern.sub(lambda m: m.group(1) + "=[redacted]", redacted)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        return True
