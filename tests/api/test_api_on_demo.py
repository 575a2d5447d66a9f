"""On generated demo data: the API agrees with the site's counts and never leaks hidden records."""

from __future__ import annotations

import pytest

from hrdwatch.demo.generator import generate
from hrdwatch.publication.figures import headline
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records.visibility import Gate, Viewer


@pytest.fixture
def demo(db):
    generate(40, seed=7)
    rebuild()


def test_api_defender_list_agrees_with_the_site_headline(client, demo):
    site = headline()
    body = client.get("/api/v1/defenders?page_size=200").json()
    stats = client.get("/api/v1/statistics").json()
    assert body["count"] == site.defenders == stats["defenders"] > 0
    assert stats["detained"] == site.detained
    assert stats["countries"] == site.countries
    visible = set(Gate(Viewer.public()).defenders().values_list("uid", flat=True))
    assert {d["uid"] for d in body["items"]} == visible
    paged = [
        client.get(f"/api/v1/defenders?page={n}&page_size=15").json()["items"] for n in (1, 2, 3)
    ]
    assert sum(len(p) for p in paged) == body["count"]


def test_every_public_case_detail_answers_and_hidden_ones_do_not(client, demo):
    hidden = (
        Gate(Viewer.at_level("restricted")).cases().exclude(pk__in=Gate(Viewer.public()).cases())
    )
    for case in hidden[:5]:
        assert client.get(f"/api/v1/cases/{case.uid}").status_code == 404
    for item in client.get("/api/v1/cases?page_size=10").json()["items"]:
        assert client.get(f"/api/v1/cases/{item['uid']}").status_code == 200
