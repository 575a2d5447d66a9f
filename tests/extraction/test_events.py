"""Event words are typed (PLOVER-like) and prison terms read in months."""

from __future__ import annotations

import pytest

from hrdwatch.extraction.rules.events import find_terms, find_triggers


def types_in(text: str) -> list[tuple[str, ...]]:
    return [trigger.types for trigger in find_triggers(text, 0, len(text))]


def test_sentenced_is_a_conviction_and_a_sentence() -> None:
    assert types_in("She was sentenced on Monday.") == [("conviction", "sentence")]


def test_call_for_release_is_no_release_event() -> None:
    assert types_in("Rights groups called for the immediate release of the poet.") == [()]
    assert types_in("The poet was released on bail.") == [("release",)]


def test_hypothetical_and_denied_events_are_not_events() -> None:
    assert types_in("If convicted, he faces ten years.") == []
    assert types_in("Detainees are at risk of torture.") == []
    assert types_in("They were held without trial.") == [("detention",)]


def test_term_in_prison_is_not_a_separate_detention() -> None:
    assert types_in("He was sentenced to five years in prison.") == [("conviction", "sentence")]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("sentenced to five years in prison", 60),
        ("jailed for 18 months", 18),
        ("sentenced to two and a half years in prison", 30),
        ("three years and six months in prison", 42),
        ("condamné à deux ans de prison ferme", 24),
        ("condenada a ocho años de prisión", 96),
    ],
)
def test_prison_terms_in_months(text: str, months: int) -> None:
    assert [m for _, _, m in find_terms(text, 0, len(text))] == [months]


def test_ages_and_elapsed_time_are_not_terms() -> None:
    assert find_terms("The 51-year-old was arrested two years ago.", 0, 44) == []
