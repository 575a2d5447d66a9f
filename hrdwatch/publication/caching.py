"""Cached page data, invalidated on any change of the record by bumping one version number.

Keys carry the version, so a change makes every older entry unreachable at once; this works the
same with the local-memory cache and with Redis (``REDIS_URL``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
VERSION_KEY = "publication:version"
TIMEOUT = 60 * 60


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        value = cache.get(VERSION_KEY, 1)
    return int(value)


def bump() -> None:
    """Invalidate every cached page fragment."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached(name: str, params: str, compute: Callable[[], T], timeout: int = TIMEOUT, versioned: bool = True) -> T:
    """``compute()`` once per (name, params, language-independent data version).

    ``versioned=False`` is for values that ``params`` determine completely (a chart rendered from
    its full spec): they survive changes of the record that leave them as they were.
    """
    digest = hashlib.sha256(params.encode()).hexdigest()[:32]
    key = f"publication:{version() if versioned else 'content'}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
