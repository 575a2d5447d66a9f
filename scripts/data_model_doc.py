"""Rewrite the field reference of docs/data-model.md from the models' own help_text.

Run `.venv/bin/python scripts/data_model_doc.py` after changing a model: the prose above the
"## Field reference" heading is kept, the reference below it is regenerated.
tests/test_docs.py fails when a model or field is missing from the document.
"""

from __future__ import annotations

import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
django.setup()

import sys  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.test_docs import documented_models  # noqa: E402

MARKER = "## Field reference"


def reference() -> list[str]:
    lines: list[str] = []
    print = lines.append  # noqa: A001
    for model in documented_models():
        print(f"### {model.__name__}\n")
        print(f"{(model.__doc__ or '').strip()}\n")
        print(f"App `{model._meta.app_label}`.\n")
        print("| field | type | meaning |")
        print("| --- | --- | --- |")
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.auto_created:
                continue
            kind = field.get_internal_type()
            if field.is_relation and field.related_model is not None:
                kind = f"{kind} → {field.related_model.__name__}"
            print(f"| `{field.name}` | {kind} | {field.help_text} |")
        print("")
    return lines


def main() -> None:
    path = ROOT / "docs" / "data-model.md"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(MARKER)
    intro = rest.split("\n### ", 1)[0]
    path.write_text(
        head + MARKER + intro.rstrip() + "\n\n" + "\n".join(reference()), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
