"""Cached page data, invalidated on any change of the record by bumping one version number.

Keys carry the version, so a change makes every older entry unreachable at once. The cache is
shared by every process (Redis with ``REDIS_URL``, else the database cache table; see
``project.settings.base.production_caches``), so a bump from a web worker, the API or the command
line reaches every worker. Every action of ``hrdwatch.actions`` bumps on commit
(``records.signals.action_committed``), whatever record type it touched: perpetrators, places,
sources and evidence included, not only the cases and defenders the search projection follows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.dispatch import receiver

from hrdwatch.records.signals import action_committed

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


@receiver(action_committed, dispatch_uid="publication.caching.bump")
def _action_committed(sender: object, **kwargs: Any) -> None:
    """An action committed (it is sent after the commit): every cached page may be stale."""
    bump()


def cached(
    name: str, params: str, compute: Callable[[], T], timeout: int = TIMEOUT, versioned: bool = True
) -> T:
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
