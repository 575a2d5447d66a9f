"""Clustering: strong pairs join, but never through a chain that links two different people."""

from __future__ import annotations

from hrdwatch.linkage.clusters import Judgements, Person, cluster
from hrdwatch.linkage.inputs import LinkRecord
from hrdwatch.linkage.model import ScoredPair
from hrdwatch.linkage.names import person_name


def person(record_id: str, name: str, born: int | None = None) -> Person:
    return Person(LinkRecord(record_id=record_id, name=name, birth_year=born), person_name(name))


def pair(left: str, right: str, bits: float) -> ScoredPair:
    return ScoredPair(left, right, {"name": bits}, prior_bits=0.0)


PEOPLE = {
    "father": person("father", "Nguyen Van Binh", 1950),
    "either": person("either", "Nguyen Binh"),
    "son": person("son", "Nguyen Van Binh", 1980),
}


def test_a_record_compatible_with_two_people_does_not_chain_them_together() -> None:
    clusters = cluster(
        PEOPLE, [pair("father", "either", 9.0), pair("either", "son", 8.0)], threshold=0.5
    )
    assert clusters["father"] == clusters["either"]  # the stronger link wins
    assert clusters["son"] != clusters["father"]


def test_pairs_below_the_threshold_stay_apart() -> None:
    clusters = cluster(PEOPLE, [pair("father", "either", -3.0)], threshold=0.5)
    assert len(set(clusters.values())) == 3


def test_judgements_beat_the_scores() -> None:
    judged = Judgements(same=[("either", "son")], different={frozenset(("father", "either"))})
    clusters = cluster(PEOPLE, [pair("father", "either", 20.0)], threshold=0.5, judgements=judged)
    assert clusters["either"] == clusters["son"] != clusters["father"]
