"""Accuracy, time and peak memory of ``hrdwatch link`` on synthetic records with gold clusters.

    python bench/linkage.py --records 10000 100000 [--backend duckdb] [--threshold 0.05 0.1 0.3]
    python bench/linkage.py --input bench/data/real_defenders.csv --gold bench/data/real_defenders_gold.csv

For each size it generates records (bench/linkage_data.py), runs the real command in a child
process (so the figures include start-up, reading, writing and the DuckDB/Spark engine) and prints
pairwise precision/recall/F1, B-cubed F1, wall time and the child's peak resident memory; with
several thresholds, one line each (the precision/recall curve the default threshold is chosen on).
``--input`` scores a file of records with its own gold clusters instead: bench/data/ holds 101
published reports of 44 well-known defenders, with their hard negatives (brothers, sisters, a
father and his daughters, co-defendants arrested the same day, two Ahmed Mansours), and
real_defenders_2.csv, 234 reports of 87 other defenders from 25 countries,
real_defenders_3.csv, 106 reports of 44 more, and real_defenders_4.csv to _12.csv, 137 to 171
reports of 60 to 72 more each (tests/linkage/test_real_defenders.py says how each was written;
bench/real_sets.py joins them all into one set).
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_data import generate, write  # noqa: E402

HRDWATCH = Path(sys.executable).with_name("hrdwatch")


def pairs_in(counts: Mapping[Any, int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 and B-cubed F1, from cluster-size counts (no pair lists)."""
    both = Counter((predicted[r], gold[r]) for r in gold)
    pred_sizes = Counter(predicted[r] for r in gold)
    gold_sizes = Counter(gold.values())
    true_pairs = pairs_in(both)
    p_pairs, g_pairs = pairs_in(pred_sizes), pairs_in(gold_sizes)
    precision = true_pairs / p_pairs if p_pairs else 1.0
    recall = true_pairs / g_pairs if g_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    b_precision = sum(n * n / pred_sizes[p] for (p, _), n in both.items()) / len(gold)
    b_recall = sum(n * n / gold_sizes[g] for (_, g), n in both.items()) / len(gold)
    b_f1 = 2 * b_precision * b_recall / (b_precision + b_recall)
    return {"precision": precision, "recall": recall, "f1": f1, "bcubed_f1": b_f1}


def read_column(path: Path, key: str, value: str) -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row[key]: row[value] for row in csv.DictReader(handle)}


def run(size: int, backend: str, threshold: float | None, seed: int, workdir: Path) -> None:
    records_csv, gold_csv = workdir / f"r{size}.csv", workdir / f"g{size}.csv"
    records, gold = generate(size, seed)
    write(records, gold, records_csv, gold_csv)
    del records
    link_and_score(f"{size:>9} records", records_csv, gold_csv, backend, threshold, workdir)


def link_and_score(
    label: str,
    records_csv: Path,
    gold_csv: Path,
    backend: str,
    threshold: float | None,
    workdir: Path,
) -> None:
    out_csv = workdir / f"out-{records_csv.stem}.csv"
    command = [
        str(HRDWATCH),
        "link",
        "--input",
        str(records_csv),
        "--output",
        str(out_csv),
        "--backend",
        backend,
    ]
    if threshold is not None:
        command += ["--threshold", str(threshold)]
    started = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = scores(
        read_column(out_csv, "record_id", "cluster_id"),
        read_column(gold_csv, "record_id", "person_id"),
    )
    print(
        f"{label}  {backend:6}  threshold {threshold or 'default':7}  P {result['precision']:.4f}  R {result['recall']:.4f}  "
        f"F1 {result['f1']:.4f}  B3-F1 {result['bcubed_f1']:.4f}  time {seconds:7.1f} s  "
        f"peak RSS {peak_mb:7.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, nargs="+", default=[10_000])
    parser.add_argument("--backend", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument(
        "--threshold", type=float, nargs="*", default=[None], help="default: the command's own"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--input",
        type=Path,
        help="score these records instead of generated ones (needs --gold: record_id,person_id)",
    )
    parser.add_argument("--gold", type=Path)
    args = parser.parse_args()
    if args.input and not args.gold:
        parser.error("--input needs --gold")
    with tempfile.TemporaryDirectory() as tmp:
        if args.input:
            for threshold in args.threshold:
                label = f"{args.input.name}"
                link_and_score(label, args.input, args.gold, args.backend, threshold, Path(tmp))
            return
        for size in args.records:
            for threshold in args.threshold:
                run(size, args.backend, threshold, args.seed, Path(tmp))


if __name__ == "__main__":
    main()
