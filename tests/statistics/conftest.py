"""The statistics tests reuse the public-site fixtures (records and the on-commit indexer)."""

from tests.publication.conftest import indexed  # noqa: F401
