"""The big queries of the case list use their indexes (checked with EXPLAIN on both databases).

PostgreSQL prefers sequential scans on tiny test tables, so it is asked not to (enable_seqscan
off): the test then checks that an index *can* serve the query, which is what matters at scale.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hrdwatch.publication.listing import ListingQuery, filtered_entries, ordered
from hrdwatch.statistics.aggregates import AGGREGATES

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_of(indexed):
    with indexed():
        make_case("Nguyễn Văn Đài", country="VN")
        make_case("Wang Quanzhang", original="王全璋", country="CN")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
    return lambda qs: qs.explain()


def facet_index_serves(plan: str, sqlite_pattern: str) -> bool:
    """SQLite must use the named index; on PostgreSQL (whose choice between two usable indexes on a
    tiny table depends on the statistics other tests left) no facet row may be read by a full scan."""
    if connection.vendor == "postgresql":
        return (
            "Seq Scan on publication_searchfacet" not in plan and "publication_searchfacet" in plan
        )
    return re.search(sqlite_pattern, plan) is not None


def test_multi_valued_facet_filters_use_the_facet_value_index(plan_of):
    plan = plan_of(
        filtered_entries(ListingQuery(filters={"role": ("lawyer",), "charge": ("state_security",)}))
    )
    assert facet_index_serves(plan, "facet_value_entry_idx"), plan


def test_single_valued_facet_filters_use_a_column_index(plan_of):
    plan = plan_of(filtered_entries(ListingQuery(filters={"country": ("CN",), "year": ("2015",)})))
    assert "Seq Scan" not in plan and "SCAN publication_searchentry" not in plan, plan
    assert "publication_searchfacet" not in plan, plan


@pytest.mark.parametrize(
    ("name", "index"),
    [
        ("arrests_by_year", "search_country_year_idx"),
        ("time_in_detention", "search_detention_idx"),
        ("sentence_lengths", "search_sentence_idx"),
    ],
)
def test_statistics_read_a_covering_index_not_the_rows(plan_of, name, index):
    with CaptureQueriesContext(connection) as queries:
        AGGREGATES[name](None)
    plans = [
        plan_of_sql(q["sql"])
        for q in queries.captured_queries
        if "publication_searchentry" in q["sql"]
    ]
    assert plans
    for plan in plans:
        if connection.vendor == "sqlite":
            assert f"COVERING INDEX {index}" in plan, plan
        else:  # PostgreSQL picks among usable indexes by its statistics: require one, not which
            assert "Seq Scan on publication_searchentry" not in plan, plan


def plan_of_sql(sql: str) -> str:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


def test_latest_first_uses_the_sort_index(plan_of):
    plan = plan_of(ordered(filtered_entries(ListingQuery()), ListingQuery())[:25])
    assert "search_latest_idx" in plan
    assert "TEMP B-TREE" not in plan and "Sort" not in plan, (
        plan
    )  # the index gives the order: no sort


def test_a_country_listed_latest_first_reads_its_index_in_order(plan_of):
    query = ListingQuery(filters={"country": ("CN",), "gender": ("male",)})
    if connection.vendor == "postgresql":  # a one-row table makes any plan cheap: ask whether an
        with connection.cursor() as cursor:  # index can serve the order, as enable_seqscan does
            cursor.execute("SET enable_sort = off")
    plan = plan_of(ordered(filtered_entries(query), query)[:25])
    if connection.vendor == "sqlite":
        assert "search_country_latest_idx" in plan, plan
    else:  # on a tiny table PostgreSQL may walk either latest-first index: require one, in order
        assert re.search(r"Index Scan( Backward)? using search_(country_)?latest_idx", plan), plan
    assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan


def test_full_text_uses_the_full_text_index(plan_of):
    plan = plan_of(filtered_entries(ListingQuery(q="wang")))
    expected = (
        "publication_searchentry_tokens_gin"
        if connection.vendor == "postgresql"
        else "VIRTUAL TABLE INDEX"
    )
    assert expected in plan
