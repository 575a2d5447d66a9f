"""Facet values as bitmaps of public case ids, so that counts for any selection are exact and cheap.

Counting facet values over a selection in SQL reads one facet row per matching case and value
(about 15 per case: 1.2 million rows for the whole list at 100,000 defenders). Here each facet
value keeps the set of public cases holding it as a bitmap (bit *n* set = case id *n*) in one
``FacetBitmap`` row; a selection is ORs within a facet and ANDs across facets, and a count is a
popcount: a few milliseconds for every facet at once. The rows belong to the projection: ``index``
writes them in the same transaction as the entries they describe, so they are never stale and are
not a cache.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from ..models import FacetBitmap

Key = tuple[str, str]
ALL: Key = ("", "")  # the universe: every public case
_LOCK_ID = 0x68726477  # PostgreSQL advisory lock serialising bitmap updates ("hrdw")


def of_ids(ids: Iterable[int]) -> int:
    """The bitmap (a Python int) with the bits of ``ids`` set."""
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray(max(ids) // 8 + 1)
    for i in ids:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def _to_bytes(bits: int) -> bytes:
    return bits.to_bytes((bits.bit_length() + 7) // 8, "little")


def load(facets: Iterable[str] | None = None) -> dict[Key, int]:
    """Bitmaps by (facet, value), of every facet or only of ``facets`` (the universe always)."""
    rows = FacetBitmap.objects.all()
    if facets is not None:
        rows = rows.filter(facet__in=[*facets, ALL[0]])
    return {
        (f, v): int.from_bytes(bytes(data), "little")
        for f, v, data in _fetch(rows.values_list("facet", "value", "cases"))
    }


def _fetch(rows: QuerySet[FacetBitmap, Any]) -> list[tuple[str, str, Any]]:
    """The rows, on PostgreSQL in binary form.

    Django's psycopg cursors bind parameters client-side, and such cursors receive ``bytea`` as
    hexadecimal text: for the 1.2 MB of bitmaps of 100,000 defenders, 2.4 MB to encode, send and
    decode, about half of the 8-12 ms the list pages spent loading them. A server-binding psycopg
    cursor on the same connection (same transaction) asks for binary results instead: the same
    query and rows, not logged by Django's debug cursor.
    """
    if connection.vendor != "postgresql":
        return list(rows)
    import psycopg

    sql, params = rows.query.sql_with_params()
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, binary=True)
        return [(facet, value, data) for facet, value, data in cursor.fetchall()]


def sizes() -> dict[Key, int]:
    """Cases per (facet, value) for the whole public record, without reading any bitmap."""
    return {(f, v): n for f, v, n in FacetBitmap.objects.values_list("facet", "value", "size")}


def members_of(facets: dict[int, list[Key]]) -> dict[Key, list[int]]:
    """Case ids per (facet, value), universe included, from each case's facet values."""
    members: dict[Key, list[int]] = defaultdict(list)
    for case_id, keys in facets.items():
        members[ALL].append(case_id)
        for key in keys:
            members[key].append(case_id)
    return members


def replace_all(members: dict[Key, list[int]]) -> None:
    """Write the bitmaps of a full rebuild (callers hold the transaction)."""
    FacetBitmap.objects.all().delete()
    rows = []
    for (facet, value), ids in members.items():
        bits = of_ids(ids)
        rows.append(
            FacetBitmap(facet=facet, value=value, cases=_to_bytes(bits), size=bits.bit_count())
        )
    FacetBitmap.objects.bulk_create(rows)


def update(case_ids: Iterable[int], members: dict[Key, list[int]]) -> None:
    """Make the bitmaps say, about ``case_ids`` only, exactly what ``members`` says.

    Call inside the transaction that rewrote these cases' entries. Cases absent from ``members``
    (no longer public, or deleted) lose every bit. PostgreSQL takes an advisory lock so that
    concurrent updates cannot lose each other's bits; SQLite already holds the write lock.
    """
    touched = of_ids(case_ids)
    if not touched:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
    new = {key: of_ids(ids) for key, ids in members.items()}
    for row in FacetBitmap.objects.all():
        key = (row.facet, row.value)
        old = int.from_bytes(bytes(row.cases), "little")
        bits = (old & ~touched) | new.pop(key, 0)
        if bits == old:
            continue
        if bits:
            row.cases, row.size = _to_bytes(bits), bits.bit_count()
            row.save(update_fields=["cases", "size"])
        else:
            row.delete()
    FacetBitmap.objects.bulk_create(
        [
            FacetBitmap(facet=f, value=v, cases=_to_bytes(bits), size=bits.bit_count())
            for (f, v), bits in new.items()
        ]
    )
