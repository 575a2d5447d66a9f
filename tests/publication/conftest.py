"""Fixtures for the public-site tests: run on-commit hooks so the search projection is built."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from hrdwatch.records.guard import writes_allowed


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Use as a context manager around changes of test data (the write guard lifted): the
    projection is refreshed on exit, as after an action's commit."""

    @contextmanager
    def changes():
        with django_capture_on_commit_callbacks(execute=True), writes_allowed("test data"):
            yield

    return changes
