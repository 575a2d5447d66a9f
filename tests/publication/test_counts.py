"""Facet counts and totals come from bitmaps; they must equal what counting the projection's rows
in SQL gives, for any selection and after every kind of change to the record."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db.models import Count

from hrdwatch.publication.listing import ListingQuery, filtered_entries, selection_counts
from hrdwatch.publication.models import FacetBitmap, SearchEntry, SearchFacet
from hrdwatch.publication.search import bitmaps
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, Charge

from .factories import make_case, term

pytestmark = pytest.mark.django_db

SELECTIONS = [
    ListingQuery(),
    ListingQuery(filters={"country": ("CN",)}),
    ListingQuery(filters={"country": ("CN", "VN"), "gender": ("female",)}),
    ListingQuery(filters={"role": ("lawyer",), "year": ("2015", "2020")}),
    ListingQuery(filters={"charge": ("state_security",), "status": ("released",)}),
    ListingQuery(filters={"year": ("02015",)}),
    ListingQuery(filters={"country": ("ZZ",)}),
    ListingQuery(q="wang"),
    ListingQuery(q="nguyen", filters={"role": ("journalist", "lawyer")}),
    ListingQuery(q="no-such-name-anywhere"),
]


@pytest.fixture
def record(indexed):
    with indexed():
        cases = {
            "dai": make_case("Nguyễn Văn Đài", country="VN", roles=("lawyer", "journalist")),
            "wang": make_case(
                "Wang Quanzhang",
                original="王全璋",
                country="CN",
                roles=("lawyer",),
                arrest=dt.date(2015, 8, 3),
            ),
            "li": make_case(
                "Li Heping",
                original="李和平",
                country="CN",
                gender="female",
                status="released",
                charge_category=None,
            ),
            "thu": make_case("Nguyen Thi Thu", country="VN", gender="female", arrest=None),
            "draft": make_case("Draft Person", country="CN", review_state="draft"),
        }
    return cases


def sql_counts(query: ListingQuery) -> tuple[int, dict[str, dict[str, int]]]:
    """The oracle: group the facet rows of the matching entries in SQL."""
    entries = filtered_entries(query)
    counts: dict[str, dict[str, int]] = {}
    rows = (
        SearchFacet.objects.filter(entry__in=entries)
        .values_list("facet", "value")
        .annotate(n=Count("id"))
    )
    for facet, value, n in rows.order_by():
        counts.setdefault(facet, {})[value] = n
    return entries.count(), counts


def assert_counts_exact() -> None:
    for query in SELECTIONS:
        counted = selection_counts(query)
        expected_total, expected = sql_counts(query)
        assert counted.total == expected_total, query
        assert {f: dict(values) for f, values in counted.facets.items()} == expected, query


def assert_bitmaps_match_rows() -> None:
    stored = {
        (f, v): set(_bits(data))
        for f, v, data in FacetBitmap.objects.values_list("facet", "value", "cases")
    }
    expected: dict[tuple[str, str], set[int]] = {
        bitmaps.ALL: set(SearchEntry.objects.values_list("case_id", flat=True))
    }
    for case_id, facet, value in SearchFacet.objects.values_list(
        "entry__case_id", "facet", "value"
    ):
        expected.setdefault((facet, value), set()).add(case_id)
    assert stored == expected
    assert all(
        n == len(stored[(f, v)])
        for f, v, n in FacetBitmap.objects.values_list("facet", "value", "size")
    )


def _bits(data: bytes) -> list[int]:
    number = int.from_bytes(bytes(data), "little")
    return [i for i in range(number.bit_length()) if number >> i & 1]


def test_counts_of_every_selection_equal_counting_rows_in_sql(record):
    assert_counts_exact()
    assert_bitmaps_match_rows()


def test_counts_stay_exact_when_cases_change_leave_or_are_deleted(record, indexed):
    with indexed():
        record["draft"].review_state = "published"
        record["draft"].save()
    assert_bitmaps_match_rows()
    with indexed():
        wang = record["wang"]
        wang.visibility = Visibility.PARTNERS  # no longer public: every bit of it goes
        wang.save()
        record["dai"].defender.roles.set([term("role", "blogger")])
        event = record["li"].events.first()
        Charge.objects.create(
            event=event,
            wording="Picking quarrels",
            category=term("charge_category", "public_order"),
            visibility=Visibility.PUBLIC,
        )
    assert_bitmaps_match_rows()
    assert_counts_exact()
    with indexed():
        Case.all_objects.filter(pk=record["thu"].pk).get().delete()
    assert_bitmaps_match_rows()
    assert_counts_exact()


def test_restricted_facet_values_are_not_counted(record, indexed):
    with indexed():
        event = record["thu"].events.first() or record["dai"].events.first()
        Charge.objects.create(
            event=event,
            wording="CANARY charge",
            category=term("charge_category", "terrorism_extremism"),
            visibility=Visibility.RESTRICTED,
        )
    facets = selection_counts(ListingQuery()).facets
    assert "terrorism_extremism" not in dict(facets["charge"])
    assert_bitmaps_match_rows()


def test_a_rebuild_writes_the_same_bitmaps_as_the_changes_did(record):
    before = Counter(FacetBitmap.objects.values_list("facet", "value", "size"))
    rebuild()
    assert Counter(FacetBitmap.objects.values_list("facet", "value", "size")) == before
    assert_bitmaps_match_rows()


def test_bitmaps_hold_ids_beyond_any_byte_boundary():
    ids = [0, 7, 8, 63, 64, 1_000_003]
    assert [i for i in ids if bitmaps.of_ids(ids) >> i & 1] == ids
    assert bitmaps.of_ids(ids).bit_count() == len(ids)
    assert bitmaps.of_ids([]) == 0
