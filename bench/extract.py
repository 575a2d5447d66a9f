"""Documents per second of an extractor on 3,000-character documents (single process, one core).

    .venv/bin/python bench/extract.py [--extractor rules] [--documents 300]

Documents are generated from invented news paragraphs (varied names, dates, countries) and cut to
3,000 characters. The first document warms the lexicons up and is not timed.
"""

from __future__ import annotations

import argparse
import os
import random
import time

import django

PARAGRAPHS = [
    "A court in {city} on {weekday} sentenced {role} {name} to {years} years in prison on charges of "
    "\"spreading false information\", according to {org}. {surname} had been held since {month} last year.",
    "\"This verdict shows how little space is left for peaceful criticism,\" said {speaker}, a researcher "
    "at {org}, adding that authorities should release {surname} immediately.",
    "Police arrested {role} {name} at {pronoun} home in {city} on {day} {month} {year}. {Pronoun} was "
    "taken to an unknown location and {pronoun} family has not been allowed to visit.",
    "{name}, who has documented land disputes for a decade, was charged with \"inciting public disorder\" "
    "and remains in pre-trial detention. {Pronoun} lawyer {lawyer} told reporters the charges were baseless.",
    "The interior minister, {official}, said the arrests were lawful. Rights groups in {country} say at "
    "least {count} activists have been detained since the start of the year.",
    "Separately, the appeal hearing of {role} {name2} was postponed for the third time, {org} said in a "
    "statement published on its website.",
]
FIRST = ["Amina", "Jorge", "Lan", "Karim", "Lucia", "Oleksandr", "Mei", "Samir", "Ana", "Tomas"]
LAST = ["Wanjiru", "Quispe", "Nguyen Thi", "Benali", "Herrera", "Koval", "Zhang", "Haddad", "Duarte"]
PLACES = [("Nairobi", "Kenya"), ("Lima", "Peru"), ("Hanoi", "Vietnam"), ("Algiers", "Algeria"),
          ("Managua", "Nicaragua"), ("Minsk", "Belarus"), ("Tehran", "Iran"), ("Cairo", "Egypt")]
ROLES = ["journalist", "lawyer", "activist", "blogger", "human rights defender"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def make_document(rng: random.Random, number: int) -> dict[str, str]:
    """One invented document of exactly 3,000 characters."""
    parts: list[str] = []
    while sum(len(p) for p in parts) < 3000:
        city, country = rng.choice(PLACES)
        surname = rng.choice(LAST)
        she = rng.random() < 0.5
        values = {
            "city": city, "country": country, "role": rng.choice(ROLES),
            "name": f"{rng.choice(FIRST)} {surname}", "surname": surname,
            "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "years": rng.randint(2, 12),
            "org": "Rights Monitor", "speaker": f"{rng.choice(FIRST)} Lindqvist",
            "lawyer": f"{rng.choice(FIRST)} Okafor", "official": f"{rng.choice(FIRST)} Petrov",
            "weekday": "Tuesday", "month": rng.choice(MONTHS), "day": rng.randint(1, 28),
            "year": rng.randint(2015, 2023), "count": rng.randint(5, 90),
            "pronoun": "her" if she else "his", "Pronoun": "She" if she else "He",
        }
        parts.append(rng.choice(PARAGRAPHS).format(**values))
    return {"id": f"bench-{number}", "text": "\n\n".join(parts)[:3000], "published": "2024-02-15"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", default="rules")
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
    django.setup()
    from hrdwatch.extraction.extractors import get_extractor
    from hrdwatch.extraction.schema import SourceDocument

    extractor = get_extractor(args.extractor)
    rng = random.Random(6)
    documents = [SourceDocument(**make_document(rng, n)) for n in range(args.documents + 1)]
    extractor.extract(documents[0])
    victims = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for document in documents[1:]:
        victims += len(extractor.extract(document))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    # CPU time is what one core spends; wall time also counts waiting for a busy machine.
    print(
        f"extractor={extractor.name} {extractor.version} documents={args.documents} chars_each=3000 "
        f"wall_seconds={elapsed:.2f} docs_per_second_wall={args.documents / elapsed:.1f} "
        f"cpu_seconds={cpu:.2f} docs_per_cpu_second={args.documents / cpu:.1f} victims={victims}"
    )


if __name__ == "__main__":
    main()
