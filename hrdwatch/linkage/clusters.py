"""From scored pairs to people: the name gate, coherent clustering and feature-by-feature reasons.

A pair joins two records only when (1) its capped score clears the threshold, (2) the names agree
at least loosely (a shared arrest date never makes up for a different given name) and (3) nothing
contradicts it (different birth years, genders or Chinese characters). Clusters grow by merging
only when *every* record of one agrees with *every* record of the other in that sense, so a chain
A~B~C never merges A with a C it contradicts. Reviewers' judgements come first: "same" joins
records whatever the model says, "not the same" is never crossed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .inputs import LinkRecord
from .model import ScoredPair
from .names import NameLevel, NameMatch, PersonName, compare_names
from .wording import Words, gettext_noop, words

SAME_COUNTRY = gettext_noop("same country")
DIFFERENT_GENDER = gettext_noop("different gender")

# Match probability (of the capped score) above which a pair is linked. Chosen on the synthetic
# benchmark (``bench/linkage.py --threshold 0.05 0.1 0.2 0.3`` prints the precision/recall curve):
# on 2026-11-23, with the long-tailed generator, pairwise P/R at 10k records were 0.964/0.951 at
# 0.05, 0.980/0.935 at 0.1, 0.991/0.904 at 0.2, 0.994/0.871 at 0.3; at 100k, 0.904/0.921,
# 0.951/0.892, 0.976/0.846, 0.985/0.804. 0.1 has the best F1 at 100k and is within 0.001 of the
# best at 10k, where 0.05 would give up 1.6 points of precision.
DEFAULT_THRESHOLD = 0.1
# Two clusters larger than this product are not compared record by record; they stay apart.
MAX_MERGE_CHECKS = 10_000
# Share of record pairs across two clusters that must themselves be linked for the clusters to
# merge: namesakes with missing fields contradict nobody, but they are not linked to each other.
# A defender arrested three times is three clusters of reports, whose pairs across arrests are
# weaker (different dates): at 0.5 those stayed apart. 0.3, on 2026-11-24 (pairwise F1, against
# 0.5): nine real sets together 0.9717 (0.9518), real set 8 0.9830 (0.9683); synthetic 10k 0.9790
# (0.9760), 100k 0.9494 (0.9503), 1M 0.8681 (0.8716), where namesakes are denser than any register.
MIN_SUPPORT = 0.3


@dataclass
class Person:
    """What the gate needs about a record: its fields and its name forms."""

    record: LinkRecord
    name: PersonName


def contradiction(a: Person, b: Person, bridges: Iterable[Person] = ()) -> Words | None:
    """Why two records cannot be one person, or None.

    ``bridges``: records of the same cluster to be. Two names that differ without conflicting
    (Grace Lam, Lam Mei-ling) are one person's when a record's name vouches for both (Grace Lam
    Mei-ling; see ``_vouches``). The fields are looked at first: they cost nothing, and at a
    million records clustering compares names of about a million pairs."""
    ra, rb = a.record, b.record
    if ra.birth_year and rb.birth_year and abs(ra.birth_year - rb.birth_year) > 1:
        return words(
            gettext_noop("born %(first)s and %(second)s"),
            first=ra.birth_year,
            second=rb.birth_year,
        )
    if ra.gender and rb.gender and ra.gender != rb.gender:
        return words(DIFFERENT_GENDER)
    match = compare_names(a.name, b.name)
    if match.level < NameLevel.LOOSE and not (
        match.level == NameLevel.NONE
        and any(_vouches(z, a, b) for z in bridges if z is not a and z is not b)
    ):
        return match.reason
    return None


def _vouches(z: Person, a: Person, b: Person) -> bool:
    """``z``'s name agrees with ``a``'s and ``b``'s: strongly with both (张建国 is Zhang Jianguo in
    pinyin and Chang Chien-kuo in Wade-Giles), or, if it has more words than either (Grace Lam
    Mei-ling), at least loosely. A shorter name vouches for nothing: Nguyen Hung agrees loosely
    with Nguyen Van Hung and with Nguyen Duc Hung, two people."""
    with_a, with_b = compare_names(z.name, a.name).level, compare_names(z.name, b.name).level
    if min(with_a, with_b) >= NameLevel.STRONG:
        return True
    words_in = max(len(f.tokens) for f in z.name.forms) if z.name.forms else 0
    return (
        min(with_a, with_b) >= NameLevel.LOOSE
        and all(len(f.tokens) <= words_in for p in (a, b) for f in p.name.forms)
        and any(len(f.tokens) < words_in for p in (a, b) for f in p.name.forms)
    )


@dataclass
class Judgements:
    """Reviewers' answers, as record-id pairs."""

    same: list[tuple[str, str]] = field(default_factory=list)
    different: set[frozenset[str]] = field(default_factory=set)


class _Clusters:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))


def cluster(
    people: dict[str, Person],
    pairs: Iterable[ScoredPair],
    threshold: float = DEFAULT_THRESHOLD,
    judgements: Judgements | None = None,
) -> dict[str, str]:
    """record_id -> cluster_id (the smallest record_id of the cluster)."""
    judged = judgements or Judgements()
    clusters = _Clusters(people)
    for left, right in judged.same:
        ra, rb = clusters.find(left), clusters.find(right)
        if ra != rb:
            clusters.union(ra, rb)

    edges = sorted((p for p in pairs if p.probability >= threshold), key=lambda p: -p.weight)
    linked = {frozenset((p.left, p.right)) for p in edges}

    def coherent(ra: str, rb: str) -> bool:
        """No record contradicts any record of the other cluster, and enough of them are linked."""
        ma, mb = clusters.members[ra], clusters.members[rb]
        if len(ma) * len(mb) > MAX_MERGE_CHECKS:
            return False
        support = 0
        bridges = [people[z] for z in (*ma, *mb)]
        for x in ma:
            for y in mb:
                pair = frozenset((x, y))
                if pair in judged.different or contradiction(people[x], people[y], bridges):
                    return False
                support += pair in linked
        return support >= MIN_SUPPORT * len(ma) * len(mb)

    for pair in edges:
        ra, rb = clusters.find(pair.left), clusters.find(pair.right)
        if ra != rb and coherent(ra, rb):
            clusters.union(ra, rb)
    result: dict[str, str] = {}
    for members in clusters.members.values():
        cluster_id = min(members)
        for member in members:
            result[member] = cluster_id
    return result


@dataclass(frozen=True)
class Reason:
    """One feature's part in a match score."""

    field: str
    text: Words
    bits: float


def _days_apart(a: LinkRecord, b: LinkRecord) -> int | None:
    da, db = a.arrest_date.date, b.arrest_date.date
    return abs((da - db).days) if da and db else None


def explain(a: Person, b: Person, pair: ScoredPair) -> list[Reason]:
    """The reasons behind a pair's score, strongest first, in words a reviewer reads."""
    ra, rb = a.record, b.record
    name: NameMatch = compare_names(a.name, b.name)
    texts: dict[str, Words] = {"name": name.reason}
    if ra.country and rb.country:
        texts["country"] = (
            words(SAME_COUNTRY)
            if ra.country == rb.country
            else words(
                gettext_noop("different countries (%(first)s, %(second)s)"),
                first=ra.country,
                second=rb.country,
            )
        )
    if ra.birth_year and rb.birth_year:
        gap = abs(ra.birth_year - rb.birth_year)
        texts["birth_year"] = (
            words(gettext_noop("same birth year"))
            if gap == 0
            else words(gettext_noop("birth years %(years)s apart"), years=gap)
        )
    if ra.gender and rb.gender:
        texts["gender"] = words(
            gettext_noop("same gender") if ra.gender == rb.gender else DIFFERENT_GENDER
        )
    if ra.role and rb.role:
        texts["role"] = words(
            gettext_noop("same role") if ra.role == rb.role else gettext_noop("different roles")
        )
    days = _days_apart(ra, rb)
    if days is not None:
        texts["arrest_date"] = (
            words(gettext_noop("same arrest date"))
            if ra.arrest_date == rb.arrest_date
            else words(gettext_noop("arrest date within %(days)s days"), days=max(days, 1))
            if days <= 10
            else words(gettext_noop("arrest dates %(days)s days apart"), days=days)
        )
    if ra.detention_place and rb.detention_place:
        same = pair.bits.get("place", 0.0) > 0
        texts["place"] = words(
            gettext_noop("same place of detention")
            if same
            else gettext_noop("different places of detention")
        )
    reasons = [Reason(f, t, pair.bits.get(f, 0.0)) for f, t in texts.items()]
    return sorted(reasons, key=lambda r: -abs(r.bits))


def summarise(reasons: list[Reason]) -> str:
    """ "same name in pinyin, same country, arrest date within 10 days": the supporting reasons."""
    # A shared country counts through the name: the name's evidence is how rare it is *in that
    # country* (``model._name_bits_sql``), so the country adds no bits of its own.
    supporting = [
        str(r.text)
        for r in reasons
        if r.bits > 0 or r.field == "name" or r.text.message == SAME_COUNTRY
    ]
    return ", ".join(supporting)
