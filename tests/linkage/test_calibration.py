"""Name evidence calibrated on how many records bear the name, and blocking among many namesakes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hrdwatch.core.dates import PartialDate
from hrdwatch.linkage.features import add_name_counts, cap_block_sizes, part_keys
from hrdwatch.linkage.inputs import LinkRecord
from hrdwatch.linkage.names import NameLevel, compare_names, person_name
from hrdwatch.linkage.pipeline import link_records


def record(record_id: str, name: str, born: int | None = None, **fields: Any) -> LinkRecord:
    arrested = PartialDate.parse(fields.pop("arrested", ""))
    return LinkRecord(
        record_id=record_id,
        name=name,
        birth_year=born,
        arrest_date=arrested,
        country=fields.pop("country", "VN"),
        **fields,
    )


def probability(records: list[LinkRecord], left: str, right: str) -> float:
    pairs = link_records(records, threshold=1e-6).pairs
    return next(p.probability for p in pairs if {p.left, p.right} == {left, right})


def test_a_common_name_is_weaker_evidence_than_a_rare_one() -> None:
    namesakes = [
        record(f"n{i}", "Nguyen Van Hung", 1950 + i, arrested=f"{2000 + i}-01-01")
        for i in range(30)
    ]
    pairs = [
        record("common-a", "Nguyen Van Hung", arrested="2015-05-05"),
        record("common-b", "Nguyễn Văn Hùng", arrested="2015-05"),
        record("rare-a", "Phan Thi Xuyen", arrested="2015-05-05"),
        record("rare-b", "Phan Thị Xuyến", arrested="2015-05"),
    ]
    records = namesakes + pairs
    assert probability(records, "rare-a", "rare-b") > probability(records, "common-a", "common-b")


def test_a_name_common_in_another_country_only_is_not_common_here() -> None:
    """Name frequency is counted within the pair's country: 30 Carlos Pérez in Mexico say little
    about two reports of a Carlos Pérez in Nicaragua."""
    elsewhere = [
        record(f"mx{i}", "Carlos Pérez", 1950 + i, country="MX", arrested=f"{2000 + i}-01-01")
        for i in range(30)
    ]
    here = [
        record("ni-a", "Carlos Pérez", country="NI", arrested="2018-07-02"),
        record("ni-b", "Carlos Perez", country="NI", arrested="2018-07"),
    ]
    crowded = [
        record(f"ni{i}", "Carlos Pérez", 1950 + i, country="NI", arrested=f"{2000 + i}-01-01")
        for i in range(30)
    ]
    rare_here = probability(elsewhere + here, "ni-a", "ni-b")
    common_here = probability(crowded + here, "ni-a", "ni-b")
    assert rare_here > common_here


def test_name_counts_include_the_longer_names_a_short_one_may_stand_for() -> None:
    rows: list[dict[str, Any]] = []
    for i, (name, country) in enumerate(
        [("Nguyen Hung", "VN"), ("Nguyen Van Hung", "VN"), ("Nguyen Van Hung", None)]
        + [("Nguyen Duc Hung", "VN")] * 2
    ):
        rows.append(
            {
                "name_keys": sorted({f.key for f in person_name(name).forms}),
                "part_keys": sorted(k for f in person_name(name).forms for k in part_keys(f)),
                "country": country,
                "row": i,
            }
        )
    add_name_counts(rows)
    assert rows[0]["name_n"] == 5  # Nguyen Hung: every Nguyen ... Hung
    assert rows[1]["name_n"] == 2  # Nguyen Van Hung: only itself
    assert rows[1]["name_nc"] == 2  # the record without a country counts toward Vietnam


def test_crowded_blocks_are_narrowed_by_birth_year_and_arrest_year_not_dropped() -> None:
    rows = [
        {
            "block_keys": ["k:hung nguyen van"],
            "country": "VN",
            "birth_year": 1960 + i % 20,
            "arrest_year": 2000 + i % 7,
        }
        for i in range(100)
    ]
    rows.append(
        {
            "block_keys": ["k:hung nguyen van"],
            "country": "VN",
            "birth_year": None,
            "arrest_year": 2003,
        }
    )
    cap_block_sizes(rows, limit=30, budget=10**9)
    assert rows[0]["block_keys"] == ["k:hung nguyen van|VN|b1960", "k:hung nguyen van|VN|y2000"]
    assert rows[-1]["block_keys"] == ["k:hung nguyen van|VN|y2003"]


def test_the_block_limit_is_halved_until_the_pairs_fit_the_budget() -> None:
    def rows() -> list[dict[str, Any]]:
        return [
            {
                "block_keys": ["k:hung nguyen van", f"k:other {i % 3}"],
                "country": "VN",
                "birth_year": 1960 + i % 20,
                "arrest_year": 2000 + i % 7,
            }
            for i in range(101)
        ]

    def pairs(capped: list[dict[str, Any]]) -> int:
        sizes = Counter(key for row in capped for key in row["block_keys"])
        return sum(n * (n - 1) // 2 for n in sizes.values())

    at_50, at_25, budgeted = rows(), rows(), rows()
    cap_block_sizes(at_50, limit=50, budget=10**9)
    cap_block_sizes(at_25, limit=25, budget=10**9)
    cap_block_sizes(budgeted, limit=400, budget=2_000)
    assert pairs(at_25) <= 2_000 < pairs(at_50)
    assert budgeted == at_25  # 400 to 50 leave too many pairs; 25 is the first that fits


def test_different_names_in_arabic_script_are_two_people() -> None:
    """The Latin spellings drop the father's name; the Arabic script shows it differs."""
    a = person_name("Amal Al-Sayyid", "أمل أحمد السيد")
    b = person_name("Amal Al-Sayyid", "أمل فادي السيد")
    assert compare_names(a, b).level == NameLevel.CONFLICT
    shorter = person_name("Amal El-Sayed", "أمل السيد")  # without the father's name: no conflict
    assert compare_names(a, shorter).level >= NameLevel.LOOSE


def test_vowel_spellings_of_arabic_and_persian_names_are_not_read_as_pinyin() -> None:
    """Mona or Rezaee are runs of pinyin syllables too; only a Chinese name's vowels tell apart."""
    assert compare_names(person_name("Zahra Rezaee"), person_name("Zahra Rezaei")).level >= (
        NameLevel.LOOSE
    )
    assert compare_names(person_name("Mona Al-Harbi"), person_name("Muna Al-Harbi")).level >= (
        NameLevel.LOOSE
    )
    assert compare_names(person_name("Wang Minghui"), person_name("Wang Minghua")).level < (
        NameLevel.LOOSE
    )


def test_a_name_the_population_shares_widely_needs_more_than_the_name() -> None:
    """Wang Yu is borne by a great many people even when a set holds it twice: two reports that
    agree on nothing else stay apart, while a rare name with the same evidence is linked."""
    reports = [
        record("wang-a", "Wang Yu", country="CN", role="lawyer", arrested="2015-07-09"),
        record("wang-b", "Wang Yu", country="CN", role="activist", arrested="2019-03-02"),
        record("rare-a", "Wang Quanzhang", country="CN", role="lawyer", arrested="2015-08-03"),
        record("rare-b", "Wang Quanzhang", country="CN", role="activist", arrested="2019-03-02"),
        # the same in Hong Kong, where the name is spelt in Cantonese
        record("wong-a", "Wong Yu", country="HK", role="lawyer", arrested="2015-07-09"),
        record("wong-b", "Wong Yu", country="HK", role="activist", arrested="2019-03-02"),
    ]
    result = link_records(reports)
    assert result.clusters["wang-a"] != result.clusters["wang-b"]
    assert result.clusters["wong-a"] != result.clusters["wong-b"]
    assert result.clusters["rare-a"] == result.clusters["rare-b"]
    assert probability(reports, "rare-a", "rare-b") > probability(reports, "wang-a", "wang-b")
    assert probability(reports, "rare-a", "rare-b") > probability(reports, "wong-a", "wong-b")


def test_reports_of_one_arrest_join_even_under_a_common_name() -> None:
    reports = [
        record("a", "Wang Yu", country="CN", gender="f", arrested="2015-07-09"),
        record("b", "Yu Wang", country="CN", gender="f", arrested="2015-07-09"),
    ]
    result = link_records(reports)
    assert result.clusters["a"] == result.clusters["b"]


def test_a_name_every_source_reports_once_is_one_persons_in_a_small_set() -> None:
    """Four organisations report one defender, one of them an earlier arrest: in a set too small
    to train on, a name that each source reports once is taken as one person's, even where its
    words are common in the set's other names (there, the name's parts say it is shared, see
    ``bearers``). The same four records from one source are four reports of a name that source saw
    several times."""

    def reports(sources: list[str]) -> list[LinkRecord]:
        common_words = [f"Samir {n}" for n in ("Nabil", "Salem", "Fawzy", "Hegazy")] + [
            f"{n} Abdel Latif" for n in ("Karim", "Omar", "Ziad", "Hoda")
        ]
        others = [
            record(f"o{i}", name, 1950 + i, country="EG", source_org=f"org-{i % 5}")
            for i, name in enumerate(common_words * 3)
        ]
        ours = [
            ("a", "Samir Abd El-Latif", "2013-11-28", None, "m"),
            ("b", "Samir Abdel Latif", "2019-09-29", 1981, "m"),
            ("c", "Samir Abdellatif", "2019-09", 1981, ""),
            ("d", "Samir Abd el-Latif", "2019-09-29", 1981, "m"),
        ]
        return others + [
            record(rid, name, born, country="EG", arrested=day, gender=gender, source_org=source)
            for (rid, name, day, born, gender), source in zip(ours, sources, strict=True)
        ]

    apart = link_records(reports(["amnesty", "hrw", "omct", "fld"])).clusters
    assert len({apart[r] for r in "abcd"}) == 1
    together = link_records(reports(["amnesty"] * 4)).clusters
    assert together["a"] != together["b"]
    assert len({together[r] for r in "bcd"}) == 1


def test_a_short_name_counts_the_sources_of_the_longer_names_it_stands_for() -> None:
    """Kenia Hernández and Kenia Inés Hernández Montalván, each from another source: the short
    name's three records are three sources' reports, and may all be hers."""
    rows: list[dict[str, Any]] = [
        {
            "name_keys": sorted({f.key for f in person_name(name).forms}),
            "part_keys": sorted(k for f in person_name(name).forms for k in part_keys(f)),
            "country": "MX",
        }
        for name in ["Kenia Hernández", "Kenia Inés Hernández Montalván", "Kenia Hernandez M."]
    ]
    add_name_counts(rows, ["omct", "fld", "amnesty"])
    assert [row["name_n"] for row in rows] == [3, 1, 1]
    assert [row["name_sources"] for row in rows] == [3, 1, 1]
    add_name_counts(rows, ["omct", "omct", "omct"])
    assert rows[0]["name_sources"] == 1
