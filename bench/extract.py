"""Documents per second of an extractor on 3,000-character documents, per language (one process,
one core), and optionally its accuracy on a gold set.

    .venv/bin/python bench/extract.py [--extractor rules] [--documents 300] [--languages en,fr,...]
    .venv/bin/python bench/extract.py --extractor llm --endpoint http://127.0.0.1:8080/v1 [--model NAME]
    .venv/bin/python bench/extract.py --gold ../shared/eval/extraction_dev_v2.jsonl [--split held]

Documents are generated from invented news paragraphs in each language (varied names, dates,
places) and cut to 3,000 characters. The first document of each language warms the lexicons up
and is not timed. ``--gold`` runs the extractor on a gold set and prints the scorer's figures per
language (``score_extraction.py --by-language``).

Development split (issue #23): rules are developed looking at the errors of ``extraction_dev.jsonl``
and of the odd lines (1st, 3rd, ...) of every other gold set (``--split dev``); the even lines
(``--split held``) are only scored, never read for errors. ``--split all`` (default) scores the set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_texts import LANGUAGES, make_document  # noqa: E402


def _speed(extractor: object, language: str, count: int) -> tuple[float, float, int]:
    from hrdwatch.extraction.schema import SourceDocument

    rng = random.Random(6)
    documents = [SourceDocument(**make_document(rng, language, n)) for n in range(count + 1)]
    extractor.extract(documents[0])  # type: ignore[attr-defined]
    victims = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for document in documents[1:]:
        victims += len(extractor.extract(document))  # type: ignore[attr-defined]
    return time.perf_counter() - started, time.process_time() - cpu_started, victims


def run_speed(extractor: object, languages: list[str], count: int) -> None:
    total_wall = total_cpu = 0.0
    name = f"{extractor.name} {extractor.version}"  # type: ignore[attr-defined]
    for language in languages:
        wall, cpu, victims = _speed(extractor, language, count)
        total_wall, total_cpu = total_wall + wall, total_cpu + cpu
        print(
            f"extractor={name} language={language} documents={count} chars_each=3000 "
            f"docs_per_second_wall={count / wall:.1f} docs_per_cpu_second={count / max(cpu, 1e-9):.1f} "
            f"victims={victims}"
        )
    all_docs = count * len(languages)
    # CPU time is what one core spends; wall time also counts waiting for a busy machine.
    print(
        f"extractor={name} language=all documents={all_docs} wall_seconds={total_wall:.2f} "
        f"docs_per_second_wall={all_docs / total_wall:.1f} cpu_seconds={total_cpu:.2f} "
        f"docs_per_cpu_second={all_docs / max(total_cpu, 1e-9):.1f} load_average={os.getloadavg()[0]:.2f}"
    )


def split_lines(gold: Path, split: str) -> list[str]:
    """The documents of one split of a gold set (see the module docstring)."""
    lines = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split == "all" or gold.name == "extraction_dev.jsonl":
        return lines if split != "held" else []
    return [line for n, line in enumerate(lines) if n % 2 == (0 if split == "dev" else 1)]


def run_gold(extractor_name: str, gold: Path, split: str = "all") -> None:
    """Extract a gold set with the CLI and print the scorer's figures per language."""
    scorer = gold.parent / "score_extraction.py"
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "predictions.jsonl"
        subset = Path(directory) / gold.name
        subset.write_text("\n".join(split_lines(gold, split)) + "\n", encoding="utf-8")
        gold = subset
        from django.core.management import call_command

        call_command(
            "extract", "--input", str(gold), "--output", str(output), "--extractor", extractor_name
        )
        result = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(output), "--by-language"],
            capture_output=True,
            text=True,
            check=True,
        )
        print(result.stdout, end="")
        warnings = [
            json.loads(line).get("warnings", []) for line in output.read_text().splitlines()
        ]
        print(f"documents with warnings: {sum(1 for w in warnings if w)} of {len(warnings)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--extractor", default="rules")
    parser.add_argument("--documents", type=int, default=100, help="Documents per language.")
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="Comma-separated codes.")
    parser.add_argument("--endpoint", help="OpenAI-compatible base URL for --extractor llm (…/v1).")
    parser.add_argument("--model", default="", help="Model name for --extractor llm.")
    parser.add_argument("--gold", type=Path, help="A gold set to score instead of timing.")
    parser.add_argument("--split", default="all", choices=["all", "dev", "held"])
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
    if args.endpoint:
        os.environ["HRDWATCH_LLM_URL"] = args.endpoint
        os.environ["HRDWATCH_LLM_MODEL"] = args.model
    django.setup()
    from django.conf import settings

    from hrdwatch.extraction.extractors import get_extractor

    if args.endpoint:
        settings.HRDWATCH_LLM_URL, settings.HRDWATCH_LLM_MODEL = args.endpoint, args.model
    if args.gold:
        run_gold(args.extractor, args.gold, args.split)
        return
    try:
        run_speed(get_extractor(args.extractor), args.languages.split(","), args.documents)
    except Exception as exc:  # noqa: BLE001 - say why, e.g. an endpoint that does not answer
        raise SystemExit(f"{args.extractor} extractor failed: {type(exc).__name__}: {exc}") from exc


if __name__ == "__main__":
    main()
