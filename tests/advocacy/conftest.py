"""Fixtures for the advocacy tests."""

from __future__ import annotations

import pytest

from tests.advocacy.sample import Sample, build_sample


@pytest.fixture
def sample(db) -> Sample:
    return build_sample()
