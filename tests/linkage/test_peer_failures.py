"""Hand-made cases for each failure of the peers the issue lists, both ways round.

Names alone (``compare_names``) and whole records (``link_records``: the Splink model, the name gate
and coherent clustering) are both checked, because several failures (co-defendants, swapped
syllables) are decided by the other fields, not by the name.
"""

from __future__ import annotations

import math

import pytest

from hrdwatch.core.dates import PartialDate
from hrdwatch.linkage.aliases import AliasTable
from hrdwatch.linkage.inputs import LinkRecord
from hrdwatch.linkage.model import PRIORS
from hrdwatch.linkage.names import NameLevel, compare_names, person_name
from hrdwatch.linkage.pipeline import link_records


def level(a: str, b: str) -> NameLevel:
    return compare_names(person_name(a), person_name(b)).level


# Traditional characters, simplified characters, pinyin and the Cantonese surname of one man.
JOSHUA_WONG = ["黃之鋒", "黄之锋", "Huang Zhifeng", "Zhifeng Huang", "Wong Zhifeng"]


@pytest.mark.parametrize("b", JOSHUA_WONG[1:])
def test_traditional_characters_match_simplified_and_pinyin(b: str) -> None:
    assert level("黃之鋒", b) == NameLevel.EXACT


def test_cantonese_and_mandarin_romanisations_of_one_surname_agree() -> None:
    assert level("Wong Zhifeng", "Huang Zhifeng") == NameLevel.EXACT
    assert level("Chan Minghui", "陈明辉") == NameLevel.EXACT
    assert level("Huang Zhifeng", "Wang Zhifeng") < NameLevel.LOOSE  # Mandarin keeps them apart


def test_an_english_name_needs_the_alias_table() -> None:
    table = AliasTable()
    table.add_group("reviewer", ["Joshua Wong", "黃之鋒"])
    assert level("Joshua Wong", "黃之鋒") < NameLevel.LOOSE
    assert (
        compare_names(table.person_name("Joshua Wong"), table.person_name("黄之锋")).level
        == NameLevel.EXACT
    )


BIALIATSKI = [
    "Алесь Бяляцкі",
    "Ales Bialiatski",
    "Ales Byalyatski",
    "Алесь Беляцкий",
    "Ales Belyatsky",
    "Byalyatski Ales",
]


@pytest.mark.parametrize("b", BIALIATSKI[1:])
def test_belarusian_name_in_russian_script_and_loose_romanisations_pass_the_gate(b: str) -> None:
    assert level("Алесь Бяляцкі", b) >= NameLevel.LOOSE


def test_a_loose_romanisation_does_not_reach_another_belarusian() -> None:
    assert level("Ales Bialiatski", "Ales Bialevich") < NameLevel.LOOSE
    assert level("Алесь Бяляцкі", "Алесь Бяляўскі") < NameLevel.LOOSE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alaa Abd El-Fattah", "علاء عبد الفتاح"),
        ("Alaa Abdel Fattah", "Alaa Abd al-Fattah"),
        ("Ilham Tohti", "伊力哈木·土赫提"),
        ("Ilham Toxti", "Ilham Tohti"),
        ("Fatima Hamdan", "فاطمة حمدان"),
    ],
)
def test_loose_transliterations_and_arabic_script_pass_the_gate(a: str, b: str) -> None:
    assert level(a, b) >= NameLevel.LOOSE


def test_a_pen_name_is_joined_only_through_the_alias_table() -> None:
    """Wu Gan blogs as 屠夫 ("the Butcher"): no transliteration connects the two."""
    table = AliasTable()
    table.add_group("pen-name", ["Wu Gan", "吴淦", "屠夫", "Tufu"])
    assert level("Wu Gan", "屠夫") < NameLevel.LOOSE
    assert (
        compare_names(table.person_name("Wu Gan"), table.person_name("屠夫")).level
        == NameLevel.EXACT
    )
    assert (
        compare_names(table.person_name("Tufu"), table.person_name("吳淦")).level == NameLevel.EXACT
    )


def record(
    record_id: str,
    name: str,
    original: str = "",
    born: int | None = None,
    arrested: str = "",
    gender: str = "",
    place: str = "",
    country: str = "CN",
) -> LinkRecord:
    return LinkRecord(
        record_id=record_id,
        name=name,
        name_original_script=original,
        country=country,
        birth_year=born,
        gender=gender,
        arrest_date=PartialDate.parse(arrested),
        detention_place=place,
    )


def clusters(*records: LinkRecord) -> list[set[str]]:
    result = link_records(records).clusters
    groups: dict[str, set[str]] = {}
    for record_id, cluster_id in result.items():
        groups.setdefault(cluster_id, set()).add(record_id)
    return sorted(groups.values(), key=min)


def test_swapped_syllables_in_characters_are_two_people_even_when_arrested_together() -> None:
    """李伟 (Li Wei) and 魏丽 (Wei Li): the Latin spellings are the same letters, the characters differ."""
    assert clusters(
        record("a", "Li Wei", "李伟", 1980, "2019-03-01", place="Jinan No. 1"),
        record("b", "Wei Li", "魏丽", 1980, "2019-03-01", place="Jinan No. 1"),
    ) == [{"a"}, {"b"}]


def test_swapped_latin_order_is_one_person_when_the_other_fields_agree() -> None:
    """Without characters, "Li Wei" and "Wei Li" are one name in two orders: the fields decide."""
    assert clusters(
        record("a", "Li Wei", born=1980, arrested="2019-03-01", gender="m"),
        record("b", "Wei Li", born=1980, arrested="2019-03-01", gender="m"),
    ) == [{"a", "b"}]


def test_swapped_latin_order_stays_apart_when_the_other_fields_differ() -> None:
    assert clusters(
        record("a", "Li Wei", born=1980, arrested="2019-03-01", gender="m"),
        record("b", "Wei Li", born=1962, arrested="2011-07-20", gender="f"),
    ) == [{"a"}, {"b"}]


def test_people_arrested_together_stay_apart_unless_their_names_match() -> None:
    """A crackdown: one date, country and place; a sister, a brother, a co-defendant namesake by surname."""
    day, place = "2015-07-09", "Beijing No. 3 Detention Centre"
    assert clusters(
        record("wq1", "Wang Quanzhang", "王全璋", 1976, day, "m", place),
        record("wq2", "Quanzhang Wang", arrested=day, place=place),
        record("wy", "Wang Yu", "王宇", 1971, day, "f", place),
        record("wqx", "Wang Quanxiu", "王全秀", arrested=day, place=place),
        record("ly", "Li Yuhan", "李宇函", arrested=day, place=place),
    ) == [{"ly"}, {"wq1", "wq2"}, {"wqx"}, {"wy"}]


def test_father_and_son_of_one_name_stay_apart() -> None:
    assert clusters(
        record("father", "Nguyen Van Dai", born=1952, arrested="2017-12-16", country="VN"),
        record("son", "Nguyễn Văn Đài", born=1983, arrested="2017-12-16", country="VN"),
        record("again", "Dai Van Nguyen", born=1983, arrested="2017-12", country="VN"),
    ) == [{"again", "son"}, {"father"}]


def test_a_hong_kong_defender_in_characters_and_in_cantonese_spelling_is_one_person() -> None:
    """The peers knew Wong for 黃 at most; a Hong Kong report spells the whole name in Cantonese."""
    assert clusters(
        record("latin", "Chow Hang-tung", born=1985, arrested="2021-09-08", country="HK"),
        record("hanzi", "", "鄒幸彤", born=1985, arrested="2021-09-08", country="HK"),
        record("sister", "", "鄒幸怡", arrested="2021-09-08", country="HK"),
    ) == [{"hanzi", "latin"}, {"sister"}]


def test_spellings_only_the_name_rules_know_are_scored_as_agreeing_names() -> None:
    """A Russian-script spelling with a typo against a Belarusian romanisation shares no key the
    model compares; the name rules see one name, and the model scores the pair that way."""
    pair = [
        record("be", "Pjatrenka Dzmitryi", "Дзмітрый Пятренка", 1986, "2016-03-23", country="BY"),
        record("ru", "Dmitij Petrenko", born=1986, arrested="2016-03-23", gender="m", country="BY"),
    ]
    result = link_records(pair)
    assert result.clusters["be"] == result.clusters["ru"]
    (scored,) = result.pairs
    names_differ = math.log2(
        PRIORS["name"][0][-1] / PRIORS["name"][1][-1]
    )  # the model's last level
    assert scored.bits["name"] > names_differ + 3
