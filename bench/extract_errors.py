"""What the rule extractor misses and adds on a gold set, document by document (a developer's
view for error analysis; it prints gold names, so its output is never copied into the code).

    .venv/bin/python bench/extract_errors.py ../shared/eval/extraction_dev_v2.jsonl [--split dev]

``--split dev`` keeps the development split (see ``bench/extract.py``): every document of
``extraction_dev.jsonl`` and the odd lines (1st, 3rd, ...) of any other set; ``--split held``
keeps the even lines of the other sets, which are only scored, never read for errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import split_lines  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--split", default="dev", choices=["dev"])
    parser.add_argument("--language", default="")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
    django.setup()
    from hrdwatch.extraction.extractors import get_extractor
    from hrdwatch.extraction.schema import SourceDocument

    sys.path.insert(0, str(args.gold.parent))
    import score_extraction as scorer  # type: ignore[import-not-found]

    extractor = get_extractor("rules")
    for line in split_lines(args.gold, args.split):
        doc = json.loads(line)
        if args.language and doc.get("language") != args.language:
            continue
        fields = {k: doc.get(k) for k in ("id", "text", "published", "language", "title")}
        result = extractor.analyse(SourceDocument(**fields))  # type: ignore[attr-defined]
        predicted = [v.model_dump() for v in result.victims]
        gold = doc["gold"]["victims"]
        print(
            f"== {doc['id']} [{doc.get('language')}] published={doc.get('published')} "
            f"warnings={result.warnings}"
        )
        for victim in gold:
            hit = [p for p in predicted if scorer.same_person(p, scorer.names_of(victim))]
            if not hit:
                print(
                    f"  MISS {victim['name']} events={[(e['type'], e.get('date')) for e in victim['events']]}"
                )
                continue
            got = hit[0]
            g_events = {(e["type"], e.get("date")) for e in victim["events"]}
            p_events = {(e["type"], e.get("date")) for e in got["events"]}
            if victim.get("country") != got.get("country") or g_events != p_events:
                print(
                    f"  DIFF {victim['name']} country {victim.get('country')}/{got.get('country')}"
                    f" gold-only={sorted(g_events - p_events, key=str)} pred-only={sorted(p_events - g_events, key=str)}"
                )
        for p in predicted:
            if not any(scorer.same_person(p, scorer.names_of(v)) for v in gold):
                acceptable = any(
                    scorer.norm_tokens(a) == scorer.norm_tokens(p["name"])
                    for a in doc["gold"].get("acceptable", [])
                )
                print(f"  {'ACC ' if acceptable else 'FP  '} {p['name']} {p.get('aliases')}")


if __name__ == "__main__":
    main()
