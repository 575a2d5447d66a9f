"""Fixtures for the public-site tests: run on-commit hooks so the search projection is built."""

from __future__ import annotations

import pytest


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Use as a context manager around record changes: the projection is refreshed on exit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
