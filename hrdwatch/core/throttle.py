"""A fixed-window counter in the shared cache: at most N actions per client address per period.

Used where one person could otherwise make the site send mail to anyone (alert sign-ups,
password resets). The key is the client address from ``core.addresses`` and the counter lives
in the shared cache (Redis or the database cache), so every worker sees the same count.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from .addresses import client_address

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/h"`` (or ``"5/hour"``, ``"60/min"``) as (count, seconds)."""
    count, _, period = rate.partition("/")
    unit = period.strip()[:1].lower()
    if not count.strip().isdigit() or unit not in _PERIODS:
        raise ValueError(f"rate {rate!r}: expected <number>/<s|min|h|d>")
    return int(count), _PERIODS[unit]


def allow(request: HttpRequest, scope: str, rate: str) -> bool:
    """Count one attempt by this client in ``scope``; False once the rate is exceeded."""
    return allow_key(scope, client_address(request), rate)


def allow_key(scope: str, ident: str, rate: str) -> bool:
    """Count one attempt for ``ident`` (an address, a hashed recipient) in ``scope``."""
    limit, seconds = parse_rate(rate)
    key = f"throttle:{scope}:{hashlib.sha256(ident.encode()).hexdigest()[:32]}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return True
    return count <= limit
