"""The big queries of the case list use their indexes (checked with EXPLAIN on both databases).

PostgreSQL prefers sequential scans on tiny test tables, so it is asked not to (enable_seqscan
off): the test then checks that an index *can* serve the query, which is what matters at scale.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection

from hrdwatch.publication.listing import ListingQuery, filtered_entries, ordered
from hrdwatch.publication.models import SearchFacet

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
        return "Seq Scan on publication_searchfacet" not in plan and "publication_searchfacet" in plan
    return re.search(sqlite_pattern, plan) is not None


def test_facet_filters_use_the_facet_value_index(plan_of):
    plan = plan_of(filtered_entries(ListingQuery(filters={"country": ("CN",), "gender": ("male",)})))
    assert facet_index_serves(plan, "facet_value_entry_idx"), plan


def test_facet_counts_of_a_selection_use_the_entry_index(plan_of):
    selection = filtered_entries(ListingQuery(filters={"country": ("CN",)}))
    plan = plan_of(SearchFacet.objects.filter(entry_id__in=selection.values("id")).values("facet", "value"))
    assert facet_index_serves(plan, r"INDEX \w+ \(entry_id=\?"), plan


def test_latest_first_uses_the_sort_index(plan_of):
    plan = plan_of(ordered(filtered_entries(ListingQuery()), ListingQuery())[:25])
    assert "search_latest_idx" in plan


def test_full_text_uses_the_full_text_index(plan_of):
    plan = plan_of(filtered_entries(ListingQuery(q="wang")))
    expected = "publication_searchentry_tokens_gin" if connection.vendor == "postgresql" else "VIRTUAL TABLE INDEX"
    assert expected in plan
