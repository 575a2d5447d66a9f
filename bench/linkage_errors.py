"""Where ``hrdwatch link`` goes wrong: its false links and missed pairs, counted by cause.

    python bench/linkage_errors.py --records 10000 [--seed 1] [--show 15]
    python bench/linkage_errors.py --input bench/data/real_defenders_2.csv --gold bench/data/real_defenders_2_gold.csv

Generates records (bench/linkage_data.py), or reads them with their gold clusters, links them in this process and sorts every error pair:
a missed pair by why the name gate or the score kept it out, a false link by what the name
comparison said. Prints counts per cause and a few examples of each, with the records side by side.
For tuning the name rules and the model, not for the figures in docs/performance.md (bench/linkage.py).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_data import generate  # noqa: E402

from hrdwatch.linkage.clusters import DEFAULT_THRESHOLD, contradiction  # noqa: E402
from hrdwatch.linkage.inputs import record_from_row  # noqa: E402
from hrdwatch.linkage.names import compare_names  # noqa: E402
from hrdwatch.linkage.pipeline import link_records  # noqa: E402

SHOWN = ("name", "name_original_script", "country", "birth_year", "gender", "arrest_date")


def describe(row: dict[str, str]) -> str:
    return " | ".join(row[k] or "-" for k in SHOWN)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=8, help="examples per cause")
    parser.add_argument("--input", type=Path, help="records to link instead of generated ones")
    parser.add_argument("--gold", type=Path, help="their gold clusters: record_id,person_id")
    args = parser.parse_args()
    if args.input:
        if not args.gold:
            parser.error("--input needs --gold")
        rows = read_rows(args.input)
        gold: dict[str, object] = {r["record_id"]: r["person_id"] for r in read_rows(args.gold)}
    else:
        rows, generated = generate(args.records, args.seed)
        gold = dict(generated)
    by_id = {r["record_id"]: r for r in rows}
    result = link_records([record_from_row(row) for row in rows])
    scored = {frozenset((p.left, p.right)): p for p in result.pairs}

    causes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    people_records: dict[object, list[str]] = defaultdict(list)
    for record_id, person in gold.items():
        people_records[person].append(record_id)
    for ids in people_records.values():
        for a, b in combinations(ids, 2):
            if result.clusters[a] == result.clusters[b]:
                continue
            why = contradiction(result.people[a], result.people[b])
            pair = scored.get(frozenset((a, b)))
            if why:
                cause = f"missed: gate: {why}"
            elif pair is None:
                cause = "missed: not scored (blocking or below the threshold)"
            elif pair.probability < DEFAULT_THRESHOLD:
                cause = "missed: below the threshold"
            else:
                cause = "missed: cluster coherence"
            causes[cause].append((a, b, f"p={pair.probability:.3f}" if pair else ""))
    predicted: dict[str, list[str]] = defaultdict(list)
    for record_id, cluster_id in result.clusters.items():
        predicted[cluster_id].append(record_id)
    for ids in predicted.values():
        for a, b in combinations(ids, 2):
            if gold[a] != gold[b]:
                match = compare_names(result.people[a].name, result.people[b].name)
                pair = scored.get(frozenset((a, b)))
                note = f"p={pair.probability:.3f}" if pair else "not linked directly"
                causes[f"false link: {match.reason}"].append((a, b, note))

    rng = random.Random(0)
    for cause, pairs in sorted(causes.items(), key=lambda item: -len(item[1])):
        print(f"\n{len(pairs):6}  {cause}")
        for a, b, note in rng.sample(pairs, min(args.show, len(pairs))):
            print(f"        {describe(by_id[a])}\n     ~  {describe(by_id[b])}  {note}")
    total = Counter(c.split(":")[0] for c, p in causes.items() for _ in p)
    print(f"\n{dict(total)}")


if __name__ == "__main__":
    main()
