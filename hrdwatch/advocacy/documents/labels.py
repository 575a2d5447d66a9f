"""Document wording in English, French or Spanish (from labels.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("en", "fr", "es")


@cache
def _labels() -> dict[str, dict[str, str]]:
    with (Path(__file__).with_name("labels.yaml")).open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


class Labels:
    """``labels("key", name=...)``: the label in the document's language, formatted."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        entry = _labels()[key]
        return str(entry.get(self.language) or entry["en"]).format(**values)
