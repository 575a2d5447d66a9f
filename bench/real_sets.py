"""All the real-report sets of bench/data/ as one set, with the people the sets share joined.

Each set alone is under ``MIN_RECORDS_TO_TRAIN`` records, so it is linked with the model's priors;
together they are over a thousand, and the model is trained on them (EM), as on a network's
database. Record and person ids are prefixed with their set (s1-, s2-, ...); a defender reported in
two sets is one person (``real_defenders_same_people.csv``: checked by hand, one row per pair).

    python bench/real_sets.py --out /tmp/real.csv --gold /tmp/real_gold.csv
    python bench/linkage.py --input /tmp/real.csv --gold /tmp/real_gold.csv
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SETS = ["real_defenders", *(f"real_defenders_{n}" for n in range(2, 13))]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def combined(data: Path = DATA) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The records of every set, and the person of each record (shared people joined)."""
    records: list[dict[str, str]] = []
    gold: dict[str, str] = {}
    for number, name in enumerate(SETS, start=1):
        for row in _read(data / f"{name}.csv"):
            records.append({**row, "record_id": f"s{number}-{row['record_id']}"})
        for row in _read(data / f"{name}_gold.csv"):
            gold[f"s{number}-{row['record_id']}"] = f"s{number}-{row['person_id']}"
    joined: dict[str, str] = {}

    def root(person: str) -> str:
        while person in joined:
            person = joined[person]
        return person

    for row in _read(data / "real_defenders_same_people.csv"):
        left, right = root(row["person_id"]), root(row["same_as"])
        if left != right:
            joined[right] = left
    return records, {record: root(person) for record, person in gold.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="the records, as `hrdwatch link` reads them"
    )
    parser.add_argument("--gold", type=Path, required=True, help="record_id,person_id")
    args = parser.parse_args()
    records, gold = combined()
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    with args.gold.open("w", newline="", encoding="utf-8") as handle:
        gold_writer = csv.writer(handle)
        gold_writer.writerow(["record_id", "person_id"])
        gold_writer.writerows(gold.items())
    print(f"{len(records)} records of {len(set(gold.values()))} people -> {args.out}, {args.gold}")


if __name__ == "__main__":
    main()
