"""Install the default vocabularies after migrate; never overwrite what a network has edited."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEFAULTS_FILE = Path(__file__).with_name("default_terms.yaml")


@cache
def default_terms() -> dict[str, dict[str, list[str]]]:
    """The shipped vocabularies: {vocabulary: {code: [en, fr, es, definition?]}}."""
    with DEFAULTS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {
        vocab: {str(code): labels for code, labels in terms.items()}
        for vocab, terms in data.items()
    }


def install_default_terms(**kwargs: Any) -> int:
    """Create the shipped terms that are missing; returns how many were created."""
    from .models import Term

    using = kwargs.get("using", "default")
    existing = set(Term.objects.using(using).values_list("vocabulary", "code"))
    new_terms = []
    for vocabulary, terms in default_terms().items():
        for position, (code, labels) in enumerate(terms.items()):
            if (vocabulary, code) in existing:
                continue
            en, fr, es = labels[0], labels[1], labels[2]
            definition = labels[3] if len(labels) > 3 else ""
            new_terms.append(
                Term(
                    vocabulary=vocabulary,
                    code=code,
                    label_en=en,
                    label_fr=fr,
                    label_es=es,
                    description_en=definition,
                    sort_order=position,
                )
            )
    Term.objects.using(using).bulk_create(new_terms)
    return len(new_terms)
