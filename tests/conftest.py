"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL with DATABASE_URL set."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path):
    """Every test writes archived files and media into its own temporary data directory."""
    settings.DATA_DIR = tmp_path / "data"
    settings.ARCHIVE_DIR = settings.DATA_DIR / "archive"
    settings.MEDIA_ROOT = str(settings.DATA_DIR / "media")
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    yield
