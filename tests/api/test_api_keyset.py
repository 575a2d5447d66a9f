"""Keyset pages (``?cursor=``) give the same rows as page numbers, for every sort, on the demo."""

from __future__ import annotations

import pytest

from hrdwatch.demo.generator import generate
from hrdwatch.publication.search.index import rebuild


@pytest.fixture
def demo(db):
    generate(40, seed=7)
    rebuild()


def walk(client, path: str) -> list[str]:
    uids: list[str] = []
    body = client.get(f"{path}&page_size=7").json()
    while True:
        uids += [item["uid"] for item in body["items"]]
        if not body["next"]:
            return uids
        body = client.get(f"{path}&page_size=7&cursor={body['next']}").json()


@pytest.mark.parametrize("kind", ["cases", "defenders"])
@pytest.mark.parametrize("sort", ["latest", "name", "longest"])
def test_following_cursors_reads_every_row_once_in_page_order(client, demo, kind, sort):
    everything = client.get(f"/api/v1/{kind}?sort={sort}&page_size=200").json()
    assert len(everything["items"]) == everything["count"] > 7
    assert walk(client, f"/api/v1/{kind}?sort={sort}") == [
        item["uid"] for item in everything["items"]
    ]


def test_a_foreign_or_tampered_cursor_is_a_422(client, demo):
    first = client.get("/api/v1/cases?sort=name&page_size=5").json()
    assert client.get(f"/api/v1/cases?cursor={first['next']}x").status_code == 422
    assert client.get("/api/v1/cases?cursor=abc").status_code == 422
    # A cursor of one sort does not continue another with more keys.
    assert client.get(f"/api/v1/cases?sort=longest&cursor={first['next']}").status_code == 422
