"""The search box's examples come from the published record and each one finds a case (#24)."""

from __future__ import annotations

import html
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from hrdwatch.publication.listing import ListingQuery, filtered_entries
from hrdwatch.publication.search.examples import choose_examples
from hrdwatch.records.levels import Visibility

from .factories import make_case

pytestmark = pytest.mark.django_db
PLACEHOLDER = re.compile(r'<input type="search"[^>]*placeholder="([^"]*)"')


def shown_examples(client, language: str = "en") -> list[str]:
    body = client.get(reverse("publication:home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    placeholder = html.unescape(PLACEHOLDER.search(body).group(1))
    prefix = {"en": "e.g. ", "fr": "ex. ", "es": "p. ej. "}[language]
    if not placeholder.startswith(prefix):
        return []
    return [e.strip() for e in placeholder.removeprefix(prefix).split(",")]


def results(client, query: str) -> int:
    body = client.get(reverse("publication:cases"), {"q": query}).content.decode()
    return body.count('class="case-name"')


def test_an_empty_instance_shows_no_example_that_finds_nothing(client):
    assert shown_examples(client) == []
    body = client.get(reverse("publication:home")).content.decode()
    assert 'placeholder="A name, a place or a charge"' in body


def test_every_example_shown_finds_a_published_case(indexed, client):
    with indexed():
        make_case("Nguyễn Văn Đài", country="VN")
        make_case("Li Heping", original="李和平", country="CN")
        make_case(
            "Hidden Person",
            original="Скрытый Человек",
            country="RU",
            visibility=Visibility.PARTNERS,
        )
    examples = shown_examples(client)
    assert examples == ["Nguyễn", "李和平", "Vietnam"]
    for query in examples:
        assert results(client, query) >= 1, query
    assert "Скрытый Человек" not in examples and "Hidden Person" not in examples
    for language in ("fr", "es"):
        for query in shown_examples(client, language):
            assert results(client, query) >= 1, (language, query)


def test_the_examples_follow_the_record(indexed, client):
    with indexed():
        make_case("Amina Saleh", original="أمينة صالح", country="AE")
    assert "أمينة صالح" in shown_examples(client)
    with indexed():
        make_case("Aleksei Navalny", original="Алексей Навальный", country="RU")
    assert all(results(client, query) >= 1 for query in shown_examples(client))


def test_the_demo_examples_each_find_a_case():
    call_command("demo", "--no-serve", "--size", "30", "--seed", "11", stdout=io.StringIO())
    examples = choose_examples("en")
    assert len(examples) >= 2, examples
    for query in examples:
        assert filtered_entries(ListingQuery(q=query)).exists(), query
