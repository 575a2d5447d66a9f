"""Statistics: tables from public cases only, charts as SVG, downloads, and live durations."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from hrdwatch.records.levels import ReviewState
from hrdwatch.statistics.aggregates import AGGREGATES, table
from tests.publication.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(indexed):
    today = dt.date.today()
    with indexed():
        make_case("A", country="CN", arrest=today - dt.timedelta(days=400))
        make_case("B", country="CN", arrest=today - dt.timedelta(days=30), gender="female")
        make_case("C", country="VN", arrest=dt.date(2012, 5, 1), status="released")
        make_case("Draft", country="VN", review_state=ReviewState.DRAFT)


def test_tables_count_public_cases_only(cases):
    status = dict(table("status").rows)
    assert sum(status.values()) == 3
    assert dict(table("gender").rows) == {"Male": 2, "Female": 1}


def test_arrests_per_year_by_country_can_be_limited_to_a_country(cases):
    rows = table("arrests_by_year", "VN").rows
    assert rows == (("2012", "Vietnam", 1),)


def test_time_in_detention_is_counted_to_today_for_those_still_held(cases):
    buckets = dict(table("time_in_detention").rows)
    assert buckets["under 1 year"] == 1
    assert buckets["1–2 years"] == 1


def test_every_chart_is_an_svg_with_a_downloadable_table(client, cases):
    for name in AGGREGATES:
        svg = client.get(reverse("publication:statistics:chart", args=[name]))
        assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
        assert svg.content.lstrip().startswith(b"<svg")
        data = json.loads(
            client.get(reverse("publication:statistics:data", args=[name, "json"])).content
        )
        assert data["columns"] and isinstance(data["rows"], list)
        csv_text = client.get(
            reverse("publication:statistics:data", args=[name, "csv"])
        ).content.decode()
        assert csv_text.splitlines()[0] == ",".join(data["columns"])


def test_statistics_page_shows_each_chart_beside_its_table(client, cases):
    body = client.get(reverse("publication:statistics:page")).content.decode()
    assert body.count('<img class="chart"') == len(AGGREGATES)
    assert body.count("<table>") == len(AGGREGATES)


def test_unknown_statistics_are_not_found(client, cases):
    assert client.get("/statistics/charts/nope.svg").status_code == 404
    assert client.get("/statistics/data/status.xlsx").status_code == 404


def test_figures_are_recomputed_after_a_change(client, cases, indexed):
    assert "3 cases" in client.get(reverse("publication:cases")).content.decode()
    with indexed():
        make_case("D", country="VN")
    assert "4 cases" in client.get(reverse("publication:cases")).content.decode()
    assert dict(table("status").rows)["Detained awaiting trial"] == 3
