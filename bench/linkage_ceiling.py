"""How well could any linkage do on the synthetic records? A supervised ceiling.

    python bench/linkage_ceiling.py --records 100000 [--seed 1] [--train-seed 2]

Gives a classifier what ``hrdwatch link`` never has: every record's true name, so spellings,
scripts, orders and typos cost nothing, and, to learn from, the gold clusters of another generated
set. It scores every pair of records whose true names are the same (gradient-boosted trees on what
the pair's other fields say, and an Arab name's father where both records show him), clusters each name's records by average linkage at each cut, and
prints pairwise precision, recall and F1 as ``bench/linkage.py`` counts them. What it cannot tell
apart, the fields of the records cannot: namesakes with nothing else to go on.
Needs scikit-learn, which the project itself does not use: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))

import linkage_data  # noqa: E402
from linkage import scores  # noqa: E402

FIELDS = ("country", "birth_year", "gender", "role", "detention_place", "father")


def generate_with_true_names(
    count: int, seed: int
) -> tuple[list[dict[str, str]], dict[str, int], dict[int, str]]:
    """Records, gold persons, and each person's true name (as the generator holds it). Each record
    also gets ``father``: the father's name where the record shows it (an Arab name written with
    it, in Latin letters or in Arabic script), which tells namesakes apart."""
    true_names: dict[int, str] = {}
    fathers: list[str] = []  # one per record, in the order records are made
    render = linkage_data.render_name

    def remembering(rng: Any, person: linkage_data.Person) -> tuple[str, str]:
        true_names[person.pid] = linkage_data.display_key(person)
        latin, script = render(rng, person)
        father = person.name_parts.get("father")
        shown = father and (script or len(latin.split()) > 2)
        fathers.append(str(father[0]) if shown else "")
        return latin, script

    linkage_data.render_name = remembering
    try:
        records, gold = linkage_data.generate(count, seed)
    finally:
        linkage_data.render_name = render
    for record in records:  # record ids are made in order: r0000000 is the first record made
        record["father"] = fathers[int(record["record_id"][1:])]
    return records, gold, true_names


def codes(records: list[dict[str, str]], field: str) -> np.ndarray:
    """Each record's value of a field as a number, 0 when missing."""
    seen: dict[str, int] = {"": 0}
    return np.array([seen.setdefault(r[field], len(seen)) for r in records], dtype=np.int64)


def agreement(values: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """0 when either is missing, 1 when equal, 2 when different."""
    a, b = values[left], values[right]
    return np.where((a == 0) | (b == 0), 0, np.where(a == b, 1, 2))


def date_features(
    records: list[dict[str, str]], left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Level (0 missing, 1 same day, 2 within 10 days, 3 same month, 4 same year, 5 apart) and
    years apart (-1 when missing) of each pair's arrest dates."""
    text = [r["arrest_date"] for r in records]
    year = np.array([int(t[:4]) if t else -1 for t in text])
    month = np.array([int(t[:4]) * 12 + int(t[5:7]) if len(t) >= 7 else -1 for t in text])
    day = np.array([np.datetime64(t).astype(int) if len(t) == 10 else -1 for t in text])
    missing = (year[left] < 0) | (year[right] < 0)
    both_days = (day[left] >= 0) & (day[right] >= 0)
    days = np.abs(day[left] - day[right])
    level = np.select(
        [
            missing,
            both_days & (days == 0),
            both_days & (days <= 10),
            (month[left] >= 0) & (month[left] == month[right]),
            year[left] == year[right],
        ],
        [0, 1, 2, 3, 4],
        5,
    )
    return level, np.where(missing, -1, np.abs(year[left] - year[right]))


def name_groups(
    records: list[dict[str, str]], gold: dict[str, int], true_names: dict[int, str]
) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        groups[true_names[gold[record["record_id"]]]].append(index)
    return [members for members in groups.values() if len(members) > 1]


def pair_features(
    records: list[dict[str, str]], groups: list[list[int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features of every pair within a true name, with the pairs (record indexes) they describe,
    group by group in the order ``scipy``'s condensed distances take."""
    lefts, rights, sizes = [], [], []
    for members in groups:
        i, j = np.triu_indices(len(members), k=1)
        index = np.array(members)
        lefts.append(index[i])
        rights.append(index[j])
        sizes.append(np.full(len(i), len(members)))
    left, right = np.concatenate(lefts), np.concatenate(rights)
    level, years = date_features(records, left, right)
    columns = [np.concatenate(sizes), level, years]
    columns += [agreement(codes(records, f), left, right) for f in FIELDS]
    return np.column_stack(columns).astype(np.int32), left, right


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1, help="the set measured (bench/linkage.py's)")
    parser.add_argument("--train-seed", type=int, default=2, help="the set learned from")
    parser.add_argument("--cuts", type=float, nargs="+", default=[0.3, 0.5, 0.7])
    parser.add_argument(
        "--without",
        nargs="*",
        default=[],
        choices=(*FIELDS, "arrest_date"),
        help="fields the classifier may not use",
    )
    args = parser.parse_args()

    train, train_gold, train_names = generate_with_true_names(args.records, args.train_seed)
    x, left, right = pair_features(train, name_groups(train, train_gold, train_names))
    person = np.array([train_gold[r["record_id"]] for r in train])
    y = person[left] == person[right]
    used = [
        c
        for c, f in enumerate(("size", "arrest_date", "arrest_date", *FIELDS))
        if f not in args.without
    ]
    model = HistGradientBoostingClassifier(
        random_state=0, categorical_features=[c in (1, *range(3, 3 + len(FIELDS))) for c in used]
    )
    model.fit(x[:, used], y)
    print(f"learned from {len(y):,} pairs within true names ({y.sum():,} of one person)")

    test, gold, true_names = generate_with_true_names(args.records, args.seed)
    groups = name_groups(test, gold, true_names)
    x, left, right = pair_features(test, groups)
    probability = model.predict_proba(x[:, used])[:, 1]
    ids = [r["record_id"] for r in test]
    gold_text = {k: str(v) for k, v in gold.items()}
    for cut in args.cuts:
        clusters = {record_id: record_id for record_id in ids}
        start = 0
        for members in groups:
            size = len(members)
            pairs = size * (size - 1) // 2
            distance = 1.0 - probability[start : start + pairs]  # condensed, in triu order
            start += pairs
            labels = fcluster(
                linkage(distance, method="average"), t=1.0 - cut, criterion="distance"
            )
            for index, label in zip(members, labels, strict=True):
                clusters[ids[index]] = f"{members[0]}-{label}"
        result = scores(clusters, gold_text)
        print(
            f"{args.records:>9} records  cut {cut:.2f}  P {result['precision']:.4f}  "
            f"R {result['recall']:.4f}  F1 {result['f1']:.4f}  B3-F1 {result['bcubed_f1']:.4f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
