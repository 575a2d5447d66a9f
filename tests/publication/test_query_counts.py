"""Every public page and API list costs a bounded number of SQL statements, the same at 10 and at
200 defenders: no per-row query hides in a page, a serialiser or a template (#27)."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from hrdwatch.demo.generator import generate
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records.visibility import Gate, Viewer

# Statements per request, whatever the size of the record (sessions, vocabulary, the page's own
# queries). A per-row query would add at least 10 at the smaller size and 200 at the larger.
BOUND = 15
# The defender page (its sections change often) has its own bound; PostgreSQL needs 16 today.
DEFENDER_BOUND = 20

PATHS = [
    "/cases/",
    "/cases/?q=al",
    "/cases/?q=mahdi&sort=name",
    "/cases/?country=IR&country=BH&role=lawyer",
    "/cases/?status=detained_convicted&sort=longest&page=2",
    "/statistics/",
    "/defenders/",
    "/defenders/?page=2",
    "/countries/",
    "/api/v1/cases?page_size=200",
    "/api/v1/cases?role=lawyer&wgad=I&page_size=200",
    "/api/v1/cases?q=al",
    "/api/v1/defenders?page_size=200",
    "/api/v1/defenders?sort=longest&page_size=200",
    "/api/v1/defenders?country=IR&role=lawyer",
]


@pytest.fixture(params=[10, 200])
def demo(request, db, settings):
    settings.HRDWATCH_API_RATE_PUBLIC = "100000/min"
    generate(request.param, seed=7)
    rebuild()
    return request.param


def fresh(client, path: str) -> int:
    for cache in caches.all():
        cache.clear()
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("path", PATHS)
def test_pages_and_api_lists_cost_a_bounded_number_of_queries(
    client, demo, path, django_assert_max_num_queries
):
    client.get("/")  # the session and language cookies, as a returning visitor has them
    with django_assert_max_num_queries(BOUND):
        fresh(client, path)


def test_the_defender_page_costs_a_bounded_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    defender = Gate(Viewer.public()).defenders().order_by("-pk").first()
    client.get("/")
    with django_assert_max_num_queries(DEFENDER_BOUND):
        fresh(client, f"/defenders/{defender.uid}/")
