"""A column holding search tokens: plain text for SQLite FTS5, a ``tsvector`` on PostgreSQL.

On PostgreSQL the tokens are written as a tsvector literal with positions, so PostgreSQL's own
parser never re-splits them and phrase queries work exactly as in FTS5.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


def tsvector_literal(tokens: str) -> str:
    """``'tok':1 'tok2':2`` for space-separated tokens (which never contain quotes or backslashes)."""
    parts = []
    for position, token in enumerate(tokens.split(), start=1):
        parts.append(f"'{token}':{min(position, 16383)}")
    return " ".join(parts)


class TokenVectorField(models.TextField):
    """Space-separated tokens; a tsvector column on PostgreSQL."""

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        if connection.vendor == "postgresql":
            return "tsvector"
        return super().db_type(connection)

    def get_db_prep_value(
        self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False
    ) -> Any:
        value = super().get_db_prep_value(value, connection, prepared)
        if connection.vendor == "postgresql" and value is not None:
            return tsvector_literal(value)
        return value

    def get_placeholder(self, value: Any, compiler: Any, connection: BaseDatabaseWrapper) -> str:
        if connection.vendor == "postgresql":
            return "%s::tsvector"
        return "%s"
