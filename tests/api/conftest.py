"""Fixtures for the API tests."""

from __future__ import annotations

import pytest

from hrdwatch.publication.search.index import rebuild
from tests.advocacy.sample import Sample, build_sample


@pytest.fixture
def sample(db) -> Sample:
    sample = build_sample()
    rebuild()  # the search index is refreshed on commit, which a test transaction never reaches
    return sample


@pytest.fixture(autouse=True)
def _no_rate_limit_by_default(settings):
    settings.HRDWATCH_API_RATE_PUBLIC = "100000/min"
    settings.HRDWATCH_API_RATE_PARTNER = "100000/min"
