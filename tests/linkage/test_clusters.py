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


def test_a_fuller_name_vouches_for_two_parts_of_it() -> None:
    """Luis Otero Alcántara and Luis Manuel Otero differ, but Luis Manuel Otero Alcántara is both."""
    people = {
        "full": person("full", "Luis Manuel Otero Alcántara"),
        "given": person("given", "Luis Manuel Otero"),
        "family": person("family", "Luis Otero Alcantara"),
    }
    pairs = [pair("full", "given", 9.0), pair("full", "family", 8.0)]
    clusters = cluster(people, pairs, threshold=0.5)
    assert clusters["full"] == clusters["given"] == clusters["family"]
    # without the fuller name, nothing says the two are one person
    alone = {k: v for k, v in people.items() if k != "full"}
    apart = cluster(alone, [pair("given", "family", 9.0)], threshold=0.5)
    assert apart["given"] != apart["family"]


def test_a_shorter_name_vouches_for_nothing() -> None:
    """Nguyen Hung may be Nguyen Van Hung or Nguyen Duc Hung, which are two people."""
    people = {
        "short": person("short", "Nguyen Hung"),
        "van": person("van", "Nguyen Van Hung"),
        "duc": person("duc", "Nguyen Duc Hung"),
    }
    pairs = [pair("short", "van", 9.0), pair("short", "duc", 8.0)]
    clusters = cluster(people, pairs, threshold=0.5)
    assert clusters["short"] == clusters["van"] != clusters["duc"]


def test_a_name_in_characters_vouches_for_its_two_romanisations() -> None:
    """秦永敏 is Qin Yongmin in pinyin and Ch'in Yung-min in Wade-Giles, which differ as written."""

    def record(record_id: str, name: str, original: str = "") -> Person:
        return Person(
            LinkRecord(record_id=record_id, name=name, name_original_script=original),
            person_name(name, original),
        )

    people = {
        "both": record("both", "Qin Yongmin", "秦永敏"),
        "pinyin": record("pinyin", "Yongmin Qin"),
        "wade": record("wade", "Ch'in Yung-min"),
    }
    pairs = [pair("both", "pinyin", 9.0), pair("both", "wade", 8.0), pair("pinyin", "wade", 1.0)]
    clusters = cluster(people, pairs, threshold=0.5)
    assert clusters["both"] == clusters["pinyin"] == clusters["wade"]
    without = cluster({k: v for k, v in people.items() if k != "both"}, pairs[2:], threshold=0.5)
    assert without["pinyin"] != without["wade"]


def test_two_clusters_merge_only_when_enough_of_their_records_are_linked() -> None:
    """Two arrests of one defender, two and three reports: with one of the six pairs across
    linked, the five stay two people (namesakes with missing fields contradict nobody); with two
    of six, a third, they are one (``MIN_SUPPORT``: pairs across arrests are weaker)."""
    ids = ("a1", "a2", "b1", "b2", "b3")
    people = {rid: person(rid, "Khalil Haddad") for rid in ids}
    within = [pair("a1", "a2", 9.0), pair("b1", "b2", 9.0), pair("b2", "b3", 9.0)]
    within.append(pair("b1", "b3", 9.0))
    one_across = cluster(people, [*within, pair("a1", "b1", 5.0)], threshold=0.5)
    assert one_across["a1"] != one_across["b1"]
    two_across = cluster(
        people, [*within, pair("a1", "b1", 5.0), pair("a2", "b2", 5.0)], threshold=0.5
    )
    assert len(set(two_across.values())) == 1
