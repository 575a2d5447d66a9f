"""List filters of #24: several values per facet, date ranges on arrest and release, new sorts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict

from hrdwatch.publication.listing import ListingQuery, filtered_entries, ordered, selection_counts

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(indexed):
    with indexed():
        make_case("Alpha Person", country="VN", arrest=dt.date(2015, 5, 1))
        make_case("Beta Person", country="CN", arrest=dt.date(2019, 3, 14))
        make_case("Gamma Person", country="TR", arrest=dt.date(2021, 1, 2))


def names(params: str) -> list[str]:
    query = ListingQuery.from_params(QueryDict(params))
    return [
        e.defender.display_name
        for e in ordered(filtered_entries(query), query).select_related("defender")
    ]


def test_two_values_of_one_facet_are_either(three):
    assert sorted(names("country=CN&country=VN")) == ["Alpha Person", "Beta Person"]


def test_an_arrest_date_range_by_year_or_day_with_matching_counts(three):
    assert names("arrest_from=2016&arrest_to=2020") == ["Beta Person"]
    assert names("arrest_from=2019-03-15&sort=arrest") == ["Gamma Person"]
    query = ListingQuery.from_params(QueryDict("arrest_to=2019"))
    assert selection_counts(query).total == 2
    assert dict(selection_counts(query).facets["country"]) == {"VN": 1, "CN": 1}


def test_bad_dates_are_ignored_and_the_range_is_kept_in_links(three):
    query = ListingQuery.from_params(
        QueryDict("arrest_from=2019-02-30&release_to=x&arrest_to=2020")
    )
    assert query.dates == {"arrest_to": "2020-12-31"}
    assert "arrest_to=2020-12-31" in query.toggled("country", "CN").querystring()


def test_sort_by_latest_arrest(three, client):
    assert names("sort=arrest") == ["Gamma Person", "Beta Person", "Alpha Person"]
    page = client.get("/cases/?sort=arrest&country=CN&country=VN&arrest_from=2010").content.decode()
    assert page.index("Beta Person") < page.index("Alpha Person")
    assert 'name="arrest_from"' in page
