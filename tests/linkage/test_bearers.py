"""How many people bear a name: a rare name reported often is one person's, a common one is not."""

from __future__ import annotations

from typing import Any

from hrdwatch.core.dates import PartialDate
from hrdwatch.linkage.bearers import MAX_RECORDS, own_records
from hrdwatch.linkage.features import add_name_counts, part_keys
from hrdwatch.linkage.inputs import LinkRecord
from hrdwatch.linkage.names import person_name
from hrdwatch.linkage.pipeline import link_records


def test_a_name_nobody_else_is_expected_to_bear_is_one_persons() -> None:
    assert own_records(8, 0.01) > 7.5
    assert own_records(2, 0.001) > 1.99


def test_a_name_many_others_are_expected_to_bear_is_shared() -> None:
    assert own_records(8, 30) < 2.5


def test_own_records_fall_as_more_namesakes_are_expected() -> None:
    estimates = [own_records(6, namesakes) for namesakes in (0.01, 0.1, 1, 3, 10, 100)]
    assert estimates == sorted(estimates, reverse=True)
    assert estimates[0] > 5.5 > 1.5 > estimates[-1]


def test_a_single_record_or_a_crowd_is_left_to_the_match_rate() -> None:
    assert own_records(1, 0.01) == 0.0
    assert own_records(MAX_RECORDS + 1, 0.01) == 0.0


def rows_of(names: list[str], country: str = "EG") -> list[dict[str, Any]]:
    return [
        {
            "name_keys": sorted({f.key for f in person_name(name).forms}),
            "part_keys": sorted(k for f in person_name(name).forms for k in part_keys(f)),
            "country": country,
        }
        for name in names
    ]


# Four reports of one name, and twenty other names of the same country.
REPORTS = ["Samir Abd El-Latif", "Samir Abdel Latif", "Samir Abdellatif", "Samir Abd el-Latif"]
UNRELATED = ["Hoda Salem", "Karim Nabil", "Ziad Mostafa", "Rania Fawzy", "Omar Hegazy"] * 4
# Twenty other names made of the same words: Samir and Abdel Latif are common here.
SAME_WORDS = [
    f"Samir {other}" for other in ("Nabil", "Salem", "Fawzy", "Hegazy", "Mostafa")
] * 2 + [f"{given} Abdel Latif" for given in ("Karim", "Omar", "Ziad", "Hoda", "Rania")] * 2


def test_the_words_of_other_names_tell_a_rare_name_from_a_common_one() -> None:
    rare = rows_of(REPORTS + UNRELATED)
    common = rows_of(REPORTS + SAME_WORDS)
    add_name_counts(rare)
    add_name_counts(common)
    assert rare[0]["name_nc"] == common[0]["name_nc"] == 4
    assert rare[0]["name_own"] > 3.5
    assert common[0]["name_own"] < rare[0]["name_own"] - 1


def record(record_id: str, name: str, arrested: str, born: int | None = None) -> LinkRecord:
    return LinkRecord(
        record_id=record_id,
        name=name,
        birth_year=born,
        arrest_date=PartialDate.parse(arrested),
        country="EG",
        gender="m",
        source_org="amnesty",  # one organisation reports every arrest: sources do not help
    )


def linked_among(other_names: list[str], *ours: LinkRecord) -> dict[str, str]:
    """These records linked among one record of each other name (of the same country)."""
    others = [
        record(f"o{i}", name, f"{2000 + i}-01-01", 1950 + i) for i, name in enumerate(other_names)
    ]
    return link_records([*others, *ours]).clusters


def clusters_among(other_names: list[str]) -> dict[str, str]:
    """The four reports (arrests of 2013 and 2019) linked among other people's records."""
    days = ["2013-11-28", "2019-09-29", "2019-09", "2019-09-29"]
    ours = [
        record(f"r{i}", name, day) for i, (name, day) in enumerate(zip(REPORTS, days, strict=True))
    ]
    return linked_among(other_names, *ours)


def test_a_rare_name_arrested_again_years_later_is_one_person() -> None:
    """One organisation reports a defender's arrests of 2013 and 2019: nothing but the name is
    shared, and no other name of the set has its words, so the reports are one person's."""
    clusters = clusters_among(UNRELATED)
    assert len({clusters[f"r{i}"] for i in range(4)}) == 1


def test_the_same_reports_among_many_names_of_those_words_stay_apart() -> None:
    clusters = clusters_among(SAME_WORDS)
    assert clusters["r0"] != clusters["r1"]
    assert len({clusters[f"r{i}"] for i in range(1, 4)}) == 1


def test_a_rare_spelling_of_a_name_one_person_bears_is_not_taken_for_a_crowd() -> None:
    """Eight reports spell her Loujain, one Lojain: the eight are one person's, so the one is not
    up against eight other people's records (each side's own records are left out of its count)."""
    days = ["2018-05-15", "2018-05", "2014-12-01", "2018-05-15", "2018-05-15", "2014-12", "2018-05"]
    ours = [record(f"r{i}", "Loujain al-Hamadi", day) for i, day in enumerate(days)]
    clusters = linked_among(UNRELATED, *ours, record("v", "Lojain al-Hamadi", "2018"))
    assert clusters["v"] == clusters["r0"]


def test_in_a_small_set_a_rare_name_at_two_arrests_is_one_persons() -> None:
    """Two organisations report a blogger's arrests of 2014 and 2016, in two prisons, one calling
    him a journalist: a name no other record comes near is his, even in a set too small to train on
    (half a record of another bearer, of twenty-two, would make it a coin toss)."""
    ours = [
        LinkRecord("r0", "Tewodros Alemayehu", source_org="amnesty", country="ET",
                   role="blogger", arrest_date=PartialDate.parse("2014-04-25"),
                   detention_place="Maekelawi"),
        LinkRecord("r1", "Tewodros Alemayehu", source_org="cpj", country="ET",
                   role="journalist", arrest_date=PartialDate.parse("2016-11-10"),
                   detention_place="Kality prison"),
    ]  # fmt: skip
    clusters = linked_among(UNRELATED, *ours)
    assert clusters["r0"] == clusters["r1"]


def test_a_spanish_name_without_its_second_family_name_at_a_later_arrest_is_one_persons() -> None:
    """Reported in full at his 2018 arrest and without his mother's family name at his 2021 one:
    the names agree only as one within the other in the model's keys, so the name rules are asked,
    and where Spanish is spoken that is the custom."""
    ours = [
        LinkRecord("r0", "Rosendo Alvarado Quiroga", source_org="cpj", country="NI",
                   arrest_date=PartialDate.parse("2018-07-13"), detention_place="La Modelo"),
        LinkRecord("r1", "Rosendo Alvarado", source_org="cpj", country="NI",
                   arrest_date=PartialDate.parse("2021-07-05"), detention_place="El Chipote"),
    ]  # fmt: skip
    clusters = linked_among(UNRELATED, *ours)
    assert clusters["r0"] == clusters["r1"]


def test_in_a_small_set_a_brother_and_a_sister_of_one_skeleton_stay_apart() -> None:
    """Julio and Julia Ramos share every consonant; with no gender given, their names are not taken
    for one rare name (the lowered floor is for one name, or one skeleton where both genders are
    given)."""
    ours = [
        LinkRecord("r0", "Julio Ramos", source_org="amnesty", country="CU",
                   arrest_date=PartialDate.parse("2019-03-02")),
        LinkRecord("r1", "Julia Ramos", source_org="cpj", country="CU",
                   arrest_date=PartialDate.parse("2021-07-11")),
    ]  # fmt: skip
    clusters = linked_among(UNRELATED, *ours)
    assert clusters["r0"] != clusters["r1"]
