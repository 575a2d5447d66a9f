"""Fixtures of the ingestion tests: the local site and polite-but-fast fetch settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FIXTURES, SiteServer


@pytest.fixture
def site() -> Iterator[SiteServer]:
    server = SiteServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fast_fetching(settings):
    """Tests fetch from 127.0.0.1, so private URLs are allowed; waits are kept short."""
    settings.HRDWATCH_ALLOW_PRIVATE_URLS = True
    settings.HRDWATCH_FETCH_HOST_INTERVAL = 0
    settings.HRDWATCH_FETCH_TIMEOUT = 1.5
    settings.HRDWATCH_FETCH_DEADLINE = 5
    settings.HRDWATCH_FETCH_BACKOFF = 0.01
    settings.HRDWATCH_FETCH_MAX_BYTES = 2_000_000


@pytest.fixture
def fixtures_dir():
    return FIXTURES
