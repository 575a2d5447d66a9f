"""Fast insertion of many rows for the bulk path (``hrdwatch.actions.bulk``): plain dicts, ids
assigned up front, one bulk write per table. Only a bulk load creates tables, so only the action
layer writes this way.

Building a Django model instance and going through ``bulk_create`` costs far more than generating
the data itself (about 0.2 ms a row), which made 100,000 defenders (about 5 million rows) take half
an hour. Rows here are dicts keyed by attribute name; every model field not given takes its model
default, and values are adapted with the backend's own ``connection.ops`` adapters, so what lands in
the database is what the ORM would have written. SQLite gets one ``executemany`` per table and
batch, PostgreSQL a ``COPY``. No signals run and no history rows are written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models.fields.json import JSONField


class BadRow(ValueError):
    """A row of a bulk load does not fit its model; the message names the field and the value."""


class RowCheck:
    """What a row of one model must satisfy, compiled once per table."""

    def __init__(self, model: type[models.Model], refused: frozenset[str]) -> None:
        self.label = model._meta.label
        self.refused = refused
        self.checks: list[tuple[str, bool, int | None, frozenset[Any] | None]] = []
        for f in model._meta.concrete_fields:
            choices = (
                frozenset(c[0] for c in f.choices) | ({""} if f.blank else set())
                if f.choices
                else None
            )
            max_length = f.max_length if isinstance(f, models.CharField) else None
            if f.null and choices is None and max_length is None:
                continue
            self.checks.append((f.attname, f.null, max_length, choices))

    def __call__(self, row: dict[str, Any]) -> None:
        refused = self.refused.intersection(row)
        if refused:
            raise BadRow(f"{self.label}: {sorted(refused)} may only be set by the review workflow")
        for name, nullable, max_length, choices in self.checks:
            if name not in row:
                continue
            value = row[name]
            if value is None:
                if not nullable:
                    raise BadRow(f"{self.label}.{name}: a value is required")
                continue
            if choices is not None and value not in choices:
                raise BadRow(
                    f"{self.label}.{name}: {value!r} is not one of {sorted(map(str, choices))}"
                )
            if max_length is not None and isinstance(value, str) and len(value) > max_length:
                raise BadRow(f"{self.label}.{name}: longer than {max_length} characters")


class Table:
    """Rows waiting to be inserted into one model's table, with the next free primary key."""

    def __init__(
        self,
        model: type[models.Model],
        now: Any,
        refused: frozenset[str] = frozenset(),
        *,
        numbered: bool = True,
    ) -> None:
        """``numbered=False``: the database numbers the rows (for tables others write to meanwhile,
        such as the audit log)."""
        self.model = model
        self.numbered = numbered
        self.check = RowCheck(model, refused)
        fields = [f for f in model._meta.concrete_fields if numbered or not f.primary_key]
        self.attnames = [f.attname for f in fields]
        self.defaults: dict[str, Any] = {}
        self.adapters: list[Callable[[Any], Any] | None] = []
        for f in fields:
            self.defaults[f.attname] = self._default(f, now)
            self.adapters.append(self._adapter(f))
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        # Only quoted identifiers from the model's metadata go into the text; values are parameters.
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        self.copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        last = model._base_manager.aggregate(last=models.Max("pk"))["last"]
        self.next_id = (last or 0) + 1
        self.rows: list[dict[str, Any]] = []
        self.inserted = 0

    @staticmethod
    def _default(field: models.Field, now: Any) -> Any:
        if isinstance(field, models.DateTimeField) and (
            field.auto_now or field.auto_now_add or field.name == "created_at"
        ):
            return now
        return field.get_default()  # the model default, else "" or None as the ORM would write

    @staticmethod
    def _adapter(field: models.Field) -> Callable[[Any], Any] | None:
        ops = connection.ops
        if isinstance(field, JSONField):
            return lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
        if isinstance(field, models.DateTimeField):
            return lambda value: None if value is None else ops.adapt_datetimefield_value(value)
        if isinstance(field, models.DateField):
            return lambda value: None if value is None else ops.adapt_datefield_value(value)
        if isinstance(field, models.DecimalField):
            return lambda value: (
                None
                if value is None
                else ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
            )
        return None

    def add(self, **values: Any) -> dict[str, Any]:
        """Check and queue a row; returns it with its primary key already set."""
        self.check(values)
        if self.numbered:
            values["id"] = self.next_id
            self.next_id += 1
        self.rows.append(values)
        return values

    def flush(self) -> int:
        """Insert the queued rows; returns how many."""
        if not self.rows:
            return 0
        adapted = [
            (name, adapt) for name, adapt in zip(self.attnames, self.adapters, strict=True) if adapt
        ]
        defaults = dict(self.defaults)
        for name, adapt in adapted:
            defaults[name] = adapt(defaults[name])
        values = itemgetter(*self.attnames)
        params = []
        for row in self.rows:
            for name, adapt in adapted:
                if name in row:
                    row[name] = adapt(row[name])
            params.append(values({**defaults, **row}))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is several times faster than executemany on PostgreSQL (psycopg 3).
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for values_row in params:
                        copy.write_row(values_row)
            else:
                cursor.executemany(self.sql, params)
        count = len(self.rows)
        self.inserted += count
        self.rows = []
        return count


@contextmanager
def large_page_cache() -> Iterator[None]:
    """Let SQLite keep up to 256 MB of pages while generating: index inserts at random uids are
    then served from memory instead of re-reading pages. Restored afterwards; no-op elsewhere."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA cache_size=-262144")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size={previous}")


def reset_sequences(tables: list[Table]) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
