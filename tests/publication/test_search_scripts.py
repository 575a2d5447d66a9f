"""Queries in another alphabet or script find names stored only in Latin letters, through the
name keys linkage uses (#24): Azerbaijani and Turkish letters, Cyrillic, Arabic and Han."""

from __future__ import annotations

import pytest

from hrdwatch.publication.listing import ListingQuery, filtered_entries

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def latin_only(indexed):
    # Invented people, stored in Latin letters only (no original-script name, no alias).
    with indexed():
        make_case("Rashid Huseynov", country="AZ")
        make_case("Elnur Mammadli", country="AZ")
        make_case("Pyotr Smirnov", country="RU")
        make_case("Khalil Mansour", country="BH")
        make_case("Zhou Jianguo", country="CN")
        make_case("Sevgi Cakir", country="TR")
        make_case("Vüqar Əliyev", country="AZ")


def found(text: str) -> set[str]:
    entries = filtered_entries(ListingQuery(q=text)).select_related("defender")
    return {e.defender.display_name for e in entries}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rəşid Hüseynov", "Rashid Huseynov"),  # Azerbaijani ə ş ü
        ("Elnur Məmmədli", "Elnur Mammadli"),
        ("Sevgi Çakır", "Sevgi Cakir"),  # Turkish ç ı
        ("Vugar Aliyev", "Vüqar Əliyev"),  # the other way: Latin query, Azerbaijani record
        ("Смирнов", "Pyotr Smirnov"),  # Cyrillic
        ("منصور", "Khalil Mansour"),  # Arabic
        ("周建国", "Zhou Jianguo"),  # Han
    ],
)
def test_a_query_in_another_script_finds_the_latin_record(latin_only, query, expected):
    assert found(query) == {expected}
