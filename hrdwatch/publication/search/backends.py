"""Full-text matching behind one interface: SQLite FTS5 by default, PostgreSQL tsvector in production.

Both receive the same ``ParsedQuery`` (from ``text.parse_query``) over the same pre-tokenised
column, so they match the same rows; only the query syntax and the ranking function differ.
``match`` only filters (it is safe inside subqueries, e.g. for facet counts); ``ranked`` adds a
``rank`` annotation (lower is better) for the one query that orders a page by relevance.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, F, FloatField, Func, Lookup, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler

from ..models import SearchEntry
from .fields import TokenVectorField
from .text import ParsedQuery, Term

FTS_TABLE = "publication_searchentry_fts"
ENTRY_TABLE = SearchEntry._meta.db_table


class SearchBackend(Protocol):
    def compile(self, query: ParsedQuery) -> str: ...

    def match(
        self, entries: QuerySet[SearchEntry], query: ParsedQuery
    ) -> QuerySet[SearchEntry]: ...

    def ranked(
        self, entries: QuerySet[SearchEntry], query: ParsedQuery
    ) -> QuerySet[SearchEntry]: ...


class SqliteFts5Backend:
    """FTS5 external-content table (``tokenize='ascii'`` splits on spaces only, as we wrote them)."""

    def compile(self, query: ParsedQuery) -> str:
        def term(t: Term) -> str:
            return '"' + " ".join(t.tokens) + '"' + ("*" if t.prefix else "")

        return " AND ".join(
            "(" + " OR ".join(term(t) for t in group) + ")" for group in query.groups
        )

    def match(self, entries: QuerySet[SearchEntry], query: ParsedQuery) -> QuerySet[SearchEntry]:
        # Fixed SQL (a module constant); the visitor's query is only ever a bound parameter.
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        matching = RawSQL(sql, [self.compile(query)])  # noqa: S611
        return entries.filter(pk__in=matching)

    def ranked(self, entries: QuerySet[SearchEntry], query: ParsedQuery) -> QuerySet[SearchEntry]:
        return entries.extra(  # noqa: S610 - fixed SQL; the query is a bound parameter
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = {ENTRY_TABLE}.id", f"{FTS_TABLE} MATCH %s"],
            params=[self.compile(query)],
            select={"rank": f"{FTS_TABLE}.rank"},
        )


@TokenVectorField.register_lookup
class TsMatch(Lookup):
    """``tokens__tsmatch="'a' & 'b'"``: the column against a tsquery written by ``compile``."""

    lookup_name = "tsmatch"

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @@ %s::tsquery", (*lhs_params, self.rhs)


class TsRank(Func):
    """Negated ts_rank, so that lower is better as with FTS5's bm25 rank."""

    template = "-ts_rank(%(expressions)s::tsquery)"
    output_field = FloatField()


class PostgresTsvectorBackend:
    """A GIN-indexed tsvector column written with positions; phrases use ``<->``."""

    def compile(self, query: ParsedQuery) -> str:
        def term(t: Term) -> str:
            phrase = " <-> ".join(f"'{token}'" for token in t.tokens)
            return phrase + (":*" if t.prefix else "")

        return " & ".join("(" + " | ".join(term(t) for t in group) + ")" for group in query.groups)

    def match(self, entries: QuerySet[SearchEntry], query: ParsedQuery) -> QuerySet[SearchEntry]:
        return entries.filter(tokens__tsmatch=self.compile(query))

    def ranked(self, entries: QuerySet[SearchEntry], query: ParsedQuery) -> QuerySet[SearchEntry]:
        return entries.annotate(
            rank=TsRank(F("tokens"), Value(self.compile(query), output_field=CharField()))
        )


def get_backend() -> SearchBackend:
    """The backend for the database in use."""
    if connection.vendor == "postgresql":
        return PostgresTsvectorBackend()
    return SqliteFts5Backend()
