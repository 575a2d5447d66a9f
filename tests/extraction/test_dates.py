"""Dates are resolved against the publication date, at the precision the text supports."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.extraction.rules.when import find_dates, parse_published

PUBLISHED = dt.date(2022, 3, 10)  # a Thursday


def values(text: str, base: dt.date | None = PUBLISHED) -> list[str | None]:
    return [mention.value for mention in find_dates(text, base)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was detained last Tuesday in the capital.", "2022-03-08"),
        ("He was arrested yesterday.", "2022-03-09"),
        ("Police raided the office in January 2019.", "2019-01"),
        ("The blogger was arrested three years ago.", "2019"),
        ("Thirty-three years have passed since 1989 and his fate is unknown.", "1989"),
        ("She was picked up on 4 February 2021.", "2021-02-04"),
        ("He was arrested on March 2, 2020, at dawn.", "2020-03-02"),
        ("They were detained in early May this year.", "2022-05"),
        ("The writer was arrested in June last year.", "2021-06"),
        ("Il a été arrêté le 12 août 2014.", "2014-08-12"),
        ("Fue detenida el 3 de octubre de 2018.", "2018-10-03"),
        ("Le journaliste a été arrêté il y a deux ans.", "2020"),
    ],
)
def test_relative_and_absolute_dates_resolve_against_publication(text: str, expected: str) -> None:
    assert expected in values(text)


def test_relative_date_without_publication_date_stays_unknown() -> None:
    assert values("He was detained last Tuesday.", base=None) == [None]
    assert values("He was detained on 2 May 2020.", base=None) == ["2020-05-02"]


def test_prison_terms_and_law_years_are_not_dates() -> None:
    assert values("She was sentenced to five years in prison under the 1999 Penal Code.") == []


def test_date_without_year_never_lands_after_publication() -> None:
    # "December 20" seen on 10 March 2022 is the previous December.
    assert values("He was detained on December 20.") == ["2021-12-20"]


def test_partial_publication_dates_are_read() -> None:
    assert parse_published("2020-05") == dt.date(2020, 5, 1)
    assert parse_published("not a date") is None
    assert parse_published(None) is None
